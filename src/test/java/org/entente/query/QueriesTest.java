package org.entente.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.sys.EntenteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each competency query of {@code queries/} answers what the article says, over a real TDB2 store. */
class QueriesTest {

    static final String ARTICLE = "https://w3id.org/entente/id/source/2025-08-victory-day-parade";

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;

    @BeforeAll
    static void seed() {
        dsg = TestLib.seededStore(tmp.resolve("store"));
    }

    @AfterAll
    static void close() {
        StoreLib.close(dsg);
    }

    static Path queries() {
        return TestLib.home().resolve("queries");
    }

    /** The rows of a named query, each a map from variable to the lexical form or IRI of its value. */
    static List<Map<String, String>> rows(String name, Map<String, String> params) {
        RowSetRewindable rs = QueryLib.select(dsg, QueryLib.find(name, queries()), params);
        List<Map<String, String>> out = new ArrayList<>();
        rs.forEachRemaining(b -> {
            Map<String, String> row = new LinkedHashMap<>();
            b.vars().forEachRemaining(v -> {
                Node n = b.get(v);
                row.put(v.getVarName(), n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
            });
            out.add(row);
        });
        return out;
    }

    static List<Map<String, String>> rows(String name) {
        return rows(name, Map.of());
    }

    static Set<String> column(List<Map<String, String>> rows, String... vars) {
        return rows.stream().map(r -> java.util.Arrays.stream(vars).map(v -> r.getOrDefault(v, "")).collect(Collectors.joining("|")))
                   .collect(Collectors.toSet());
    }

    @Test
    void everyQueryParsesAndSaysWhatItAnswers() {
        List<NamedQuery> all = QueryLib.readAll(queries());
        assertTrue(all.size() >= 12, "at least 12 competency queries");
        for (NamedQuery q : all)
            assertTrue(q.description().length() > 20, q.name() + " has no header comment saying what it answers");
    }

    @Test
    void parade2025Participants() {
        List<Map<String, String>> rows = rows("parade-2025-participants");
        assertEquals(Set.of("Kim Jong Un|confirmed", "Vladimir Putin|announced", "Xi Jinping|announced",
                            "Lee Jae Myung|invited", "Western leaders|not expected"), column(rows, "name", "status"));
        assertEquals(Set.of("Kim Jong Un|officially confirmed|Ministry of Foreign Affairs of China"),
                     column(rows.stream().filter(r -> r.containsKey("attributedTo")).toList(), "name", "certainty", "attributedTo"));
        assertTrue(column(rows, "name", "roles").contains("Xi Jinping|host, reviewing officer"));
    }

    @Test
    void northKoreaRepresentation2015Versus2025() {
        List<Map<String, String>> rows = rows("north-korea-at-victory-day-parades");
        assertEquals(Set.of("2015|Choe Ryong-hae|attended|", "2025|Kim Jong Un|confirmed|Choe Ryong-hae"),
                     column(rows, "year", "name", "status", "upgradeOf"));
    }

    @Test
    void invitedButNotConfirmed() {
        assertEquals(Set.of("Lee Jae Myung|South Korea|Victory Day parade 2025"),
                     column(rows("invited-not-confirmed"), "name", "representing", "eventName"));
    }

    @Test
    void statesDiscouragingAttendanceAndWhy() {
        assertEquals(Set.of("Japan|anti-Japanese overtones|reported"),
                     column(rows("discouraging-attendance"), "stateName", "reason", "certainty"));
    }

    @Test
    void northKoreaTiesWithChinaAndSouthKorea() {
        Set<String> ties = column(rows("ties", Map.of("state", "state:prk")), "kind", "otherName", "type", "since");
        assertTrue(ties.containsAll(Set.of("tie|China|traditional friendship|", "tie|China|cooperation|", "tie|China|closeness|",
                                           "tie|South Korea|breakdown|2019", "stance from|Lee Jae Myung|criticism|",
                                           "stance toward|China|praise|")), ties.toString());
        assertFalse(ties.stream().anyMatch(t -> t.contains("Japan")), "North Korea has no tie with Japan in the article");
    }

    @Test
    void whatTheParadeCommemoratesAndWhoReviewsIt() {
        List<Map<String, String>> rows = rows("parade-commemoration");
        assertEquals(Set.of("World War II|80|Xi Jinping|2025-09-03|PT70M", "Second Sino-Japanese War|80|Xi Jinping|2025-09-03|PT70M"),
                     column(rows, "commemorates", "anniversary", "reviewedBy", "date", "duration"));
        assertEquals(Set.of("Tiananmen Square, Beijing"), column(rows, "place"));
    }

    @Test
    void paradeDisplay() {
        List<Map<String, String>> rows = rows("parade-display");
        assertEquals(Set.of("45"), column(rows, "echelons"));
        String displays = rows.get(0).get("displays");
        for (String d : List.of("war veterans", "tanks", "aircraft", "anti-drone systems"))
            assertTrue(displays.contains(d), displays);
    }

    @Test
    void theMeetingTrumpWantsAndTheDealHeSeeks() {
        assertEquals(Set.of("interest in meeting|Kim Jong Un", "pursuit of a deal|Vladimir Putin"),
                     column(rows("trump-aims"), "stance", "towardName"));
    }

    @Test
    void whoIsNotExpectedAndWhy() {
        assertEquals(Set.of("most|Western leaders|Western leaders and Vladimir Putin: tensions over the Ukraine war"),
                     column(rows("not-expected"), "quantifier", "name", "tie"));
    }

    @Test
    void statementsBySourceWithAttribution() {
        List<Map<String, String>> rows = rows("statements-by-source", Map.of("source", "<" + ARTICLE + ">"));
        assertTrue(rows.size() > 30, "every statement of the article, with its words");
        assertTrue(column(rows, "statement", "attributedTo").contains(
            "Kim Jong Un at the Victory Day parade 2025|Ministry of Foreign Affairs of China"));
        assertTrue(column(rows, "statement", "certainty").contains("Japan discourages attendance at the Victory Day parade 2025|reported"));
        List<Map<String, String>> reference = rows("statements-by-source",
            Map.of("source", "https://w3id.org/entente/id/source/entente-reference"));
        assertEquals(List.of(), reference, "the reference graph makes no n-ary statements");
    }

    @Test
    void officeHoldersOnADate() {
        assertEquals(Set.of("Xi Jinping", "Kim Jong Un", "Vladimir Putin", "Donald Trump", "Lee Jae Myung"),
                     column(rows("office-holders-on-date", Map.of("date", "2025-09-03")), "holderName"));
        assertEquals(Set.of("Vladimir Putin|2000-05-07"),
                     column(rows("office-holders-on-date", Map.of("date", "2005-06-01")), "holderName", "start"));
        assertEquals(Set.of("Xi Jinping", "Kim Jong Un", "Vladimir Putin", "Donald Trump"),
                     column(rows("office-holders-on-date", Map.of("date", "2019-01-01")), "holderName"));
    }

    @Test
    void eventsInADateRange() {
        assertEquals(Set.of("Victory Day parade 2025"),
                     column(rows("events-in-range", Map.of("from", "2025-09-01", "to", "2025-09-30")), "name"));
        assertEquals(Set.of("World War II", "Second Sino-Japanese War"),
                     column(rows("events-in-range", Map.of("from", "1940-01-01", "to", "1940-12-31")), "name"));
        assertEquals(Set.of("Victory Day parade 2015", "Victory Day parade 2025"),
                     column(rows("events-in-range", Map.of("from", "2010-01-01")), "name"));
    }

    @Test
    void participantsOfAnEvent() {
        assertEquals(Set.of("Choe Ryong-hae|head of delegation|attended"),
                     column(rows("event-participants", Map.of("event", "event:2015-09-03-victory-day-parade")), "name", "role", "status"));
    }

    @Test
    void personTimeline() {
        Set<String> kim = column(rows("person-timeline", Map.of("person", "person:kim-jong-un")), "date", "what", "detail");
        assertTrue(kim.contains("2016-06-29|took office|President of the State Affairs of North Korea"), kim.toString());
        assertTrue(kim.contains("2025-09-03|attendee|Victory Day parade 2025"), kim.toString());
    }

    @Test
    void wikidataLinksAndSources() {
        long linked = rows("wikidata-links").stream().filter(r -> r.containsKey("item")).count();
        assertEquals(13, linked);
        assertEquals(Set.of(ARTICLE, "https://w3id.org/entente/id/source/entente-reference",
                            "https://w3id.org/entente/id/source/entente-world"),
                     column(rows("sources"), "source"));
    }

    @Test
    void parametersAreTypedAndCannotInjectSparql() {
        NamedQuery q = NamedQuery.parse("probe", """
            # Labels equal to a text.
            # @param text xsd:string The text.
            SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER (str(?l) = ?text) }
            """, "probe");
        Map<String, String> hostile = new HashMap<>();
        hostile.put("text", "x\") || true || (\"");
        RowSetRewindable rs = QueryLib.select(dsg, q, hostile);
        assertEquals(0, rs.size(), "a quote in a value must not change the query");
        RowSetRewindable kim = QueryLib.select(dsg, q, Map.of("text", "Kim Jong Un"));
        assertEquals(1, kim.size());

        NamedQuery ties = QueryLib.find("ties", queries());
        assertThrows(EntenteException.class, () -> ties.bind(Map.of("state", "state:prk> } UNION { ?s ?p ?o")));
        assertThrows(EntenteException.class, () -> ties.bind(Map.of("nosuch", "x")));
        NamedQuery onDate = QueryLib.find("office-holders-on-date", queries());
        assertThrows(EntenteException.class, () -> onDate.bind(Map.of("date", "2025-13-45")));
    }

    @Test
    void queryNamesCannotEscapeTheQueriesFolder() {
        assertThrows(EntenteException.class, () -> QueryLib.find("../pom", queries()));
        assertThrows(EntenteException.class, () -> QueryLib.find("no-such-query", queries()));
    }
}
