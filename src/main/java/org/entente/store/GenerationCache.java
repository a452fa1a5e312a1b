package org.entente.store;

import java.util.function.Supplier;

/**
 * A value derived from the store, computed at most once per {@link StoreGeneration}: the first reader
 * after a write computes it again, readers that come meanwhile wait for that one computation rather than
 * starting their own.
 * <pre>
 *   GenerationCache&lt;Long&gt; size = new GenerationCache&lt;&gt;("size", gen, () -&gt; Txn.calculateRead(dsg, () -&gt; countQuads(dsg)));
 *   long n = size.get();
 * </pre>
 */
public final class GenerationCache<T> {

    private record Entry<T>(long generation, T value) {}

    private final StoreGeneration generation;
    private final Supplier<T> compute;
    private final CacheStats.Counts counts;
    private volatile Entry<T> entry;

    /** A cache counted under a name in {@link CacheStats}. */
    public GenerationCache(String name, StoreGeneration generation, Supplier<T> compute) {
        this.generation = generation;
        this.compute = compute;
        this.counts = CacheStats.named(name);
    }

    /** The value for the current generation. */
    public T get() {
        Entry<T> e = entry;
        if (e != null && e.generation() == generation.current()) {
            counts.hit();
            return e.value();
        }
        synchronized (this) {
            // Read the generation before computing: a write that commits meanwhile makes the next call compute again.
            long g = generation.current();
            e = entry;
            if (e != null && e.generation() == g) {
                counts.hit();
                return e.value();
            }
            counts.miss();
            T value = compute.get();
            entry = new Entry<>(g, value);
            return value;
        }
    }
}
