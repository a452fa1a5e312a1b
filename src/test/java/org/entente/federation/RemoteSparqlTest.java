package org.entente.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The remote client against a scripted endpoint on loopback: User-Agent, 429 with Retry-After, cache, errors. */
class RemoteSparqlTest {

    private static final String ANSWER =
        "{ \"head\": { \"vars\": [\"x\"] }, \"results\": { \"bindings\": [ { \"x\": { \"type\": \"literal\", \"value\": \"1\" } } ] } }";

    HttpServer server;
    final AtomicInteger hits = new AtomicInteger();
    final List<String> userAgents = new CopyOnWriteArrayList<>();

    private String start(int... statuses) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sparql", ex -> {
            int n = hits.getAndIncrement();
            userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            int status = n < statuses.length ? statuses[n] : 200;
            byte[] body = (status == 200 ? ANSWER : "slow down").getBytes(StandardCharsets.UTF_8);
            if (status == 429)
                ex.getResponseHeaders().add("Retry-After", "1");
            ex.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql";
    }

    @AfterEach
    void stop() {
        if (server != null)
            server.stop(0);
    }

    @Test
    void honoursRetryAfterOnceAndSendsItsUserAgent() throws IOException {
        String url = start(429);
        RemoteSparql remote = new RemoteSparql(ServicePolicy.create().cacheTtl(Duration.ZERO).build());
        assertEquals(1, remote.select(url, "SELECT * {}").bindings().size());
        assertEquals(2, hits.get(), "one 429, then one retry");
        assertTrue(userAgents.stream().allMatch(ua -> ua.startsWith("Entente/") && ua.contains("https://")), userAgents.toString());
    }

    @Test
    void givesUpWhenStillRateLimited() throws IOException {
        String url = start(429, 429, 429);
        RemoteSparql remote = new RemoteSparql(ServicePolicy.create().cacheTtl(Duration.ZERO).build());
        RemoteSparql.RemoteException ex = assertThrows(RemoteSparql.RemoteException.class, () -> remote.select(url, "SELECT * {}"));
        assertTrue(ex.getMessage().contains("429"), ex.getMessage());
        assertEquals(2, hits.get());
    }

    @Test
    void cachesAnswersForTheirTimeToLive() throws IOException {
        String url = start();
        RemoteSparql remote = new RemoteSparql(ServicePolicy.create().cacheTtl(Duration.ofMinutes(5)).build());
        remote.select(url, "SELECT * {}");
        remote.select(url, "SELECT * {}");
        assertEquals(1, hits.get(), "the second identical query is answered from the cache");
        remote.select(url, "SELECT * { ?s ?p ?o }");
        assertEquals(2, hits.get());
    }

    @Test
    void serverErrorSaysWhichEndpoint() throws IOException {
        String url = start(500);
        RemoteSparql remote = new RemoteSparql(ServicePolicy.create().cacheTtl(Duration.ZERO).build());
        RemoteSparql.RemoteException ex = assertThrows(RemoteSparql.RemoteException.class, () -> remote.select(url, "SELECT * {}"));
        assertTrue(ex.getMessage().contains(url) && ex.getMessage().contains("500"), ex.getMessage());
    }
}
