package org.entente.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.web.HttpSC;
import org.entente.http.HttpLib;
import org.entente.load.JsonLdLib;
import org.entente.load.Loader;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.entente.sys.EntenteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No parser reaches the network or the file system on a document's say-so: a JSON-LD {@code @context}
 * URL is not fetched (upload or load) unless allowed, and an RDF/XML external entity resolves to
 * nothing. A spy HTTP server on loopback records every request made to it: it must see none.
 */
class RemoteContextTest {

    static final String USER = "editor";
    static final String PASSWORD = "s3cret";

    @TempDir
    static Path tmp;

    static HttpServer spy;
    static final List<String> requests = new CopyOnWriteArrayList<>();
    static DatasetGraph dsg;
    static FusekiServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        spy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        spy.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "{\"@context\": {\"name\": \"http://example.org/spied#name\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/ld+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        spy.start();
        dsg = StoreLib.open(tmp.resolve("store"));
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, USER + ": " + PASSWORD + "\n");
        server = EntenteServer.create().dataset(dsg).port(0).passwordFile(passwd).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        StoreLib.close(dsg);
        spy.stop(0);
        JsonLdLib.install(List.of());
    }

    @BeforeEach
    @AfterEach
    void reset() {
        requests.clear();
        JsonLdLib.install(List.of());
    }

    static String spyUrl(String path) {
        return "http://127.0.0.1:" + spy.getAddress().getPort() + path;
    }

    static String jsonld(String context) {
        return "{\"@context\": \"" + context + "\", \"@id\": \"http://example.org/kim\", \"name\": \"Kim\"}";
    }

    static HttpResponse<String> upload(String graph, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.datasetURL("/kg") + "/data?graph=" + graph))
            .header("Authorization", HttpLib.basicAuth(USER, PASSWORD)).header("Content-Type", "application/ld+json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static boolean graphExists(String g) {
        return Txn.calculateRead(dsg, () -> dsg.containsGraph(NodeFactory.createURI(g)));
    }

    @Test
    void uploadNamingARemoteContextIs400AndFetchesNothing() throws Exception {
        String ctx = spyUrl("/ctx.jsonld");
        HttpResponse<String> r = upload("http://e/ssrf", jsonld(ctx));
        assertEquals(HttpSC.BAD_REQUEST_400, r.statusCode(), r.body());
        assertTrue(r.body().contains(ctx), "the message names the context: " + r.body());
        assertFalse(r.body().contains("\tat "), "no stack trace: " + r.body());
        assertEquals(List.of(), requests, "the server fetched the context");
        assertFalse(graphExists("http://e/ssrf"));
    }

    @Test
    void fileContextsAreRefusedToo() throws Exception {
        HttpResponse<String> r = upload("http://e/file", jsonld("file:///etc/passwd"));
        assertEquals(HttpSC.BAD_REQUEST_400, r.statusCode(), r.body());
        assertTrue(r.body().contains("/etc/passwd") && r.body().contains("not allowed"), r.body());
    }

    @Test
    void schemaOrgContextIsServedFromTheJar() throws Exception {
        for (String ctx : List.of("https://schema.org/", "http://schema.org", "https://schema.org/docs/jsonldcontext.json")) {
            String g = "http://e/schema-" + Math.abs(ctx.hashCode());
            HttpResponse<String> r = upload(g, jsonld(ctx));
            assertTrue(r.statusCode() < 300, ctx + ": " + r.statusCode() + " " + r.body());
            Node name = NodeFactory.createURI("https://schema.org/name");
            assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(NodeFactory.createURI(g), NodeFactory.createURI("http://example.org/kim"),
                                                                   name, NodeFactory.createLiteralString("Kim"))), ctx);
        }
        assertEquals(List.of(), requests);
    }

    @Test
    void loadNamingARemoteContextFailsWithTheFileAndTheUrl() throws IOException {
        String ctx = spyUrl("/load-ctx.jsonld");
        Path file = Files.writeString(tmp.resolve("remote-context.jsonld"), jsonld(ctx));
        EntenteException ex = assertThrows(EntenteException.class,
            () -> Loader.create().dataset(dsg).validate(false).root(tmp).build().load(List.of(file)));
        assertTrue(ex.getMessage().startsWith("remote-context.jsonld"), ex.getMessage());
        assertTrue(ex.getMessage().contains(ctx), ex.getMessage());
        assertEquals(List.of(), requests);
    }

    @Test
    void anAllowedContextIsFetched() throws IOException {
        String ctx = spyUrl("/allowed.jsonld");
        JsonLdLib.install(List.of(ctx));
        Path file = Files.writeString(tmp.resolve("allowed-context.jsonld"), jsonld(ctx));
        Loader.create().dataset(dsg).validate(false).root(tmp).build().load(List.of(file));
        assertEquals(List.of("GET /allowed.jsonld"), requests);
        Node g = Loader.graphFor(file);
        assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(g, Node.ANY, NodeFactory.createURI("http://example.org/spied#name"), Node.ANY)));
    }

    @Test
    void rdfXmlExternalEntitiesResolveToNothing() throws Exception {
        String xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF [
              <!ENTITY remote SYSTEM "%s">
              <!ENTITY local SYSTEM "file:///etc/hostname">
            ]>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
              <rdf:Description rdf:about="http://example.org/x">
                <ex:remote>&remote;</ex:remote>
                <ex:local>&local;</ex:local>
              </rdf:Description>
            </rdf:RDF>
            """.formatted(spyUrl("/entity"));
        Path file = Files.writeString(tmp.resolve("xxe.rdf"), xml);
        String hostname = Files.exists(Path.of("/etc/hostname")) ? Files.readString(Path.of("/etc/hostname")).strip() : null;
        try {
            Loader.create().dataset(dsg).validate(false).root(tmp).build().load(List.of(file));
        } catch (EntenteException refused) {
            // Refusing the document is as good as reading the entities as nothing.
        }
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(server.datasetURL("/kg") + "/data?graph=http://e/xxe"))
            .header("Authorization", HttpLib.basicAuth(USER, PASSWORD)).header("Content-Type", "application/rdf+xml")
            .PUT(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(upload.body().contains("\tat "), upload.body());
        assertEquals(List.of(), requests, "an external entity was fetched");
        if (hostname != null && !hostname.isEmpty())
            assertFalse(Txn.calculateRead(dsg, () -> dsg.stream().anyMatch(q -> q.getObject().isLiteral()
                                                                             && q.getObject().getLiteralLexicalForm().contains(hostname))),
                        "a local file's content reached the store");
    }
}
