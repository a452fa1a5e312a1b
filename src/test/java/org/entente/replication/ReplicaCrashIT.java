package org.entente.replication;

import static org.entente.replication.ReplicationLib.assertSameStore;
import static org.entente.replication.ReplicationLib.awaitOffset;
import static org.entente.replication.ReplicationLib.offset;
import static org.entente.replication.ReplicationLib.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.JarRunner;
import org.entente.load.Loader;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} for real: a replica is a child process ({@code java -jar entente.jar serve --role replica})
 * killed while it applies a large patch, then started again on its store: it resumes at the patch it had
 * not committed, applies it once, and ends with the writer's quads, blank nodes included.
 */
class ReplicaCrashIT {

    @TempDir
    static Path dir;
    static Path passwd;

    static LocalBroker broker;
    static LogSettings log;
    static DatasetGraph writerStore;
    static Replication writerRole;
    static FusekiServer writer;
    static String writerUrl;

    @BeforeAll
    static void start() throws Exception {
        broker = LocalBroker.start(dir.resolve("broker"));
        log = LogSettings.of(broker.bootstrap(), "entente-crash");
        passwd = dir.resolve("passwd");
        Files.writeString(passwd, ReplicationLib.USER + ": " + ReplicationLib.PASSWORD + "\n", StandardCharsets.UTF_8);
        writerStore = StoreLib.open(dir.resolve("writer"));
        writerRole = Replication.writer(writerStore, log);
        writer = EntenteServer.create().dataset(writerRole.dataset()).replication(writerRole).passwordFile(passwd).port(0).build().start();
        writerUrl = "http://127.0.0.1:" + writer.getHttpPort() + "/";
    }

    @AfterAll
    static void stop() {
        children.forEach(Process::destroyForcibly);
        if (writer != null)
            writer.stop();
        if (writerRole != null)
            writerRole.close();
        if (writerStore != null)
            StoreLib.close(writerStore);
        if (broker != null)
            broker.kill();
    }

    /** Every child process started, killed at the end whatever happened. */
    static final List<Process> children = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A server in a process of its own, on a store of its own. */
    record Child(Process process, String url) {
        static Child start(Path store, Path logFile) throws Exception {
            return start(logFile, "serve", "--store", store.toString(), "--port", "0", "--no-seed", "--kafka", broker.bootstrap(),
                         "--topic", log.topic(), "--role", "replica", "--max-lag", "0");
        }

        static Child start(Path logFile, String... args) throws Exception {
            Process p = JarRunner.java(args).redirectOutput(logFile.toFile()).start();
            children.add(p);
            String sparql = JarRunner.awaitReady(p, logFile);
            return new Child(p, sparql.substring(0, sparql.length() - "kg/sparql".length()));
        }

        void kill9() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }

        void stopCleanly() throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void aReplicaKilledInTheMiddleOfALargePatchResumesAndAppliesItOnce() throws Exception {
        assertEquals(204, ReplicationLib.update(writerUrl,
            "INSERT DATA { GRAPH <https://example.org/graph/small> { <https://example.org/a> <https://example.org/b> [ <https://example.org/c> 1 ] } }").statusCode());
        Path replicaStore = dir.resolve("replica");
        Child replica = Child.start(replicaStore, dir.resolve("replica-1.log"));
        awaitOffset(replica.url(), offset(writerUrl));

        // A large load through the writer: one patch of 120,000 triples (a third on blank nodes), a score of records.
        Path big = dir.resolve("big.nt");
        int n = 40_000;
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write("<https://example.org/thing/" + i + "> <https://example.org/label> \"thing number " + i + "\" .\n");
                w.write("<https://example.org/thing/" + i + "> <https://example.org/part> _:b" + i + " .\n");
                w.write("_:b" + i + " <https://example.org/index> \"" + i + "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
            }
        }
        String graph = "https://example.org/graph/big";
        long before = offset(replica.url());
        Path nodes = replicaStore.resolve("Data-0001/nodes-data.obj");
        long nodesBefore = Files.size(nodes);
        var load = java.util.concurrent.CompletableFuture.supplyAsync(
            () -> Loader.create().dataset(writerRole.dataset()).graph(graph).validate(false).build().load(List.of(big)));

        // Kill -9 in the middle: once the replica has written a megabyte of the patch's terms to its node
        // table (TDB2 appends them during the transaction), long before it can commit.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (Files.size(nodes) < nodesBefore + (1 << 20) && System.nanoTime() < deadline)
            Thread.sleep(10);
        replica.kill9();
        assertTrue(Files.size(nodes) >= nodesBefore + (1 << 20), "the replica was applying the large patch when it was killed");
        var report = load.get(90, TimeUnit.SECONDS);
        long bigOffset = offset(writerUrl);
        assertTrue(bigOffset > before);

        Child again = Child.start(replicaStore, dir.resolve("replica-2.log"));
        long t0 = System.nanoTime();
        awaitOffset(again.url(), bigOffset);
        // A figure for the record (not a timed assertion): on a busy 2-core machine, so an upper bound.
        System.out.printf("Large patch: %,d triples (%d records of the log) loaded through the writer in %,d ms;"
                          + " the restarted replica had applied it within %,d ms of answering%n", report.triples(), bigOffset - before,
                          report.elapsed().toMillis(), (System.nanoTime() - t0) / 1_000_000);
        // TDB2 makes a commit visible before its commit call returns (it writes the journal back after):
        // the count follows a moment later.
        long applied = 0;
        for (int i = 0; i < 300 && applied == 0; i++) {
            applied = status(again.url()).get("applied").getAsNumber().value().longValue();
            if (applied == 0)
                Thread.sleep(100);
        }
        assertEquals(1, applied, "after the restart the replica applied exactly the one patch it had not committed");
        again.stopCleanly();

        DatasetGraph copy = StoreLib.open(replicaStore);
        try {
            assertEquals(3L * n, Txn.calculateRead(copy, () -> (long) copy.getGraph(NodeFactory.createURI(graph)).size()));
            assertSameStore(writerStore, copy, "the restarted replica");
        } finally {
            StoreLib.close(copy);
        }
    }

    @Test
    void aWriterKilledDuringALoadLosesNoAcknowledgedWriteAndShowsNoHalfWrite() throws Exception {
        String topic = "entente-writer-crash";
        Path store = dir.resolve("child-writer");
        String[] args = {"serve", "--store", store.toString(), "--port", "0", "--no-seed", "--passwd", passwd.toString(),
                         "--kafka", broker.bootstrap(), "--topic", topic, "--role", "writer"};
        Child w = Child.start(dir.resolve("writer-1.log"), args);
        DatasetGraph replicaStore = StoreLib.open(dir.resolve("writer-crash-replica"));
        Replication replicaRole = Replication.replica(replicaStore, LogSettings.of(broker.bootstrap(), topic), 0);
        FusekiServer replica = EntenteServer.create().dataset(replicaRole.dataset()).replication(replicaRole).port(0).build().start();
        String replicaUrl = "http://127.0.0.1:" + replica.getHttpPort() + "/";
        try {
            // A large Graph Store write under way, small updates acknowledged one after another, then kill -9.
            int n = 40_000;
            StringBuilder big = new StringBuilder();
            for (int i = 0; i < n; i++)
                big.append("<https://example.org/load/").append(i).append("> <https://example.org/p> _:b").append(i).append(" .\n");
            String bigGraph = "https://example.org/graph/load";
            java.util.List<Integer> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < 5; i++)
                assertEquals(204, ReplicationLib.update(w.url(), "INSERT DATA { GRAPH <https://example.org/graph/small> { <https://example.org/small/"
                                                                 + i + "> <https://example.org/n> " + i + " } }").statusCode());
            acked.addAll(List.of(0, 1, 2, 3, 4));
            java.util.concurrent.CompletableFuture<Integer> load = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return ReplicationLib.put(w.url(), bigGraph, big.toString()).statusCode();
                } catch (Exception ex) {
                    return -1;
                }
            });
            Thread small = new Thread(() -> {
                for (int i = 5; i < 10_000; i++) {
                    try {
                        if (ReplicationLib.update(w.url(), "INSERT DATA { GRAPH <https://example.org/graph/small> { <https://example.org/small/" + i
                                                           + "> <https://example.org/n> " + i + " } }").statusCode() == 204)
                            acked.add(i);
                    } catch (Exception ex) {
                        return;
                    }
                }
            });
            small.start();
            Thread.sleep(1_500);
            w.kill9();
            small.join(30_000);
            int loadStatus = load.get(30, TimeUnit.SECONDS);

            Child again = Child.start(dir.resolve("writer-2.log"), args);
            long end = offset(again.url());
            awaitOffset(replicaUrl, end);
            for (String server : List.of(again.url(), replicaUrl)) {
                for (int i : acked)
                    assertTrue(ReplicationIT.ask(server, "ASK { <https://example.org/small/" + i + "> ?p ?o }"), "acknowledged write " + i + " on " + server);
                long loaded = count(server, bigGraph);
                assertTrue(loaded == 0 || loaded == n, "the load is all or nothing on " + server + ": " + loaded + " of " + n);
                if (loadStatus / 100 == 2)
                    assertEquals(n, loaded, "the acknowledged load on " + server);
            }
            assertEquals(count(again.url(), bigGraph), count(replicaUrl, bigGraph), "writer and replica agree on the load");
            again.stopCleanly();
            DatasetGraph copy = StoreLib.open(store);
            try {
                assertSameStore(copy, replicaStore, "the replica of a writer killed during a load");
            } finally {
                StoreLib.close(copy);
            }
        } finally {
            replica.stop();
            replicaRole.close();
            StoreLib.close(replicaStore);
        }
    }

    static long count(String server, String graph) throws Exception {
        var r = ReplicationLib.get(server + "kg/sparql?query=" + ReplicationLib.enc("SELECT (COUNT(*) AS ?n) { GRAPH <" + graph + "> { ?s ?p ?o } }"));
        assertEquals(200, r.statusCode(), r.body());
        var m = java.util.regex.Pattern.compile("integer\">(\\d+)<").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }
}
