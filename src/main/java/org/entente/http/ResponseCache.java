package org.entente.http;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.entente.store.CacheStats;
import org.entente.store.StoreGeneration;
import org.entente.sys.EntenteException;

/**
 * Whole answers (status 200, headers and body) of safe, anonymous requests, kept per store
 * {@link StoreGeneration}, so that a repeated request for a page or a named query is answered with the
 * bytes the servlet produced the first time, without running it again. An entry's key is the
 * generation, the path, the query string with its parameters in a canonical order, and the variant the
 * servlet would negotiate (its media type, its language): exactly what the answer depends on. A write
 * moves the generation, so no entry of before it is ever served again; they are dropped at once.
 * <pre>
 *   ResponseCache cache = ResponseCache.create().generation(StoreGeneration.of(dsg)).maxBytes(32 &lt;&lt; 20).build();
 *   builder.addFilter("/page/*", cache.filter(req -&gt; Optional.of(languageOf(req))));
 * </pre>
 * The cache is bounded by the bytes it holds (bodies, headers and keys); an answer larger than
 * {@link #maxEntryBytes()} is sent but not kept. A cache of 0 bytes is off: its filter does nothing.
 */
public final class ResponseCache {

    /** The name of the cache in {@link CacheStats} and so in {@code /$/metrics}. */
    public static final String NAME = "responses";
    /** The header that says whether an answer came from the cache ({@code hit}) or was made for this request ({@code miss}). */
    public static final String HEADER = "X-Cache";
    /** Default size: enough for thousands of pages and named-query answers. */
    public static final long DEFAULT_MAX_BYTES = 32L << 20;
    /** Default largest entry: bigger answers (a long listing, a large RDF document) are streamed every time. */
    public static final long DEFAULT_MAX_ENTRY_BYTES = 1L << 20;
    /** What an entry costs besides its bytes: the key's and the entry's objects. */
    private static final int OVERHEAD = 256;

    /**
     * The variant of a request a servlet would answer with (a media type, a language list...), as a
     * string; empty when the request is not one to cache (it is answered as if there were no cache).
     */
    @FunctionalInterface
    public interface Variant {
        Optional<String> of(HttpServletRequest request);
    }

    /** What an answer is kept under. */
    record Key(long generation, String path, String query, String variant) {
        int weight() {
            return 2 * (path.length() + query.length() + variant.length());
        }
    }

    /** One header of a kept answer, in the order the servlet set it. */
    record Header(String name, String value) {}

    /** A kept answer: always status 200. */
    record Entry(String contentType, List<Header> headers, byte[] body) {
        int weight() {
            int w = body.length + (contentType == null ? 0 : 2 * contentType.length());
            for (Header h : headers)
                w += 2 * (h.name().length() + h.value().length());
            return w;
        }
    }

    private final StoreGeneration generation;
    private final long maxBytes;
    private final long maxEntryBytes;
    private final Cache<Key, Entry> entries;
    private final CacheStats.Counts counts;
    private final AtomicLong seen = new AtomicLong(-1);

    private ResponseCache(Builder b) {
        this.generation = b.generation;
        this.maxBytes = b.maxBytes;
        this.maxEntryBytes = Math.min(b.maxEntryBytes, b.maxBytes);
        this.entries = b.maxBytes == 0 ? null
            : Caffeine.newBuilder().maximumWeight(b.maxBytes)
                      .weigher((Key k, Entry e) -> OVERHEAD + k.weight() + e.weight())
                      .build();
        this.counts = CacheStats.named(NAME);
        if (entries != null)
            counts.weighedBy(this::bytes);
    }

    public static Builder create() {
        return new Builder();
    }

    /** Whether answers are kept at all (a cache of 0 bytes is off). */
    public boolean enabled() {
        return entries != null;
    }

    /** The most bytes kept in all. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The largest answer kept, in bytes. */
    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    /** The bytes held now (an estimate: bodies and headers, plus a fixed cost per entry). */
    public long bytes() {
        if (entries == null)
            return 0;
        return entries.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    /** The answers held now. */
    public long size() {
        return entries == null ? 0 : entries.estimatedSize();
    }

    /**
     * A filter that answers from this cache what it holds and keeps what it does not, for requests
     * whose variant is known; put it after the filters that set headers of their own (security
     * headers, CORS, conditional GET), just before the servlet.
     */
    public Filter filter(Variant variant) {
        return new ResponseCacheFilter(this, variant);
    }

    /** The store's generation now; answers made from here on are kept under it. */
    long generation() {
        long g = generation.current();
        // Every entry of an older generation is dead: drop them all at once rather than let them age out.
        long before = seen.getAndSet(g);
        if (before != g && before != -1)
            entries.invalidateAll();
        return g;
    }

    Entry lookup(Key key) {
        Entry e = entries.getIfPresent(key);
        if (e != null)
            counts.hit();
        else
            counts.miss();
        return e;
    }

    void keep(Key key, Entry entry) {
        // An answer made while a write committed belongs to no generation a later request will ask for.
        if (key.generation() == generation.current())
            entries.put(key, entry);
    }

    /** Settings of a {@link ResponseCache}. */
    public static final class Builder {
        private StoreGeneration generation;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private long maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;

        private Builder() {}

        /** The generation of the store the answers come from (required). */
        public Builder generation(StoreGeneration generation) {
            this.generation = generation;
            return this;
        }

        /** The most bytes kept (default 32 MiB); 0 turns the cache off. */
        public Builder maxBytes(long bytes) {
            this.maxBytes = bytes;
            return this;
        }

        /** The largest answer kept (default 1 MiB, and never more than the whole cache). */
        public Builder maxEntryBytes(long bytes) {
            this.maxEntryBytes = bytes;
            return this;
        }

        public ResponseCache build() {
            if (generation == null)
                throw new EntenteException("A response cache needs the store's generation");
            if (maxBytes < 0 || maxEntryBytes < 0)
                throw new EntenteException("A cache size cannot be negative");
            return new ResponseCache(this);
        }
    }
}
