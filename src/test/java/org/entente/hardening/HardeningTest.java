package org.entente.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.entente.http.HttpLib;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.entente.server.limits.ConcurrencyGate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear error and loses nothing; limits hold; credentials stay out of the logs. */
class HardeningTest {

    static final String USER = "editor";
    static final String PASSWORD = "s3cret-never-logged";
    static final long MAX_BODY = 64 * 1024;

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, USER + ": " + PASSWORD + "\n");
        server = EntenteServer.create().dataset(dsg).port(0).passwordFile(passwd).maxBodyBytes(MAX_BODY).timeoutMillis(5000)
                              .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        StoreLib.close(dsg);
    }

    static String kg() {
        return server.datasetURL("/kg");
    }

    static HttpRequest.Builder authed(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization",
            HttpLib.basicAuth(USER, PASSWORD));
    }

    static HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static boolean graphExists(String g) {
        return Txn.calculateRead(dsg, () -> dsg.containsGraph(NodeFactory.createURI(g)));
    }

    static void assertNoStackTrace(HttpResponse<String> r) {
        assertFalse(r.body().contains("\tat ") || r.body().contains("at org.apache") || r.body().contains("at java."),
                    "a stack trace in the response:\n" + r.body());
    }

    @Test
    void oversizedBodiesGet413AndWriteNothing() throws Exception {
        String big = "<http://e/s> <http://e/p> \"" + "x".repeat((int) MAX_BODY) + "\" .";
        HttpResponse<String> withLength = send(authed(kg() + "/data?graph=http://e/big1").header("Content-Type", "text/turtle")
            .PUT(HttpRequest.BodyPublishers.ofString(big)).build());
        assertEquals(413, withLength.statusCode());
        HttpResponse<String> chunked = send(authed(kg() + "/data?graph=http://e/big2").header("Content-Type", "text/turtle")
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build());
        assertEquals(413, chunked.statusCode());
        assertFalse(graphExists("http://e/big1") || graphExists("http://e/big2"));
        // Under the limit, a chunked upload goes through.
        HttpResponse<String> small = send(authed(kg() + "/data?graph=http://e/small").header("Content-Type", "text/turtle")
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("<http://e/s> <http://e/p> 1 .".getBytes(StandardCharsets.UTF_8)))).build());
        assertTrue(small.statusCode() < 300, "got " + small.statusCode());
        assertTrue(graphExists("http://e/small"));
    }

    @Test
    void wrongOrMissingContentTypeOnWritesIs415() throws Exception {
        for (String type : new String[] { "application/x-bogus", "text/html" }) {
            HttpResponse<String> r = send(authed(kg() + "/data?graph=http://e/ct").header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString("<http://e/s> <http://e/p> 1 .")).build());
            assertEquals(415, r.statusCode(), type);
        }
        HttpResponse<String> none = send(authed(kg() + "/data?graph=http://e/ct").PUT(HttpRequest.BodyPublishers.ofString("<http://e/s> <http://e/p> 1 .")).build());
        assertEquals(415, none.statusCode());
        HttpResponse<String> update = send(authed(kg() + "/update").header("Content-Type", "text/turtle")
            .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <http://e/s> <http://e/p> 1 }")).build());
        assertEquals(415, update.statusCode());
        assertFalse(graphExists("http://e/ct"));
    }

    @Test
    void malformedUpdatesAndQueriesGet400WithTheParserMessage() throws Exception {
        HttpResponse<String> u = send(authed(kg() + "/update").header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <http://e/bad> { <http://e/s> <http://e/p> }")).build());
        assertEquals(400, u.statusCode());
        assertTrue(u.body().contains("line 1"), u.body());
        assertNoStackTrace(u);
        HttpResponse<String> badIri = send(authed(kg() + "/update").header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <http://e/bad> { <http://e/a b> <http://e/p> 1 } }")).build());
        assertEquals(400, badIri.statusCode());
        assertNoStackTrace(badIri);
        assertFalse(graphExists("http://e/bad"));
    }

    @Test
    void deepNestingAndBadBytesAreRefusedCleanly() throws Exception {
        String deep = "SELECT * WHERE " + "{".repeat(20_000) + "}".repeat(20_000);
        HttpResponse<String> body = send(HttpRequest.newBuilder(URI.create(kg() + "/sparql")).header("Content-Type", "application/sparql-query")
            .POST(HttpRequest.BodyPublishers.ofString(deep)).build());
        assertEquals(400, body.statusCode());
        assertNoStackTrace(body);
        String shallowButLong = "SELECT * WHERE " + "{".repeat(300) + "}".repeat(300);
        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(kg() + "/sparql?query=" + URLEncoder.encode(shallowButLong, StandardCharsets.UTF_8))).build());
        assertEquals(400, get.statusCode());
        byte[] bad = "query=SELECT * { ?s ?p \"\u0000\" }".getBytes(StandardCharsets.ISO_8859_1);
        bad[bad.length - 4] = (byte) 0xff;
        HttpResponse<String> bytes = send(HttpRequest.newBuilder(URI.create(kg() + "/sparql")).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bad)).build());
        assertTrue(bytes.statusCode() == 400 || bytes.statusCode() == 200, "got " + bytes.statusCode());
        assertNoStackTrace(bytes);
        // And the server goes on answering.
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(kg() + "/sparql?query=ASK%7B%7D")).build()).statusCode());
    }

    @Test
    void anUpdateNamingItsDatasetInBothProtocolAndUpdateIs400() throws Exception {
        String using = kg() + "/update?using-graph-uri=" + URLEncoder.encode("http://e/using", StandardCharsets.UTF_8);
        String with = "WITH <http://e/with> INSERT { <http://e/s> <http://e/p> 1 } WHERE { }";
        HttpResponse<String> body = send(authed(using).header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString(with)).build());
        assertEquals(400, body.statusCode());
        assertTrue(body.body().contains("2.2.3"), body.body());
        HttpResponse<String> form = send(authed(using).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("update=" + URLEncoder.encode(with, StandardCharsets.UTF_8))).build());
        assertEquals(400, form.statusCode());
        assertTrue(form.body().contains("2.2.3"), form.body());
        assertFalse(graphExists("http://e/with"));
        // Named once, in the protocol only, the update runs: its body, read for the checks, reaches Fuseki whole.
        HttpResponse<String> once = send(authed(using).header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("INSERT { GRAPH <http://e/once> { <http://e/s> <http://e/p> 1 } } WHERE { }")).build());
        assertTrue(once.statusCode() < 300, "got " + once.statusCode() + " " + once.body());
        assertTrue(graphExists("http://e/once"));
    }

    @Test
    void aFloodIsQueuedOrRefusedWith503() throws Exception {
        // One place, a short wait, and a time limit far beyond the slow query: a 503 here can only come from the gate.
        FusekiServer narrow = EntenteServer.create().dataset(dsg).port(0).maxConcurrent(1, 100).timeoutMillis(120_000).build().start();
        try {
            // A million rows to count: seconds of work, which hold the one place while the others arrive.
            String slow = narrow.datasetURL("/kg") + "/sparql?query="
                + URLEncoder.encode("SELECT (COUNT(*) AS ?n) { { SELECT * { ?a ?b ?c . ?d ?e ?f } LIMIT 1000000 } }", StandardCharsets.UTF_8);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<HttpResponse<String>>> all = new ArrayList<>();
                for (int i = 0; i < 4; i++)
                    all.add(pool.submit(() -> send(HttpRequest.newBuilder(URI.create(slow)).build())));
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> f : all) {
                    HttpResponse<String> r = f.get(150, TimeUnit.SECONDS);
                    statuses.add(r.statusCode());
                    if (r.statusCode() == 503) {
                        assertTrue(r.body().contains(ConcurrencyGate.BUSY), "a refusal by the gate, not a time limit: " + r.body());
                        assertTrue(r.headers().firstValue("Retry-After").isPresent(), "a busy refusal says when to retry");
                    } else {
                        assertEquals(200, r.statusCode(), "the admitted query runs to its end: " + r.body());
                    }
                }
                assertEquals(List.of(200, 503, 503, 503), statuses.stream().sorted().toList(), "with one place, one runs and the others are refused");
            } finally {
                pool.shutdownNow();
            }
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(narrow.datasetURL("/kg") + "/sparql?query=ASK%7B%7D")).build()).statusCode());
        } finally {
            narrow.stop();
        }
    }

    @Test
    void credentialsNeverReachTheLogs() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        // At the levels the service ships with (and the request log on), everything that would be printed.
        LoggerConfig root = config.getRootLogger();
        LoggerConfig fuseki = config.getLoggerConfig("org.apache.jena.fuseki.Fuseki");
        Level before = fuseki.getLevel();
        root.addAppender(capture, Level.ALL, null);
        fuseki.setLevel(Level.INFO);
        ctx.updateLoggers();
        try {
            send(authed(kg() + "/update").header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <http://e/log> { <http://e/s> <http://e/p> 1 } }")).build());
            send(authed(kg() + "/update").header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { broken")).build());
            send(HttpRequest.newBuilder(URI.create(kg() + "/update")).header("Authorization", HttpLib.basicAuth(USER, "wrong-" + PASSWORD))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString("INSERT DATA {}")).build());
        } finally {
            root.removeAppender("capture");
            fuseki.setLevel(before);
            ctx.updateLoggers();
        }
        assertFalse(lines.isEmpty(), "the requests were logged");
        String encoded = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String line : lines)
            assertFalse(line.contains(PASSWORD) || line.contains(encoded), "a credential in the log: " + line);
    }

    @Test
    void readersSeeAGraphWhollyOrNotAtAllWhileItLoads() throws Exception {
        int k = 50_000;
        Path file = tmp.resolve("isolation.nt");
        try (var w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < k; i++)
                w.write("<http://example.org/iso/s" + i + "> <http://example.org/p> \"" + i + "\" .\n");
        }
        Node g = org.entente.load.Loader.graphFor(file);
        List<Long> seen = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> load = pool.submit(() -> org.entente.load.Loader.create().dataset(dsg).validate(false).build().load(List.of(file)));
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++)
                readers.add(pool.submit(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (System.nanoTime() < deadline) {
                        long n = Txn.calculateRead(dsg, () -> (long) dsg.getGraph(g).size());
                        seen.add(n);
                        if (n == k)
                            return null;
                        Thread.sleep(5);
                    }
                    return null;
                }));
            load.get(120, TimeUnit.SECONDS);
            for (Future<?> f : readers)
                f.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(seen.stream().allMatch(n -> n == 0 || n == k), "a reader saw part of a load: " + seen.stream().filter(n -> n != 0 && n != k).limit(5).toList());
        assertTrue(seen.contains((long) k), "readers saw the load once committed");
        assertTrue(seen.contains(0L), "readers ran while the load was under way");
        Txn.executeWrite(dsg, () -> dsg.removeGraph(g));
    }

    @Test
    void concurrentReadersAndAWriterOverHttp() throws Exception {
        int writes = 20, readers = 4, reads = 40;
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        List<Integer> failures = new CopyOnWriteArrayList<>();
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < writes; i++) {
                    HttpResponse<String> r = send(authed(kg() + "/update").header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <http://e/conc> { <http://e/w" + i + "> <http://e/p> " + i + " } }")).build());
                    if (r.statusCode() == 200 || r.statusCode() == 204)
                        acknowledged.add(i);
                }
                return null;
            }));
            String q = kg() + "/sparql?query=" + URLEncoder.encode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", StandardCharsets.UTF_8);
            for (int r = 0; r < readers; r++)
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < reads; i++) {
                        int status = send(HttpRequest.newBuilder(URI.create(q)).header("Accept", "text/csv").build()).statusCode();
                        if (status != 200)
                            failures.add(status);
                    }
                    return null;
                }));
            for (Future<?> f : jobs)
                f.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures, "failed reads");
        assertEquals(writes, acknowledged.size());
        long present = Txn.calculateRead(dsg, () -> (long) dsg.getGraph(NodeFactory.createURI("http://e/conc")).size());
        assertEquals(writes, present, "every acknowledged write is there");
    }
}
