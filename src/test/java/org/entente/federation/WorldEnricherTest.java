package org.entente.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.servlet.Filter;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.entente.TestLib;
import org.entente.cli.Main;
import org.entente.load.Loader;
import org.entente.load.StoreLib;
import org.entente.query.QueryLib;
import org.entente.sys.EntenteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enrich --world} against a stand-in for Wikidata's query service: a Fuseki serving Wikidata-shaped
 * statements with qualifiers, ranks and references for a few territories, loaded beside the project's seed.
 */
class WorldEnricherTest {

    static final Clock DAY_ONE = Clock.fixed(Instant.parse("2025-09-01T12:00:00Z"), ZoneOffset.UTC);
    static final Clock DAY_TWO = Clock.fixed(Instant.parse("2025-09-02T12:00:00Z"), ZoneOffset.UTC);
    static final Node WORLD = NodeFactory.createURI(WorldEnricher.GRAPH);
    static final String PREFIXES = """
        PREFIX ent: <https://w3id.org/entente/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        PREFIX dct: <http://purl.org/dc/terms/>
        PREFIX wd: <http://www.wikidata.org/entity/>
        PREFIX state: <https://w3id.org/entente/id/state/>
        PREFIX person: <https://w3id.org/entente/id/person/>
        PREFIX place: <https://w3id.org/entente/id/place/>
        PREFIX org: <https://w3id.org/entente/id/organization/>
        """;

    @TempDir
    static Path tmp;

    static FusekiServer standIn;
    static DatasetGraph dsg;
    static WorldEnricher.Result first;

    @BeforeAll
    static void start() {
        standIn = standIn(null);
        dsg = worldStore(tmp.resolve("store"));
        first = enricher(DAY_ONE, List.of()).run(dsg);
    }

    @AfterAll
    static void stop() {
        standIn.stop();
        StoreLib.close(dsg);
    }

    /** A Fuseki serving the Wikidata-shaped test statements, with an optional filter in front. */
    static FusekiServer standIn(Filter filter) {
        DatasetGraph wd = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(wd, TestLib.home().resolve("src/test/resources/wikidata/world.ttl").toString());
        FusekiServer.Builder b = FusekiServer.create().port(0).add("/wikidata", wd);
        if (filter != null)
            b.addFilter("/*", filter);
        return b.build().start();
    }

    static String url(FusekiServer s) {
        return s.datasetURL("/wikidata") + "/sparql";
    }

    /** A seeded TDB2 store with the test territories and organisations. */
    static DatasetGraph worldStore(Path dir) {
        DatasetGraph store = TestLib.seededStore(dir);
        Loader.create().dataset(store).build().load(List.of(TestLib.home().resolve("src/test/resources/world/territories.trig")));
        return store;
    }

    static WorldEnricher enricher(Clock clock, List<String> states) {
        return enricher(url(standIn), clock, states, Duration.ofSeconds(5));
    }

    static WorldEnricher enricher(String endpoint, Clock clock, List<String> states, Duration timeout) {
        ServicePolicy policy = ServicePolicy.create().wikidataEndpoint(endpoint).readTimeout(timeout).cacheTtl(Duration.ZERO).build();
        return WorldEnricher.create(new RemoteSparql(policy)).pause(Duration.ZERO).clock(clock).states(states).build();
    }

    /** The rows of a SELECT over the store, each value as a lexical form or IRI, columns joined by '|'. */
    static Set<String> select(DatasetGraph store, String query) {
        return Txn.calculateRead(store, () -> {
            Set<String> out = new TreeSet<>();
            try (QueryExec qe = QueryExec.dataset(store).query(PREFIXES + query).build()) {
                var rs = qe.select();
                List<String> vars = rs.getResultVars().stream().map(v -> v.getVarName()).toList();
                rs.forEachRemaining(b -> out.add(vars.stream().map(v -> {
                    Node n = b.get(v);
                    return n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI();
                }).collect(Collectors.joining("|"))));
            }
            return out;
        });
    }

    static Graph world(DatasetGraph store) {
        return Txn.calculateRead(store, () -> {
            Graph g = GraphFactory.createDefaultGraph();
            store.find(WORLD, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
            return g;
        });
    }

    static String p(String local) {
        return "https://w3id.org/entente/id/" + local;
    }

    @Test
    void everyTerritoryWithACodeIsMatchedByItsCodeAlone() {
        assertEquals(8, first.territories());
        assertEquals(8, first.matched());
        assertEquals(Set.of("https://w3id.org/entente/id/state/vnm|http://www.wikidata.org/entity/Q881"),
                     select(dsg, "SELECT ?t ?i { GRAPH <" + WorldEnricher.GRAPH + "> { ?t owl:sameAs ?i FILTER (?t = state:vnm) } }"));
        assertTrue(select(dsg, "SELECT ?i { state:jpn owl:sameAs ?i }").equals(Set.of("http://www.wikidata.org/entity/Q17")),
                   "Japan, with no alpha-2 code in the store, keeps only the seed's link");
    }

    @Test
    void headsOfStateAndGovernmentBecomeTenuresWithDates() {
        Set<String> putin = select(dsg, """
            SELECT ?kind ?start ?end { ?t ent:holder person:vladimir-putin ; ent:office ?o ; ent:startDate ?start .
              ?o ent:officeOf state:rus ; dct:type ?kind . OPTIONAL { ?t ent:endDate ?end }
              GRAPH <https://w3id.org/entente/id/source/wikidata-world> { ?t a ent:Tenure } }""");
        assertEquals(Set.of("http://www.wikidata.org/entity/Q48352|2000-05-07|2008-05-07",
                            "http://www.wikidata.org/entity/Q48352|2012-05-07|",
                            "http://www.wikidata.org/entity/Q2285706|2008-05-08|2012-05-07"), putin);
        assertEquals(Set.of(p("tenure/xi-jinping-chn-head-of-state-2013") + "|head of state of China|2013-03-14|Xi Jinping as head of state of China, from 2013"),
                     select(dsg, """
            SELECT ?t ?office ?start ?label { ?t ent:holder person:xi-jinping ; ent:office/rdfs:label ?office ; ent:startDate ?start ; rdfs:label ?label
              GRAPH <https://w3id.org/entente/id/source/wikidata-world> { ?t a ent:Tenure } }"""));
        Set<String> korea = select(dsg, """
            SELECT ?name ?start ?end { ?t ent:office <https://w3id.org/entente/id/office/kor-head-of-state> ; ent:holder/rdfs:label ?name ;
              ent:startDate ?start OPTIONAL { ?t ent:endDate ?end } FILTER (lang(?name) = "en") }""");
        assertTrue(korea.containsAll(Set.of("Moon Jae-in|2017-05-10|2022-05-10", "Yoon Suk Yeol|2022-05-10|2025-04-04",
                                            "Lee Jae-myung|2025-06-04|")), korea.toString());
    }

    @Test
    void personsKeepTheirIrisOrGetNewOnesWithoutGuessing() {
        // Kim Jong Un is in the seed with his item: he keeps his IRI, and the world graph does not describe him again.
        assertEquals(Set.of(p("person/kim-jong-un")), select(dsg, """
            SELECT ?h { ?t ent:office <https://w3id.org/entente/id/office/prk-head-of-state> ; ent:holder ?h }"""));
        assertEquals(Set.of(), select(dsg, "SELECT ?l { GRAPH <" + WorldEnricher.GRAPH + "> { person:kim-jong-un rdfs:label ?l } }"));
        // The seed's Lee Jae Myung has no Wikidata link: the item is not taken to be him; it gets an IRI of its own.
        assertEquals(Set.of(p("person/lee-jae-myung-q16139491") + "|http://www.wikidata.org/entity/Q16139491"),
                     select(dsg, "SELECT ?p ?i { ?p owl:sameAs ?i FILTER (?i = wd:Q16139491) }"));
        // New persons are labelled in the languages Wikidata gives, with an ASCII slug of the English label.
        assertEquals(Set.of("en|Moon Jae-in", "ja|文在寅", "ko|문재인", "ru|Мун Чжэ Ин", "zh|文在寅"),
                     select(dsg, "SELECT (lang(?l) AS ?lang) ?l { person:moon-jae-in a ent:Person ; owl:sameAs wd:Q21001 ; rdfs:label ?l }"));
        assertEquals(Set.of("en|Lương Cường", "zh|梁强"), select(dsg, "SELECT (lang(?l) AS ?lang) ?l { person:luong-cuong rdfs:label ?l }"));
    }

    @Test
    void diplomaticRelationsAreOneTiePerPairBetweenTerritoriesOfTheStore() {
        Set<String> prk = select(dsg, """
            SELECT ?other ?start { GRAPH <https://w3id.org/entente/id/source/wikidata-world> { ?t a ent:DiplomaticTie }
              ?t ent:party state:prk , ?other ; ent:tieType ?type ; ent:certainty ?c .
              FILTER (?other != state:prk) OPTIONAL { ?t ent:startDate ?start } }""");
        assertEquals(Set.of(p("state/chn") + "|1949-10-06", p("state/rus") + "|", p("state/vnm") + "|1950-01-31"), prk,
                     "China and North Korea both state their relations: one tie; none with France, South Korea or the US");
        assertEquals(Set.of(), select(dsg, "SELECT ?t { ?t ent:party state:jpn }"), "Japan has no alpha-2 code in the store");
        Set<String> counts = select(dsg, """
            SELECT (COUNT(DISTINCT ?t) AS ?ties) { GRAPH <https://w3id.org/entente/id/source/wikidata-world> { ?t a ent:DiplomaticTie } }""");
        assertEquals(Set.of("19"), counts);
        assertEquals(Set.of("https://www.mfa.gov.cn/"), select(dsg, """
            SELECT ?url { <https://w3id.org/entente/id/tie/chn-prk-diplomatic-relations> prov:wasDerivedFrom/schema:url ?url }"""));
    }

    @Test
    void capitalsAreCurrentAndAStateKeepsOne() {
        assertEquals(Set.of(p("state/chn") + "|" + p("place/beijing"), p("state/prk") + "|" + p("place/pyongyang"),
                            p("state/vnm") + "|" + p("place/hanoi"), p("state/zaf") + "|" + p("place/bloemfontein"),
                            p("state/zaf") + "|" + p("place/cape-town"), p("state/zaf") + "|" + p("place/pretoria"),
                            p("state/kor") + "|" + p("place/seoul"), p("state/rus") + "|" + p("place/moscow"),
                            p("state/usa") + "|" + p("place/washington-d-c"), p("state/fra") + "|" + p("place/paris")),
                     select(dsg, "SELECT ?t ?c { GRAPH <" + WorldEnricher.GRAPH + "> { ?t ent:capital ?c } }"));
        assertEquals(Set.of("Pyongyang|http://www.wikidata.org/entity/Q18808"),
                     select(dsg, "SELECT ?l ?i { place:pyongyang a ent:Place ; rdfs:label ?l ; owl:sameAs ?i FILTER (lang(?l) = 'en') }"));
        assertEquals(Set.of("1"), select(dsg, "SELECT (COUNT(?c) AS ?n) { state:chn ent:capital ?c }"), "the seed's Beijing is the same place");
    }

    @Test
    void membershipsOfTheFollowedOrganisationsWithDatesAndReferences() {
        Set<String> chn = select(dsg, """
            SELECT ?org ?role ?start (datatype(?start) AS ?dt) { ?m a ent:Membership ; ent:member state:chn ; ent:organization ?org ;
              ent:membershipRole ?role OPTIONAL { ?m ent:startDate ?start } }""");
        String member = p("concept/membership-role/member");
        assertEquals(Set.of(p("organization/un") + "|" + member + "|1971-10-25|http://www.w3.org/2001/XMLSchema#date",
                            p("organization/sco") + "|" + member + "|2001-06-15|http://www.w3.org/2001/XMLSchema#date",
                            p("organization/brics") + "|" + member + "||",
                            p("organization/g20") + "|" + member + "|1999|http://www.w3.org/2001/XMLSchema#gYear"), chn,
                     "not the WTO, which Entente does not follow");
        assertEquals(Set.of("https://www.un.org/en/about-us/member-states|2025-09-01"), select(dsg, """
            SELECT ?url ?day { ?m ent:member state:prk ; ent:organization org:un ; prov:wasDerivedFrom ?r ; ent:retrieved ?day .
              ?r a ent:Reference ; schema:url ?url }"""));
    }

    @Test
    void referencesNameTheWorkAndTheAddress() {
        assertEquals(Set.of("http://www.wikidata.org/entity/Q5375741|https://www.britannica.com/biography/Xi-Jinping"), select(dsg, """
            SELECT ?work ?url { ?t ent:holder person:xi-jinping ; prov:wasDerivedFrom ?r . ?r ent:statedIn ?work ; schema:url ?url
              GRAPH <https://w3id.org/entente/id/source/wikidata-world> { ?t a ent:Tenure } }"""));
    }

    @Test
    void theGraphSaysWhenAndWhereItWasRetrieved() {
        assertEquals(Set.of(url(standIn) + "|2025-09-01T12:00Z"), select(dsg, """
            SELECT ?from ?when { GRAPH <https://w3id.org/entente/id/source/wikidata-world> {
              <https://w3id.org/entente/id/source/wikidata-world> a ent:Source ; dct:source ?from ; prov:generatedAtTime ?when } }"""));
    }

    @Test
    void runningAgainGivesTheSameGraph() {
        Graph before = world(dsg);
        WorldEnricher.Result again = enricher(DAY_ONE, List.of()).run(dsg);
        assertEquals(first.triples(), again.triples());
        assertTrue(before.isIsomorphicWith(world(dsg)), "a second run replaces the graph with an isomorphic one");
    }

    @Test
    void deadOrSlowServiceStopsTheRunAndWritesNothing() throws Exception {
        Graph before = world(dsg);
        FusekiServer doomed = standIn(null);
        String deadUrl = url(doomed);
        doomed.stop();
        EntenteException dead = assertThrows(EntenteException.class, () -> enricher(deadUrl, DAY_TWO, List.of(), Duration.ofSeconds(2)).run(dsg));
        assertTrue(dead.getMessage().contains(deadUrl) && dead.getMessage().contains("nothing written"), dead.getMessage());

        Filter slow = (req, resp, chain) -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            chain.doFilter(req, resp);
        };
        FusekiServer sleepy = standIn(slow);
        try {
            EntenteException late = assertThrows(EntenteException.class,
                                                 () -> enricher(url(sleepy), DAY_TWO, List.of(), Duration.ofSeconds(1)).run(dsg));
            assertTrue(late.getMessage().contains(url(sleepy)) && late.getMessage().contains("did not answer"), late.getMessage());
        } finally {
            sleepy.stop();
        }
        assertTrue(before.isIsomorphicWith(world(dsg)), "the previous world graph is intact");
    }

    @Test
    void aRunLimitedToSomeStatesRefreshesThemAndKeepsTheRest() {
        DatasetGraph store = worldStore(tmp.resolve("limited"));
        try {
            WorldEnricher.Result full = enricher(DAY_ONE, List.of()).run(store);
            Graph before = world(store);
            WorldEnricher.Result vn = enricher(DAY_TWO, List.of("vnm")).run(store);
            assertEquals(1, vn.territories());
            assertTrue(select(store, "SELECT ?d { <" + WorldEnricher.GRAPH + "> dct:description ?d }").iterator().next()
                           .contains("refreshed VN only"));
            assertEquals(before.size(), world(store).size(), "the same statements, VN's read again");
            assertEquals(Set.of("2025-09-02"), select(store, """
                SELECT DISTINCT ?day { ?t ent:office/ent:officeOf state:vnm ; ent:retrieved ?day }"""));
            assertEquals(Set.of("2025-09-01"), select(store, """
                SELECT DISTINCT ?day { ?t ent:office/ent:officeOf state:chn ; ent:retrieved ?day }"""));
            assertEquals(Set.of("2025-09-02"), select(store, """
                SELECT DISTINCT ?day { ?t ent:party state:vnm ; ent:retrieved ?day }"""), "VN's ties, whichever side states them");
        } finally {
            StoreLib.close(store);
        }
    }

    @Test
    void theCommandLineRunsALimitedWorldEnrichment() {
        Path dir = tmp.resolve("cli");
        StoreLib.close(worldStore(dir));
        assertEquals(0, Main.run("enrich", "--world", "--store", dir.toString(), "--wikidata-endpoint", url(standIn),
                                 "--pause", "0", "--state", "KP", "--service-cache", "0"));
        DatasetGraph store = StoreLib.open(dir);
        try {
            assertEquals(Set.of("Kim Jong Un"), select(store, """
                SELECT ?n { GRAPH <https://w3id.org/entente/id/source/wikidata-world> { ?t a ent:Tenure }
                  ?t ent:holder/rdfs:label ?n FILTER (lang(?n) = 'en') }"""),
                         "only North Korea's tenures in a first run limited to it");
            assertEquals(3, select(store, "SELECT ?t { GRAPH <" + WorldEnricher.GRAPH + "> { ?t a ent:DiplomaticTie ; ent:party state:prk } }").size());
        } finally {
            StoreLib.close(store);
        }
        assertEquals(Main.EXIT_FAILED, Main.run("enrich", "--world", "--store", dir.toString(), "--wikidata-endpoint", url(standIn),
                                                "--pause", "0", "--state", "XX"));
    }

    @Test
    void namedQueriesAnswerFromTheEnrichedDataOffline() {
        Path queries = TestLib.home().resolve("queries");
        Set<String> leaders = rows("leaders-on-date", Map.of("date", "2025-09-03"), "territoryName", "role", "holderName");
        assertTrue(leaders.containsAll(Set.of("China|head of state|Xi Jinping", "Vietnam|head of state|Lương Cường",
                                              "Vietnam|head of government|Phạm Minh Chính", "South Korea|head of state|Lee Jae-myung",
                                              "Russia|head of state|Vladimir Putin", "United States|head of government|Donald Trump")), leaders.toString());
        assertFalse(leaders.stream().anyMatch(l -> l.contains("Yoon")), leaders.toString());
        assertTrue(rows("leaders-on-date", Map.of("date", "2010-01-01"), "territoryName", "role", "holderName")
                       .containsAll(Set.of("Russia|head of state|Dmitry Medvedev", "Russia|head of government|Vladimir Putin")));

        assertEquals(Set.of("North Korea", "South Korea"), rows("organization-members-on-date",
            Map.of("organization", "org:un", "date", "1991-09-17"), "memberName").stream()
            .filter(n -> n.contains("Korea")).collect(Collectors.toSet()));
        assertFalse(rows("organization-members-on-date", Map.of("organization", "org:un", "date", "1991-09-16"), "memberName")
                        .contains("North Korea"));
        assertEquals(Set.of("China", "Russia"), rows("organization-members-on-date", Map.of("organization", "org:sco", "date", "2025-09-03"), "memberName"));

        Set<String> prk = rows("territory-ties-and-memberships", Map.of("state", "state:prk"), "kind", "otherName", "type", "start");
        assertTrue(prk.containsAll(Set.of("tie|China|diplomatic relations|1949-10-06", "tie|Russia|diplomatic relations|",
                                          "tie|Vietnam|diplomatic relations|1950-01-31", "membership|United Nations|member|1991-09-17",
                                          "tie|China|traditional friendship|")), "Wikidata's ties beside the article's: " + prk);

        Set<String> holders = rows("office-holders-on-date", Map.of("date", "2025-09-03"), "stateName", "holderName");
        assertTrue(holders.contains("Vietnam|Lương Cường"), "office-holders-on-date answers for a territory that is no ent:State: " + holders);
        assertTrue(QueryLib.find("leaders-on-date", queries).params().size() == 1);
    }

    static Set<String> rows(String name, Map<String, String> params, String... vars) {
        var rs = QueryLib.select(dsg, QueryLib.find(name, TestLib.home().resolve("queries")), params);
        Set<String> out = new TreeSet<>();
        rs.forEachRemaining(b -> {
            List<String> cols = new ArrayList<>();
            for (String v : vars) {
                Node n = b.get(v);
                cols.add(n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI());
            }
            out.add(String.join("|", cols));
        });
        return out;
    }

}
