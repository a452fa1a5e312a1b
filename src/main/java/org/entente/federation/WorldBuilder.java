package org.entente.federation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.entente.sys.EntenteLog;
import org.entente.vocab.ENT;

/**
 * Turns what Wikidata answered into the world graph's statements, keeping only what the shapes allow:
 * a tenure needs a start; a tie needs both sides in the store; a state keeps one current capital; a
 * membership with a role qualifier (observer, associate...) is left out rather than called a membership.
 */
final class WorldBuilder {

    private static final Node PREFERRED = NodeFactory.createURI("http://wikiba.se/ontology#PreferredRank");

    /** What Wikidata answered for the territories of a run. */
    record Answers(List<Claim> heads, List<Claim> ties, List<Claim> capitals, List<Claim> memberships,
                   Map<Node, List<Node>> labels) {}

    private final WorldGraph out;
    private final Map<Node, WorldStore.Territory> byItem;
    private final Answers answers;
    private final Set<Node> described = new LinkedHashSet<>();
    private int leftOut = 0;

    /** {@code byItem}: every matched territory of the store by its item (the parties a tie may have). */
    WorldBuilder(WorldGraph out, Map<Node, WorldStore.Territory> byItem, Answers answers) {
        this.out = out;
        this.byItem = byItem;
        this.answers = answers;
    }

    /** How many statements were left out because the graph cannot hold them. */
    int leftOut() {
        return leftOut;
    }

    String english(Node item) {
        for (Node l : answers.labels().getOrDefault(item, List.of()))
            if ("en".equals(l.getLiteralLanguage()))
                return l.getLiteralLexicalForm();
        return null;
    }

    private Map<Node, String> englishLabels(Iterable<Node> items) {
        Map<Node, String> out = new LinkedHashMap<>();
        for (Node i : items)
            if (english(i) != null)
                out.put(i, english(i));
        return out;
    }

    /** Describes a person or place here unless another graph does already. */
    private void describe(Minter minter, Node item, Node thing, Node type) {
        if (!minter.describedElsewhere(item, thing) && described.add(thing))
            out.describe(thing, type, item, answers.labels().getOrDefault(item, List.of()));
    }

    void tenures(Minter persons) {
        List<Claim> usable = answers.heads().stream().filter(c -> WikidataLib.isItem(c.value()) && byItem.containsKey(c.item())).toList();
        Map<Node, Node> iris = persons.mint(usable.stream().map(Claim::value).toList(), englishLabels(usable.stream().map(Claim::value).toList()));
        for (Claim c : sorted(usable)) {
            Node person = iris.get(c.value());
            String name = english(c.value()) != null ? english(c.value()) : "Q" + WikidataLib.number(c.value());
            if (out.tenure(byItem.get(c.item()), c.kind(), person, name, c))
                describe(persons, c.value(), person, ENT.node(ENT.Person));
            else
                leftOut++;
        }
        leftOut += answers.heads().size() - usable.size();
    }

    void ties() {
        record Pair(WorldStore.Territory a, WorldStore.Territory b) {}
        Map<Pair, List<Claim>> pairs = new LinkedHashMap<>();
        for (Claim c : answers.ties()) {
            WorldStore.Territory x = byItem.get(c.item()), y = byItem.get(c.value());
            if (x == null || y == null || x.equals(y))
                continue;
            Pair p = x.slug().compareTo(y.slug()) < 0 ? new Pair(x, y) : new Pair(y, x);
            pairs.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
        }
        pairs.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().a().slug() + " " + e.getKey().b().slug())).forEach(e -> {
            List<Claim> cs = e.getValue();
            Set<Node> starts = new LinkedHashSet<>(), ends = new LinkedHashSet<>();
            Set<Claim.Ref> refs = new LinkedHashSet<>();
            boolean allEnded = true;
            for (Claim c : cs) {
                if (c.start() != null)
                    starts.add(c.start());
                if (c.end() != null)
                    ends.add(c.end());
                allEnded &= c.ended();
                refs.addAll(c.refs());
            }
            Node start = starts.size() == 1 ? starts.iterator().next() : null;
            Node end = allEnded && ends.size() == 1 ? ends.iterator().next() : null;
            out.tie(e.getKey().a(), e.getKey().b(), start, end, refs.stream().sorted(Comparator.comparing(Claim::refKey)).toList());
        });
    }

    /**
     * Current capitals (no end; the preferred ones where Wikidata prefers some). A state keeps its capital
     * only when there is exactly one and no other graph gives it a different one; another territory keeps all.
     */
    void capitals(Minter places) {
        Map<WorldStore.Territory, List<Claim>> current = new LinkedHashMap<>();
        for (Claim c : sorted(answers.capitals())) {
            WorldStore.Territory t = byItem.get(c.item());
            if (t != null && !c.ended() && WikidataLib.isItem(c.value()))
                current.computeIfAbsent(t, k -> new ArrayList<>()).add(c);
        }
        Map<WorldStore.Territory, List<Node>> chosen = new LinkedHashMap<>();
        current.forEach((t, cs) -> {
            List<Claim> preferred = cs.stream().filter(c -> PREFERRED.equals(c.rank())).toList();
            List<Node> keep = (preferred.isEmpty() ? cs : preferred).stream().map(Claim::value).distinct().toList();
            if (t.isState() && keep.size() != 1) {
                EntenteLog.loadLog.info("{} lists {} current capitals: a state takes one, so none is kept", t.alpha2(), keep.size());
                leftOut += keep.size();
            } else {
                chosen.put(t, keep);
            }
        });
        List<Node> all = chosen.values().stream().flatMap(List::stream).toList();
        Map<Node, Node> iris = places.mint(all, englishLabels(all));
        chosen.forEach((t, items) -> {
            for (Node item : items) {
                Node place = iris.get(item);
                if (place.equals(t.iri()) || (t.isState() && !t.capitals().isEmpty() && !t.capitals().contains(place))) {
                    EntenteLog.loadLog.info("Capital {} of {} left out: another graph gives {}", item.getURI(), t.alpha2(), t.capitals());
                    leftOut++;
                    continue;
                }
                out.capital(t, place);
                describe(places, item, place, ENT.node(ENT.Place));
            }
        });
    }

    void memberships(Map<Node, WorldStore.Organization> organizations) {
        for (Claim c : sorted(answers.memberships())) {
            WorldStore.Organization o = organizations.get(c.value());
            WorldStore.Territory t = byItem.get(c.item());
            if (o == null || t == null)
                continue;
            if (c.role() != null || !out.membership(t, o, c))
                leftOut++;
        }
    }

    /** Claims in a stable order: by item, kind, start, value. */
    private static List<Claim> sorted(List<Claim> claims) {
        return claims.stream().sorted(Comparator.comparing((Claim c) -> c.item().getURI())
                                                .thenComparing(c -> c.kind() == null ? "" : c.kind())
                                                .thenComparing(c -> c.start() == null ? "" : c.start().getLiteralLexicalForm())
                                                .thenComparing(c -> c.value().toString())
                                                .thenComparing(c -> c.end() == null ? "" : c.end().getLiteralLexicalForm()))
                     .toList();
    }
}
