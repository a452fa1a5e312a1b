package org.entente.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/** HTTP helpers of the replication tests: writes with credentials, status, convergence, store comparison. */
final class ReplicationLib {
    private ReplicationLib() {}

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String USER = "writer", PASSWORD = "s3cret-for-tests";

    static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> update(String server, String update) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server + "kg/update")).header("Authorization", auth())
                               .header("Content-Type", "application/sparql-update")
                               .POST(HttpRequest.BodyPublishers.ofString(update)));
    }

    static HttpResponse<String> put(String server, String graph, String turtle) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server + "kg/data?graph=" + enc(graph))).header("Authorization", auth())
                               .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(turtle)));
    }

    static HttpResponse<String> post(String server, String graph, String turtle) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server + "kg/data?graph=" + enc(graph))).header("Authorization", auth())
                               .header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(turtle)));
    }

    static HttpResponse<String> delete(String server, String graph) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server + "kg/data?graph=" + enc(graph))).header("Authorization", auth()).DELETE());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject status(String server) throws Exception {
        HttpResponse<String> r = get(server + "$/status");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body());
    }

    static long offset(String server) throws Exception {
        return status(server).get("offset").getAsNumber().value().longValue();
    }

    /** Waits until the replica has applied the log up to the writer's last patch. */
    static void awaitOffset(String replica, long offset) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long seen = -2;
        while (System.nanoTime() < deadline) {
            try {
                seen = offset(replica);
                if (seen >= offset)
                    return;
            } catch (java.io.IOException ex) {
                // Not listening (yet, or again).
            }
            Thread.sleep(100);
        }
        fail("replica " + replica + " stayed at offset " + seen + ", short of " + offset);
    }

    /**
     * Waits until a replica's {@code /$/health} answers 200. A replica that has just applied the log's last
     * patch learns the log's end on its next poll, so it may say "starting" or "catching-up" for a moment
     * after its offset has caught up.
     */
    static void awaitReady(String replica) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> r = null;
        while (System.nanoTime() < deadline) {
            r = get(replica + "$/health");
            if (r.statusCode() == 200)
                return;
            Thread.sleep(100);
        }
        fail("replica " + replica + " was not ready within 30 s: " + r.statusCode() + " " + r.body());
    }

    /**
     * Asserts that two stores hold the same quads, blank nodes included: a patch carries blank nodes by
     * their labels and TDB2 keeps labels, so a replica's blank nodes are the writer's, and equality is
     * the strictest isomorphism (one the matcher need not search for).
     */
    static void assertSameStore(DatasetGraph writer, DatasetGraph replica, String what) {
        Set<Quad> w = quads(writer), r = quads(replica);
        assertEquals(w.size(), r.size(), "quads of " + what + " against the writer's");
        Set<Quad> missing = new HashSet<>(w);
        missing.removeAll(r);
        assertEquals(Set.of(), missing.stream().limit(5).collect(java.util.stream.Collectors.toSet()), what + " misses quads of the writer");
    }

    static Set<Quad> quads(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Set<Quad> all = new HashSet<>();
            dsg.find().forEachRemaining(all::add);
            return all;
        });
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
