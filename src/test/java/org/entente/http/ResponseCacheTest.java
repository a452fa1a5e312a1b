package org.entente.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.entente.federation.ServicePolicy;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.web.HttpSC;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response cache over real HTTP, a real TDB2 store and the project's queries: a repeated page or
 * named query is answered from the cache ({@code X-Cache: hit}, and the hit counter of
 * {@code /$/metrics} moves) with the headers and bytes of the first answer; a write through either
 * write endpoint makes the next answer new; variants never share an entry; credentials, {@code no-cache},
 * oversize answers and errors are never kept; HEAD works; a cache of 0 bytes is off.
 */
class ResponseCacheTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    /** A cache whose entries are at most {@link #ENTRY_LIMIT} bytes, so that a long answer is oversize. */
    static FusekiServer cached;
    static FusekiServer off;
    /** A server whose Wikidata is a stand-in, for the queries that call it. */
    static FusekiServer federated;
    static FusekiServer standIn;
    static final int ENTRY_LIMIT = 16 * 1024;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String AUTH = HttpLib.basicAuth("editor", "s3cret");
    static final String KIM = "https://w3id.org/entente/id/person/kim-jong-un";

    @BeforeAll
    static void start() throws IOException {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "editor: s3cret\n");
        cached = EntenteServer.create().dataset(dsg).port(0).passwordFile(passwd).publicMetrics(true)
                              .queries(TestLib.home().resolve("queries")).responseCache(8L << 20, ENTRY_LIMIT).build().start();
        off = EntenteServer.create().dataset(dsg).port(0).queries(TestLib.home().resolve("queries"))
                           .responseCache(0, ENTRY_LIMIT).build().start();
        DatasetGraph wd = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(wd, TestLib.home().resolve("src/test/resources/wikidata/standin.ttl").toString());
        standIn = FusekiServer.create().port(0).add("/wikidata", wd).build().start();
        federated = EntenteServer.create().dataset(dsg).port(0).queries(TestLib.home().resolve("queries"))
                                 .servicePolicy(ServicePolicy.create().wikidataEndpoint(standIn.datasetURL("/wikidata") + "/sparql")
                                                             .readTimeout(Duration.ofSeconds(5)).build())
                                 .build().start();
    }

    @AfterAll
    static void stop() {
        cached.stop();
        off.stop();
        federated.stop();
        standIn.stop();
        StoreLib.close(dsg);
    }

    static HttpResponse<String> send(FusekiServer s, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + s.getHttpPort() + path))
                                           .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2)
            b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(cached, "GET", path, headers);
    }

    static String xcache(HttpResponse<?> r) {
        return r.headers().firstValue(ResponseCache.HEADER).orElse("(none)");
    }

    /** A hit that matches the answer it repeats: same status, bytes and headers (but for X-Cache). */
    static void assertHitRepeats(HttpResponse<String> first, HttpResponse<String> again) {
        String what = again.uri().toString();
        assertEquals(HttpSC.OK_200, first.statusCode(), what + ": " + first.body());
        assertEquals("hit", xcache(again), what);
        assertEquals(first.body(), again.body(), what);
        for (String h : List.of("Content-Type", "Vary", "ETag", "Cache-Control", "Content-Security-Policy", "X-Content-Type-Options",
                                "Referrer-Policy", "Link", "Content-Location"))
            assertEquals(first.headers().allValues(h), again.headers().allValues(h), what + " header " + h);
        assertEquals(Optional.of(Long.toString(first.body().getBytes(StandardCharsets.UTF_8).length)),
                     again.headers().firstValue("Content-Length"), what);
    }

    static final List<String> CACHED_PATHS = List.of(
        "/api/office-holders-on-date?date=2025-09-03",
        "/api/office-holders-on-date?date=2025-09-03&format=html",
        "/api/person-timeline?person=" + URLEncoder.encode(KIM, StandardCharsets.UTF_8) + "&format=csv",
        "/", "/states", "/page/person/kim-jong-un", "/data/person/kim-jong-un.ttl", "/data/person/kim-jong-un");

    static long hitsInMetrics() throws Exception {
        String metrics = get("/$/metrics").body();
        Matcher m = Pattern.compile("(?m)^entente_cache_hits_total\\{[^}]*cache=\"responses\"[^}]*\\} ([0-9.E]+)$").matcher(metrics);
        assertTrue(m.find(), "the hit counter is in /$/metrics");
        return (long) Double.parseDouble(m.group(1));
    }

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheWithTheFirstAnswersBytesAndHeaders() throws Exception {
        long hitsBefore = hitsInMetrics();
        for (String path : CACHED_PATHS) {
            HttpResponse<String> first = get(path);
            HttpResponse<String> again = get(path);
            assertHitRepeats(first, again);
            assertEquals(first.body(), send(off, "GET", path).body(), "the cache changes no answer: " + path);
        }
        assertTrue(hitsInMetrics() - hitsBefore >= CACHED_PATHS.size(), "each hit counted in /$/metrics");
        assertTrue(get("/$/metrics").body().contains("cache=\"responses\"") && get("/$/metrics").body().contains("entente_cache_bytes{"), "bytes held, in /$/metrics");
    }

    @Test
    void everyKeptAnswerSaysInVaryWhatItsKeyHoldsOfTheRequest() throws Exception {
        for (String path : CACHED_PATHS) {
            String vary = String.join(", ", get(path).headers().allValues("Vary"));
            String expected = path.startsWith("/api/") || path.equals("/data/person/kim-jong-un") ? "Accept"
                : path.startsWith("/data/") ? null : "Accept-Language";
            if (expected != null)
                assertTrue(List.of(vary.split(",\\s*")).contains(expected), path + " says Vary: " + vary);
        }
    }

    @Test
    void parametersInAnotherOrderAreTheSameRequest() throws Exception {
        get("/api/events-in-range?from=2025-09-01&to=2025-09-30");
        assertEquals("hit", xcache(get("/api/events-in-range?to=2025-09-30&from=2025-09-01")));
    }

    @Test
    void aWriteThroughUpdateOrGraphStoreMakesTheNextAnswerNew() throws Exception {
        String sources = "/api/sources?format=csv";
        get(sources);
        HttpResponse<String> before = get(sources);
        assertEquals("hit", xcache(before));
        assertFalse(before.body().contains("Cache test source"));
        String page = "/data/person/kim-jong-un.ttl";
        get(page);
        assertEquals("hit", xcache(get(page)));

        HttpResponse<String> update = http.send(HttpRequest.newBuilder(URI.create(cached.datasetURL("/kg") + "/update"))
            .header("Content-Type", "application/sparql-update").header("Authorization", AUTH)
            .POST(HttpRequest.BodyPublishers.ofString("""
                PREFIX ent: <https://w3id.org/entente/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                INSERT DATA { GRAPH <http://example.org/cache-test> {
                  <http://example.org/cache-test> a ent:Source ; rdfs:label "Cache test source" } }
                """)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpSC.NO_CONTENT_204, update.statusCode(), update.body());
        HttpResponse<String> after = get(sources);
        assertEquals("miss", xcache(after), "an update makes the next answer new");
        assertTrue(after.body().contains("Cache test source"), after.body());
        assertEquals("hit", xcache(get(sources)));

        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(cached.datasetURL("/kg") + "/data?graph=http://example.org/cache-test-2"))
            .header("Content-Type", "text/turtle").header("Authorization", AUTH)
            .PUT(HttpRequest.BodyPublishers.ofString("<" + KIM + "> <http://www.w3.org/2000/01/rdf-schema#comment> \"cache-test comment\" .")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() == HttpSC.CREATED_201 || put.statusCode() == HttpSC.NO_CONTENT_204 || put.statusCode() == HttpSC.OK_200, put.body());
        HttpResponse<String> pageAfter = get(page);
        assertEquals("miss", xcache(pageAfter), "a Graph Store write makes the next answer new");
        assertTrue(pageAfter.body().contains("cache-test comment"), pageAfter.body());

        String cleanup = "DROP GRAPH <http://example.org/cache-test> ; DROP GRAPH <http://example.org/cache-test-2>";
        assertEquals(HttpSC.NO_CONTENT_204, http.send(HttpRequest.newBuilder(URI.create(cached.datasetURL("/kg") + "/update"))
            .header("Content-Type", "application/sparql-update").header("Authorization", AUTH)
            .POST(HttpRequest.BodyPublishers.ofString(cleanup)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertFalse(get(page).body().contains("cache-test comment"));
    }

    @Test
    void underConcurrentReadersEveryAcknowledgedWriteIsInTheNextAnswer() throws Exception {
        String sources = "/api/sources?format=csv";
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> readers = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        if (get(sources).statusCode() != HttpSC.OK_200)
                            failures.incrementAndGet();
                    } catch (Exception ex) {
                        failures.incrementAndGet();
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        try {
            for (int i = 0; i < 6; i++) {
                String label = "Concurrent cache source " + i;
                update("PREFIX ent: <https://w3id.org/entente/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                       + "INSERT DATA { GRAPH <http://example.org/concurrent-" + i + "> { <http://example.org/concurrent-" + i
                       + "> a ent:Source ; rdfs:label \"" + label + "\" } }");
                HttpResponse<String> next = get(sources);
                assertTrue(next.body().contains(label), "write " + i + " acknowledged, then answered without it (X-Cache: " + xcache(next) + ")");
            }
        } finally {
            stop.set(true);
            for (Thread r : readers)
                r.join();
            for (int i = 0; i < 6; i++)
                update("DROP SILENT GRAPH <http://example.org/concurrent-" + i + ">");
        }
        assertEquals(0, failures.get(), "every concurrent read answered 200");
    }

    static void update(String sparql) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cached.datasetURL("/kg") + "/update"))
            .header("Content-Type", "application/sparql-update").header("Authorization", AUTH)
            .POST(HttpRequest.BodyPublishers.ofString(sparql)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpSC.NO_CONTENT_204, r.statusCode(), r.body());
    }

    @Test
    void variantsNeverGetEachOthersAnswer() throws Exception {
        String q = "/api/office-holders-on-date?date=2025-09-03";
        String[][] asks = {
            { q, "Accept", "text/csv" },
            { q, "Accept", "application/json" },
            { q, "Accept", "application/sparql-results+xml" },
            { q + "&format=tsv", "Accept", "text/csv" },
            { "/api/office-holders-on-date?date=2024-01-01", "Accept", "text/csv" },
            { "/page/person/kim-jong-un", "Accept-Language", "ko" },
            { "/page/person/kim-jong-un", "Accept-Language", "en" },
            { "/page/person/kim-jong-un?lang=zh", "Accept-Language", "en" },
            { "/data/person/kim-jong-un", "Accept", "text/turtle" },
            { "/data/person/kim-jong-un", "Accept", "application/n-triples" },
        };
        String[] bodies = new String[asks.length];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < asks.length; i++) {
                HttpResponse<String> r = get(asks[i][0], asks[i][1], asks[i][2]);
                HttpResponse<String> fresh = send(off, "GET", asks[i][0], asks[i][1], asks[i][2]);
                assertEquals(HttpSC.OK_200, r.statusCode(), String.join(" ", asks[i]));
                assertEquals(fresh.body(), r.body(), "the answer for " + String.join(" ", asks[i]));
                assertEquals(fresh.headers().firstValue("Content-Type"), r.headers().firstValue("Content-Type"), String.join(" ", asks[i]));
                if (round == 1)
                    assertEquals("hit", xcache(r), String.join(" ", asks[i]));
                bodies[i] = r.body();
            }
        }
        for (int i = 0; i < asks.length; i++)
            for (int j = i + 1; j < asks.length; j++)
                assertNotEquals(bodies[i], bodies[j], String.join(" ", asks[i]) + " vs " + String.join(" ", asks[j]));
    }

    @Test
    void readersWhoseHeadersDifferButWhoseLanguageIsTheSameShareAnEntry() throws Exception {
        get("/states", "Accept-Language", "ko-KR");
        HttpResponse<String> r = get("/states", "Accept-Language", "ko;q=0.9, en;q=0.5");
        assertEquals("hit", xcache(r));
        assertEquals(send(off, "GET", "/states", "Accept-Language", "ko;q=0.9, en;q=0.5").body(), r.body());
    }

    @Test
    void credentialedAndNoCacheRequestsBypassTheCache() throws Exception {
        String path = "/api/office-holders-on-date?date=2025-09-04";
        get(path);
        assertEquals("hit", xcache(get(path)));
        assertEquals("(none)", xcache(get(path, "Authorization", AUTH)), "a request with credentials is neither served from nor kept");
        assertEquals("(none)", xcache(get(path, "Cache-Control", "no-cache")), "no-cache gets an answer made afresh");
        assertEquals("(none)", xcache(get(path, "Pragma", "no-cache")));
        String other = "/api/office-holders-on-date?date=2025-09-05";
        get(other, "Authorization", AUTH);
        assertEquals("miss", xcache(get(other)), "the credentialed answer was not kept");
    }

    @Test
    void errorsAndRedirectsAreNotKept() throws Exception {
        for (String path : List.of("/page/person/nobody-at-all", "/api/office-holders-on-date?date=not-a-date",
                                   "/api/office-holders-on-date?format=nonsense", "/api/no-such-query")) {
            HttpResponse<String> first = get(path);
            assertNotEquals(HttpSC.OK_200, first.statusCode(), path);
            HttpResponse<String> again = get(path);
            assertNotEquals("hit", xcache(again), path);
            assertEquals(first.statusCode(), again.statusCode(), path);
        }
        assertEquals(HttpSC.NOT_ACCEPTABLE_406, get("/data/person/kim-jong-un", "Accept", "image/png").statusCode());
        assertEquals("(none)", xcache(get("/data/person/kim-jong-un", "Accept", "image/png")), "no variant fits: not a cacheable request");
        assertEquals("(none)", xcache(get("/id/person/kim-jong-un")), "a redirect is not cached");
    }

    @Test
    void answersOverTheEntryLimitAreSentButNotKept() throws Exception {
        String big = "/data/state/prk.nq";
        HttpResponse<String> first = get(big);
        assertEquals(HttpSC.OK_200, first.statusCode());
        assertTrue(first.body().getBytes(StandardCharsets.UTF_8).length > ENTRY_LIMIT, "the answer is over the limit: " + first.body().length());
        HttpResponse<String> again = get(big);
        assertEquals("miss", xcache(again), "an oversize answer is made every time");
        assertEquals(first.body(), again.body());
    }

    @Test
    void headIsAnsweredFromAnEntryAGetLeft() throws Exception {
        String path = "/page/person/xi-jinping";
        HttpResponse<String> head = send(cached, "HEAD", path);
        assertEquals(HttpSC.OK_200, head.statusCode());
        assertEquals("miss", xcache(head));
        HttpResponse<String> getFirst = get(path);
        assertEquals("miss", xcache(getFirst), "a HEAD keeps nothing: its body is never written");
        HttpResponse<String> headAgain = send(cached, "HEAD", path);
        assertEquals("hit", xcache(headAgain));
        assertEquals("", headAgain.body());
        assertEquals(Optional.of(Long.toString(getFirst.body().getBytes(StandardCharsets.UTF_8).length)), headAgain.headers().firstValue("Content-Length"));
        assertEquals(getFirst.headers().firstValue("Content-Type"), headAgain.headers().firstValue("Content-Type"));
        assertEquals(getFirst.headers().firstValue("ETag"), headAgain.headers().firstValue("ETag"));
    }

    @Test
    void aConditionalRequestStillGets304() throws Exception {
        String path = "/page/person/kim-jong-un?lang=ko";
        HttpResponse<String> first = get(path);
        get(path);
        HttpResponse<String> revalidated = get(path, "If-None-Match", first.headers().firstValue("ETag").orElseThrow());
        assertEquals(HttpSC.NOT_MODIFIED_304, revalidated.statusCode());
        assertEquals("", revalidated.body());
    }

    @Test
    void hostileParametersAreEscapedInKeptAnswersToo() throws Exception {
        String hostile = "<script>alert(1)</script>\"'&";
        String path = "/api/gdelt-events-at-place?format=html&name=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8);
        HttpResponse<String> first = get(path);
        HttpResponse<String> again = get(path);
        assertHitRepeats(first, again);
        assertFalse(again.body().contains("<script>alert"), again.body());
        assertTrue(again.body().contains("&lt;script&gt;") || again.body().contains("%3Cscript%3E"), again.body());
    }

    @Test
    void aQueryThatCallsAnotherEndpointIsNotKept() throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> remote = send(federated, "GET", "/api/wikidata-parade-attendees?format=csv");
            assertEquals(HttpSC.OK_200, remote.statusCode(), remote.body());
            assertTrue(remote.body().contains("http://www.wikidata.org/entity/Q56226"), remote.body());
            assertEquals("(none)", xcache(remote), "its answer follows the remote endpoint, not the store");
        }
        send(federated, "GET", "/api/sources?format=csv");
        assertEquals("hit", xcache(send(federated, "GET", "/api/sources?format=csv")), "a local query of the same server is kept");
    }

    @Test
    void aCacheOfZeroBytesIsOff() throws Exception {
        for (String path : CACHED_PATHS) {
            send(off, "GET", path);
            HttpResponse<String> again = send(off, "GET", path);
            assertEquals(HttpSC.OK_200, again.statusCode(), path);
            assertEquals("(none)", xcache(again), path);
        }
    }
}
