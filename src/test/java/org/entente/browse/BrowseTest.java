package org.entente.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.apache.jena.fuseki.main.FusekiServer;
import org.entente.TestLib;
import org.entente.load.Loader;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Linked-data browsing over plain HTTP: negotiation, data documents, pages, search, safety. */
class BrowseTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String KIM = "https://w3id.org/entente/id/person/kim-jong-un";

    @BeforeAll
    static void start() throws IOException {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        Path hostile = tmp.resolve("hostile.ttl");
        Files.writeString(hostile, """
            <https://w3id.org/entente/id/person/mallory>
                <http://www.w3.org/2000/01/rdf-schema#label> "<script>alert(1)</script>"@en ;
                <http://www.w3.org/2000/01/rdf-schema#comment> "\\"><img src=x onerror=alert(2)>" ;
                <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(3)> ;
                <http://www.w3.org/2000/01/rdf-schema#seeAlso> <https://w3id.org/entente/id/person/kim-jong-un> .
            """);
        Loader.create().dataset(dsg).validate(false).build().load(List.of(hostile));
        // A state that 60 participations point to: more than a page shows at once.
        StringBuilder many = new StringBuilder("""
            @prefix ent: <https://w3id.org/entente/ontology#> .
            @base <https://w3id.org/entente/id/> .
            <state/paged> <http://www.w3.org/2000/01/rdf-schema#label> "Paged"@en .
            <event/paged> a ent:Summit ; <http://www.w3.org/2000/01/rdf-schema#label> "Paged summit"@en ;
                ent:date "2025-01-02"^^<http://www.w3.org/2001/XMLSchema#date> .
            """);
        for (int i = 0; i < 60; i++)
            many.append(String.format("<https://w3id.org/entente/id/participation/paged-%02d> a ent:Participation ; ent:participant <state/paged> ;"
                                      + " ent:event <event/paged> ; ent:status <concept/status/confirmed> ; ent:quote \"quote %02d\"@en .%n", i, i));
        Path paged = tmp.resolve("paged.ttl");
        Files.writeString(paged, many.toString());
        Loader.create().dataset(dsg).validate(false).build().load(List.of(paged));
        server = EntenteServer.create().dataset(dsg).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        StoreLib.close(dsg);
    }

    static String url(String path) {
        return "http://localhost:" + server.getHttpPort() + path;
    }

    static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (accept != null)
            b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> getLang(String path, String lang) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", lang).build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    private static void seeOther(String accept, String location) throws Exception {
        HttpResponse<String> r = get("/id/person/kim-jong-un", accept);
        assertEquals(303, r.statusCode(), accept);
        assertEquals(location, r.headers().firstValue("Location").orElse(null), accept);
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary: Accept");
    }

    @Test
    void aPageShowsOneWindowOfWhatPointsToItWithLinksToTheOthers() throws Exception {
        String first = get("/page/state/paged", "text/html").body();
        assertTrue(first.contains("Statements and links 1–25 of 60"), first);
        assertTrue(first.contains("quote 00") && first.contains("quote 24") && !first.contains("quote 25"), "the first window, in order");
        assertTrue(first.contains("rel=\"next\"") && !first.contains("rel=\"prev\""));
        assertTrue(first.contains("id=\"timeline\"") && first.contains("2025-01-02"), "the window's events are on the timeline");
        String last = get("/page/state/paged?page=3", "text/html").body();
        assertTrue(last.contains("Statements and links 51–60 of 60"), last);
        assertTrue(last.contains("quote 59") && !last.contains("quote 49"));
        assertTrue(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""));
        for (String bad : new String[] { "0", "-1", "abc", "99999999" })
            assertEquals(400, get("/page/state/paged?page=" + bad, "text/html").statusCode(), "page=" + bad);
        assertEquals(404, get("/page/state/paged?page=4", "text/html").statusCode(), "past the last page");
        // The data document is not paged: it holds the whole description.
        String turtle = get("/data/state/paged.ttl", null).body();
        assertTrue(turtle.contains("paged-00") && turtle.contains("paged-59"));
    }

    @Test
    void idAnswers303ByAcceptWithQValues() throws Exception {
        seeOther("text/html", "/page/person/kim-jong-un");
        seeOther("text/turtle", "/data/person/kim-jong-un.ttl");
        seeOther("application/ld+json", "/data/person/kim-jong-un.jsonld");
        seeOther("application/rdf+xml", "/data/person/kim-jong-un.rdf");
        seeOther("application/n-triples", "/data/person/kim-jong-un.nt");
        seeOther("application/trig", "/data/person/kim-jong-un.trig");
        seeOther("application/n-quads", "/data/person/kim-jong-un.nq");
        seeOther("text/html;q=0.5, text/turtle;q=0.9", "/data/person/kim-jong-un.ttl");
        seeOther("text/turtle;q=0, */*;q=0.1", "/page/person/kim-jong-un");
        seeOther("application/*", "/data/person/kim-jong-un.jsonld");
        seeOther("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "/page/person/kim-jong-un");
        seeOther(null, "/page/person/kim-jong-un");
    }

    @Test
    void formatParameterOverridesAccept() throws Exception {
        HttpResponse<String> r = get("/id/person/kim-jong-un?format=nt", "text/html");
        assertEquals(303, r.statusCode());
        assertEquals("/data/person/kim-jong-un.nt", r.headers().firstValue("Location").orElse(null));
        assertEquals(400, get("/id/person/kim-jong-un?format=exe", "text/html").statusCode());
    }

    @Test
    void nothingAcceptableIs406AndUnknownIs404() throws Exception {
        assertEquals(406, get("/id/person/kim-jong-un", "image/png").statusCode());
        assertEquals(406, get("/data/person/kim-jong-un", "text/html").statusCode());
        assertEquals(404, get("/id/person/nobody", "text/html").statusCode());
        assertEquals(404, get("/page/person/nobody", "text/html").statusCode());
        assertEquals(404, get("/data/person/nobody.ttl", "text/turtle").statusCode());
    }

    @Test
    void pathsThatTryToLeaveTheNamespaceAreRefused() throws Exception {
        for (String p : List.of("/id/person/%2e%2e/%2e%2e/etc/passwd", "/id/person%2Fkim-jong-un", "/id/.hidden",
                                "/page/person/kim-jong-un%00", "/data/..%2F..%2Fpom.xml", "/id/http:%2F%2Fevil.example%2Fx")) {
            int status = get(p, "text/html").statusCode();
            assertTrue(status == 400 || status == 404, p + " gave " + status);
        }
        // Raw "..", which a client would normalise away, sent as is.
        for (String raw : List.of("/id/../../etc/passwd", "/data/person/../../../pom.xml")) {
            int status = rawStatus(raw);
            assertTrue(status == 400 || status == 404, raw + " gave " + status);
        }
    }

    private static int rawStatus(String path) throws IOException {
        try (Socket s = new Socket("localhost", server.getHttpPort())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void dataDocumentsInEverySyntaxWithTheirMediaTypes() throws Exception {
        Node kim = NodeFactory.createURI(KIM);
        for (RdfFormat f : List.of(RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.JSONLD, RdfFormat.RDFXML)) {
            HttpResponse<String> r = get("/data/person/kim-jong-un." + f.extension(), null);
            assertEquals(200, r.statusCode(), f.name());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(f.mediaType()), f + ": " + r.headers().firstValue("Content-Type"));
            Graph g = RDFParser.fromString(r.body(), f.lang()).toGraph();
            assertTrue(g.contains(kim, RDFS.label.asNode(), NodeFactory.createLiteralLang("Kim Jong Un", "en")), f.name());
            // Incoming and n-ary statements come along.
            assertTrue(g.contains(Node.ANY, NodeFactory.createURI("https://w3id.org/entente/ontology#participant"), kim), f.name());
        }
        assertTrue(get("/data/person/kim-jong-un.jsonld", null).body().contains("\"@context\""));
        // Negotiated without an extension.
        HttpResponse<String> neg = get("/data/person/kim-jong-un", "application/n-triples");
        assertEquals(200, neg.statusCode());
        assertTrue(neg.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"));
    }

    @Test
    void quadDocumentsSayWhichSourceEachStatementComesFrom() throws Exception {
        for (RdfFormat f : List.of(RdfFormat.TRIG, RdfFormat.NQUADS)) {
            HttpResponse<String> r = get("/data/person/kim-jong-un." + f.extension(), null);
            assertEquals(200, r.statusCode());
            DatasetGraph ds = DatasetGraphFactory.createTxnMem();
            RDFParser.fromString(r.body(), f.lang()).parse(ds);
            Node kim = NodeFactory.createURI(KIM);
            assertTrue(ds.contains(NodeFactory.createURI("https://w3id.org/entente/id/source/entente-reference"), kim, RDFS.label.asNode(), Node.ANY));
            assertTrue(ds.contains(NodeFactory.createURI("https://w3id.org/entente/id/source/2025-08-victory-day-parade"),
                                   Node.ANY, NodeFactory.createURI("https://w3id.org/entente/ontology#participant"), kim));
        }
    }

    @Test
    void turtleDocumentParsesWithRdf4jToo() throws Exception {
        HttpResponse<String> r = get("/data/person/kim-jong-un.ttl", null);
        Model m = Rio.parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), "", RDFFormat.TURTLE);
        assertTrue(m.contains(Values.iri(KIM), org.eclipse.rdf4j.model.vocabulary.RDFS.LABEL, Values.literal("Kim Jong Un", "en")));
    }

    @Test
    void pageShowsSentencesSourcesAndCertainty() throws Exception {
        HttpResponse<String> r = get("/page/event/2025-09-03-victory-day-parade", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<h1 id=\"title\">Victory Day parade 2025</h1>"), "title");
        for (String status : List.of("confirmed", "announced", "invited", "not expected"))
            assertTrue(html.contains("data-status=\"" + status + "\""), status);
        assertTrue(html.contains("officially confirmed") && html.contains("per Ministry of Foreign Affairs of China"));
        assertTrue(html.contains("href=\"/page/source/2025-08-victory-day-parade\""), "source linked");
        assertTrue(html.contains("href=\"/page/person/kim-jong-un\""));
        assertTrue(html.contains("DESCRIBE"), "a query-this-in-SPARQL link");
        assertTrue(html.contains("<svg"), "a neighbourhood picture");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
    }

    @Test
    void personPageHasTimelineAndWikidataLink() throws Exception {
        String html = get("/page/person/kim-jong-un", "text/html").body();
        assertTrue(html.contains("id=\"timeline\"") && html.contains("2016-06-29"), "tenure on the timeline");
        assertTrue(html.contains("https://www.wikidata.org/wiki/Q56226"));
    }

    @Test
    void labelsInTheReadersLanguageWithEnglishFallback() throws Exception {
        assertTrue(getLang("/page/person/kim-jong-un", "ko-KR,ko;q=0.9,en;q=0.5").body().contains("<h1 id=\"title\">김정은</h1>"));
        assertTrue(get("/page/person/kim-jong-un?lang=zh", "text/html").body().contains("<h1 id=\"title\">金正恩</h1>"));
        assertTrue(getLang("/page/person/kim-jong-un", "fr-FR").body().contains("<h1 id=\"title\">Kim Jong Un</h1>"));
        // No Korean label: English.
        assertTrue(getLang("/page/group/western-leaders", "ko").body().contains("<h1 id=\"title\">Western leaders</h1>"));
    }

    @Test
    void aKoreanReaderGetsThePagesOwnWordsInKorean() throws Exception {
        HttpResponse<String> parade = getLang("/page/event/2025-09-03-victory-day-parade", "ko-KR,ko;q=0.9,en;q=0.5");
        String html = parade.body();
        assertTrue(html.contains("<html lang=\"ko\">"));
        for (String korean : List.of("<h2>상태별 참가자</h2>", "<h2>진술</h2>", "<h2>속성</h2>", "<h2>주변 관계</h2>", "SPARQL로 조회하기",
                                     "<button type=\"submit\">검색</button>", " · 출처: ", "중국 외교부에 따르면"))
            assertTrue(html.contains(korean), korean);
        for (String english : List.of("Participants by status", ">Statements<", ">Properties<", "Query this in SPARQL", "source:", " per ",
                                      "Back to the start page", "a knowledge graph of international relations"))
            assertFalse(html.contains(english), english);
        assertTrue(parade.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));

        String kim = get("/page/person/kim-jong-un?lang=ko", "text/html").body();
        assertTrue(kim.contains(" — 2016-06-29부터 (재임 중)"), "a tenure in Korean word order");
        assertTrue(kim.contains("<time>2016-06-29</time> 취임: "), "the timeline in Korean");
        assertTrue(get("/page/state/paged?lang=ko", "text/html").body().contains("진술과 링크 60개 중 1–25번째"));
        assertTrue(getLang("/search?q=zzzzqq", "ko").body().contains("“zzzzqq”에 대한 검색 결과가 없습니다."));
        assertTrue(getLang("/", "ko").body().contains("<h2>날짜순 사건</h2>"));
        HttpResponse<String> missing = getLang("/page/person/nobody", "ko");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("<h1>404 찾을 수 없음</h1>"), missing.body());
        assertTrue(missing.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Language")), "error pages vary by language too");
    }

    @Test
    void englishStaysTheFallbackForOtherLanguages() throws Exception {
        String html = getLang("/page/event/2025-09-03-victory-day-parade", "fr-FR,fr;q=0.9").body();
        assertTrue(html.contains("<html lang=\"en\">") && html.contains("<h2>Participants by status</h2>"));
        assertTrue(html.contains("per Ministry of Foreign Affairs of China"));
    }

    @Test
    void hostileLiteralsAreEscapedAndOddIrisAreNotLinks() throws Exception {
        String html = get("/page/person/mallory", "text/html").body();
        assertFalse(html.contains("<script>alert(1)</script>"), "a label must not become a script");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains("<img src=x"), "a literal must not become an element");
        assertFalse(html.toLowerCase().contains("href=\"javascript:"), "javascript: IRIs are never links");
        assertTrue(html.contains("href=\"/page/person/kim-jong-un\""), "ordinary links still work");
        String search = get("/search?q=" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8), "text/html").body();
        assertFalse(search.contains("<script>alert(1)</script>"));
    }

    @Test
    void searchIsRankedAndPrefixTolerant() throws Exception {
        String html = get("/search?q=Kim", "text/html").body();
        assertTrue(html.contains("href=\"/page/person/kim-jong-un\""), html);
        assertTrue(get("/search?q=" + URLEncoder.encode("Ki Jo", StandardCharsets.UTF_8), "text/html").body().contains("/page/person/kim-jong-un"));
        assertTrue(get("/search?q=" + URLEncoder.encode("김정은", StandardCharsets.UTF_8), "text/html").body().contains("/page/person/kim-jong-un"));
        assertTrue(get("/search?q=" + URLEncoder.encode("victory parade", StandardCharsets.UTF_8), "text/html").body()
                       .contains("/page/event/2025-09-03-victory-day-parade"));
        HttpResponse<String> odd = get("/search?q=" + URLEncoder.encode("kim AND (\"* ~ [", StandardCharsets.UTF_8), "text/html");
        assertEquals(200, odd.statusCode(), "Lucene syntax in a search is text, not an error");
        String ranked = get("/search?q=kim+jong", "text/html").body();
        assertTrue(ranked.indexOf("/page/person/kim-jong-un") < ranked.indexOf("/page/participation/"), "the person ranks above statements about him");
    }

    @Test
    void startPageAndVoid() throws Exception {
        String html = get("/", "text/html").body();
        assertTrue(html.contains("id=\"classes\"") && html.contains("id=\"events\"") && html.contains("id=\"sources\""));
        assertTrue(html.contains("href=\"/ui/#/dataset/kg/query\""), "links to the SPARQL editor");
        assertTrue(html.contains("2025-09-03") && html.contains("/page/event/2025-09-03-victory-day-parade"));
        HttpResponse<String> v = get("/.well-known/void", "text/turtle");
        assertEquals(200, v.statusCode());
        Graph g = RDFParser.fromString(v.body(), Lang.TURTLE).toGraph();
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI("http://rdfs.org/ns/void#sparqlEndpoint"), NodeFactory.createURI(url("/kg/sparql"))));
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI("http://rdfs.org/ns/void#classPartition"), Node.ANY));
    }

    @Test
    void searchIndexFollowsEveryCommittedWrite() throws Exception {
        FMod_Browse browse = new FMod_Browse(dsg, "https://w3id.org/entente/id/");
        SearchIndex index = browse.searchIndex();
        assertTrue(index.search("zyxwvut", 5).isEmpty());
        org.apache.jena.system.Txn.executeWrite(dsg, () -> dsg.add(NodeFactory.createURI("http://example.org/g"),
            NodeFactory.createURI("https://w3id.org/entente/id/person/zyxwvut"), RDFS.label.asNode(), NodeFactory.createLiteralString("Zyxwvut")));
        assertFalse(index.isCurrent(), "a write outside the server puts the index behind the store");
        index.awaitCurrent(java.time.Duration.ofSeconds(30));
        assertEquals(1, index.search("zyxw", 5).size());
        org.apache.jena.system.Txn.executeWrite(dsg, () -> dsg.removeGraph(NodeFactory.createURI("http://example.org/g")));
    }
}
