package org.entente.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.load.Loader;
import org.entente.store.CacheStats;
import org.entente.store.GenerationCache;
import org.entente.store.StoreGeneration;

/**
 * The store as Prometheus sees it: its generation (writes committed since it was opened), its size in
 * triples (counted once per generation, on the first scrape after a write), the loads this process
 * ran, and the hits and misses of the caches of derived views (labels, VoID, service description...).
 */
final class StoreMeters implements MeterBinder {

    private final StoreGeneration generation;
    private final GenerationCache<Long> triples;

    StoreMeters(DatasetGraph dsg) {
        this.generation = StoreGeneration.of(dsg);
        this.triples = new GenerationCache<>("store-triples", generation, () -> Txn.calculateRead(dsg, () -> Iter.count(dsg.find())));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("entente.store.generation", generation, StoreGeneration::current)
             .description("Writes committed to the store since it was opened").strongReference(true).register(registry);
        Gauge.builder("entente.store.triples", triples, t -> t.get())
             .description("Triples in the store, all graphs (counted once per store generation)").strongReference(true).register(registry);
        FunctionCounter.builder("entente.loads", Loader.class, c -> Loader.loadsCompleted())
                       .description("Loads (one transaction each) completed by this process").register(registry);
        FunctionCounter.builder("entente.loaded.triples", Loader.class, c -> Loader.triplesLoaded())
                       .description("Triples written by loads of this process").register(registry);
        CacheStats.all().forEach((name, counts) -> {
            FunctionCounter.builder("entente.cache.hits", counts, CacheStats.Counts::hits).tag("cache", name)
                           .description("Answers served from a cache of a view derived from the store").register(registry);
            FunctionCounter.builder("entente.cache.misses", counts, CacheStats.Counts::misses).tag("cache", name)
                           .description("Computations of a cached view: after a write, or not yet kept").register(registry);
            if (counts.bytes() >= 0)
                Gauge.builder("entente.cache.bytes", counts, CacheStats.Counts::bytes).tag("cache", name)
                     .description("Bytes a cache bounded by size holds").strongReference(true).register(registry);
        });
    }
}
