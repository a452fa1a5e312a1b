package org.entente.load;

/**
 * Seed data made by code rather than kept as a file (the world's territories, read from a library):
 * loaded by {@link SeedLib#sync} through the same loader and catalog as the files of {@code data/}, and
 * loaded again only when its content changes (a new library version).
 */
public interface GeneratedSeed {

    /** The catalog key, {@code generated/NAME.nq}. */
    String key();

    /**
     * A digest of everything the data is generated from (library versions, the generator's own code):
     * when the catalog holds the same, the seed is up to date and is not generated at all.
     */
    String fingerprint();

    /**
     * The data as N-Quads, each quad's graph the source it comes from. The same bytes every time for
     * the same inputs (lines sorted), so that its hash says whether it changed.
     */
    byte[] nquads();
}
