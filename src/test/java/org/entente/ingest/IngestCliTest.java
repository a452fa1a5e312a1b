package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.entente.TestLib;
import org.entente.cli.Main;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entente ingest} end to end through {@link Main}: the seed article's draft proposes the
 * statements the issue asks for, linked to the store's IRIs, each with its exact quote at its
 * offsets; the review page is written; an unreviewed draft is refused by the load gate and the
 * reviewed one loads; bad input writes nothing.
 */
class IngestCliTest {
    private static final String PREFIXES = """
        PREFIX ent: <https://w3id.org/entente/ontology#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX person: <https://w3id.org/entente/id/person/>
        PREFIX state: <https://w3id.org/entente/id/state/>
        PREFIX org: <https://w3id.org/entente/id/organization/>
        PREFIX event: <https://w3id.org/entente/id/event/>
        PREFIX status: <https://w3id.org/entente/id/concept/participation-status/>
        PREFIX stt: <https://w3id.org/entente/id/concept/stance-type/>
        PREFIX cert: <https://w3id.org/entente/id/concept/certainty/>
        """;

    @TempDir
    static Path dir;
    static Path store, out;
    static DatasetGraph draft;
    static String text;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;

    @BeforeAll
    static void ingestSeedArticle() throws Exception {
        store = dir.resolve("store");
        out = dir.resolve("d");
        Path article = TestLib.home().resolve("data/sources/2025-08-victory-day-parade.txt");
        text = Files.readString(article);
        assertEquals(0, Main.run("ingest", "--store", store.toString(), article.toString(), "--published", "2025-08-28", "--out", out.toString()));
        draft = RDFDataMgr.loadDatasetGraph(out.resolve("2025-08-victory-day-parade.trig").toString());
    }

    @BeforeEach
    void captureErr() {
        err.reset();
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(oldErr);
    }

    private List<QuerySolution> select(String where) {
        return Txn.calculateRead(draft, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(draft)).query(PREFIXES + "SELECT * WHERE { GRAPH ?g { " + where + " } }").build()) {
                List<QuerySolution> rows = new java.util.ArrayList<>();
                qe.execSelect().forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    /** Asserts the statement exists, and that each of its quotes is the text at its NIF offsets (code points). */
    private void assertStatement(String what, String pattern) {
        List<QuerySolution> rows = select(pattern + " ?s ent:quote ?q ; ent:evidence ?ev . ?ev nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a .");
        assertFalse(rows.isEmpty(), what + " is proposed");
        boolean someQuoteAtItsOffsets = false;
        for (QuerySolution r : rows) {
            int b = r.getLiteral("b").getInt(), e = r.getLiteral("e").getInt();
            String at = text.substring(text.offsetByCodePoints(0, b), text.offsetByCodePoints(0, e));
            assertEquals(at, r.getLiteral("a").getString(), what + ": nif:anchorOf is the text at its offsets");
            if (at.equals(r.getLiteral("q").getString()))
                someQuoteAtItsOffsets = true;
        }
        assertTrue(someQuoteAtItsOffsets, what + ": its quote is the exact text at its evidence's offsets");
    }

    @Test
    void kimConfirmedAttendanceAttributedToChinasForeignMinistry() {
        assertStatement("Kim's confirmed attendance", """
            ?s a ent:Participation ; ent:participant person:kim-jong-un ; ent:event event:2025-09-03-victory-day-parade ;
               ent:status status:confirmed ; ent:certainty cert:officially-confirmed ; ent:attributedTo org:chn-foreign-ministry ;
               ent:representing state:prk .""");
    }

    @Test
    void putinAndXiAttend() {
        assertStatement("Putin's attendance", """
            ?s a ent:Participation ; ent:participant person:vladimir-putin ; ent:event event:2025-09-03-victory-day-parade ;
               ent:status status:announced ; ent:representing state:rus .""");
        assertStatement("Xi's attendance", """
            ?s a ent:Participation ; ent:participant person:xi-jinping ; ent:event event:2025-09-03-victory-day-parade ;
               ent:status status:announced ; ent:representing state:chn .""");
    }

    @Test
    void leeJaeMyungInvited() {
        assertStatement("Lee's invitation", """
            ?s a ent:Participation ; ent:participant person:lee-jae-myung ; ent:event event:2025-09-03-victory-day-parade ;
               ent:status status:invited .""");
    }

    @Test
    void choeRyongHaeAttendedIn2015() {
        assertStatement("Choe's 2015 attendance", """
            ?s a ent:Participation ; ent:participant person:choe-ryong-hae ; ent:event event:2015-09-03-victory-day-parade ;
               ent:status status:attended .""");
    }

    @Test
    void japanReportedlyDiscourages() {
        assertStatement("Japan's discouragement", """
            ?s a ent:Stance ; ent:from state:jpn ; ent:toward event:2025-09-03-victory-day-parade ; ent:stanceType stt:discouragement ;
               ent:certainty cert:reported .""");
    }

    @Test
    void trumpInterestedInMeetingKim() {
        assertStatement("Trump's interest in meeting Kim", """
            ?s a ent:Stance ; ent:from person:donald-trump ; ent:toward person:kim-jong-un ; ent:stanceType stt:interest-in-meeting .""");
        // The meeting he seeks is only possible: never stated as fact.
        assertStatement("Trump in the sought meeting", """
            ?s a ent:Participation ; ent:participant person:donald-trump ; ent:status status:possible ; ent:certainty cert:possible ;
               ent:event ?m . ?m a ent:Meeting .""");
    }

    @Test
    void notExpectedIsNeverStatedAsFact() {
        assertStatement("Western leaders not expected", """
            ?s a ent:Participation ; ent:participant <https://w3id.org/entente/id/group/western-leaders> ; ent:status status:not-expected ;
               ent:certainty cert:expected .""");
    }

    @Test
    void relativeDateKeepsTheTextsWords() {
        assertFalse(select("event:2025-09-03-victory-day-parade ent:timeDescription \"next week\"@en .").isEmpty());
    }

    @Test
    void reviewPageIsWritten() throws Exception {
        String html = Files.readString(out.resolve("2025-08-victory-day-parade.review.html"));
        assertTrue(html.contains("<mark class=\"quote\">"), "quotes are highlighted");
        assertTrue(html.contains("chn-foreign-ministry"), "linked things are shown");
        assertTrue(html.contains("bin/entente load 2025-08-victory-day-parade.trig"),
                   "the page names the draft file written beside it, though its source is -ingested");
    }

    @Test
    void unreviewedDraftIsRefusedAndReviewedDraftLoads() throws Exception {
        // A copy under another name, so that its source graph is not the hand-made one of the seed data.
        Path copy = dir.resolve("parade-copy.txt");
        Files.copy(TestLib.home().resolve("data/sources/2025-08-victory-day-parade.txt"), copy);
        Path out2 = dir.resolve("d2");
        assertEquals(0, Main.run("ingest", "--store", store.toString(), copy.toString(), "--published", "2025-08-28", "--out", out2.toString()));
        Path trig = out2.resolve("parade-copy.trig");
        String before = Files.readString(trig);
        assertTrue(before.contains("review:proposed"), "the new meetings are proposed for review");

        assertEquals(Main.EXIT_FAILED, Main.run("load", "--store", store.toString(), trig.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("has not been reviewed"), "the gate says why: " + err);
        DatasetGraph dsg = StoreLib.open(store);
        try {
            assertFalse(Txn.calculateRead(dsg, () -> dsg.containsGraph(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/entente/id/source/parade-copy"))),
                        "nothing of the refused draft is in the store");
        } finally {
            StoreLib.close(dsg);
        }

        // The reviewer checks the proposed things and marks them reviewed.
        Files.writeString(trig, before.replace("review:proposed", "review:reviewed"));
        assertEquals(0, Main.run("load", "--store", store.toString(), trig.toString()), "the reviewed draft loads: " + err);
        DatasetGraph after = StoreLib.open(store);
        try {
            long n = Txn.calculateRead(after, () -> {
                try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(after)).query(PREFIXES
                        + "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/entente/id/source/parade-copy> { ?p ent:participant person:kim-jong-un } }").build()) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertTrue(n >= 2, "Kim's participations are in the store, in the article's graph");
        } finally {
            StoreLib.close(after);
        }
    }

    @Test
    void theSeedArticlesDraftIsASourceOfItsOwnNotTheHandMadeGraph() {
        // The store holds the hand-made graph source/2025-08-victory-day-parade; loading a draft of the same name would
        // merge into it, so the draft's source takes the file's slug with -ingested.
        var ingested = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/entente/id/source/2025-08-victory-day-parade-ingested");
        var handMade = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/entente/id/source/2025-08-victory-day-parade");
        assertTrue(draft.containsGraph(ingested), "the draft's graph is the -ingested source");
        assertFalse(draft.containsGraph(handMade), "the draft writes nothing into the hand-made graph");
    }

    @Test
    void badInputWritesNothing() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 au lait in Paris".getBytes(StandardCharsets.ISO_8859_1));
        Path german = Files.writeString(dir.resolve("german.txt"),
            "Der Bundeskanzler reist morgen nach Paris und trifft dort den französischen Präsidenten zu Gesprächen über die Ukraine.");
        Path bin = Files.write(dir.resolve("bin.txt"), new byte[] { 'a', 0, 'b' });
        Path outBad = dir.resolve("bad");
        for (Path f : List.of(empty, latin1, german, bin)) {
            err.reset();
            assertEquals(Main.EXIT_FAILED, Main.run("ingest", "--store", store.toString(), f.toString(), "--out", outBad.toString()));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains(f.toString()), "the error names the file: " + err);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("binary"));
        assertFalse(Files.exists(outBad), "nothing is written");
        err.reset();
        Main.run("ingest", "--store", store.toString(), german.toString(), "--out", outBad.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("German"), "the language is named: " + err);
    }
}
