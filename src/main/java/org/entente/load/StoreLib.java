package org.entente.load;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
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
            Files.createDirectories(dir);
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir));
            dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            return dsg;
        } catch (java.io.IOException ex) {
            throw new EntenteException("Cannot create store folder " + dir + ": " + ex.getMessage(), ex);
        } catch (RuntimeException ex) {
            throw new EntenteException("Cannot open store " + dir + ": " + ex.getMessage()
                                       + " (is another Entente process using it?)", ex);
        }
    }

    /** Closes the store and releases its lock, so another process may open it. */
    public static void close(DatasetGraph dsg) {
        TDBInternal.expel(dsg);
    }
}
