package org.entente.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.http.HttpLib;
import org.entente.JarRunner;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments, in child JVMs running the packaged jar: after every kill the
 * store opens, and every source graph is either entirely there or not there at all.
 */
class CrashIT {

    static final int GRAPHS = 3;
    static final int PER_GRAPH = 50_000;

    @TempDir
    Path tmp;

    static ProcessBuilder java(Path log, String... args) {
        return JarRunner.java(args).redirectOutput(log.toFile());
    }

    static String graph(int i) {
        return "http://example.org/crash/g" + i;
    }

    static void assertWholeOrAbsent(Path store, int graphs, int size, String when) {
        DatasetGraph dsg = StoreLib.open(store);
        try {
            Txn.executeRead(dsg, () -> {
                for (int g = 0; g < graphs; g++) {
                    long n = dsg.getGraph(NodeFactory.createURI(graph(g))).size();
                    assertTrue(n == 0 || n == size, when + ": graph " + g + " has " + n + " of " + size + " triples");
                }
            });
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void loadKilledAtRandomMomentsNeverLeavesAHalfWrittenGraph() throws Exception {
        Path store = tmp.resolve("store");
        Path trig = tmp.resolve("crash.trig");
        try (Writer w = Files.newBufferedWriter(trig)) {
            for (int g = 0; g < GRAPHS; g++) {
                w.write("<" + graph(g) + "> {\n");
                for (int i = 0; i < PER_GRAPH; i++)
                    w.write("<http://example.org/crash/s" + i + "> <http://example.org/p> \"" + g + "-" + i + "\" .\n");
                w.write("}\n");
            }
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int killed = 0;
        for (int round = 0; round < 20; round++) {
            Process p = java(tmp.resolve("load-" + round + ".log"), "load", "--store", store.toString(), "--no-validate", trig.toString()).start();
            long delay = 300 + random.nextInt(4500);
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                killed++;
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertWholeOrAbsent(store, GRAPHS, PER_GRAPH, "round " + round + " (seed " + seed + ", kill after " + delay + " ms)");
        }
        assertTrue(killed >= 10, "most rounds must kill a load under way, killed " + killed + " (seed " + seed + ")");
    }

    @Test
    void serveKilledDuringAnUploadLeavesTheGraphWholeOrAbsent() throws Exception {
        Path store = tmp.resolve("serve-store");
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "editor: pw\n");
        StringBuilder body = new StringBuilder();
        int k = 150_000;
        for (int i = 0; i < k; i++)
            body.append("<http://example.org/up/s").append(i).append("> <http://example.org/p> \"").append(i).append("\" .\n");
        byte[] upload = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();

        // One whole upload first, timed, so that the kills below land along an upload on this machine, however fast.
        long uploadMillis;
        Path timingLog = tmp.resolve("serve-timing.log");
        Process timing = serve(store, passwd, timingLog).start();
        try {
            HttpRequest put = put(JarRunner.awaitReady(timing, timingLog), "http://example.org/crash/timing", upload);
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(put, HttpResponse.BodyHandlers.ofString());
            uploadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 201, "the timed upload: " + r.statusCode() + " " + r.body());
        } finally {
            timing.destroyForcibly();
            assertTrue(timing.waitFor(30, TimeUnit.SECONDS));
        }
        long window = Math.min(uploadMillis, 5_000);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        int rounds = 5;
        int duringUpload = 0;
        for (int round = 0; round < rounds; round++) {
            Path log = tmp.resolve("serve-" + round + ".log");
            Process p = serve(store, passwd, log).start();
            long delay = window / 10 + random.nextInt((int) Math.max(1, window * 8 / 10));
            try {
                HttpRequest put = put(JarRunner.awaitReady(p, log), graph(round), upload);
                CompletableFuture<HttpResponse<String>> sent = http.sendAsync(put, HttpResponse.BodyHandlers.ofString());
                Thread.sleep(delay);
                boolean unanswered = !sent.isDone();
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                // The kill landed during the upload if no answer had come and the connection broke with the server.
                if (unanswered && sent.handle((response, failure) -> failure != null).get(30, TimeUnit.SECONDS))
                    duringUpload++;
            } finally {
                p.destroyForcibly();
            }
            assertWholeOrAbsent(store, round + 1, k, "upload round " + round + " (seed " + seed + ", kill after " + delay + " ms)");
        }
        assertTrue(duringUpload >= 3, "most kills must land during an upload, " + duringUpload + " of " + rounds + " did (a whole upload took "
                                      + uploadMillis + " ms; seed " + seed + ")");
    }

    static ProcessBuilder serve(Path store, Path passwd, Path log) {
        return java(log, "serve", "--store", store.toString(), "--port", "0", "--passwd", passwd.toString(), "--max-body", "1000000000");
    }

    /** An authenticated Graph Store PUT of the N-Triples upload into the graph, on the server of this SPARQL endpoint. */
    static HttpRequest put(String sparql, String graph, byte[] upload) {
        return HttpRequest.newBuilder(URI.create(sparql.replace("/kg/sparql", "/kg/data?graph=" + graph)))
            .header("Content-Type", "application/n-triples")
            .header("Authorization", HttpLib.basicAuth("editor", "pw"))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(upload)).build();
    }
}
