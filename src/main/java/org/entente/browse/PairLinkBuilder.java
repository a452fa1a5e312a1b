package org.entente.browse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.entente.browse.view.Link;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/**
 * Links to the pages of pairs of territories ({@code /page/dyad/{a}/{b}}) from a page that shows a tie
 * or a stance between two of them: the tie's own page, and a territory's page for each tie or stance
 * it takes part in.
 */
final class PairLinkBuilder {
    private PairLinkBuilder() {}

    private static final String STATE = EntenteSys.ID_BASE + "state/";

    static List<Link> build(Description d, Linker linker) {
        List<Node> candidates = new ArrayList<>(d.naryNodes());
        candidates.add(d.resource());
        TreeMap<String, Link> pairs = new TreeMap<>();
        for (Node n : candidates) {
            Node type = d.first(n, RDF.type.asNode());
            List<Node> sides;
            if (ENT.node(ENT.DiplomaticTie).equals(type))
                sides = d.all(n, ENT.node(ENT.party));
            else if (ENT.node(ENT.Stance).equals(type))
                sides = Arrays.asList(d.first(n, ENT.node(ENT.from)), d.first(n, ENT.node(ENT.toward)));
            else
                continue;
            // The two territories in the order of their slugs, so a pair has one address whichever side speaks.
            List<Node> states = sides.stream().filter(s -> s != null && s.isURI() && s.getURI().startsWith(STATE)).distinct()
                                     .sorted(Comparator.comparing(PairLinkBuilder::slug)).toList();
            if (states.size() != 2)
                continue;
            String key = slug(states.get(0)) + "/" + slug(states.get(1));
            pairs.putIfAbsent(key, new Link(linker.label(states.get(0)) + " – " + linker.label(states.get(1)), "/page/dyad/" + key, false));
        }
        return List.copyOf(pairs.values());
    }

    private static String slug(Node state) {
        return state.getURI().substring(STATE.length()).toLowerCase(Locale.ROOT);
    }
}
