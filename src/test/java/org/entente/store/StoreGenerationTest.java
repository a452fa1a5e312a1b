package org.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
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
    void theCountSurvivesARestartAndAdvancesForAWriteNoListenerSaw() throws Exception {
        Path store = tmp.resolve("store");
        DatasetGraph dsg = StoreLib.open(store);
        StoreGeneration.Durable first;
        try {
            StoreGeneration gen = StoreGeneration.of(dsg);
            Txn.executeWrite(dsg, () -> dsg.add(G, S, S, S));
            Txn.executeWrite(dsg, () -> dsg.add(G, S, S, NodeFactory.createLiteralString("two")));
            first = gen.durable().orElseThrow();
            assertEquals(gen.current(), first.count());
            assertEquals(Optional.of(store), gen.folder());
        } finally {
            StoreLib.close(dsg);
        }
        assertEquals(first, reopened(store), "opening and closing is not a write");
        assertEquals(first, reopened(store));

        DatasetGraph reader = DatabaseMgr.connectDatasetGraph(Location.create(store));
        Txn.executeRead(reader, () -> reader.find().forEachRemaining(q -> {}));
        TDBInternal.expel(reader);
        assertEquals(first, reopened(store), "a read by stock TDB2 is not a write");

        DatasetGraph writer = DatabaseMgr.connectDatasetGraph(Location.create(store));
        Txn.executeWrite(writer, () -> writer.delete(G, S, S, S));
        TDBInternal.expel(writer);
        StoreGeneration.Durable afterStock = reopened(store);
        assertEquals(first.storeId(), afterStock.storeId());
        assertEquals(first.count() + 1, afterStock.count(), "a write by stock TDB2 (no listener of ours) advances the count");

        Files.createFile(store.resolve(GenerationFile.DIRTY));
        assertEquals(afterStock.count() + 1, reopened(store).count(), "a mark left by a killed commit advances the count");

        Files.delete(store.resolve(GenerationFile.FILE));
        assertNotEquals(first.storeId(), reopened(store).storeId(), "a lost generation file starts a new series");
    }

    @Test
    void syncingAnUnchangedSeedIsNotAWrite() {
        DatasetGraph dsg = org.entente.TestLib.seededStore(tmp.resolve("store"));
        try {
            StoreGeneration gen = StoreGeneration.of(dsg);
            long before = gen.current();
            org.entente.load.SeedLib.sync(dsg, org.entente.TestLib.home());
            assertEquals(before, gen.current(), "serve syncs the seed at every start: unchanged, it must not advance the generation");
        } finally {
            StoreLib.close(dsg);
        }
    }

    static StoreGeneration.Durable reopened(Path store) {
        DatasetGraph dsg = StoreLib.open(store);
        try {
            return StoreGeneration.of(dsg).durable().orElseThrow();
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void aStoreThatCannotCountItsWritesIsRefused() {
        assertThrows(EntenteException.class, () -> StoreGeneration.of(DatasetGraphFactory.createTxnMem()));
    }
}
