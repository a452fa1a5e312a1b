package org.entente.cluster;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** haproxy for the cluster tests: Debian's, installed by {@code .ci/run}; without it the tests are skipped, except on CI. */
final class HaproxyLib {
    private HaproxyLib() {}

    static Path haproxyOrSkip() {
        var found = Balancer.haproxy();
        if (found.isPresent())
            return found.get();
        String why = "haproxy is not installed (apt-get install haproxy; .ci/run installs it when it can)";
        if ("true".equals(System.getenv("CI")))
            throw new AssertionError(why);
        Assumptions.abort(why);
        return null;
    }
}
