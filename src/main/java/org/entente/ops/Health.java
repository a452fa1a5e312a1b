package org.entente.ops;

/**
 * What {@code /$/health} answers: ready when the store opens a read transaction, the seed is loaded (or
 * there is none) and the store's disk has at least the floor free.
 */
record Health(String status, String store, String seed, Long diskFreeBytes, long minFreeDiskBytes, String replication) {

    static final String READY = "ready";
    static final String STARTING = "starting";
    static final String UNHEALTHY = "unhealthy";

    static Health of(boolean storeOpen, Readiness.Seed seed, Long diskFree, long minFree) {
        return of(storeOpen, seed, diskFree, minFree, null);
    }

    /** With replication: a replica behind the log by more than it may be (or unable to tell) is not ready. */
    static Health of(boolean storeOpen, Readiness.Seed seed, Long diskFree, long minFree, String replication) {
        boolean diskOk = diskFree == null || diskFree >= minFree;
        String status;
        if (!storeOpen || !diskOk || seed == Readiness.Seed.FAILED)
            status = UNHEALTHY;
        else if (seed == Readiness.Seed.LOADING)
            status = STARTING;
        else if (replication != null && !READY.equals(replication))
            status = replication;
        else
            status = READY;
        return new Health(status, storeOpen ? "open" : "unavailable", seed.label, diskFree, minFree, replication);
    }

    boolean ready() {
        return READY.equals(status);
    }

    /** The answer as compact JSON; every string is one of a few fixed words, so none needs escaping. */
    String toJson() {
        return String.format("{\"status\":\"%s\",\"store\":\"%s\",\"seed\":\"%s\",\"diskFreeBytes\":%s,\"minFreeDiskBytes\":%d%s}",
                             status, store, seed, diskFreeBytes == null ? "null" : diskFreeBytes.toString(), minFreeDiskBytes,
                             replication == null ? "" : ",\"replication\":\"" + replication + "\"");
    }
}
