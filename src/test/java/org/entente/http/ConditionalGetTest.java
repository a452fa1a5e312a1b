package org.entente.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.web.HttpSC;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ETags keyed to the store's generation, over real HTTP: 304 while nothing changes, a new tag after any write. */
class ConditionalGetTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "editor: s3cret\n");
        server = EntenteServer.create().dataset(dsg).port(0).passwordFile(passwd).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        StoreLib.close(dsg);
    }

    static HttpResponse<String> get(String path, String accept, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.serverURL() + path.substring(1))).header("Accept", accept);
        if (ifNoneMatch != null)
            b.header("If-None-Match", ifNoneMatch);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void update(String sparql) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.datasetURL("/kg") + "/update"))
            .header("Content-Type", "application/sparql-update")
            .header("Authorization", HttpLib.basicAuth("editor", "s3cret"))
            .POST(HttpRequest.BodyPublishers.ofString(sparql)).build();
        assertEquals(HttpSC.NO_CONTENT_204, http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    static final List<String[]> RESOURCES = List.of(
        new String[] { "/", "text/html" },
        new String[] { "/page/person/kim-jong-un", "text/html" },
        new String[] { "/data/person/kim-jong-un.ttl", "text/turtle" },
        new String[] { "/.well-known/void", "text/turtle" });

    @Test
    void aRepeatedRequestGets304UntilAWriteChangesEveryTag() throws Exception {
        String[] before = new String[RESOURCES.size()];
        for (int i = 0; i < RESOURCES.size(); i++) {
            String[] r = RESOURCES.get(i);
            HttpResponse<String> first = get(r[0], r[1], null);
            assertEquals(HttpSC.OK_200, first.statusCode(), r[0]);
            before[i] = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + r[0]));
            assertTrue(first.headers().firstValue("Last-Modified").isPresent(), r[0]);
            HttpResponse<String> again = get(r[0], r[1], before[i]);
            assertEquals(HttpSC.NOT_MODIFIED_304, again.statusCode(), r[0]);
            assertEquals("", again.body());
            assertEquals(before[i], again.headers().firstValue("ETag").orElse(""));
            assertEquals(HttpSC.NOT_MODIFIED_304, get(r[0], r[1], "\"other\", W/" + before[i]).statusCode(), "weak comparison in a list");
        }
        update("INSERT DATA { GRAPH <http://example.org/etag-test> { <http://example.org/s> <http://example.org/p> 1 } }");
        for (int i = 0; i < RESOURCES.size(); i++) {
            String[] r = RESOURCES.get(i);
            HttpResponse<String> after = get(r[0], r[1], before[i]);
            assertEquals(HttpSC.OK_200, after.statusCode(), "a write makes " + r[0] + " new");
            assertNotEquals(before[i], after.headers().firstValue("ETag").orElse(""));
        }
        update("DROP GRAPH <http://example.org/etag-test>");
    }

    @Test
    void representationsOfOneResourceHaveTheirOwnTags() throws Exception {
        String en = get("/page/person/kim-jong-un?lang=en", "text/html", null).headers().firstValue("ETag").orElseThrow();
        String ko = get("/page/person/kim-jong-un?lang=ko", "text/html", null).headers().firstValue("ETag").orElseThrow();
        assertNotEquals(en, ko);
        assertEquals(HttpSC.OK_200, get("/page/person/kim-jong-un?lang=ko", "text/html", en).statusCode(), "the English tag does not validate the Korean page");
    }

    @Test
    void errorsAndRedirectsCarryNoTag() throws Exception {
        HttpResponse<String> missing = get("/page/person/nobody-at-all", "text/html", null);
        assertEquals(HttpSC.NOT_FOUND_404, missing.statusCode());
        assertFalse(missing.headers().firstValue("ETag").isPresent());
        HttpResponse<String> notAcceptable = get("/data/person/kim-jong-un", "image/png", null);
        assertFalse(notAcceptable.statusCode() == HttpSC.OK_200);
        assertFalse(notAcceptable.headers().firstValue("ETag").isPresent());
    }

    @Test
    void ifNoneMatchListsAreComparedWeakly() {
        assertTrue(ConditionalGet.matches("*", "\"a-1\""));
        assertTrue(ConditionalGet.matches("W/\"a-1\"", "\"a-1\""));
        assertTrue(ConditionalGet.matches("\"x\" , \"a-1\"", "\"a-1\""));
        assertFalse(ConditionalGet.matches("\"a-2\"", "\"a-1\""));
        assertFalse(ConditionalGet.matches("a-1", "\"a-1\""));
    }
}
