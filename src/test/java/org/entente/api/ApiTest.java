package org.entente.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.web.HttpSC;
import org.entente.TestLib;
import org.entente.federation.ServicePolicy;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web API over a real TDB2 store with the project's data, spoken to over real HTTP: typed
 * parameters, formats, paging, conditional GET, the SERVICE policy, and a queries folder of its own.
 */
class ApiTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer standIn;
    static FusekiServer server;
    static FusekiServer extra;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        DatasetGraph wd = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(wd, TestLib.home().resolve("src/test/resources/wikidata/standin.ttl").toString());
        standIn = FusekiServer.create().port(0).add("/wikidata", wd).build().start();
        ServicePolicy policy = ServicePolicy.create().wikidataEndpoint(standIn.datasetURL("/wikidata") + "/sparql")
                                            .readTimeout(Duration.ofSeconds(5)).build();
        server = EntenteServer.create().dataset(dsg).port(0).queries(TestLib.home().resolve("queries")).servicePolicy(policy).build().start();

        // A queries folder of its own: a file with a header is an endpoint, with no code.
        Path queries = Files.createDirectories(tmp.resolve("queries"));
        Files.writeString(queries.resolve("markup.rq"), """
            # A value that is markup, to see it escaped.
            SELECT ?text ?n ?yes WHERE { BIND("<b>bold</b> & co" AS ?text) BIND(42 AS ?n) BIND(true AS ?yes) }
            """);
        Files.writeString(queries.resolve("person-graph.rq"), """
            # What the graph says about a person, as triples.
            # @param person iri The person.
            # @example person https://w3id.org/entente/id/person/kim-jong-un
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            CONSTRUCT { ?person rdfs:label ?label } WHERE { ?person rdfs:label ?label }
            """);
        Files.writeString(queries.resolve("elsewhere.rq"), """
            # Federated, to an endpoint the policy does not allow.
            SELECT ?s WHERE { SERVICE <http://elsewhere.example/sparql> { ?s ?p ?o } }
            """);
        extra = EntenteServer.create().dataset(dsg).port(0).queries(queries).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        extra.stop();
        standIn.stop();
        StoreLib.close(dsg);
    }

    static String api(FusekiServer s, String pathAndQuery) {
        return "http://localhost:" + s.getHttpPort() + "/api/" + pathAndQuery;
    }

    static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2)
            b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonArray rows(HttpResponse<String> r) {
        assertEquals(HttpSC.OK_200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonArray();
    }

    static List<String> column(JsonArray rows, String... vars) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : rows) {
            JsonObject o = e.getAsJsonObject();
            List<String> cells = new ArrayList<>();
            for (String v : vars)
                cells.add(o.get(v).isJsonNull() ? "" : o.get(v).getAsString());
            out.add(String.join("|", cells));
        }
        return out;
    }

    @Test
    void officeHoldersOnADateAnswerPlainJsonRows() throws Exception {
        HttpResponse<String> r = get(api(server, "office-holders-on-date?date=2025-09-03"));
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        JsonArray rows = rows(r);
        assertTrue(column(rows, "stateName", "holderName").contains("China|Xi Jinping"), rows.toString());
        JsonObject first = rows.get(0).getAsJsonObject();
        assertEquals(List.of("stateName", "officeName", "holderName", "start", "end"), new ArrayList<>(first.keySet()),
                     "every projected variable, in order, unbound ones as null");
        assertTrue(first.get("end").isJsonNull() || first.get("end").getAsJsonPrimitive().isString());
    }

    @Test
    void numbersAndBooleansAreJsonNumbersAndBooleans() throws Exception {
        JsonObject row = rows(get(api(extra, "markup"))).get(0).getAsJsonObject();
        assertTrue(row.get("n").getAsJsonPrimitive().isNumber(), row.toString());
        assertEquals(42, row.get("n").getAsInt());
        assertTrue(row.get("yes").getAsJsonPrimitive().isBoolean(), row.toString());
        assertEquals("<b>bold</b> & co", row.get("text").getAsString());
        JsonObject source = rows(get(api(server, "sources"))).get(0).getAsJsonObject();
        assertTrue(source.get("triples").getAsJsonPrimitive().isNumber(), "COUNT(*) is an xsd:integer: " + source);
    }

    @Test
    void aRepeatedCallWithItsTagIsNotModified() throws Exception {
        String url = api(server, "office-holders-on-date?date=2025-09-03");
        HttpResponse<String> first = get(url);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("public, no-cache", first.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> again = get(url, "If-None-Match", etag);
        assertEquals(HttpSC.NOT_MODIFIED_304, again.statusCode());
        assertEquals("", again.body());
        HttpResponse<String> other = get(api(server, "office-holders-on-date?date=2019-01-01"), "If-None-Match", etag);
        assertEquals(HttpSC.OK_200, other.statusCode(), "another representation, another tag");
    }

    @Test
    void aWriteToTheStoreChangesTheTag() throws Exception {
        String url = api(server, "sources");
        String etag = get(url).headers().firstValue("ETag").orElseThrow();
        Txn.executeWrite(dsg, () -> dsg.getDefaultGraph().add(NodeFactory.createURI("urn:x:s"), NodeFactory.createURI("urn:x:p"),
                                                                NodeFactory.createLiteralString("o")));
        HttpResponse<String> after = get(url, "If-None-Match", etag);
        assertEquals(HttpSC.OK_200, after.statusCode());
        assertFalse(etag.equals(after.headers().firstValue("ETag").orElse(etag)));
    }

    @Test
    void aBadDateIs400NamingTheParameterAndItsType() throws Exception {
        HttpResponse<String> r = get(api(server, "office-holders-on-date?date=someday"));
        assertEquals(HttpSC.BAD_REQUEST_400, r.statusCode());
        assertTrue(r.body().contains("'date'") && r.body().contains("xsd:date"), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
        assertTrue(r.headers().firstValue("ETag").isEmpty(), "an error is not tagged");
    }

    @Test
    void badParametersAre400AndUnknownQueriesAre404() throws Exception {
        HttpResponse<String> unknown = get(api(server, "office-holders-on-date?dat=2025-09-03"));
        assertEquals(HttpSC.BAD_REQUEST_400, unknown.statusCode());
        assertTrue(unknown.body().contains("'dat'") && unknown.body().contains("date"), unknown.body());
        HttpResponse<String> iri = get(api(server, "person-timeline?person=not%20an%20iri"));
        assertEquals(HttpSC.BAD_REQUEST_400, iri.statusCode());
        assertTrue(iri.body().contains("'person'") && iri.body().contains("iri"), iri.body());
        HttpResponse<String> limit = get(api(server, "sources?limit=0"));
        assertEquals(HttpSC.BAD_REQUEST_400, limit.statusCode());
        assertTrue(limit.body().contains("'limit'"), limit.body());
        assertEquals(HttpSC.BAD_REQUEST_400, get(api(server, "sources?limit=10001")).statusCode());
        assertEquals(HttpSC.BAD_REQUEST_400, get(api(server, "sources?offset=-1")).statusCode());
        HttpResponse<String> twice = get(api(server, "office-holders-on-date?date=2025-09-03&date=2025-09-04"));
        assertEquals(HttpSC.BAD_REQUEST_400, twice.statusCode());
        HttpResponse<String> format = get(api(server, "sources?format=pdf"));
        assertEquals(HttpSC.BAD_REQUEST_400, format.statusCode());
        assertTrue(format.body().contains("'format'") && format.body().contains("csv"), format.body());
        HttpResponse<String> none = get(api(server, "no-such-query"));
        assertEquals(HttpSC.NOT_FOUND_404, none.statusCode());
        assertTrue(none.body().contains("no-such-query"), none.body());
    }

    @Test
    void pagesFollowTheirLinksAndTogetherAreTheWholeAnswer() throws Exception {
        List<String> all = column(rows(get(api(server, "office-holders-on-date?limit=10000"))), "stateName", "holderName", "start");
        assertTrue(all.size() > 4, all.toString());
        HttpResponse<String> first = get(api(server, "office-holders-on-date?limit=2"));
        List<String> links = first.headers().allValues("Link");
        assertEquals(1, links.size(), links.toString());
        assertTrue(links.get(0).endsWith("rel=\"next\"") && links.get(0).contains("limit=2&offset=2"), links.toString());
        List<String> paged = new ArrayList<>(column(rows(first), "stateName", "holderName", "start"));
        String next = links.get(0).substring(1, links.get(0).indexOf('>'));
        int pages = 1;
        while (next != null) {
            HttpResponse<String> page = get("http://localhost:" + server.getHttpPort() + next);
            pages++;
            paged.addAll(column(rows(page), "stateName", "holderName", "start"));
            assertTrue(page.headers().allValues("Link").stream().anyMatch(l -> l.endsWith("rel=\"prev\"")), "a later page links back");
            next = page.headers().allValues("Link").stream().filter(l -> l.endsWith("rel=\"next\""))
                       .map(l -> l.substring(1, l.indexOf('>'))).findFirst().orElse(null);
        }
        assertEquals(all, paged, "the pages in order are the whole answer");
        assertEquals((all.size() + 1) / 2, pages, "no empty page at the end when the rows divide evenly or not");
    }

    @Test
    void pagingKeepsTheQueryParameters() throws Exception {
        HttpResponse<String> r = get(api(server, "office-holders-on-date?date=2025-09-03&limit=1&format=json"));
        String link = r.headers().allValues("Link").get(0);
        assertTrue(link.contains("date=2025-09-03") && link.contains("format=json") && link.contains("offset=1"), link);
    }

    @Test
    void csvTsvXmlAndSparqlJsonByFormatOrAccept() throws Exception {
        String q = "office-holders-on-date?date=2025-09-03";
        HttpResponse<String> csv = get(api(server, q + "&format=csv"));
        assertEquals("text/csv;charset=utf-8", csv.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        assertTrue(csv.body().startsWith("stateName,officeName,holderName,start,end"), csv.body());
        assertTrue(csv.body().contains("China,") && csv.body().contains("Xi Jinping"), csv.body());
        assertEquals(csv.body(), get(api(server, q), "Accept", "text/csv").body());

        HttpResponse<String> tsv = get(api(server, q), "Accept", "text/tab-separated-values");
        assertTrue(tsv.body().startsWith("?stateName\t?officeName"), tsv.body());
        assertTrue(tsv.body().contains("\"Xi Jinping\"@en"), tsv.body());

        for (String[] f : new String[][] { { "xml", "application/sparql-results+xml" }, { "sparql-json", "application/sparql-results+json" } }) {
            HttpResponse<String> r = get(api(server, q + "&format=" + f[0]));
            assertEquals(f[1], r.headers().firstValue("Content-Type").orElse(""));
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
                                             f[0].equals("xml") ? ResultSetLang.RS_XML : ResultSetLang.RS_JSON);
            List<String> holders = new ArrayList<>();
            rs.forEachRemaining(row -> holders.add(row.getLiteral("holderName").getLexicalForm()));
            assertTrue(holders.contains("Xi Jinping"), f[0] + ": " + holders);
        }
        HttpResponse<String> browserLike = get(api(server, q), "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertTrue(browserLike.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(get(api(server, q), "Accept", "*/*").headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void nothingThatFitsIs406() throws Exception {
        HttpResponse<String> r = get(api(server, "sources"), "Accept", "image/png");
        assertEquals(HttpSC.NOT_ACCEPTABLE_406, r.statusCode());
        assertTrue(r.body().contains("image/png"), r.body());
        assertEquals(HttpSC.NOT_ACCEPTABLE_406, get(api(extra, "person-graph"), "Accept", "text/csv").statusCode());
    }

    @Test
    void htmlIsATablePageInTheSiteStyleWithEveryValueEscaped() throws Exception {
        HttpResponse<String> r = get(api(extra, "markup?format=html"));
        assertEquals(HttpSC.OK_200, r.statusCode());
        assertTrue(r.body().contains("/browse/static/entente.css"), "the site's style sheet");
        assertTrue(r.body().contains("&lt;b&gt;bold&lt;/b&gt; &amp; co"), r.body());
        assertFalse(r.body().contains("<b>bold</b>"), "markup in a value is not markup on the page");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        HttpResponse<String> holders = get(api(server, "office-holders-on-date?date=2025-09-03&format=html"));
        assertTrue(holders.body().contains("<td>Xi Jinping</td>"), holders.body());
    }

    @Test
    void postWithAFormAnswersAsGet() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api(server, "office-holders-on-date")))
                                                      .header("Content-Type", "application/x-www-form-urlencoded")
                                                      .POST(HttpRequest.BodyPublishers.ofString("date=2025-09-03")).build(),
                                           HttpResponse.BodyHandlers.ofString());
        assertTrue(column(rows(r), "stateName", "holderName").contains("China|Xi Jinping"), r.body());
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(api(server, "office-holders-on-date")))
                                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                                        .POST(HttpRequest.BodyPublishers.ofString("date=2025-13-45")).build(),
                                             HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpSC.BAD_REQUEST_400, bad.statusCode());
    }

    @Test
    void constructAnswersRdfByAccept() throws Exception {
        String q = "person-graph?person=" + java.net.URLEncoder.encode("https://w3id.org/entente/id/person/kim-jong-un", StandardCharsets.UTF_8);
        HttpResponse<String> ttl = get(api(extra, q), "Accept", "text/turtle");
        assertEquals(HttpSC.OK_200, ttl.statusCode(), ttl.body());
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph g = RDFParser.fromString(ttl.body(), Lang.TURTLE).toGraph();
        assertTrue(g.size() >= 1 && g.find().toList().stream().anyMatch(t -> t.getObject().getLiteralLexicalForm().equals("Kim Jong Un")),
                   ttl.body());
        HttpResponse<String> jsonld = get(api(extra, q), "Accept", "application/ld+json");
        Graph g2 = RDFParser.fromString(jsonld.body(), Lang.JSONLD).toGraph();
        assertTrue(g.isIsomorphicWith(g2), "the same triples in JSON-LD");
    }

    @Test
    void aNewQueryFileIsANewEndpoint() throws Exception {
        assertEquals(HttpSC.OK_200, get(api(extra, "markup")).statusCode());
        assertEquals(HttpSC.NOT_FOUND_404, get(api(extra, "office-holders-on-date")).statusCode(), "only the folder's queries");
        String doc = get(api(extra, "openapi.json")).body();
        assertTrue(doc.contains("\"/api/markup\"") && doc.contains("\"/api/person-graph\""), doc);
    }

    @Test
    void federatedQueriesGoThroughTheServicePolicy() throws Exception {
        HttpResponse<String> refused = get(api(extra, "elsewhere"));
        assertEquals(HttpSC.FORBIDDEN_403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("elsewhere.example"), refused.body());
        HttpResponse<String> allowed = get(api(server, "wikidata-parade-attendees?format=csv"));
        assertEquals(HttpSC.OK_200, allowed.statusCode(), allowed.body());
        assertTrue(allowed.body().contains("Kim Jong Un,confirmed,http://www.wikidata.org/entity/Q56226,1984-01-08T00:00:00Z"),
                   "Wikidata's SERVICE is sent where the policy routes it (the stand-in): " + allowed.body());
    }

    @Test
    void swaggerUiIsServedFromTheJar() throws Exception {
        HttpResponse<String> page = get(api(server, ""));
        assertEquals(HttpSC.OK_200, page.statusCode());
        assertTrue(page.body().contains("swagger-ui/swagger-ui-bundle.js"), page.body());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe"), csp);
        assertTrue(get(api(server, "swagger-initializer.js")).body().contains("openapi.json"));
        HttpResponse<String> bundle = get(api(server, "swagger-ui/swagger-ui-bundle.js"));
        assertEquals(HttpSC.OK_200, bundle.statusCode());
        assertTrue(bundle.body().length() > 100_000);
        assertEquals(HttpSC.NOT_FOUND_404, get(api(server, "swagger-ui/../../entente.properties")).statusCode());
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + "/api")).build(),
                                              HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpSC.FOUND_302, bare.statusCode());
        assertNotNull(bare.headers().firstValue("Location").orElse(null));
    }
}
