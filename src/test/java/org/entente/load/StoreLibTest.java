package org.entente.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.params.StoreParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's node caches follow the heap; the data does not care. */
class StoreLibTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void nodeCachesShrinkWithASmallHeapAndStayDefaultWithALargeOne() {
        StoreParams dft = StoreParams.getDftStoreParams();
        StoreParams small = StoreLib.params(512 * MIB);
        assertTrue(small.getNodeId2NodeCacheSize() < dft.getNodeId2NodeCacheSize() / 2, "a 512 MiB heap gets a smaller node cache");
        assertTrue(small.getNode2NodeIdCacheSize() < dft.getNode2NodeIdCacheSize() / 2);
        StoreParams large = StoreLib.params(4096 * MIB);
        assertEquals(dft.getNodeId2NodeCacheSize(), large.getNodeId2NodeCacheSize());
        assertEquals(dft.getNode2NodeIdCacheSize(), large.getNode2NodeIdCacheSize());
        assertTrue(StoreLib.params(1).getNodeId2NodeCacheSize() >= 50_000, "never below a floor");
        // Only the caches differ: the layout of a store stays TDB2's default.
        assertEquals(dft.getBlockSize(), small.getBlockSize());
        assertEquals(String.join(",", dft.getQuadIndexes()), String.join(",", small.getQuadIndexes()));
    }

    @Test
    void aStoreReopensWithItsData(@TempDir Path tmp) throws Exception {
        Quad q = Quad.create(NodeFactory.createURI("urn:g"), NodeFactory.createURI("urn:s"), NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("o"));
        DatasetGraph dsg = StoreLib.open(tmp.resolve("store"));
        Txn.executeWrite(dsg, () -> dsg.add(q));
        StoreLib.close(dsg);
        DatasetGraph again = StoreLib.open(tmp.resolve("store"));
        try {
            assertTrue(Txn.calculateRead(again, () -> again.contains(q)));
        } finally {
            StoreLib.close(again);
        }
        // No settings file of ours: stock Jena tools take the store for a plain TDB2 store.
        try (var files = java.nio.file.Files.walk(tmp.resolve("store"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().equals("tdb.cfg")), "a tdb.cfg was written");
        }
    }
}
