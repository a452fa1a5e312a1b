package org.entente.browse;

import java.util.Map;

import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.graph.Node;
import org.entente.store.CacheStats;
import org.entente.store.StoreGeneration;

/**
 * Labels read from the store, kept for the pages that follow (the same states, people, events and
 * concepts come up on page after page), and all dropped when the store's generation moves on. A reader
 * takes a {@link Snapshot} before its read transaction begins; what it read is kept only if no write has
 * committed since, so a label from before a write is never kept after it.
 */
final class LabelCache {
    private final Cache<Node, Map<String, String>> cache;
    private final StoreGeneration generation;
    private final CacheStats.Counts counts = CacheStats.named("labels");
    /** The generation the cached labels belong to. */
    private long cached = -1;

    LabelCache(int size, StoreGeneration generation) {
        this.cache = CacheFactory.createCache(size);
        this.generation = generation;
    }

    /** Take before the read transaction begins. */
    synchronized Snapshot begin() {
        long now = generation.current();
        if (now != cached) {
            cache.clear();
            cached = now;
        }
        return new Snapshot(now);
    }

    /** A reader's view: cached labels, and a place to keep what it reads. */
    final class Snapshot {
        private final long seen;

        private Snapshot(long seen) {
            this.seen = seen;
        }

        /** The labels of a resource by language, or null when not cached. */
        Map<String, String> get(Node n) {
            Map<String, String> labels = cache.getIfPresent(n);
            if (labels == null)
                counts.miss();
            else
                counts.hit();
            return labels;
        }

        /** Keeps labels read in this reader's transaction, unless the store was written since it began. */
        void put(Node n, Map<String, String> byLanguage) {
            synchronized (LabelCache.this) {
                if (cached == seen && generation.current() == seen)
                    cache.put(n, Map.copyOf(byLanguage));
            }
        }
    }
}
