package org.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.entente.load.StoreLib;
import org.entente.sys.EntenteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreGenerationTest {

    @TempDir
    Path tmp;

    static final Node G = NodeFactory.createURI("http://example.org/g");
    static final Node S = NodeFactory.createURI("http://example.org/s");

    @Test
    void everyCommittedWriteAdvancesTheGenerationAndNothingElseDoes() {
        DatasetGraph dsg = StoreLib.open(tmp.resolve("store"));
        try {
            StoreGeneration gen = StoreGeneration.of(dsg);
            assertSame(gen, StoreGeneration.of(dsg), "one generation per store");
            long g0 = gen.current();
            String t0 = gen.tag();
            Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {}));
            assertEquals(g0, gen.current(), "a read changes nothing");
            Txn.executeWrite(dsg, () -> dsg.add(G, S, S, S));
            assertEquals(g0 + 1, gen.current());
            assertNotEquals(t0, gen.tag());
            assertThrows(RuntimeException.class, () -> Txn.executeWrite(dsg, () -> {
                dsg.add(G, S, S, NodeFactory.createLiteralString("x"));
                throw new IllegalStateException("abort");
            }));
            assertEquals(g0 + 1, gen.current(), "an aborted write is not a write");
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void aCacheComputesOncePerGeneration() {
        DatasetGraph dsg = StoreLib.open(tmp.resolve("store"));
        try {
            StoreGeneration gen = StoreGeneration.of(dsg);
            AtomicInteger computed = new AtomicInteger();
            GenerationCache<Long> size = new GenerationCache<>("test-size", gen, () -> {
                computed.incrementAndGet();
                return Txn.calculateRead(dsg, () -> dsg.stream().count());
            });
            assertEquals(0L, size.get());
            assertEquals(0L, size.get());
            assertEquals(1, computed.get());
            Txn.executeWrite(dsg, () -> dsg.add(G, S, S, S));
            assertEquals(1L, size.get());
            assertEquals(2, computed.get());
            assertEquals(2, CacheStats.named("test-size").misses(), "a computation is a miss");
            assertEquals(1, CacheStats.named("test-size").hits());
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void aStoreThatCannotCountItsWritesIsRefused() {
        assertThrows(EntenteException.class, () -> StoreGeneration.of(DatasetGraphFactory.createTxnMem()));
    }
}
