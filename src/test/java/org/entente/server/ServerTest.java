package org.entente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.web.HttpSC;
import org.entente.http.HttpLib;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over a real TDB2 store, on a free port, spoken to over real HTTP. */
class ServerTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;
    static FusekiServer openServer;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "editor: s3cret\n");
        server = EntenteServer.create().dataset(dsg).port(0).passwordFile(passwd).timeoutMillis(2000).build().start();
        openServer = EntenteServer.create().dataset(dsg).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        openServer.stop();
        StoreLib.close(dsg);
    }

    static String kg(FusekiServer s) {
        return s.datasetURL("/kg");
    }

    static HttpResponse<String> send(HttpRequest req) throws IOException, InterruptedException {
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> postForm(String url, String form, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
        if (user != null)
            b.header("Authorization", HttpLib.basicAuth(user, password));
        return send(b.build());
    }

    @Test
    void aPageShowsALabelChangedThroughTheServerAndAQueryChangesNothing() throws Exception {
        String base = "http://localhost:" + server.getHttpPort();
        String page = base + "/page/person/label-cache-test";
        String insert = "update=" + enc("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT DATA { GRAPH <http://example.org/lc> {"
                                        + " <https://w3id.org/entente/id/person/label-cache-test> rdfs:label \"Old name\"@en } }");
        assertTrue(postForm(kg(server) + "/update", insert, "editor", "s3cret").statusCode() / 100 == 2);
        assertTrue(get(page, "text/html").body().contains("Old name"));
        // A query POSTed to the read-only endpoint writes nothing: the labels stay cached (and right).
        assertEquals(200, postForm(kg(server) + "/sparql", "query=" + enc("ASK {}"), null, null).statusCode());
        String rename = "update=" + enc("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> DELETE WHERE { GRAPH <http://example.org/lc> {"
                                        + " <https://w3id.org/entente/id/person/label-cache-test> rdfs:label ?l } } ;"
                                        + " INSERT DATA { GRAPH <http://example.org/lc> { <https://w3id.org/entente/id/person/label-cache-test>"
                                        + " rdfs:label \"New name\"@en } }");
        assertTrue(postForm(kg(server) + "/update", rename, "editor", "s3cret").statusCode() / 100 == 2);
        String after = get(page, "text/html").body();
        assertTrue(after.contains("New name") && !after.contains("Old name"), "a label cached before a write is not shown after it");
    }

    @Test
    void sparqlAnswersOverGetAndPostWithTheUnionOfAllGraphs() throws Exception {
        String q = "PREFIX ent: <https://w3id.org/entente/ontology#> SELECT (COUNT(*) AS ?n) { ?p a ent:Participation }";
        HttpResponse<String> viaGet = get(kg(server) + "/sparql?query=" + enc(q), "text/csv");
        assertEquals(HttpSC.OK_200, viaGet.statusCode());
        HttpResponse<String> viaPost = postForm(kg(server) + "/query", "query=" + enc(q), null, null);
        assertEquals(HttpSC.OK_200, viaPost.statusCode());
        String count = viaGet.body().split("\\R")[1].strip();
        assertEquals(10, Integer.parseInt(count), "ten participations, seen from the default (union) graph");
        assertTrue(viaPost.body().contains(">10<"), viaPost.body());
    }

    @Test
    void malformedQueryGets400WithTheParserMessageAndNoStackTrace() throws Exception {
        HttpResponse<String> r = get(kg(server) + "/sparql?query=" + enc("SELECT * WHERE { ?s ?p "), "application/sparql-results+json");
        assertEquals(HttpSC.BAD_REQUEST_400, r.statusCode());
        assertTrue(r.body().contains("line 1, column"), r.body());
        assertFalse(r.body().contains("at org.apache"), "no stack trace in a response");
    }

    @Test
    void anonymousUpdateIsRefusedAndCredentialsAllowIt() throws Exception {
        String update = "update=" + enc("INSERT DATA { GRAPH <http://example.org/u> { <http://example.org/s> <http://example.org/p> 1 } }");
        HttpResponse<String> anon = postForm(kg(server) + "/update", update, null, null);
        assertEquals(HttpSC.UNAUTHORIZED_401, anon.statusCode());
        assertNotNull(anon.headers().firstValue("WWW-Authenticate").orElse(null));
        HttpResponse<String> wrong = postForm(kg(server) + "/update", update, "editor", "wrong");
        assertEquals(HttpSC.UNAUTHORIZED_401, wrong.statusCode());
        assertFalse(Txn.calculateRead(dsg, () -> dsg.containsGraph(NodeFactory.createURI("http://example.org/u"))));

        HttpResponse<String> ok = postForm(kg(server) + "/update", update, "editor", "s3cret");
        assertEquals(HttpSC.OK_200, ok.statusCode());
        assertTrue(Txn.calculateRead(dsg, () -> dsg.containsGraph(NodeFactory.createURI("http://example.org/u"))));
    }

    @Test
    void queryEndpointsNeverUpdate() throws Exception {
        String update = "update=" + enc("INSERT DATA { GRAPH <http://example.org/v> { <http://example.org/s> <http://example.org/p> 1 } }");
        HttpResponse<String> r = postForm(kg(server) + "/sparql", update, "editor", "s3cret");
        assertTrue(r.statusCode() >= 400, "an update sent to the query endpoint must fail, got " + r.statusCode());
        assertFalse(Txn.calculateRead(dsg, () -> dsg.containsGraph(NodeFactory.createURI("http://example.org/v"))));
    }

    @Test
    void withoutAPasswordFileThereIsNoWriteEndpoint() throws Exception {
        String update = "update=" + enc("INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }");
        int status = postForm(kg(openServer) + "/update", update, null, null).statusCode();
        assertTrue(status == HttpSC.NOT_FOUND_404 || status == HttpSC.METHOD_NOT_ALLOWED_405, "got " + status);
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(kg(openServer) + "/data?default"))
            .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<http://e/s> <http://e/p> 1 .")).build());
        assertTrue(put.statusCode() == HttpSC.NOT_FOUND_404 || put.statusCode() == HttpSC.METHOD_NOT_ALLOWED_405, "got " + put.statusCode());
        assertTrue(Txn.calculateRead(dsg, () -> dsg.getDefaultGraph().isEmpty()));
    }

    @Test
    void endpointDescribesItselfWhenAskedWithoutAQuery() throws Exception {
        HttpResponse<String> r = get(kg(server) + "/sparql", "text/turtle");
        assertEquals(HttpSC.OK_200, r.statusCode());
        org.apache.jena.graph.Graph g = org.apache.jena.riot.RDFParser.fromString(r.body(), org.apache.jena.riot.Lang.TURTLE).toGraph();
        String sd = "http://www.w3.org/ns/sparql-service-description#";
        assertTrue(g.contains(org.apache.jena.graph.Node.ANY, NodeFactory.createURI(sd + "endpoint"), NodeFactory.createURI(kg(server) + "/sparql")));
        assertTrue(g.contains(org.apache.jena.graph.Node.ANY, NodeFactory.createURI(sd + "name"),
                              NodeFactory.createURI("https://w3id.org/entente/id/source/2025-08-victory-day-parade")));
        assertTrue(g.contains(org.apache.jena.graph.Node.ANY, NodeFactory.createURI(sd + "feature"), NodeFactory.createURI(sd + "UnionDefaultGraph")));
    }

    @Test
    void graphStoreReadIsPublic() throws Exception {
        HttpResponse<String> r = get(kg(server) + "/get?graph=" + enc("https://w3id.org/entente/id/source/2025-08-victory-day-parade"), "text/turtle");
        assertEquals(HttpSC.OK_200, r.statusCode());
        assertTrue(r.body().contains("kim-jong-un"));
    }

    @Test
    void slowQueryStopsAtTheTimeLimit() throws Exception {
        String q = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        HttpResponse<String> r = get(kg(server) + "/sparql?query=" + enc(q), "text/csv");
        assertEquals(HttpSC.SERVICE_UNAVAILABLE_503, r.statusCode(), r.body());
        // The server goes on answering.
        assertEquals(HttpSC.OK_200, get(kg(server) + "/sparql?query=" + enc("ASK {}"), "application/sparql-results+json").statusCode());
    }

    @Test
    void uiPingAndAdminAreServedAndGuarded() throws Exception {
        String base = server.serverURL();
        HttpResponse<String> start = get(base, "text/html");
        assertEquals(HttpSC.OK_200, start.statusCode());
        assertTrue(start.body().contains("href=\"/ui/#/dataset/kg/query\""), "the start page links to the SPARQL editor");
        HttpResponse<String> ui = get(base + "ui/", "text/html");
        assertEquals(HttpSC.OK_200, ui.statusCode());
        assertTrue(ui.body().toLowerCase().contains("<html") && ui.body().contains("Fuseki"), "the Fuseki UI at /ui/");
        HttpResponse<String> old = get(base + "index.html", "text/html");
        assertEquals(HttpSC.MOVED_PERMANENTLY_301, old.statusCode(), "the old address leads to the editor");
        assertEquals("/ui/", old.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(""));
        // The editor calls the server relative to its own path; those calls reach the real endpoints,
        // through the same guards.
        assertEquals(HttpSC.OK_200, get(base + "ui/$/ping", "*/*").statusCode());
        assertTrue(get(base + "ui/$/datasets", "application/json").body().contains("\"/kg\""));
        assertEquals(HttpSC.OK_200, get(base + "ui/$/stats/kg", "application/json").statusCode(), "the editor's dataset counters");
        assertTrue(get(base + "ui/kg/sparql?query=" + enc("ASK {}"), "application/sparql-results+json").body().contains("true"));
        assertEquals(HttpSC.UNAUTHORIZED_401, get(base + "ui/$/stats", "application/json").statusCode());
        assertEquals(HttpSC.UNAUTHORIZED_401, postForm(base + "ui/$/datasets", "dbName=evil&dbType=mem", null, null).statusCode());
        assertEquals(HttpSC.OK_200, get(base + "$/ping", "*/*").statusCode());
        assertEquals(HttpSC.OK_200, get(base + "$/datasets", "application/json").statusCode());
        assertEquals(HttpSC.OK_200, get(base + "$/server", "application/json").statusCode());
        assertEquals(HttpSC.UNAUTHORIZED_401, get(base + "$/stats", "application/json").statusCode());
        HttpResponse<String> add = postForm(base + "$/datasets", "dbName=evil&dbType=mem", null, null);
        assertEquals(HttpSC.UNAUTHORIZED_401, add.statusCode());
        assertEquals(HttpSC.FORBIDDEN_403, postForm(openServer.serverURL() + "$/datasets", "dbName=evil&dbType=mem", null, null).statusCode());
        assertEquals(HttpSC.FORBIDDEN_403, postForm(openServer.serverURL() + "$/compact/kg", "", null, null).statusCode());
    }
}
