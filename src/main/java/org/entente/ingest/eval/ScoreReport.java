package org.entente.ingest.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The score of a draft against its gold standard (or of many, summed): counts and ratios per kind of
 * statement, their micro-average, the secondary agreements over matched pairs, and the statements
 * left unmatched.
 * <pre>
 *   ScoreReport r = IngestScorer.create().build().score("singapore", draft, gold);
 *   System.out.println(r.toMarkdown());
 * </pre>
 */
public record ScoreReport(String article, Map<Kind, KindScore> kinds, List<Agreement> secondary, List<Miss> misses) {

    /** The facets compared over matched pairs, in the order the table shows them. */
    public static final List<String> FACETS = List.of("role", "certainty", "attribution", "quote overlap");

    public ScoreReport {
        Map<Kind, KindScore> all = new LinkedHashMap<>();
        for (Kind k : Kind.values())
            all.put(k, kinds.getOrDefault(k, KindScore.empty(k.label())));
        kinds = java.util.Collections.unmodifiableMap(all);
        secondary = List.copyOf(secondary);
        misses = List.copyOf(misses);
    }

    /** The score of one kind. */
    public KindScore kind(Kind k) {
        return kinds.get(k);
    }

    /** All kinds together: counts summed, ratios worked out from the sums. */
    public KindScore micro() {
        KindScore sum = KindScore.empty("micro-average");
        for (KindScore s : kinds.values())
            sum = sum.plus(s);
        return sum;
    }

    /** The agreement on one facet ("role", "certainty", "attribution", "quote overlap"). */
    public Agreement agreement(String facet) {
        return secondary.stream().filter(a -> a.facet().equals(facet)).findFirst().orElse(new Agreement(facet, 0, 0));
    }

    /** This report and another summed, under a new name: how a corpus is scored from its articles. */
    public ScoreReport plus(String name, ScoreReport other) {
        Map<Kind, KindScore> k = new LinkedHashMap<>();
        for (Kind kind : Kind.values())
            k.put(kind, kind(kind).plus(other.kind(kind)));
        List<Agreement> s = new ArrayList<>();
        for (String f : FACETS)
            s.add(agreement(f).plus(other.agreement(f)));
        List<Miss> m = new ArrayList<>(misses);
        m.addAll(other.misses);
        return new ScoreReport(name, k, s, m);
    }

    /** The sum of many reports under one name; an empty list gives an empty report. */
    public static ScoreReport sum(String name, List<ScoreReport> reports) {
        ScoreReport total = new ScoreReport(name, Map.of(), List.of(), List.of());
        for (ScoreReport r : reports)
            total = total.plus(name, r);
        return total;
    }

    /**
     * The report as markdown: a table of counts and P/R/F1 per kind and micro-averaged, then the
     * secondary agreements. Unmatched statements are left to {@link #missesAsMarkdown()}.
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| kind | gold | draft | TP | FP | FN | precision | recall | F1 |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (KindScore s : kinds.values())
            row(sb, s);
        row(sb, micro());
        sb.append("\n| secondary (over matched pairs) | agree | of | accuracy |\n");
        sb.append("|---|---:|---:|---:|\n");
        for (String f : FACETS) {
            Agreement a = agreement(f);
            sb.append("| ").append(f).append(" | ").append(a.agree()).append(" | ").append(a.total())
              .append(" | ").append(fmt(a.accuracy())).append(" |\n");
        }
        return sb.toString();
    }

    /** The unmatched statements, one per line, false positives first. */
    public String missesAsMarkdown() {
        StringBuilder sb = new StringBuilder();
        misses.stream().filter(m -> m.side() == Miss.Side.FALSE_POSITIVE).forEach(m -> sb.append("- ").append(m).append('\n'));
        misses.stream().filter(m -> m.side() == Miss.Side.FALSE_NEGATIVE).forEach(m -> sb.append("- ").append(m).append('\n'));
        return sb.toString();
    }

    private static void row(StringBuilder sb, KindScore s) {
        sb.append("| ").append(s.kind()).append(" | ").append(s.gold()).append(" | ").append(s.draft())
          .append(" | ").append(s.tp()).append(" | ").append(s.fp()).append(" | ").append(s.fn())
          .append(" | ").append(fmt(s.precision())).append(" | ").append(fmt(s.recall()))
          .append(" | ").append(fmt(s.f1())).append(" |\n");
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
