package org.entente.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.query.QueryLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Federation with no network: a second Fuseki serves Wikidata-shaped data as a stand-in, and a third
 * counts every request it gets, to show that a refused SERVICE is never contacted.
 */
class FederationTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer standIn;
    static FusekiServer spy;
    static FusekiServer server;
    static final AtomicInteger spyHits = new AtomicInteger();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        DatasetGraph wd = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(wd, TestLib.home().resolve("src/test/resources/wikidata/standin.ttl").toString());
        standIn = FusekiServer.create().port(0).add("/wikidata", wd).build().start();
        Filter counter = (req, resp, chain) -> {
            spyHits.incrementAndGet();
            chain.doFilter(req, resp);
        };
        spy = FusekiServer.create().port(0).add("/spy", DatasetGraphFactory.createTxnMem()).addFilter("/*", counter).build().start();
        server = EntenteServer.create().dataset(dsg).port(0).servicePolicy(policy(standInUrl())).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        spy.stop();
        standIn.stop();
        StoreLib.close(dsg);
    }

    @BeforeEach
    void resetSpy() {
        spyHits.set(0);
    }

    static String standInUrl() {
        return standIn.datasetURL("/wikidata") + "/sparql";
    }

    static String spyUrl() {
        return spy.datasetURL("/spy") + "/sparql";
    }

    static ServicePolicy policy(String wikidata) {
        return ServicePolicy.create().wikidataEndpoint(wikidata).readTimeout(Duration.ofSeconds(5)).cacheTtl(Duration.ZERO).build();
    }

    static HttpResponse<String> query(FusekiServer s, String q) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(s.datasetURL("/kg") + "/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
    }

    static String named(String name) {
        return QueryLib.find(name, TestLib.home().resolve("queries")).query().serialize();
    }

    @Test
    void paradeAttendeesJoinWithWikidataBirthDates() throws Exception {
        HttpResponse<String> r = query(server, named("wikidata-parade-attendees"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Kim Jong Un,confirmed,http://www.wikidata.org/entity/Q56226,1984-01-08T00:00:00Z"), r.body());
        assertTrue(r.body().contains("Vladimir Putin,announced,http://www.wikidata.org/entity/Q7747,1952-10-07T00:00:00Z"), r.body());
        assertTrue(r.body().contains("Xi Jinping,announced,http://www.wikidata.org/entity/Q15031,1953-06-15T00:00:00Z"), r.body());
        assertEquals(4, r.body().strip().split("\\R").length, "header and three linked participants: " + r.body());
    }

    @Test
    void tieStatesWithCapitalsAndPopulations() throws Exception {
        HttpResponse<String> r = query(server, named("wikidata-tie-states"));
        assertEquals(200, r.statusCode(), r.body());
        for (String row : new String[] { "China,http://www.wikidata.org/entity/Q148,Beijing,1409670000",
                                         "North Korea,http://www.wikidata.org/entity/Q423,Pyongyang,25971909",
                                         "South Korea,http://www.wikidata.org/entity/Q884,Seoul,51684564" })
            assertTrue(r.body().contains(row), row + " in\n" + r.body());
    }

    @Test
    void koreanAndChineseLabelsOfEveryoneInTheArticle() throws Exception {
        HttpResponse<String> r = query(server, named("wikidata-korean-chinese-labels"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Kim Jong Un,http://www.wikidata.org/entity/Q56226,김정은,金正恩"), r.body());
        assertTrue(r.body().contains("Japan,http://www.wikidata.org/entity/Q17,일본,日本"), r.body());
    }

    @Test
    void wikidataAliasIsRoutedToo() throws Exception {
        HttpResponse<String> r = query(server, "SELECT ?l { SERVICE <" + ServicePolicy.WIKIDATA_ALIAS + "> "
                                               + "{ <http://www.wikidata.org/entity/Q423> <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(lang(?l) = 'ko') } }");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("조선민주주의인민공화국"), r.body());
    }

    @Test
    void foreignServiceIsRefusedAndNeverContacted() throws Exception {
        for (String q : new String[] {
                "SELECT * { SERVICE <" + spyUrl() + "> { ?s ?p ?o } }",
                "SELECT * { SERVICE SILENT <" + spyUrl() + "> { ?s ?p ?o } }",
                "SELECT * { BIND(<" + spyUrl() + "> AS ?e) SERVICE ?e { ?s ?p ?o } }",
                "SELECT * { SERVICE <http://169.254.169.254/latest/meta-data/> { ?s ?p ?o } }" }) {
            HttpResponse<String> r = query(server, q);
            assertEquals(403, r.statusCode(), q + "\n" + r.body());
            assertTrue(r.body().contains("is not allowed"), r.body());
        }
        assertEquals(0, spyHits.get(), "a refused endpoint received requests");
        // The spy counts what reaches it: a direct request is seen.
        http.send(HttpRequest.newBuilder(URI.create(spyUrl() + "?query=ASK%7B%7D")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(1, spyHits.get());
    }

    @Test
    void executorRefusesWhatTheStaticCheckCannotSee() {
        // A SERVICE inside FILTER EXISTS is not in the algebra tree: the executor still refuses it
        // (the refusal is an evaluation error, so the filter is false).
        String q = "ASK { FILTER EXISTS { SERVICE <" + spyUrl() + "> { ?s ?p ?o } } }";
        assertTrue(FederationLib.services(org.apache.jena.query.QueryFactory.create(q)).isEmpty(), "the static check does not see it");
        RemoteSparql remote = new RemoteSparql(policy(standInUrl()));
        boolean answer = Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
                FederationLib.configure(qe.getContext(), remote);
                return qe.ask();
            }
        });
        assertFalse(answer);
        assertEquals(0, spyHits.get(), "the refused endpoint was contacted");
        // Outside any configured context the lock-down refuses every SERVICE too.
        FederationLib.lockDown();
        assertThrows(RuntimeException.class, () -> Txn.executeRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query("SELECT * { SERVICE <" + standInUrl() + "> { ?s ?p ?o } }").build()) {
                qe.select().materialize();
            }
        }));
    }

    @Test
    void allowListedEndpointIsReachable() throws Exception {
        FusekiServer open = EntenteServer.create().dataset(dsg).port(0)
            .servicePolicy(ServicePolicy.create().wikidataEndpoint(standInUrl()).allow(spyUrl()).cacheTtl(Duration.ZERO).build())
            .build().start();
        try {
            HttpResponse<String> r = query(open, "SELECT * { SERVICE <" + spyUrl() + "> { ?s ?p ?o } }");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(spyHits.get() > 0, "the allowed endpoint was called");
        } finally {
            open.stop();
        }
    }

    @Test
    void downStandInFailsTheQueryAndTheServerGoesOn() throws Exception {
        DatasetGraph wd = DatasetGraphFactory.createTxnMem();
        FusekiServer doomed = FusekiServer.create().port(0).add("/wikidata", wd).build().start();
        String url = doomed.datasetURL("/wikidata") + "/sparql";
        FusekiServer s = EntenteServer.create().dataset(dsg).port(0).servicePolicy(policy(url)).timeoutMillis(10_000).build().start();
        try {
            doomed.stop();
            long t0 = System.nanoTime();
            HttpResponse<String> r = query(s, named("wikidata-parade-attendees"));
            long secs = (System.nanoTime() - t0) / 1_000_000_000L;
            assertTrue(r.statusCode() >= 500, "got " + r.statusCode());
            assertTrue(r.body().contains(url), "the message names the endpoint: " + r.body());
            assertTrue(secs < 10, "failed within the time limit");
            assertEquals(200, query(s, named("invited-not-confirmed")).statusCode());
        } finally {
            s.stop();
        }
    }

    @Test
    void enrichCopiesFactsWithProvenanceAndIsIdempotent() {
        Enricher enricher = new Enricher(new RemoteSparql(policy(standInUrl())));
        Enricher.Result first = enricher.enrich(dsg);
        assertEquals(13 + 10, first.items(), "the items of the reference data and the ten organisations of the world data");
        Node g = NodeFactory.createURI(Enricher.GRAPH);
        Node kim = NodeFactory.createURI("http://www.wikidata.org/entity/Q56226");
        Txn.executeRead(dsg, () -> {
            assertTrue(dsg.contains(g, kim, NodeFactory.createURI("http://www.wikidata.org/prop/direct/P569"), Node.ANY));
            assertTrue(dsg.contains(g, g, NodeFactory.createURI("http://purl.org/dc/terms/source"), NodeFactory.createURI(standInUrl())));
            assertTrue(dsg.contains(g, g, NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime"), Node.ANY));
            // Labels of what the facts point to: the capital of North Korea.
            assertTrue(dsg.contains(g, NodeFactory.createURI("http://www.wikidata.org/entity/Q18808"), Node.ANY,
                                    NodeFactory.createLiteralLang("Pyongyang", "en")));
        });
        long size = Txn.calculateRead(dsg, () -> (long) dsg.getGraph(g).size());
        Enricher.Result second = enricher.enrich(dsg);
        assertEquals(first.triples(), second.triples());
        assertEquals(size, (long) Txn.calculateRead(dsg, () -> (long) dsg.getGraph(g).size()), "running again replaces, never duplicates");

        // Offline afterwards: the local query answers with no SERVICE at all.
        var rows = QueryLib.select(dsg, QueryLib.find("wikidata-facts", TestLib.home().resolve("queries")), Map.of());
        Set<String> seen = new java.util.HashSet<>();
        rows.forEachRemaining(b -> {
            if (b.get("born") != null)
                seen.add(b.get("name").getLiteralLexicalForm() + " " + b.get("born").getLiteralLexicalForm());
            if (b.get("capital") != null)
                seen.add(b.get("name").getLiteralLexicalForm() + " capital " + b.get("capital").getLiteralLexicalForm());
        });
        assertTrue(seen.contains("Kim Jong Un 1984-01-08T00:00:00Z"), seen.toString());
        assertTrue(seen.contains("North Korea capital Pyongyang"), seen.toString());
        assertFalse(FederationLib.services(QueryLib.find("wikidata-facts", TestLib.home().resolve("queries")).query()).size() > 0);
    }
}
