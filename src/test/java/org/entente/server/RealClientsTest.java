package org.entente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients others write against the server answer real questions: Python's rdflib (content negotiation
 * on a thing's IRI) and SPARQLWrapper (a SELECT), Jena's RDFConnection, and curl. The Python ones need
 * Debian's {@code python3-rdflib} and {@code python3-sparqlwrapper} under {@code /usr/bin/python3}
 * ({@code .ci/run} installs them): skipped with the reason when missing, except on CI, where that fails.
 */
class RealClientsTest {

    static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;

    @BeforeAll
    static void start() {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        server = EntenteServer.create().dataset(dsg).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        StoreLib.close(dsg);
    }

    record Run(int exit, String output) {}

    static Run exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        return new Run(p.exitValue(), out);
    }

    /** Skips outside CI (with the reason) when a client is missing; on CI, fails. */
    static void need(boolean present, String why) {
        if (present)
            return;
        if ("true".equals(System.getenv("CI")))
            fail(why + ": CI must run the client tests (.ci/run installs them)");
        Assumptions.abort(why + ": skipped");
    }

    static void needPython(String module, String debianPackage) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of(PYTHON)) && exec(List.of(PYTHON, "-c", "import " + module)).exit() == 0;
        need(present, PYTHON + " cannot import " + module + " (apt-get install " + debianPackage + ")");
    }

    static String script(String name) {
        return TestLib.home().resolve("src/test/resources/clients").resolve(name).toString();
    }

    @Test
    void rdflibDereferencesAThingAndFindsItsLabel() throws Exception {
        needPython("rdflib", "python3-rdflib");
        Run r = exec(List.of(PYTHON, script("rdflib_negotiation.py"), server.serverURL()));
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void sparqlWrapperSelectsKimJongUnsLabel() throws Exception {
        needPython("SPARQLWrapper", "python3-sparqlwrapper");
        Run r = exec(List.of(PYTHON, script("sparqlwrapper_select.py"), server.datasetURL("/kg") + "/sparql"));
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void rdfConnectionAsksWhoAttendedTheParade() {
        String q = """
            PREFIX ent:   <https://w3id.org/entente/ontology#>
            PREFIX rdfs:  <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX event: <https://w3id.org/entente/id/event/>
            SELECT ?name ?state WHERE {
              ?p ent:event event:2025-09-03-victory-day-parade ; ent:participant ?who ; ent:representing ?state .
              ?who rdfs:label ?name FILTER(lang(?name) = "en")
            }""";
        List<String> seen = new ArrayList<>();
        try (RDFConnection conn = RDFConnectionRemote.newBuilder().destination(server.datasetURL("/kg"))
                                                     .queryEndpoint("sparql").gspEndpoint("get").build()) {
            conn.querySelect(q, (QuerySolution row) -> seen.add(row.getLiteral("name").getLexicalForm() + " " + row.getResource("state").getURI()));
            assertTrue(seen.contains("Kim Jong Un https://w3id.org/entente/id/state/prk"), seen.toString());
            Model kim = conn.queryDescribe("DESCRIBE <https://w3id.org/entente/id/person/kim-jong-un>");
            assertTrue(kim.contains(kim.createResource("https://w3id.org/entente/id/person/kim-jong-un"), RDFS.label,
                                    kim.createLiteral("Kim Jong Un", "en")));
        }
    }

    @Test
    void curlNegotiatesAndQueries() throws Exception {
        boolean present = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                                                                          .anyMatch(d -> Files.isExecutable(Path.of(d, "curl")));
        Assumptions.assumeTrue(present, "curl is not on PATH: skipped");
        Run turtle = exec(List.of("curl", "-sSfL", "-H", "Accept: text/turtle", server.serverURL() + "id/person/kim-jong-un"));
        assertEquals(0, turtle.exit(), turtle.output());
        assertTrue(turtle.output().contains("\"Kim Jong Un\"@en"), turtle.output());
        Run csv = exec(List.of("curl", "-sSf", "-H", "Accept: text/csv", "--data-urlencode",
            "query=SELECT ?label { <https://w3id.org/entente/id/person/kim-jong-un> <http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(lang(?label) = \"ko\") }",
            server.datasetURL("/kg") + "/sparql"));
        assertEquals(0, csv.exit(), csv.output());
        assertEquals("label\r\n김정은\r\n", csv.output());
        Run health = exec(List.of("curl", "-sSf", server.serverURL() + "$/health"));
        assertTrue(health.output().startsWith("{\"status\":\"ready\","), health.output());
    }
}
