package org.entente.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Hits and misses of the process's caches of derived views, by cache name ("labels", "void"...), for
 * the metrics. A miss is a computation: the first request after a write, or an entry not kept yet.
 */
public final class CacheStats {
    private CacheStats() {}

    /** The counts of one cache. */
    public static final class Counts {
        private final LongAdder hits = new LongAdder();
        private final LongAdder misses = new LongAdder();
        private volatile LongSupplier bytes;

        public void hit() {
            hits.increment();
        }

        public void miss() {
            misses.increment();
        }

        public long hits() {
            return hits.sum();
        }

        public long misses() {
            return misses.sum();
        }

        /** Says how to tell the bytes the cache holds (for a cache bounded by size). */
        public void weighedBy(LongSupplier bytes) {
            this.bytes = bytes;
        }

        /** The bytes the cache holds, or -1 when it does not say. */
        public long bytes() {
            LongSupplier b = bytes;
            return b == null ? -1 : b.getAsLong();
        }
    }

    private static final Map<String, Counts> BY_NAME = new ConcurrentHashMap<>();

    /** The counts of the cache of that name, the same object for every caller. */
    public static Counts named(String name) {
        return BY_NAME.computeIfAbsent(name, n -> new Counts());
    }

    /** Every cache counted so far, by name. */
    public static Map<String, Counts> all() {
        return new TreeMap<>(BY_NAME);
    }
}
