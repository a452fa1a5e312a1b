package org.entente.bench;

/**
 * A forwarder to {@link org.entente.generate.Generator}, which moved out of this package, for
 * {@code org.entente.load.GatePathsTest}, which still imports it from here. Delete this class when
 * that test imports {@code org.entente.generate.Generator}.
 */
public final class Generator {
    private Generator() {}

    public static org.entente.generate.Generator.Builder create() {
        return org.entente.generate.Generator.create();
    }
}
