package org.entente.ops;

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
}
