package org.entente.conformance;


import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.testsuite.query.parser.sparql.manifest.SPARQL11QueryComplianceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The W3C SPARQL 1.1 query evaluation tests (RDF4J's runner of the W3C manifests), sent through our
 * HTTP endpoint with RDF4J's SPARQLRepository: test data goes in through {@code /kg/update}, queries
 * through {@code /kg/sparql}. The store here keeps a separate default graph, as the W3C tests assume
 * (the served store's default graph is the union of its named graphs instead).
 */
class SparqlQueryConformanceIT extends SPARQL11QueryComplianceTest {

    static ConformanceServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ConformanceServer.start("query-conformance");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    public SparqlQueryConformanceIT() {
        super();
        ConformanceExclusions.load("sparql-query").forEach(this::addIgnoredTest);
    }

    @Override
    protected Repository newRepository() {
        SPARQLRepository repo = new SPARQLRepository(server.kg() + "/sparql", server.kg() + "/update");
        repo.setUsernameAndPassword(ConformanceServer.USER, ConformanceServer.USER);
        // Statements read back keep their graphs (SELECT with GRAPH rather than CONSTRUCT).
        repo.enableQuadMode(true);
        return new HashableQueries(repo);
    }
}
