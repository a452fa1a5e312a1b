package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.JarRunner;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fat jar itself, run as a user runs it, in its own JVM. */
class JarIT {

    @TempDir
    Path tmp;

    private static Path jar() {
        return JarRunner.jar();
    }

    private static ProcessBuilder java(String... args) {
        return JarRunner.java(args);
    }

    private static String run(ProcessBuilder pb, int expectedExit) throws Exception {
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(expectedExit, p.exitValue(), output);
        return output;
    }

    @Test
    void jarMergesJenaServiceRegistrations() throws IOException {
        try (JarFile jf = new JarFile(jar().toFile())) {
            var entry = jf.getEntry("META-INF/services/org.apache.jena.sys.JenaSubsystemLifecycle");
            assertNotNull(entry);
            String services = new String(jf.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            for (String module : List.of("org.apache.jena.riot", "org.apache.jena.tdb2", "org.apache.jena.shacl", "org.apache.jena.fuseki"))
                assertTrue(services.contains(module), "services lost " + module + ":\n" + services);
        }
    }

    @Test
    void jarLoadsEverySyntax() throws Exception {
        Path f = TestLib.home().resolve("src/test/resources/load");
        String out = run(java("load", "--store", tmp.resolve("s").toString(), "--no-validate",
                              f.resolve("good.ttl").toString(), f.resolve("good.nt").toString(), f.resolve("good.rdf").toString(),
                              f.resolve("good.jsonld").toString(), f.resolve("good-quads.trig").toString(), f.resolve("good.nq").toString(),
                              f.resolve("good.nt.gz").toString()), 0);
        assertTrue(out.contains("Loaded 9 triples"), out);
        String bad = run(java("load", "--store", tmp.resolve("s").toString(), f.resolve("bad-syntax-line-3.ttl").toString()), 1);
        assertTrue(bad.contains("bad-syntax-line-3.ttl:3:"), bad);
    }

    @Test
    void loadKilledHalfWayLeavesTheStoreAsItWas() throws Exception {
        Path store = tmp.resolve("kill-store");
        run(java("load", "--store", store.toString(), TestLib.home().resolve("ontology").toString(),
                 TestLib.home().resolve("data").toString()), 0);
        long before = countQuads(store);

        Path big = tmp.resolve("big.nt");
        try (var w = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 1_500_000; i++)
                w.write("<http://example.org/s" + (i / 10) + "> <http://example.org/p" + (i % 10) + "> \"value " + i + "\" .\n");
        }
        Process p = java("load", "--store", store.toString(), "--no-validate", big.toString())
            .redirectOutput(tmp.resolve("kill.log").toFile()).start();
        Thread.sleep(4000);
        assertTrue(p.isAlive(), "the load finished before it could be killed; make the file bigger");
        p.destroyForcibly();  // SIGKILL: no shutdown hook, no commit
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(before, countQuads(store), "a killed load must leave the store as it was");
    }

    private static long countQuads(Path store) {
        DatasetGraph dsg = StoreLib.open(store);
        try {
            return Txn.calculateRead(dsg, () -> dsg.stream().count());
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void serveLoadsTheSeedAnswersAndStopsCleanlyOnSigterm() throws Exception {
        Path store = tmp.resolve("serve-store");
        Path logFile = tmp.resolve("serve.log");
        Process p = java("serve", "--store", store.toString(), "--port", "0").redirectOutput(logFile.toFile()).start();
        try {
            String url = JarRunner.awaitReady(p, logFile);
            String q = URLEncoder.encode("SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/entente/id/source/2025-08-victory-day-parade> { ?s ?p ?o } }",
                                         StandardCharsets.UTF_8);
            HttpResponse<String> resp = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "?query=" + q)).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, resp.statusCode());
            long triples = Long.parseLong(resp.body().split("\\R")[1].strip());
            assertTrue(triples > 200, "the article's graph is loaded: " + triples);

            p.destroy();  // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "server did not stop on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(logFile);
        assertTrue(log.contains("Stopping"), log);
        DatasetGraph dsg = StoreLib.open(store);
        try {
            assertTrue(Txn.calculateRead(dsg, () -> dsg.stream().count()) > 1500, "the store opens again with its data");
        } finally {
            StoreLib.close(dsg);
        }
    }
}
