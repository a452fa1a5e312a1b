package org.entente.federation;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.entente.sys.EntenteLog;
import org.entente.sys.EntenteSys;

/**
 * Gives Wikidata items (persons, places) IRIs of ours, the same on every run.
 * <ul>
 * <li>A thing of the store already {@code owl:sameAs} the item keeps its IRI (one linked by another graph
 *     first, then one the previous world graph minted).</li>
 * <li>Else the item gets {@code .../id/{kind}/{slug of its English label}} ({@code q{number}} without
 *     one), unless the store already uses that IRI for something not linked to the item, or a lower-numbered
 *     item of the same run took it: then {@code {slug}-q{number}}. A store thing with the same name and no
 *     link is never taken to be the item: that would be a guess.</li>
 * </ul>
 */
final class Minter {

    private final String base;
    private final Map<Node, WorldStore.Linked> linked;
    private final Predicate<Node> used;
    private final Set<Node> taken = new HashSet<>();

    /** {@code used} tells whether the store uses an IRI already. */
    Minter(String kind, Map<Node, WorldStore.Linked> linked, Predicate<Node> used) {
        this.base = EntenteSys.ID_BASE + kind + "/";
        this.linked = linked;
        this.used = used;
    }

    /** The IRI of each item; items are handled in the order of their numbers. */
    Map<Node, Node> mint(Collection<Node> items, Map<Node, String> englishLabels) {
        List<Node> sorted = items.stream().distinct().sorted(Comparator.comparingLong(WikidataLib::number)).toList();
        Map<Node, Node> out = new LinkedHashMap<>();
        for (Node item : sorted) {
            WorldStore.Linked l = linked.get(item);
            if (l != null && l.thing().getURI().startsWith(base) && taken.add(l.thing()))
                out.put(item, l.thing());
        }
        for (Node item : sorted) {
            if (out.containsKey(item))
                continue;
            String q = "q" + WikidataLib.number(item);
            String label = englishLabels.get(item);
            String slug = label == null ? "" : WikidataLib.slug(label);
            Node plain = NodeFactory.createURI(base + (slug.isEmpty() ? q : slug));
            Node iri = plain;
            if (taken.contains(plain) || used.test(plain)) {
                iri = NodeFactory.createURI(base + slug + "-" + q);
                if (!taken.contains(plain))
                    EntenteLog.loadLog.info("<{}> names something not linked to {}: minted <{}> (link them by hand if they are one)",
                                            plain.getURI(), item.getURI(), iri.getURI());
            }
            taken.add(iri);
            out.put(item, iri);
        }
        return out;
    }

    /** Whether the item's IRI is a thing another graph already describes (so this graph need not label it). */
    boolean describedElsewhere(Node item, Node iri) {
        WorldStore.Linked l = linked.get(item);
        return l != null && l.elsewhere() && l.thing().equals(iri);
    }
}
