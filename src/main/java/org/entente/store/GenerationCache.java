package org.entente.store;

import java.util.function.Supplier;

/**
 * A value derived from the store, computed at most once per {@link StoreGeneration}: the first reader
 * after a write computes it again, readers that come meanwhile wait for that one computation rather than
 * starting their own.
 * <pre>
 *   GenerationCache&lt;Long&gt; size = new GenerationCache&lt;&gt;(gen, () -&gt; Txn.calculateRead(dsg, () -&gt; countQuads(dsg)));
 *   long n = size.get();
 * </pre>
 */
public final class GenerationCache<T> {

    private record Entry<T>(long generation, T value) {}

    private final StoreGeneration generation;
    private final Supplier<T> compute;
    private volatile Entry<T> entry;

    public GenerationCache(StoreGeneration generation, Supplier<T> compute) {
        this.generation = generation;
        this.compute = compute;
    }

    /** The value for the current generation. */
    public T get() {
        Entry<T> e = entry;
        if (e != null && e.generation() == generation.current())
            return e.value();
        synchronized (this) {
            // Read the generation before computing: a write that commits meanwhile makes the next call compute again.
            long g = generation.current();
            e = entry;
            if (e != null && e.generation() == g)
                return e.value();
            T value = compute.get();
            entry = new Entry<>(g, value);
            return value;
        }
    }
}
