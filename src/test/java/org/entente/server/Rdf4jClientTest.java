package org.entente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.query.NamedQuery;
import org.entente.query.QueryLib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second, independent client stack (RDF4J's SPARQLRepository) gets over HTTP exactly the answers
 * Jena computes in process, for every named query.
 */
class Rdf4jClientTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;
    static SPARQLRepository repo;

    @BeforeAll
    static void start() {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        server = EntenteServer.create().dataset(dsg).port(0).build().start();
        repo = new SPARQLRepository(server.datasetURL("/kg") + "/sparql", server.datasetURL("/kg") + "/update");
        repo.init();
    }

    @AfterAll
    static void stop() {
        repo.shutDown();
        server.stop();
        StoreLib.close(dsg);
    }

    /** A row as variable -> term in N-Triples-like form, the same for both stacks. */
    private static Map<String, String> jenaRow(org.apache.jena.sparql.engine.binding.Binding b) {
        Map<String, String> row = new TreeMap<>();
        b.vars().forEachRemaining(v -> {
            if (b.get(v) != null)
                row.put(v.getVarName(), term(b.get(v)));
        });
        return row;
    }

    private static String term(Node n) {
        if (n.isURI())
            return "<" + n.getURI() + ">";
        if (n.isLiteral())
            return "\"" + n.getLiteralLexicalForm() + "\"" + (n.getLiteralLanguage().isEmpty() ? "^^" + n.getLiteralDatatypeURI() : "@" + n.getLiteralLanguage());
        return "_:b";
    }

    private static Map<String, String> rdf4jRow(BindingSet bs) {
        Map<String, String> row = new TreeMap<>();
        for (String name : bs.getBindingNames()) {
            Value v = bs.getValue(name);
            if (v == null)
                continue;
            if (v.isIRI())
                row.put(name, "<" + v.stringValue() + ">");
            else if (v.isLiteral()) {
                Literal l = (Literal) v;
                row.put(name, "\"" + l.getLabel() + "\"" + l.getLanguage().map(t -> "@" + t).orElse("^^" + l.getDatatype().stringValue()));
            } else
                row.put(name, "_:b");
        }
        return row;
    }

    @Test
    void everyNamedQueryGetsTheSameAnswersOverHttp() {
        List<NamedQuery> all = QueryLib.readAll(TestLib.home().resolve("queries"));
        int compared = 0;
        for (NamedQuery nq : all) {
            // Federated queries need Wikidata or its stand-in: FederationTest runs them.
            if (!nq.query().isSelectType() || !org.entente.federation.FederationLib.services(nq.query()).isEmpty())
                continue;
            Set<Map<String, String>> expected = new HashSet<>();
            RowSetRewindable rows = QueryLib.select(dsg, nq, Map.of());
            rows.forEachRemaining(b -> expected.add(jenaRow(b)));

            Set<Map<String, String>> actual = new HashSet<>();
            try (RepositoryConnection conn = repo.getConnection();
                 TupleQueryResult result = conn.prepareTupleQuery(QueryLanguage.SPARQL, nq.query().serialize()).evaluate()) {
                result.forEach(bs -> actual.add(rdf4jRow(bs)));
            }
            assertEquals(expected, actual, nq.name() + ": RDF4J over HTTP and Jena in process disagree");
            // Queries over what 'enrich' copies from Wikidata or 'import gdelt' brings answer nothing on the
            // seed alone; they are compared all the same (WorldEnricherTest and GdeltImportTest check their answers).
            boolean imported = nq.name().startsWith("wikidata-") || nq.name().startsWith("gdelt-")
                               || nq.description().contains("'enrich --world'");
            if (!imported)
                assertTrue(!expected.isEmpty(), nq.name() + " answered nothing");
            compared++;
        }
        assertTrue(compared >= 12);
    }

    @Test
    void rdf4jCannotUpdateAnonymously() {
        try (RepositoryConnection conn = repo.getConnection()) {
            assertThrows(org.eclipse.rdf4j.common.exception.RDF4JException.class, () ->
                conn.prepareUpdate(QueryLanguage.SPARQL, "INSERT DATA { <http://e/s> <http://e/p> 1 }").execute());
        }
        assertTrue(org.apache.jena.system.Txn.calculateRead(dsg, () -> dsg.stream().noneMatch(q -> q.getSubject().isURI()
                   && q.getSubject().getURI().equals("http://e/s"))), "the refused update wrote nothing");
    }
}
