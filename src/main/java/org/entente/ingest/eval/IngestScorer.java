package org.entente.ingest.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Scores a draft of proposed statements against a gold standard, per kind of statement
 * (participation, stance, tie), by the keys of {@link StatementKey} and a one-to-one matching.
 * Role, certainty, attribution and quotes are compared over the matched pairs and reported apart.
 * <pre>
 *   IngestScorer scorer = IngestScorer.create().background(store).build();
 *   ScoreReport report = scorer.score("2018-06-singapore-summit", draft, gold);
 *   report.kind(Kind.PARTICIPATION).f1();
 * </pre>
 */
public final class IngestScorer {

    private final DatasetGraph background;

    private IngestScorer(Builder b) {
        this.background = b.background;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Scores a draft dataset against a gold dataset (all graphs of each are read). */
    public ScoreReport score(String article, DatasetGraph draft, DatasetGraph gold) {
        return score(article, StatementReader.read(draft, background), StatementReader.read(gold, background));
    }

    /**
     * Scores a pipeline over articles of the corpus and sums the reports under a name: the figures of
     * a split. The pipeline gives each article's draft.
     * <pre>
     *   ScoreReport dev = scorer.scoreAll("dev", CorpusLib.articles(home, Split.DEV), a -> ingest(a.text(), a.meta()));
     * </pre>
     */
    public ScoreReport scoreAll(String name, List<Article> articles, java.util.function.Function<Article, DatasetGraph> pipeline) {
        List<ScoreReport> reports = new ArrayList<>();
        for (Article a : articles)
            reports.add(score(a.slug(), pipeline.apply(a), a.gold()));
        return ScoreReport.sum(name, reports);
    }

    /** Scores statements already read. */
    public static ScoreReport score(String article, List<Statement> draft, List<Statement> gold) {
        Map<Kind, KindScore> kinds = new EnumMap<>(Kind.class);
        int[] role = new int[2], certainty = new int[2], attribution = new int[2], quote = new int[2];
        List<Miss> misses = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<Statement> d = draft.stream().filter(s -> s.kind() == kind).toList();
            List<Statement> g = gold.stream().filter(s -> s.kind() == kind).toList();
            int[] goldToDraft = Matching.match(d, g);
            boolean[] draftMatched = new boolean[d.size()];
            int tp = 0;
            for (int i = 0; i < g.size(); i++) {
                Statement gs = g.get(i);
                if (goldToDraft[i] < 0) {
                    misses.add(new Miss(article, Miss.Side.FALSE_NEGATIVE, gs.node(), gs.key()));
                    continue;
                }
                tp++;
                Statement ds = d.get(goldToDraft[i]);
                draftMatched[goldToDraft[i]] = true;
                if (kind == Kind.PARTICIPATION)
                    tally(role, ds.roles().equals(gs.roles()));
                tally(certainty, ds.certainty().equals(gs.certainty()));
                tally(attribution, ds.attributedTo().equals(gs.attributedTo()));
                if (!gs.quotes().isEmpty())
                    tally(quote, quotesOverlap(ds.quotes(), gs.quotes()));
            }
            for (int i = 0; i < d.size(); i++)
                if (!draftMatched[i])
                    misses.add(new Miss(article, Miss.Side.FALSE_POSITIVE, d.get(i).node(), d.get(i).key()));
            kinds.put(kind, new KindScore(kind.label(), tp, d.size() - tp, g.size() - tp));
        }
        List<Agreement> secondary = List.of(new Agreement("role", role[0], role[1]),
                                            new Agreement("certainty", certainty[0], certainty[1]),
                                            new Agreement("attribution", attribution[0], attribution[1]),
                                            new Agreement("quote overlap", quote[0], quote[1]));
        return new ScoreReport(article, kinds, secondary, misses);
    }

    private static void tally(int[] counts, boolean agree) {
        if (agree)
            counts[0]++;
        counts[1]++;
    }

    /**
     * Whether some draft quote and some gold quote cover the same words: one contains the other, after
     * typographic quotes and apostrophes are made plain and runs of white space made one space.
     */
    static boolean quotesOverlap(List<String> draft, List<String> gold) {
        for (String d : draft)
            for (String g : gold) {
                String a = plain(d), b = plain(g);
                if (!a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a)))
                    return true;
            }
        return false;
    }

    private static String plain(String s) {
        return s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Settings of a scorer. */
    public static final class Builder {
        private DatasetGraph background;

        private Builder() {}

        /**
         * A dataset to look up facts about events in (their types and dates), besides the draft and the
         * gold themselves: the store a draft links to, whose events a draft names by IRI only.
         */
        public Builder background(DatasetGraph dsg) {
            this.background = dsg;
            return this;
        }

        public IngestScorer build() {
            return new IngestScorer(this);
        }
    }
}
