package org.entente.browse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.entente.browse.view.IncomingGroup;

/** What points to the resource, by property ("is capital of"), except n-ary statements (shown as sentences). */
final class IncomingBuilder {
    private IncomingBuilder() {}

    static List<IncomingGroup> build(Description d, Linker linker, Messages m) {
        Map<Node, Set<Node>> byPredicate = new LinkedHashMap<>();
        Set<Node> nary = new LinkedHashSet<>(d.naryNodes());
        d.find(Node.ANY, Node.ANY, d.resource()).forEachRemaining(q -> {
            if (!q.getSubject().equals(d.resource()) && !nary.contains(q.getSubject()))
                byPredicate.computeIfAbsent(q.getPredicate(), k -> new LinkedHashSet<>()).add(q.getSubject());
        });
        List<IncomingGroup> out = new ArrayList<>();
        byPredicate.forEach((p, subjects) -> out.add(new IncomingGroup(m.format(Phrase.INCOMING, d.labels().of(p)),
                                                                       subjects.stream().map(linker::link).toList())));
        return out;
    }
}
