package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.web.HttpSC;
import org.entente.TestLib;
import org.entente.http.HttpLib;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /kg/ingest} on a real server: the draft for its users, 401 without credentials, 400 for bad input, nothing written. */
class IngestServerTest {
    @TempDir
    static Path tmp;
    static DatasetGraph dsg;
    static FusekiServer server, open;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "editor: s3cret\n");
        server = EntenteServer.create().dataset(dsg).port(0).passwordFile(passwd).timeoutMillis(5000).build().start();
        open = EntenteServer.create().dataset(dsg).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        open.stop();
        StoreLib.close(dsg);
    }

    private static HttpResponse<String> post(FusekiServer s, String query, String body, boolean auth, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.datasetURL("/kg") + "/ingest" + query))
            .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth)
            b.header("Authorization", HttpLib.basicAuth("editor", "s3cret"));
        if (accept != null)
            b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anArticleOverTheTimeLimitGets503AndNothingWritten() throws Exception {
        long quadsBefore = Txn.calculateRead(dsg, () -> dsg.stream().count());
        Path passwd = tmp.resolve("passwd");
        // A limit no real article can be read within (the gazetteer is built before the clock starts).
        FusekiServer hasty = EntenteServer.create().dataset(dsg).port(0).passwordFile(passwd).timeoutMillis(1).build().start();
        try {
            String text = Files.readString(TestLib.home().resolve("data/sources/2025-08-victory-day-parade.txt"));
            HttpResponse<String> r = post(hasty, "?published=2025-08-28", text, true, null);
            assertEquals(HttpSC.SERVICE_UNAVAILABLE_503, r.statusCode(), r.body());
            assertTrue(r.body().contains("longer than the limit of 1 ms"), r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
            assertTrue(!r.body().contains("Exception"), "no stack trace: " + r.body());
        } finally {
            hasty.stop();
        }
        assertEquals(quadsBefore, Txn.calculateRead(dsg, () -> dsg.stream().count()), "nothing is written to the store");
    }

    @Test
    void draftForAnAuthenticatedUserAndNothingWritten() throws Exception {
        long quadsBefore = Txn.calculateRead(dsg, () -> dsg.stream().count());
        String text = Files.readString(TestLib.home().resolve("data/sources/2025-08-victory-day-parade.txt"));
        HttpResponse<String> r = post(server, "?published=2025-08-28&slug=parade-posted", text, true, null);
        assertEquals(HttpSC.OK_200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/trig"));
        DatasetGraph draft = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(r.body(), Lang.TRIG).parse(draft);
        assertTrue(draft.contains(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/entente/id/source/parade-posted"), org.apache.jena.graph.Node.ANY,
                                  org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/entente/ontology#participant"),
                                  org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/entente/id/person/kim-jong-un")));
        assertEquals(quadsBefore, Txn.calculateRead(dsg, () -> dsg.stream().count()), "nothing is written to the store");

        HttpResponse<String> nq = post(server, "?published=2025-08-28", text, true, "application/n-quads");
        assertEquals(HttpSC.OK_200, nq.statusCode());
        assertTrue(nq.headers().firstValue("Content-Type").orElse("").startsWith("application/n-quads"));
    }

    @Test
    void credentialsNeeded() throws Exception {
        assertEquals(HttpSC.UNAUTHORIZED_401, post(server, "", "Kim Jong Un met Vladimir Putin.", false, null).statusCode());
        assertTrue(post(open, "", "Kim Jong Un met Vladimir Putin.", false, null).statusCode() >= 400, "no ingest without a password file");
    }

    @Test
    void badInputIsA400WithAMessage() throws Exception {
        HttpResponse<String> empty = post(server, "", "", true, null);
        assertEquals(HttpSC.BAD_REQUEST_400, empty.statusCode());
        assertTrue(empty.body().contains("empty"), empty.body());
        HttpResponse<String> date = post(server, "?published=yesterday", "Kim Jong Un met Vladimir Putin in Vladivostok.", true, null);
        assertEquals(HttpSC.BAD_REQUEST_400, date.statusCode());
        assertTrue(date.body().contains("YYYY-MM-DD") && !date.body().contains("Exception"), date.body());
    }
}
