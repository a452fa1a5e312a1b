package org.entente.ops;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Server;

/** Helpers the operations modules share. */
final class OpsLib {
    private OpsLib() {}

    /** Adds a request log to Jetty's, keeping any set before (each module logs what it needs). */
    static void addRequestLog(Server jetty, RequestLog log) {
        RequestLog before = jetty.getRequestLog();
        jetty.setRequestLog(before == null ? log : new RequestLog.Collection(before, log));
    }

    /** The folder of a TDB2 store, or null for a dataset that has none. */
    static Path storeDir(DatasetGraph dsg) {
        while (dsg instanceof DatasetGraphWrapper w && !(dsg instanceof DatasetGraphSwitchable))
            dsg = w.getWrapped();
        return dsg instanceof DatasetGraphSwitchable s && s.hasContainerPath() ? s.getContainerPath() : null;
    }
}
