package org.entente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.http.HttpLib;
import org.entente.load.StoreLib;
import org.entente.ops.Readiness;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated haproxy configuration in front of three real Entente servers (one "writer", two
 * "replicas", each on its own TDB2 store): reads go round-robin to the replicas, writes to the writer,
 * a replica whose health says not ready leaves rotation and comes back, and a stopped replica costs no read.
 */
class BalancerTest {

    static final String USER = "editor";
    static final String PASSWORD = "s3cret-balancer";
    static final String ASK = "ASK { GRAPH ?g { ?s ?p ?o } }";

    @TempDir
    Path tmp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    DatasetGraph writerData, replica1Data, replica2Data;
    FusekiServer writer, replica1, replica2;
    Readiness replica2Readiness;
    Balancer balancer;

    @BeforeEach
    void start() throws IOException {
        Path haproxy = HaproxyLib.haproxyOrSkip();
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, USER + ": " + PASSWORD + "\n");
        writerData = StoreLib.open(tmp.resolve("writer"));
        replica1Data = StoreLib.open(tmp.resolve("replica-1"));
        replica2Data = StoreLib.open(tmp.resolve("replica-2"));
        writer = EntenteServer.create().dataset(writerData).port(0).passwordFile(passwd).build().start();
        replica1 = EntenteServer.create().dataset(replica1Data).port(0).build().start();
        replica2Readiness = Readiness.noSeed();
        replica2 = EntenteServer.create().dataset(replica2Data).port(0).readiness(replica2Readiness).build().start();
        balancer = Balancer.start(haproxy, tmp, "127.0.0.1:" + writer.getHttpPort(),
                                  List.of(new HaproxyConfig.Server("replica-1", "127.0.0.1:" + replica1.getHttpPort()),
                                          new HaproxyConfig.Server("replica-2", "127.0.0.1:" + replica2.getHttpPort())),
                                  Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (balancer != null)
            balancer.stop(Duration.ofSeconds(5));
        for (FusekiServer s : new FusekiServer[] { writer, replica1, replica2 })
            if (s != null)
                s.stop();
        for (DatasetGraph d : new DatasetGraph[] { writerData, replica1Data, replica2Data })
            if (d != null)
                StoreLib.close(d);
    }

    @Test
    void readsGoRoundRobinToTheReplicas() throws Exception {
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = send(get("/kg/sparql?query=" + URLEncoder.encode(ASK, StandardCharsets.UTF_8)));
            assertEquals(200, r.statusCode(), r.body());
            servedBy.add(servedBy(r));
        }
        assertEquals(Set.of("replica-1", "replica-2"), servedBy);
        HttpResponse<String> post = send(request("/kg/query").header("Content-Type", "application/sparql-query")
                                                                 .POST(HttpRequest.BodyPublishers.ofString(ASK)));
        assertEquals(200, post.statusCode(), post.body());
        assertTrue(servedBy(post).startsWith("replica-"), "a query by POST is a read: " + servedBy(post));
        assertTrue(servedBy(send(get("/$/health"))).startsWith("replica-"));
    }

    @Test
    void writesGoToTheWriterOnly() throws Exception {
        HttpResponse<String> update = send(request("/kg/update").header("Authorization", HttpLib.basicAuth(USER, PASSWORD))
                                                                   .header("Content-Type", "application/sparql-update")
                                                                   .POST(HttpRequest.BodyPublishers.ofString(
                                                                       "INSERT DATA { GRAPH <http://example.org/g1> { <http://example.org/s> <http://example.org/p> 1 } }")));
        assertEquals(204, update.statusCode(), update.body());
        assertEquals("writer", servedBy(update));
        HttpResponse<String> put = send(request("/kg/data?graph=" + URLEncoder.encode("http://example.org/g2", StandardCharsets.UTF_8))
                                            .header("Authorization", HttpLib.basicAuth(USER, PASSWORD))
                                            .header("Content-Type", "text/turtle")
                                            .PUT(HttpRequest.BodyPublishers.ofString("<http://example.org/s> <http://example.org/p> 2 .")));
        assertTrue(put.statusCode() == 201 || put.statusCode() == 200, put.statusCode() + " " + put.body());
        assertEquals("writer", servedBy(put));
        HttpResponse<String> unauthorised = send(request("/kg/update").header("Content-Type", "application/sparql-update")
                                                                         .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")));
        assertEquals(401, unauthorised.statusCode(), "the writer asks for the password, through the balancer too");
        Txn.executeRead(writerData, () -> {
            assertTrue(writerData.containsGraph(NodeFactory.createURI("http://example.org/g1")));
            assertTrue(writerData.containsGraph(NodeFactory.createURI("http://example.org/g2")));
        });
        for (DatasetGraph replica : List.of(replica1Data, replica2Data))
            Txn.executeRead(replica, () -> assertTrue(replica.isEmpty(), "no write reached a replica"));
        HttpResponse<String> read = send(get("/kg/data?graph=" + URLEncoder.encode("http://example.org/g2", StandardCharsets.UTF_8)));
        assertTrue(servedBy(read).startsWith("replica-"), "a Graph Store read is a read: " + servedBy(read));
    }

    @Test
    void aReplicaNotReadyLeavesRotationAndComesBack() throws Exception {
        replica2Readiness.seedFailed();
        awaitServedBy(Set.of("replica-1"));
        replica2Readiness.seedLoaded();
        awaitServedBy(Set.of("replica-1", "replica-2"));
    }

    @Test
    void aStoppedReplicaCostsNoRead() throws Exception {
        int port = replica2.getHttpPort();
        replica2.stop();
        // Straight away, before the health check notices: haproxy sends reads that find no one to the other replica.
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = send(get("/kg/sparql?query=" + URLEncoder.encode(ASK, StandardCharsets.UTF_8)));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("replica-1", servedBy(r));
        }
        replica2 = EntenteServer.create().dataset(replica2Data).port(port).build().start();
        awaitServedBy(Set.of("replica-1", "replica-2"));
    }

    /** Reads until a round of reads is answered by exactly these servers (haproxy checks every second). */
    void awaitServedBy(Set<String> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Set<String> seen = Set.of();
        while (System.nanoTime() < deadline) {
            seen = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> r = send(get("/kg/sparql?query=" + URLEncoder.encode(ASK, StandardCharsets.UTF_8)));
                assertEquals(200, r.statusCode(), r.body());
                seen.add(servedBy(r));
            }
            if (seen.equals(expected))
                return;
            Thread.sleep(300);
        }
        assertEquals(expected, seen, "servers answering reads");
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(balancer.url() + path)).timeout(Duration.ofSeconds(30));
    }

    HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String servedBy(HttpResponse<?> r) {
        String s = r.headers().firstValue("X-Entente-Server").orElse("");
        assertFalse(s.isEmpty(), "haproxy names the server that answered");
        return s;
    }
}
