package org.entente.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.entente.TestLib;
import org.entente.load.Loader;
import org.entente.vocab.ENT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gold corpus of article ingestion checks out: enough articles in each split, each with a
 * headline, a length of a short report and a valid meta file; every gold file parses, holds one
 * graph named for its source, passes the loader's SHACL gate over the seeded store, quotes only
 * words its article really contains, and uses store IRIs only for things the store really has.
 */
class GoldCorpusTest {

    @TempDir
    static Path storeDir;
    private static DatasetGraph store;

    @BeforeAll
    static void seedStore() {
        store = TestLib.worldStore(storeDir);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    private static List<Article> corpus(Split split) {
        return CorpusLib.articles(TestLib.home(), split);
    }

    private static List<Article> written() {
        List<Article> out = new ArrayList<>(corpus(Split.DEV));
        out.addAll(corpus(Split.HELDOUT));
        return out;
    }

    @Test
    void splitsHoldEnoughArticles() {
        assertEquals(1, corpus(Split.SEED).size());
        assertTrue(corpus(Split.DEV).size() >= 6, "at least six development articles");
        assertTrue(corpus(Split.HELDOUT).size() >= 3, "at least three held-out articles");
        Set<String> slugs = new HashSet<>();
        CorpusLib.all(TestLib.home()).forEach(a -> assertTrue(slugs.add(a.slug()), "slug used twice: " + a.slug()));
    }

    @TestFactory
    Stream<DynamicTest> everyArticleIsAShortReportWithItsHeadlineAndDate() {
        return written().stream().map(a -> dynamicTest(a.slug(), () -> {
            byte[] bytes = Files.readAllBytes(a.textFile());
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(text) && text.chars().allMatch(c -> c < 128),
                       a.slug() + ": plain ASCII text");
            String[] lines = text.split("\n");
            assertEquals(a.meta().title(), lines[0], a.slug() + ": the title in the meta file is the headline");
            int words = text.strip().split("\\s+").length;
            assertTrue(words >= 150 && words <= 400, a.slug() + ": " + words + " words, not 150 to 400");
            assertEquals("Entente test corpus", a.meta().publisher());
            assertTrue(a.meta().published().isAfter(LocalDate.of(1990, 1, 1)) && a.meta().published().isBefore(LocalDate.now()));
            assertTrue(a.slug().startsWith(a.meta().published().toString().substring(0, 7)),
                       a.slug() + ": the slug starts with the month of publication");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldHoldsOneGraphNamedForItsSource() {
        return written().stream().map(a -> dynamicTest(a.slug(), () -> {
            DatasetGraph gold = a.gold();
            Node source = NodeFactory.createURI(a.sourceIri());
            List<Node> graphs = new ArrayList<>();
            gold.listGraphNodes().forEachRemaining(graphs::add);
            assertEquals(List.of(source), graphs, a.slug() + ": one named graph, the source's IRI");
            assertTrue(gold.getDefaultGraph().isEmpty(), a.slug() + ": nothing in the default graph");
            assertTrue(gold.contains(source, source, RDF.type.asNode(), ENT.Source.asNode()));
            assertFalse(StatementReader.read(gold).isEmpty(), a.slug() + ": has statements");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyQuoteOccursVerbatimInItsArticle() {
        return CorpusLib.all(TestLib.home()).stream().map(a -> dynamicTest(a.slug(), () -> {
            // The seed's hand-made gold has straight apostrophes where its text has typographic ones.
            String text = a.split() == Split.SEED ? plain(a.text()) : a.text();
            DatasetGraph gold = a.gold();
            List<String> missing = new ArrayList<>();
            gold.find(Node.ANY, Node.ANY, ENT.quote.asNode(), Node.ANY).forEachRemaining(q -> {
                String quote = q.getObject().getLiteralLexicalForm();
                if (!text.contains(a.split() == Split.SEED ? plain(quote) : quote))
                    missing.add(quote);
            });
            assertEquals(List.of(), missing, a.slug() + ": quotes not in the text");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldPassesTheLoadersShaclGate() {
        return written().stream().map(a -> dynamicTest(a.slug(), () -> {
            Node graph = NodeFactory.createURI(a.sourceIri());
            try {
                // Throws ShaclGate.ValidationException with the report if any shape is violated.
                Loader.create().dataset(store).root(TestLib.home()).build().load(a.goldFiles());
                assertTrue(Txn.calculateRead(store, () -> store.containsGraph(graph)));
            } finally {
                Txn.executeWrite(store, () -> store.removeGraph(graph));
            }
        }));
    }

    /**
     * Relative dates are resolved against the publication date: "on Tuesday" is a Tuesday within a week
     * of it, "last year" the year before, "this year" the same year.
     */
    @TestFactory
    Stream<DynamicTest> relativeDatesAgreeWithThePublicationDate() {
        return written().stream().map(a -> dynamicTest(a.slug(), () -> {
            DatasetGraph gold = a.gold();
            LocalDate published = a.meta().published();
            List<String> wrong = new ArrayList<>();
            gold.find(Node.ANY, Node.ANY, ENT.timeDescription.asNode(), Node.ANY).forEachRemaining(q -> {
                String words = q.getObject().getLiteralLexicalForm().toLowerCase(java.util.Locale.ROOT);
                Node date = firstValue(gold, q.getSubject(), ENT.date.asNode(), ENT.startDate.asNode());
                if (date == null)
                    return;
                String lex = date.getLiteralLexicalForm();
                int year = Integer.parseInt(lex.substring(0, 4));
                java.util.regex.Matcher day = java.util.regex.Pattern.compile("\\bon (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b").matcher(words);
                if (day.find() && lex.length() == 10) {
                    // An event of several days: the day named may be any of them.
                    Node end = firstValue(gold, q.getSubject(), ENT.endDate.asNode());
                    LocalDate first = LocalDate.parse(lex);
                    LocalDate last = end != null && firstValue(gold, q.getSubject(), ENT.date.asNode()) == null
                        ? LocalDate.parse(end.getLiteralLexicalForm()) : first;
                    boolean found = first.datesUntil(last.plusDays(1)).anyMatch(d ->
                        d.getDayOfWeek().name().equalsIgnoreCase(day.group(1)) && Math.abs(d.toEpochDay() - published.toEpochDay()) <= 7);
                    if (!found)
                        wrong.add(q.getSubject() + ": \"" + words + "\" but " + lex);
                }
                if (words.contains("last year") && year != published.getYear() - 1)
                    wrong.add(q.getSubject() + ": \"" + words + "\" but " + lex);
                if (words.contains("this year") && year != published.getYear())
                    wrong.add(q.getSubject() + ": \"" + words + "\" but " + lex);
            });
            assertEquals(List.of(), wrong, a.slug() + " (published " + published + ")");
        }));
    }

    private static Node firstValue(DatasetGraph dsg, Node s, Node... properties) {
        for (Node p : properties) {
            var it = dsg.find(Node.ANY, s, p, Node.ANY);
            if (it.hasNext())
                return it.next().getObject();
        }
        return null;
    }

    /** Properties whose IRI values are things: the store must have them unless the gold describes them. */
    private static final List<Node> THING_LINKS = Stream.of(ENT.participant, ENT.event, ENT.from, ENT.toward, ENT.party,
            ENT.attributedTo, ENT.representing, ENT.host, ENT.place, ENT.concerns, ENT.locatedIn)
        .map(p -> p.asNode()).toList();

    @TestFactory
    Stream<DynamicTest> thingsAreEitherInTheStoreOrNewAndDescribed() {
        return written().stream().map(a -> dynamicTest(a.slug(), () -> {
            DatasetGraph gold = a.gold();
            Set<Node> described = new HashSet<>();
            gold.find(Node.ANY, Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> described.add(q.getSubject()));
            Set<String> unknown = new TreeSet<>();
            Set<String> alreadyKnown = new TreeSet<>();
            Txn.executeRead(store, () -> {
                for (Node p : THING_LINKS)
                    gold.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                        Node thing = q.getObject();
                        if (thing.isURI() && !described.contains(thing) && !typedInStore(thing))
                            unknown.add(thing.getURI());
                    });
                for (Node thing : described)
                    if (!isStatementOrSource(gold, thing) && typedInStore(thing))
                        alreadyKnown.add(thing.getURI());
            });
            assertEquals(Set.of(), unknown, a.slug() + ": IRIs the gold takes from the store but the store does not have");
            assertEquals(Set.of(), alreadyKnown, a.slug() + ": things the gold describes as new but the store already has");
        }));
    }

    private static boolean typedInStore(Node thing) {
        return store.find(Node.ANY, thing, RDF.type.asNode(), Node.ANY).hasNext();
    }

    private static boolean isStatementOrSource(DatasetGraph gold, Node s) {
        for (Node c : List.of(ENT.Participation.asNode(), ENT.Stance.asNode(), ENT.DiplomaticTie.asNode(), ENT.Source.asNode()))
            if (gold.contains(Node.ANY, s, RDF.type.asNode(), c))
                return true;
        return false;
    }

    @TestFactory
    Stream<DynamicTest> everyGoldScoresPerfectAgainstItself() {
        IngestScorer scorer = IngestScorer.create().build();
        return CorpusLib.all(TestLib.home()).stream().map(a -> dynamicTest(a.slug(), () -> {
            ScoreReport r = scorer.score(a.slug(), a.gold(), a.gold());
            assertEquals(1.0, r.micro().f1(), r.missesAsMarkdown());
            assertEquals(1.0, r.agreement("certainty").accuracy());
        }));
    }

    @Test
    void aSplitIsScoredAsTheSumOfItsArticles() {
        List<Article> dev = corpus(Split.DEV);
        IngestScorer scorer = IngestScorer.create().build();
        ScoreReport perfect = scorer.scoreAll("dev", dev, Article::gold);
        assertEquals(1.0, perfect.micro().f1());
        ScoreReport empty = scorer.scoreAll("dev", dev, a -> org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem());
        assertEquals(0.0, empty.micro().recall());
        assertEquals(perfect.micro().gold(), empty.micro().fn());
    }

    @Test
    void readyFileStatesTheCorpusAsItIs() throws Exception {
        Path ready = CorpusLib.root(TestLib.home()).resolve("READY");
        if (!Files.exists(ready))
            return;
        assertEquals(readyLine(), Files.readString(ready).strip());
    }

    /** The one line of {@code READY}: articles and gold statements per kind, for each split. */
    static String readyLine() {
        List<String> parts = new ArrayList<>();
        for (Split split : List.of(Split.DEV, Split.HELDOUT, Split.SEED)) {
            Map<Kind, Integer> counts = new java.util.EnumMap<>(Kind.class);
            List<Article> articles = corpus(split);
            for (Article a : articles)
                for (Statement s : StatementReader.read(a.gold()))
                    counts.merge(s.kind(), 1, Integer::sum);
            parts.add(String.format("%s %d articles (participation %d, stance %d, tie %d)", split.folder(), articles.size(),
                                    counts.getOrDefault(Kind.PARTICIPATION, 0), counts.getOrDefault(Kind.STANCE, 0),
                                    counts.getOrDefault(Kind.TIE, 0)));
        }
        return String.join("; ", parts);
    }

    private static String plain(String s) {
        return s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
    }
}
