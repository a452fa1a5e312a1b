package org.entente.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.entente.server.EntenteServer;

/**
 * Our server over a fresh TDB2 store for the W3C suites, with user {@code tester:tester} for writes.
 * The store keeps a separate default graph, as the W3C tests assume (the served store's default
 * graph is the union of its named graphs instead).
 */
record ConformanceServer(FusekiServer server, DatasetGraph dsg) {

    static final String USER = "tester";

    static ConformanceServer start(String name) throws Exception {
        Path dir = Files.createTempDirectory("entente-" + name);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir));
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, USER + ": " + USER + "\n");
        FusekiServer server = EntenteServer.create().dataset(dsg).port(0).passwordFile(passwd).timeoutMillis(20_000).build().start();
        return new ConformanceServer(server, dsg);
    }

    String kg() {
        return server.datasetURL("/kg");
    }

    void stop() {
        server.stop();
        TDBInternal.expel(dsg);
    }
}
