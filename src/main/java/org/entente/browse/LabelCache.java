package org.entente.browse;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.graph.Node;

/**
 * Labels read from the store, kept for the pages that follow (the same states, people, events and
 * concepts come up on page after page), and all dropped whenever the server writes. A reader takes a
 * {@link Snapshot} before its read transaction begins; what it read is kept only if no write has
 * happened since, so a label from before a write is never kept after it.
 */
final class LabelCache {
    private final Cache<Node, Map<String, String>> cache;
    private final AtomicLong generation = new AtomicLong();

    LabelCache(int size) {
        this.cache = CacheFactory.createCache(size);
    }

    /** Drops everything: the store has changed. */
    synchronized void invalidate() {
        generation.incrementAndGet();
        cache.clear();
    }

    /** Take before the read transaction begins. */
    Snapshot begin() {
        return new Snapshot(generation.get());
    }

    /** A reader's view: cached labels, and a place to keep what it reads. */
    final class Snapshot {
        private final long seen;

        private Snapshot(long seen) {
            this.seen = seen;
        }

        /** The labels of a resource by language, or null when not cached. */
        Map<String, String> get(Node n) {
            return cache.getIfPresent(n);
        }

        /** Keeps labels read in this reader's transaction, unless the store was written since it began. */
        void put(Node n, Map<String, String> byLanguage) {
            synchronized (LabelCache.this) {
                if (generation.get() == seen)
                    cache.put(n, Map.copyOf(byLanguage));
            }
        }
    }
}
