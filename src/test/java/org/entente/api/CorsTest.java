package org.entente.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.web.HttpSC;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.entente.sys.EntenteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS on the API and the SPARQL endpoint: only for the origins given with {@code --cors}. */
class CorsTest {

    static final String ALLOWED = "https://allowed.example";
    static final String OTHER = "https://other.example";

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;
    static FusekiServer closed;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        dsg = StoreLib.open(tmp.resolve("store"));
        server = EntenteServer.create().dataset(dsg).port(0).queries(TestLib.home().resolve("queries")).cors(List.of(ALLOWED)).build().start();
        closed = EntenteServer.create().dataset(dsg).port(0).queries(TestLib.home().resolve("queries")).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        closed.stop();
        StoreLib.close(dsg);
    }

    static String url(FusekiServer s, String path) {
        return "http://localhost:" + s.getHttpPort() + path;
    }

    static String sparql(FusekiServer s) {
        return url(s, "/kg/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(String method, String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2)
            b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Optional<String> allowOrigin(HttpResponse<String> r) {
        return r.headers().firstValue("Access-Control-Allow-Origin");
    }

    static void assertVaryOrigin(HttpResponse<String> r) {
        String vary = String.join(", ", r.headers().allValues("Vary"));
        assertTrue(vary.contains("Origin"), "Vary: " + vary);
    }

    @Test
    void aListedOriginMayReadTheApiAndTheSparqlEndpoint() throws Exception {
        for (String u : List.of(url(server, "/api/sources"), sparql(server), url(server, "/api/openapi.json"))) {
            HttpResponse<String> r = send("GET", u, "Origin", ALLOWED);
            assertEquals(HttpSC.OK_200, r.statusCode(), u + ": " + r.body());
            assertEquals(Optional.of(ALLOWED), allowOrigin(r), u);
            assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Link"), u);
            assertVaryOrigin(r);
        }
    }

    @Test
    void anyOtherOriginGetsNoCorsHeader() throws Exception {
        for (FusekiServer s : List.of(server, closed)) {
            for (String u : List.of(url(s, "/api/sources"), sparql(s))) {
                HttpResponse<String> r = send("GET", u, "Origin", OTHER);
                assertEquals(HttpSC.OK_200, r.statusCode(), "the answer itself is not refused: " + u);
                assertEquals(Optional.empty(), allowOrigin(r), u + " (Fuseki's own CORS, which allows any origin, is off)");
                assertVaryOrigin(r);
            }
        }
        assertEquals(Optional.empty(), allowOrigin(send("GET", url(closed, "/api/sources"), "Origin", ALLOWED)), "none listed, none allowed");
    }

    @Test
    void aPreflightIsAnsweredForAListedOriginOnly() throws Exception {
        for (String u : List.of(url(server, "/api/sources"), url(server, "/kg/sparql"))) {
            HttpResponse<String> ok = send("OPTIONS", u, "Origin", ALLOWED, "Access-Control-Request-Method", "POST",
                                           "Access-Control-Request-Headers", "content-type");
            assertEquals(HttpSC.NO_CONTENT_204, ok.statusCode(), u);
            assertEquals(Optional.of(ALLOWED), allowOrigin(ok));
            assertTrue(ok.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
            assertTrue(ok.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));
            assertVaryOrigin(ok);
            HttpResponse<String> no = send("OPTIONS", u, "Origin", OTHER, "Access-Control-Request-Method", "POST");
            assertEquals(HttpSC.FORBIDDEN_403, no.statusCode(), u);
            assertEquals(Optional.empty(), allowOrigin(no));
        }
    }

    @Test
    void aNotModifiedAnswerKeepsItsCorsHeaders() throws Exception {
        String u = url(server, "/api/sources");
        String etag = send("GET", u, "Origin", ALLOWED).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> r = send("GET", u, "Origin", ALLOWED, "If-None-Match", etag);
        assertEquals(HttpSC.NOT_MODIFIED_304, r.statusCode());
        assertEquals(Optional.of(ALLOWED), allowOrigin(r));
        assertVaryOrigin(r);
    }

    @Test
    void onlyOriginsAreAccepted() {
        for (String bad : List.of("*", "allowed.example", "https://allowed.example/path", "https://"))
            assertThrows(EntenteException.class, () -> EntenteServer.create().dataset(dsg).cors(List.of(bad)).build(), bad);
    }
}
