package org.entente.gdelt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.entente.TestLib;
import org.entente.load.Loader;
import org.entente.load.StoreLib;
import org.entente.query.QueryLib;
import org.entente.sys.EntenteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GDELT files imported into a real TDB2 store, checked through SPARQL. */
class GdeltImportTest {
    static final String PREFIXES = """
        PREFIX ent: <https://w3id.org/entente/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX schema: <https://schema.org/>
        PREFIX ev: <https://w3id.org/entente/id/event/>
        """;
    static final String ID = "https://w3id.org/entente/id/";
    static final Node GENERATED_AT = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");

    @TempDir
    Path tmp;

    DatasetGraph dsg;

    /** Which path the imports of these tests take; {@link GdeltBulkImportTest} runs them all on the bulk path. */
    Loader.Bulk bulk = Loader.Bulk.NEVER;

    @BeforeEach
    void open() {
        dsg = StoreLib.open(tmp.resolve("store"));
    }

    @AfterEach
    void close() {
        StoreLib.close(dsg);
    }

    static Path fixture(String name) {
        return TestLib.home().resolve("src/test/resources/gdelt").resolve(name);
    }

    GdeltReport importFiles(boolean skipBad, Path... files) {
        return GdeltImporter.create().dataset(dsg).skipBad(skipBad).bulk(bulk).build().importFiles(List.of(files));
    }

    /** The values of one variable, as lexical forms or IRIs. */
    Set<String> values(String select) {
        return Txn.calculateRead(dsg, () -> {
            Set<String> out = new TreeSet<>();
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(PREFIXES + select).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    String v = rs.getResultVars().get(0);
                    out.add(s.get(v).isLiteral() ? s.getLiteral(v).getLexicalForm() : s.get(v).toString());
                }
            }
            return out;
        });
    }

    String one(String event, String path) {
        Set<String> v = values("SELECT ?v { ev:" + event + " " + path + " ?v }");
        assertEquals(1, v.size(), event + " " + path + ": " + v);
        return v.iterator().next();
    }

    /** A file's graph without its import time, which differs from one import to the next. */
    Graph graphOf(DatasetGraph d, Node g) {
        return graphOf(d, g, false);
    }

    /** A file's graph without its import time, and without its whole self-description if asked. */
    Graph graphOf(DatasetGraph d, Node g, boolean eventsOnly) {
        return Txn.calculateRead(d, () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            d.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.getPredicate().equals(GENERATED_AT) && !(eventsOnly && q.getSubject().equals(g)))
                    copy.add(q.asTriple());
            });
            return copy;
        });
    }

    @Test
    void gdelt2RowsBecomeEventsFieldByField() {
        GdeltReport r = importFiles(false, fixture("20250301.export.CSV"));
        assertEquals(7, r.files().get(0).imported());
        assertEquals("2.0", r.files().get(0).version());
        assertEquals(Set.of(ID + "state/usa"), Set.of(one("gdelt-1001", "ent:actor1")));
        assertEquals(ID + "state/chn", one("gdelt-1001", "ent:actor2"));
        assertEquals(Set.of("https://w3id.org/entente/ontology#CodedEvent", "https://w3id.org/entente/ontology#StateVisit"),
                     values("SELECT ?t { ev:gdelt-1001 a ?t }"));
        assertEquals("1001", one("gdelt-1001", "ent:gdeltId"));
        assertEquals("2025-03-01", one("gdelt-1001", "ent:date"));
        assertEquals(ID + "concept/cameo/042", one("gdelt-1001", "ent:cameoCode"));
        assertEquals(ID + "concept/cameo/quad-1", one("gdelt-1001", "ent:quadClass"));
        assertEquals("1.9", one("gdelt-1001", "ent:goldstein"));
        assertEquals("10", one("gdelt-1001", "ent:mentionCount"));
        assertEquals("3", one("gdelt-1001", "ent:sourceCount"));
        assertEquals("10", one("gdelt-1001", "ent:articleCount"));
        assertEquals("-1.25", one("gdelt-1001", "ent:averageTone"));
        assertEquals("true", one("gdelt-1001", "ent:rootEvent"));
        assertEquals(ID + "concept/certainty/reported", one("gdelt-1001", "ent:certainty"));
        assertEquals("Beijing, Beijing, China", one("gdelt-1001", "ent:place/rdfs:label"));
        assertEquals("CH", one("gdelt-1001", "ent:place/ent:fipsCountryCode"));
        assertEquals("-1898541", one("gdelt-1001", "ent:place/ent:featureId"));
        assertEquals("39.9289", one("gdelt-1001", "ent:place/schema:latitude"));
        assertEquals("116.388", one("gdelt-1001", "ent:place/schema:longitude"));
        assertEquals("https://news.example.org/world/visit-beijing", one("gdelt-1001", "ent:reportedIn/schema:url"));
        // A government is an actor node of its own, kept with its name, codes and country.
        assertEquals("UNITED STATES", one("gdelt-1002", "ent:actor1/rdfs:label"));
        assertEquals("USAGOV", one("gdelt-1002", "ent:actor1/ent:cameoActorCode"));
        assertEquals("GOV", one("gdelt-1002", "ent:actor1/ent:actorType"));
        assertEquals(ID + "state/usa", one("gdelt-1002", "ent:actor1/ent:actorCountry"));
        assertEquals(ID + "state/rus", one("gdelt-1002", "ent:actor2"));
        assertEquals(Set.of("https://w3id.org/entente/ontology#CodedEvent"), values("SELECT ?t { ev:gdelt-1002 a ?t }"));
        // A region is no territory: its code stays on the actor node, with no country.
        assertEquals("AFR", one("gdelt-1003", "ent:actor2/ent:cameoCountryCode"));
        assertEquals(Set.of(), values("SELECT ?c { ev:gdelt-1003 ent:actor2/ent:actorCountry ?c }"));
        assertEquals("REB", one("gdelt-1003", "ent:actor1/ent:actorType"));
        assertEquals("false", one("gdelt-1003", "ent:rootEvent"));
        assertEquals("-10.0", one("gdelt-1003", "ent:goldstein"));
        assertEquals(Set.of(), values("SELECT ?p { ev:gdelt-1003 ent:place ?p }"));
        assertTrue(values("SELECT ?t { ev:gdelt-1004 a ?t }").contains("https://w3id.org/entente/ontology#Meeting"));
        assertTrue(values("SELECT ?t { ev:gdelt-1005 a ?t }").contains("https://w3id.org/entente/ontology#Negotiation"));
        assertEquals(ID + "state/xk", one("gdelt-1005", "ent:actor1"));
        // The file's graph describes itself.
        String g = "<" + ID + "source/gdelt/20250301>";
        assertEquals(Set.of("7"), values("SELECT ?n { GRAPH " + g + " { " + g + " ent:rowCount ?n } }"));
        assertEquals(Set.of("2.0"), values("SELECT ?n { " + g + " ent:dataVersion ?n }"));
        assertEquals(Set.of("20250301.export.CSV"), values("SELECT ?n { " + g + " schema:name ?n }"));
        assertEquals(Set.of("1"), values("SELECT ?n { " + g + " <http://www.w3.org/ns/prov#generatedAtTime> ?t BIND(1 AS ?n) }"));
    }

    @Test
    void aZippedFileGivesTheSameGraphAsThePlainOne() {
        importFiles(false, fixture("20250301.export.CSV"));
        Node g = GdeltImporter.graphFor(fixture("20250301.export.CSV"));
        // The file name differs (.zip), so the graph's description of itself does too.
        Graph plain = graphOf(dsg, g, true);
        DatasetGraph other = StoreLib.open(tmp.resolve("other"));
        try {
            GdeltImporter.create().dataset(other).build().importFiles(List.of(fixture("20250301.export.CSV.zip")));
            assertTrue(plain.isIsomorphicWith(graphOf(other, g, true)));
            assertTrue(plain.size() > 100, "graph size " + plain.size());
        } finally {
            StoreLib.close(other);
        }
    }

    @Test
    void gdelt1DailyAndBackFilesImport() {
        GdeltReport r = importFiles(false, fixture("20130401.export.CSV"), fixture("1990.csv"));
        assertEquals(List.of("1.0", "1.0"), r.files().stream().map(GdeltReport.FileResult::version).toList());
        assertEquals("https://news.example.org/2013/visit", one("gdelt-2001", "ent:reportedIn/schema:url"));
        assertEquals("10.0", one("gdelt-2002", "ent:goldstein"));
        assertEquals(ID + "concept/cameo/0874", one("gdelt-2002", "ent:cameoCode"));
        assertEquals("Moscow, Moskva, Russia", one("gdelt-2002", "ent:place/rdfs:label"));
        assertEquals("55.7522", one("gdelt-2002", "ent:place/schema:latitude"));
        assertEquals("-2960561", one("gdelt-2002", "ent:place/ent:featureId"));
        // The back files have no source URL; CAMEO's older codes lead to today's territories.
        assertEquals(Set.of(), values("SELECT ?s { ev:gdelt-3001 ent:reportedIn ?s }"));
        assertEquals("1990-05-01", one("gdelt-3001", "ent:date"));
        assertEquals("-1456928", one("gdelt-3001", "ent:place/ent:featureId"));
        assertEquals(ID + "state/rou", one("gdelt-3002", "ent:actor1"));
        assertEquals(ID + "state/tls", one("gdelt-3002", "ent:actor2"));
        assertEquals(Set.of("1.0"), values("SELECT ?n { <" + ID + "source/gdelt/1990> ent:dataVersion ?n }"));
    }

    @Test
    void importingAgainGivesAnIsomorphicGraphAndReplacesIt() throws IOException {
        Path file = tmp.resolve("20250301.export.CSV");
        Files.copy(fixture("20250301.export.CSV"), file);
        Node g = GdeltImporter.graphFor(file);
        importFiles(false, file);
        Graph first = graphOf(dsg, g);
        importFiles(false, file);
        assertTrue(first.isIsomorphicWith(graphOf(dsg, g)), "re-import changed the graph");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, 2));
        importFiles(false, file);
        assertEquals(Set.of(ID + "event/gdelt-1001", ID + "event/gdelt-1002"), values("SELECT ?e { ?e a ent:CodedEvent }"));
        assertEquals(Set.of("2"), values("SELECT ?n { <" + g.getURI() + "> ent:rowCount ?n }"));
    }

    @Test
    void overlappingFilesDoNotDuplicateEvents() {
        importFiles(false, fixture("20250301.export.CSV"));
        GdeltReport r = importFiles(false, fixture("20250302.export.CSV"));
        assertEquals(1, r.files().get(0).duplicates());
        assertEquals(Set.of(ID + "source/gdelt/20250301"), values("SELECT ?g { GRAPH ?g { ev:gdelt-1003 a ent:CodedEvent } }"));
        assertEquals(Set.of(ID + "source/gdelt/20250302"), values("SELECT ?g { GRAPH ?g { ev:gdelt-1008 a ent:CodedEvent } }"));
        // Within one import too, and the second file's own re-import keeps its event.
        importFiles(false, fixture("20250301.export.CSV"), fixture("20250302.export.CSV"));
        assertEquals(Set.of(ID + "source/gdelt/20250301"), values("SELECT ?g { GRAPH ?g { ev:gdelt-1003 a ent:CodedEvent } }"));
        assertEquals(Set.of("8"), values("SELECT (COUNT(DISTINCT ?e) AS ?n) { GRAPH ?g { ?e a ent:CodedEvent } }"));
        assertEquals(Set.of("8"), values("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?e a ent:CodedEvent } }"));
    }

    @Test
    void aBadRowImportsNothingAndSaysWhereAndWhy() throws IOException {
        Path bad = Files.copy(fixture("bad-rows.export.CSV"), tmp.resolve("bad-rows.export.CSV"));
        EntenteException ex = assertThrows(EntenteException.class, () -> importFiles(false, fixture("20250301.export.CSV"), bad));
        String m = ex.getMessage();
        for (String expected : List.of("bad-rows.export.CSV:2: row: 60 columns", "bad-rows.export.CSV:3: SQLDATE",
                                       "bad-rows.export.CSV:4: GoldsteinScale", "bad-rows.export.CSV:5: NumMentions",
                                       "bad-rows.export.CSV:6: EventCode"))
            assertTrue(m.contains(expected), expected + " in " + m);
        assertEquals(Set.of("0"), values("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"));
        assertFalse(Files.exists(GdeltImporter.skippedReport(bad)));
    }

    @Test
    void skipBadImportsTheRestAndListsTheSkippedRows() throws IOException {
        Path bad = Files.copy(fixture("bad-rows.export.CSV"), tmp.resolve("bad-rows.export.CSV"));
        GdeltReport r = importFiles(true, bad);
        assertEquals(5, r.files().get(0).skipped().size());
        assertEquals(Set.of(ID + "event/gdelt-4001", ID + "event/gdelt-4007"), values("SELECT ?e { ?e a ent:CodedEvent }"));
        List<String> report = Files.readAllLines(GdeltImporter.skippedReport(bad));
        assertEquals(6, report.size(), report.toString());
        assertTrue(report.get(3).startsWith("bad-rows.export.CSV\t4\tGoldsteinScale\t"), report.get(3));
    }

    @Test
    void theNamedQueriesAnswer() {
        Loader.create().dataset(dsg).build().load(List.of(TestLib.home().resolve("ontology/cameo.ttl")));
        importFiles(false, fixture("20250301.export.CSV"));
        Path queries = TestLib.home().resolve("queries");
        List<List<String>> between = rows(QueryLib.select(dsg, QueryLib.find("gdelt-events-between", queries),
            Map.of("a", "state:usa", "b", "state:chn", "from", "2025-03-01", "to", "2025-03-31", "root", "04")), "event");
        assertEquals(List.of(List.of(ID + "event/gdelt-1001")), between);
        List<List<String>> monthly = rows(QueryLib.select(dsg, QueryLib.find("gdelt-monthly-goldstein", queries),
            Map.of("a", "state:chn", "b", "state:usa")), "month", "goldstein", "events");
        assertEquals(List.of(List.of("2025-03", "9.9", "2"), List.of("2025-04", "2.8", "1")), monthly);
        List<List<String>> most = rows(QueryLib.select(dsg, QueryLib.find("gdelt-most-reported", queries),
            Map.of("day", "2025-03-01")), "event", "mentions");
        assertEquals(List.of(List.of(ID + "event/gdelt-1001", "10"), List.of(ID + "event/gdelt-1002", "4")), most);
        List<List<String>> byName = rows(QueryLib.select(dsg, QueryLib.find("gdelt-events-at-place", queries),
            Map.of("name", "beijing")), "event");
        List<List<String>> byFeature = rows(QueryLib.select(dsg, QueryLib.find("gdelt-events-at-place", queries),
            Map.of("feature", "-1898541")), "event");
        assertEquals(List.of(List.of(ID + "event/gdelt-1001"), List.of(ID + "event/gdelt-1007")), byName);
        assertEquals(byName, byFeature);
    }

    static List<List<String>> rows(RowSetRewindable rs, String... vars) {
        List<List<String>> out = new ArrayList<>();
        rs.forEachRemaining(b -> {
            List<String> row = new ArrayList<>();
            for (String v : vars) {
                Node n = b.get(v);
                row.add(n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI());
            }
            out.add(row);
        });
        return out;
    }

    @Test
    void theCommandLineImportsAndFailsWithExitOneOnABadRow() throws IOException {
        StoreLib.close(dsg);
        Path store = tmp.resolve("store");
        Path bad = Files.copy(fixture("bad-rows.export.CSV"), tmp.resolve("bad-rows.export.CSV"));
        assertEquals(1, org.entente.cli.Main.run("import", "gdelt", "--store", store.toString(), bad.toString()));
        assertEquals(0, org.entente.cli.Main.run("import", "gdelt", "--store", store.toString(), "--skip-bad", bad.toString(),
                                                 fixture("20250301.export.CSV.zip").toString()));
        dsg = StoreLib.open(store);
        assertEquals(Set.of("9"), values("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?e a ent:CodedEvent } }"));
    }

    /** Thousands of rows (generated from the fixture with new ids) import whole, one event each. */
    @Test
    void thousandsOfRowsImportWhole() throws IOException {
        List<String> rows = Files.readAllLines(fixture("20250301.export.CSV"));
        Path big = tmp.resolve("20250401.export.CSV");
        try (var w = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 5_000; i++) {
                String[] c = rows.get(i % rows.size()).split("\t", -1);
                c[0] = Long.toString(100_000 + i);
                w.write(String.join("\t", c));
                w.newLine();
            }
        }
        GdeltReport r = importFiles(false, big);
        assertEquals(5_000, r.files().get(0).imported());
    }

    /** Rows from the project's generator go through the same import; the actors' places are kept as the rows give them. */
    @Test
    void generatedRowsImportWithTheActorsPlaces() throws IOException {
        Path file = tmp.resolve("20250301000000.export.CSV.zip");
        org.entente.generate.GdeltGenerator.create().events(300).seed(7).build().write(file);
        GdeltReport r = importFiles(false, file);
        assertEquals(300, r.files().get(0).imported());
        List<String> rows;
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            zip.getNextEntry();
            rows = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        int checked = 0;
        for (String row : rows) {
            String[] c = row.split("\t", -1);
            assertEquals(61, c.length);
            if (c[36].isEmpty() || c[44].isEmpty())
                continue;
            String ev = "gdelt-" + c[0];
            assertEquals(c[36], one(ev, "ent:actor1Place/rdfs:label"), "Actor1Geo_FullName");
            assertEquals(c[42], one(ev, "ent:actor1Place/ent:featureId"), "Actor1Geo_FeatureID");
            assertEquals(c[44], one(ev, "ent:actor2Place/rdfs:label"), "Actor2Geo_FullName");
            assertEquals(new java.math.BigDecimal(c[48]), new java.math.BigDecimal(one(ev, "ent:actor2Place/schema:latitude")));
            checked++;
        }
        assertTrue(checked > 100, "rows with both actors placed: " + checked);
        // The counts by quad class are the file's.
        long quad4 = rows.stream().filter(row -> row.split("\t", -1)[29].equals("4")).count();
        assertEquals(Set.of(Long.toString(quad4)),
                     values("SELECT (COUNT(*) AS ?n) { ?e ent:quadClass <" + ID + "concept/cameo/quad-4> }"));
    }
}
