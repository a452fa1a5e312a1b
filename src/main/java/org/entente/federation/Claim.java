package org.entente.federation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * One Wikidata statement about an item, as the world queries return it (one row per reference): its
 * kind (when the query says), its value, its start and end at their precision, a role qualifier, its
 * rank and its references. A statement that gives two different starts (or ends) keeps neither;
 * {@code ended} tells whether it has an end qualifier at all (even an unknown one).
 */
record Claim(Node item, String kind, Node value, Node start, Node end, boolean ended, Node role, Node rank, List<Ref> refs) {

    /** A reference of a statement: the work it is stated in (P248), its web address (P854), or both. */
    record Ref(Node statedIn, Node url) {}

    /** The statements of a query's rows, grouped by statement and item, in the order they first appear. */
    static List<Claim> group(List<Binding> rows) {
        Map<List<Node>, List<Binding>> byStatement = new LinkedHashMap<>();
        for (Binding b : rows) {
            Node st = b.get("statement"), item = b.get("item"), value = b.get("value");
            if (st != null && item != null && value != null)
                byStatement.computeIfAbsent(List.of(st, item), k -> new ArrayList<>()).add(b);
        }
        List<Claim> out = new ArrayList<>();
        byStatement.forEach((key, bs) -> {
            Binding first = bs.get(0);
            Set<Node> starts = new LinkedHashSet<>(), ends = new LinkedHashSet<>();
            Set<Ref> refs = new LinkedHashSet<>();
            boolean ended = false;
            for (Binding b : bs) {
                ended |= b.get("end") != null;
                WikidataLib.date(b.get("start"), b.get("startPrecision")).ifPresent(starts::add);
                WikidataLib.date(b.get("end"), b.get("endPrecision")).ifPresent(ends::add);
                Node statedIn = WikidataLib.isItem(b.get("statedIn")) ? b.get("statedIn") : null;
                Node url = b.get("url") != null && b.get("url").isURI() ? b.get("url") : null;
                if (statedIn != null || url != null)
                    refs.add(new Ref(statedIn, url));
            }
            Node kind = first.get("kind");
            List<Ref> sorted = refs.stream().sorted(Comparator.comparing(Claim::refKey)).toList();
            out.add(new Claim(key.get(1), kind == null ? null : kind.getLiteralLexicalForm(), first.get("value"),
                              single(starts), single(ends), ended, first.get("role"), first.get("rank"), sorted));
        });
        return out;
    }

    static String refKey(Ref r) {
        return (r.statedIn() == null ? "" : r.statedIn().getURI()) + " " + (r.url() == null ? "" : r.url().getURI());
    }

    private static Node single(Set<Node> values) {
        return values.size() == 1 ? values.iterator().next() : null;
    }
}
