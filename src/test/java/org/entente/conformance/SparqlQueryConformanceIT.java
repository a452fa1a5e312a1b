package org.entente.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.testsuite.query.parser.sparql.manifest.SPARQL11QueryComplianceTest;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The W3C SPARQL 1.1 query evaluation tests (RDF4J's runner of the W3C manifests), sent through our
 * HTTP endpoint with RDF4J's SPARQLRepository: test data goes in through {@code /kg/update}, queries
 * through {@code /kg/sparql}. The store here keeps a separate default graph, as the W3C tests assume
 * (the served store's default graph is the union of its named graphs instead).
 */
class SparqlQueryConformanceIT extends SPARQL11QueryComplianceTest {

    static FusekiServer server;
    static DatasetGraph dsg;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("entente-conformance");
        dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir));
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "tester: tester\n");
        server = EntenteServer.create().dataset(dsg).port(0).passwordFile(passwd).timeoutMillis(20_000).build().build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
    }

    public SparqlQueryConformanceIT() {
        super();
        ConformanceExclusions.load("sparql-query").forEach(this::addIgnoredTest);
    }

    @Override
    protected Repository newRepository() {
        String kg = server.datasetURL("/kg");
        SPARQLRepository repo = new SPARQLRepository(kg + "/sparql", kg + "/update");
        repo.setUsernameAndPassword("tester", "tester");
        // Statements read back keep their graphs (SELECT with GRAPH rather than CONSTRUCT).
        repo.enableQuadMode(true);
        return new HashableQueries(repo);
    }
}
