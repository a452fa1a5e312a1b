package org.entente.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

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
