package org.entente.ops;

/**
 * What {@code /$/health} answers: ready when the store opens a read transaction, the seed is loaded (or
 * there is none) and the store's disk has at least the floor free.
 */
record Health(String status, String store, String seed, Long diskFreeBytes, long minFreeDiskBytes) {

    static final String READY = "ready";
    static final String STARTING = "starting";
    static final String UNHEALTHY = "unhealthy";

    static Health of(boolean storeOpen, Readiness.Seed seed, Long diskFree, long minFree) {
        boolean diskOk = diskFree == null || diskFree >= minFree;
        String status;
        if (!storeOpen || !diskOk || seed == Readiness.Seed.FAILED)
            status = UNHEALTHY;
        else if (seed == Readiness.Seed.LOADING)
            status = STARTING;
        else
            status = READY;
        return new Health(status, storeOpen ? "open" : "unavailable", seed.label, diskFree, minFree);
    }

    boolean ready() {
        return READY.equals(status);
    }

    /** The answer as compact JSON; every string is one of a few fixed words, so none needs escaping. */
    String toJson() {
        return String.format("{\"status\":\"%s\",\"store\":\"%s\",\"seed\":\"%s\",\"diskFreeBytes\":%s,\"minFreeDiskBytes\":%d}",
                             status, store, seed, diskFreeBytes == null ? "null" : diskFreeBytes.toString(), minFreeDiskBytes);
    }
}
