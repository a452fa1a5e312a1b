package org.entente.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The figures of a pair of territories' coded events, read once per store generation: by month
 * (events, Goldstein sum), by kind (CAMEO root code), and the most reported events. Read inside a
 * read transaction.
 */
record DyadData(TreeMap<String, double[]> months, List<Map.Entry<String, Long>> kinds, List<Top> top, long events) {

    /** How many of the most reported events the page shows. */
    static final int TOP = 10;
    /** How many kinds of event the page shows. */
    static final int KINDS = 8;

    /** A much reported event. */
    record Top(Node event, String date, String code, long mentions, String url) {}

    static DyadData read(DatasetGraph dsg, Node a, Node b) {
        TreeMap<String, double[]> months = new TreeMap<>();
        Map<String, Long> kinds = new HashMap<>();
        List<Top> all = new ArrayList<>();
        for (Binding r : BrowseLib.select(dsg, BrowseLib.query("dyad-events"), Map.of("a", a, "b", b))) {
            String date = r.get("date").getLiteralLexicalForm();
            String code = r.get("code").getLiteralLexicalForm();
            double[] m = months.computeIfAbsent(date.substring(0, 7), k -> new double[2]);
            m[0]++;
            m[1] += number(r.get("goldstein"));
            kinds.merge(code.length() >= 2 ? code.substring(0, 2) : code, 1L, Long::sum);
            all.add(new Top(r.get("event"), date, code, (long) number(r.get("mentions")),
                            r.get("url") == null ? "" : r.get("url").getLiteralLexicalForm()));
        }
        all.sort(Comparator.comparingLong(Top::mentions).reversed().thenComparing(Top::date).thenComparing(t -> t.event().getURI()));
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(kinds.entrySet());
        byCount.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return new DyadData(months, byCount.subList(0, Math.min(KINDS, byCount.size())),
                            List.copyOf(all.subList(0, Math.min(TOP, all.size()))), all.size());
    }

    private static double number(Node n) {
        if (n == null || !n.isLiteral())
            return 0;
        try {
            return Double.parseDouble(n.getLiteralLexicalForm());
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
