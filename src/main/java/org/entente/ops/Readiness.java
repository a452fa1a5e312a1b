package org.entente.ops;

import java.util.function.Supplier;

/**
 * Whether the seed data (ontology/ and data/) is in the store yet: the server may start listening while
 * it loads, and says "starting" on {@code /$/health} until then.
 * <pre>
 *   Readiness r = Readiness.seeding();
 *   server.start();  SeedLib.sync(...);  r.seedLoaded();
 * </pre>
 */
public final class Readiness {

    /** The seed's state, as {@code /$/health} names it. */
    public enum Seed {
        LOADING("loading"), LOADED("loaded"), NONE("none"), FAILED("failed");

        final String label;

        Seed(String label) {
            this.label = label;
        }
    }

    private volatile Seed seed;
    private volatile Supplier<String> replication;

    private Readiness(Seed seed) {
        this.seed = seed;
    }

    /** The seed is being loaded: not ready yet. */
    public static Readiness seeding() {
        return new Readiness(Seed.LOADING);
    }

    /** The store is served as it is (seeded before, or with no seed to load): ready. */
    public static Readiness noSeed() {
        return new Readiness(Seed.NONE);
    }

    public void seedLoaded() {
        seed = Seed.LOADED;
    }

    public void seedFailed() {
        seed = Seed.FAILED;
    }

    public Seed seed() {
        return seed;
    }

    /**
     * Makes readiness also depend on replication: the supplier answers {@code ready}, or one word saying why
     * not ({@code catching-up}, {@code lag-unknown}, {@code starting}), cheaply, on every health check.
     */
    public Readiness replication(Supplier<String> state) {
        this.replication = state;
        return this;
    }

    /** The replication's word, or null when the server does not replicate. */
    public String replication() {
        Supplier<String> r = replication;
        return r == null ? null : r.get();
    }
}
