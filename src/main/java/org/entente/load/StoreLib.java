package org.entente.load;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.entente.sys.EntenteException;

/** Opening and closing the TDB2 store. */
public final class StoreLib {
    private StoreLib() {}

    /**
     * Opens (or creates) the TDB2 store in a folder. Queries on the result see the union of
     * all named graphs as their default graph.
     */
    public static DatasetGraph open(Path dir) {
        try {
            Location location = Location.create(dir);
            if (isNew(dir))
                // Made with TDB2's own settings, so that it holds no settings file of ours: stock Jena
                // tools (Fuseki among them) open it as any TDB2 store.
                TDBInternal.expel(DatabaseMgr.connectDatasetGraph(location));
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location, params(Runtime.getRuntime().maxMemory()));
            dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            return dsg;
        } catch (java.io.IOException ex) {
            throw new EntenteException("Cannot create store folder " + dir + ": " + ex.getMessage(), ex);
        } catch (RuntimeException ex) {
            throw new EntenteException("Cannot open store " + dir + ": " + ex.getMessage()
                                       + " (is another Entente process using it?)", ex);
        }
    }

    private static boolean isNew(Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * TDB2's settings with its node caches scaled to the heap. Its defaults (a million decoded nodes,
     * two hundred thousand node ids) fill most of a 512 MiB heap over a large store; with a heap of
     * 2 GiB or more the defaults stay as they are. Only cache sizes change, which TDB2 takes at every
     * connection to an existing store without writing them down.
     */
    static StoreParams params(long maxHeap) {
        StoreParams dft = StoreParams.getDftStoreParams();
        return StoreParams.builder(dft)
                          .nodeId2NodeCacheSize((int) Math.min(dft.getNodeId2NodeCacheSize(), Math.max(50_000, maxHeap / 2048)))
                          .node2NodeIdCacheSize((int) Math.min(dft.getNode2NodeIdCacheSize(), Math.max(20_000, maxHeap / 8192)))
                          .build();
    }

    /** Closes the store and releases its lock, so another process may open it. */
    public static void close(DatasetGraph dsg) {
        TDBInternal.expel(dsg);
    }
}
