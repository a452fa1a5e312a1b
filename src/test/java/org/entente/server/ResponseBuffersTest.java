package org.entente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.web.HttpSC;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers are written through an output buffer Jetty's pool keeps: many requests take no direct memory
 * of their own (Fuseki's 5 MiB buffer took a fresh one per answer, and forced full collections), and
 * an answer larger than the buffer still arrives whole.
 */
class ResponseBuffersTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        dsg = StoreLib.open(tmp.resolve("store"));
        server = EntenteServer.create().dataset(dsg).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        StoreLib.close(dsg);
    }

    private static HttpResponse<byte[]> ask(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.datasetURL("/kg") + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream().filter(b -> b.getName().equals("direct"))
                                .mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    @Test
    void manyAnswersTakeNoDirectMemoryOfTheirOwn() throws Exception {
        for (int i = 0; i < 20; i++)
            assertEquals(HttpSC.OK_200, ask("ASK {}").statusCode());
        long before = directBytes();
        for (int i = 0; i < 200; i++)
            assertEquals(HttpSC.OK_200, ask("ASK {}").statusCode());
        long grown = directBytes() - before;
        // With a 5 MiB buffer per answer, 200 answers would have taken up to a gigabyte.
        assertTrue(grown < 8L << 20, "direct memory grew by " + grown + " bytes over 200 answers");
    }

    @Test
    void anAnswerLargerThanTheBufferArrivesWhole() throws Exception {
        int rows = 5_000;
        HttpResponse<byte[]> r = ask("SELECT ?i ?text { VALUES ?k { 0 1 2 3 4 5 6 7 8 9 } VALUES ?j { 0 1 2 3 4 5 6 7 8 9 } "
                                     + "VALUES ?h { 0 1 2 3 4 5 6 7 8 9 } VALUES ?t { 0 1 2 3 4 } "
                                     + "BIND (?k + 10 * ?j + 100 * ?h + 1000 * ?t AS ?i) BIND (CONCAT(\"row number \", STR(?i)) AS ?text) }");
        assertEquals(HttpSC.OK_200, r.statusCode());
        assertTrue(r.body().length > 4 * ResponseBuffers.OUTPUT_BUFFER_BYTES, "the answer is larger than the buffer: " + r.body().length);
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON);
        int n = 0;
        for (; rs.hasNext(); rs.next())
            n++;
        assertEquals(rows, n);
    }
}
