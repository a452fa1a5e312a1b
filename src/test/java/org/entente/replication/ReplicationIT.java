package org.entente.replication;

import static org.entente.replication.ReplicationLib.assertSameStore;
import static org.entente.replication.ReplicationLib.awaitOffset;
import static org.entente.replication.ReplicationLib.awaitReady;
import static org.entente.replication.ReplicationLib.get;
import static org.entente.replication.ReplicationLib.offset;
import static org.entente.replication.ReplicationLib.status;
import static org.entente.replication.ReplicationLib.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.TestLib;
import org.entente.load.SeedLib;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real KRaft broker (a child JVM), one writer and two replicas (in-process servers on port 0, each on
 * its own TDB2 store): every write path reaches every replica, a write the log cannot take is 503 and made
 * nowhere, a new replica catches up from an empty store, and a patch the log took but the writer never
 * committed is applied when the writer comes back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationIT {

    @TempDir
    static Path dir;

    static LocalBroker broker;
    static LogSettings log;
    static Path passwd;
    static Node writer, replicaA, replicaB;
    static final List<Node> nodes = new ArrayList<>();

    /** A server with its store and role. */
    record Node(DatasetGraph store, Replication role, FusekiServer server, String url) {
        void stop() {
            server.stop();
            role.close();
        }
    }

    @BeforeAll
    static void cluster() throws Exception {
        broker = LocalBroker.start(dir.resolve("broker"));
        log = LogSettings.of(broker.bootstrap(), "entente-it").withTimeout(Duration.ofSeconds(3));
        passwd = dir.resolve("passwd");
        Files.writeString(passwd, ReplicationLib.USER + ": " + ReplicationLib.PASSWORD + "\n", StandardCharsets.UTF_8);
        writer = writer(StoreLib.open(dir.resolve("writer")));
        replicaA = replica("a");
        replicaB = replica("b");
    }

    static Node writer(DatasetGraph store) {
        Replication role = Replication.writer(store, log);
        FusekiServer server = EntenteServer.create().dataset(role.dataset()).replication(role).passwordFile(passwd).port(0).build().start();
        Node n = new Node(store, role, server, "http://127.0.0.1:" + server.getHttpPort() + "/");
        nodes.add(n);
        return n;
    }

    static Node replica(String name) {
        DatasetGraph store = StoreLib.open(dir.resolve("replica-" + name));
        Replication role = Replication.replica(store, log, 0);
        FusekiServer server = EntenteServer.create().dataset(role.dataset()).replication(role).port(0).build().start();
        Node n = new Node(store, role, server, "http://127.0.0.1:" + server.getHttpPort() + "/");
        nodes.add(n);
        return n;
    }

    @AfterAll
    static void stop() {
        for (Node n : nodes) {
            n.stop();
            StoreLib.close(n.store());
        }
        if (broker != null)
            broker.kill();
    }

    @Test
    @Order(1)
    void loadsUpdatesAndGraphStoreWritesThroughTheWriterReachEveryReplica() throws Exception {
        // A load: the project's ontology and data through the loader, into the writer's publishing dataset.
        SeedLib.sync(writer.role().dataset(), TestLib.home());
        String g = "https://example.org/graph/one";
        assertEquals(204, update(writer.url(), "INSERT DATA { GRAPH <" + g + "> { <https://example.org/s> <https://example.org/p> [ <https://example.org/q> 1 ], [ <https://example.org/q> 2 ] } }").statusCode());
        assertEquals(204, update(writer.url(), "DELETE { GRAPH ?g { ?b <https://example.org/q> 1 } } INSERT { GRAPH ?g { ?b <https://example.org/q> 10 } } WHERE { GRAPH ?g { ?b <https://example.org/q> 1 } }").statusCode());
        assertSuccess(ReplicationLib.put(writer.url(), "https://example.org/graph/two", "<https://example.org/a> <https://example.org/b> \"put\"@en , [ <https://example.org/c> \"blank\" ] ."));
        assertSuccess(ReplicationLib.post(writer.url(), "https://example.org/graph/two", "<https://example.org/a> <https://example.org/b> \"posted\" ."));
        assertSuccess(ReplicationLib.put(writer.url(), "https://example.org/graph/three", "<https://example.org/x> <https://example.org/y> <https://example.org/z> ."));
        assertSuccess(ReplicationLib.delete(writer.url(), "https://example.org/graph/three"));

        long end = offset(writer.url());
        assertTrue(end > 0, "the writer published patches");
        for (Node r : List.of(replicaA, replicaB)) {
            awaitOffset(r.url(), end);
            assertSameStore(writer.store(), r.store(), r.url());
            assertEquals(status(writer.url()).get("patch"), status(r.url()).get("patch"), "the same last patch");
            awaitReady(r.url()); // a replica at the end of the log becomes ready
        }
        assertTrue(Txn.calculateRead(replicaA.store(), () -> replicaA.store().getGraph(org.apache.jena.graph.NodeFactory.createURI(g)).size()) == 4,
                   "the replica holds the blank-node triples once each");
        // A replica takes no write.
        HttpResponse<String> refused = update(replicaA.url(), "INSERT DATA { <https://example.org/no> <https://example.org/no> 1 }");
        assertFalse(refused.statusCode() / 100 == 2, "a replica refused the update: " + refused.statusCode());
    }

    @Test
    @Order(2)
    void whileTheBrokerIsDownWritesGet503AndNothingIsHalfAppliedThenWritesResume() throws Exception {
        long before = offset(writer.url());
        broker.stop();
        String lost = "INSERT DATA { GRAPH <https://example.org/graph/down> { <https://example.org/while> <https://example.org/down> 1 } }";
        HttpResponse<String> r = update(writer.url(), lost);
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("patch log"), r.body());
        assertNotNull(r.headers().firstValue("Retry-After").orElse(null), "Retry-After");
        assertFalse(ask(writer.url(), "ASK { <https://example.org/while> ?p ?o }"), "the refused write is not in the writer's store");

        // A replica goes on serving reads, and says its lag is unknown (not ready) within a few seconds.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int health = 200;
        while (health == 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            health = get(replicaA.url() + "$/health").statusCode();
        }
        assertEquals(503, health, "a replica without its log is not ready");
        assertTrue(ask(replicaA.url(), "ASK { ?s ?p ?o }"), "and still answers queries");

        broker = LocalBroker.restart(dir.resolve("broker"), broker.port());
        HttpResponse<String> again = null;
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            again = update(writer.url(), "INSERT DATA { GRAPH <https://example.org/graph/back> { <https://example.org/broker> <https://example.org/is> \"back\" } }");
            if (again.statusCode() == 204)
                break;
            assertEquals(503, again.statusCode(), again.body());
            Thread.sleep(500);
        }
        assertEquals(204, again.statusCode(), again.body());
        long end = offset(writer.url());
        assertTrue(end > before);
        for (Node n : List.of(replicaA, replicaB)) {
            awaitOffset(n.url(), end);
            assertSameStore(writer.store(), n.store(), n.url());
        }
        assertFalse(ask(replicaB.url(), "ASK { <https://example.org/while> ?p ?o }"), "the refused write is on no replica");
    }

    @Test
    @Order(3)
    void aNewReplicaFromAnEmptyStoreCatchesUp() throws Exception {
        Node fresh = replica("fresh");
        awaitOffset(fresh.url(), offset(writer.url()));
        assertSameStore(writer.store(), fresh.store(), "a new replica");
        awaitReady(fresh.url());
    }

    @Test
    @Order(4)
    void aPatchTheLogTookButTheWriterNeverCommittedIsAppliedWhenTheWriterComesBack() throws Exception {
        // The crash window: the log acknowledged the patch, the writer died before its own commit.
        writer.stop();
        nodes.remove(writer);
        ReplicationState last = Txn.calculateRead(writer.store(), () -> ReplicationState.read(writer.store()));
        String id = "uuid:" + java.util.UUID.randomUUID();
        String patch = "H id <" + id + "> .\nH prev <" + last.patchId() + "> .\nTX .\n"
                       + "A <https://example.org/acked> <https://example.org/but> \"never committed\" <https://example.org/graph/window> .\nTC .\n";
        try (PatchLog direct = new PatchLog(log)) {
            direct.publish(id, patch.getBytes(StandardCharsets.UTF_8));
        }
        writer = writer(writer.store());
        assertTrue(ask(writer.url(), "ASK { <https://example.org/acked> ?p ?o }"), "the writer applied the acknowledged patch");
        assertEquals(id, status(writer.url()).get("patch").getAsString().value());
        assertEquals(204, update(writer.url(), "INSERT DATA { GRAPH <https://example.org/graph/after> { <https://example.org/after> <https://example.org/the> \"restart\" } }").statusCode());
        for (Node n : List.of(replicaA, replicaB)) {
            awaitOffset(n.url(), offset(writer.url()));
            assertSameStore(writer.store(), n.store(), n.url());
        }
    }

    @Test
    @Order(5)
    void aNewReplicaFromADumpResumesAtItsOffsetWhenTheEarlyRecordsAreGone() throws Exception {
        // A blank node the writer made before the dump, changed after it: the copy must keep its label.
        String b = "https://example.org/graph/dumped";
        assertEquals(204, update(writer.url(), "INSERT DATA { GRAPH <" + b + "> { <https://example.org/d> <https://example.org/p> [ <https://example.org/q> 1 ] } }").statusCode());
        awaitOffset(replicaB.url(), offset(writer.url()));

        // The checkpoint: replica b stopped, its store dumped with the command an operator runs.
        replicaB.stop();
        nodes.remove(replicaB);
        StoreLib.close(replicaB.store());
        Path dump = dir.resolve("checkpoint.nq.gz");
        assertEquals(0, org.entente.cli.Main.run("dump", "--store", dir.resolve("replica-b").toString(), "--out", dump.toString()));
        DatasetGraph b0 = StoreLib.open(dir.resolve("replica-b"));
        long dumped = Txn.calculateRead(b0, () -> ReplicationState.read(b0)).offset();
        StoreLib.close(b0);
        assertTrue(dumped >= 0, "the dumped replica had applied the log");

        // More writes, one of them on the blank node of the dump.
        assertEquals(204, update(writer.url(), "DELETE { GRAPH ?g { ?x <https://example.org/q> 1 } } INSERT { GRAPH ?g { ?x <https://example.org/q> 2 } } WHERE { GRAPH ?g { <https://example.org/d> <https://example.org/p> ?x . ?x <https://example.org/q> 1 } }").statusCode());
        assertEquals(204, update(writer.url(), "INSERT DATA { GRAPH <https://example.org/graph/after-dump> { <https://example.org/after> <https://example.org/the> \"dump\" } }").statusCode());
        assertSuccess(ReplicationLib.put(writer.url(), "https://example.org/graph/two", "<https://example.org/a> <https://example.org/b> \"replaced after the dump\" ."));
        long end = offset(writer.url());
        assertTrue(end > dumped + 2, "writes after the dump: " + dumped + " -> " + end);

        // The topic loses every record up to the dump's: only a replica that resumes after it can converge.
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            var tp = new org.apache.kafka.common.TopicPartition("entente-it", 0);
            admin.deleteRecords(java.util.Map.of(tp, org.apache.kafka.clients.admin.RecordsToDelete.beforeOffset(dumped + 1))).all()
                 .get(30, java.util.concurrent.TimeUnit.SECONDS);
            long earliest = admin.listOffsets(java.util.Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.earliest())).partitionResult(tp)
                                 .get(30, java.util.concurrent.TimeUnit.SECONDS).offset();
            assertEquals(dumped + 1, earliest, "the topic starts after the dump");
        }

        // A new store from the dump alone, the documented way, and a replica on it.
        Path restored = dir.resolve("replica-restored");
        assertEquals(0, org.entente.cli.Main.run("load", "--restore", "--store", restored.toString(), dump.toString()));
        // Restoring again over it is refused: a restore writes only an empty store.
        assertEquals(org.entente.cli.Main.EXIT_FAILED, org.entente.cli.Main.run("load", "--restore", "--store", restored.toString(), dump.toString()));
        Node fresh = replica("restored");
        awaitOffset(fresh.url(), end);
        assertSameStore(writer.store(), fresh.store(), "a replica from a dump");
        assertEquals(end - dumped, status(fresh.url()).get("applied").getAsNumber().value().longValue(),
                     "the replica applied only the patches after the dump");
        assertEquals(status(writer.url()).get("patch"), status(fresh.url()).get("patch"));
        awaitReady(fresh.url());
    }

    static boolean ask(String server, String ask) throws Exception {
        HttpResponse<String> r = get(server + "kg/sparql?query=" + ReplicationLib.enc(ask));
        assertEquals(200, r.statusCode(), r.body());
        return r.body().contains("true");
    }

    static void assertSuccess(HttpResponse<String> r) {
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
    }
}
