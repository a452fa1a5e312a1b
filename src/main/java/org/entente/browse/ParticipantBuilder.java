package org.entente.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.entente.browse.view.Participant;
import org.entente.browse.view.StatusGroup;
import org.entente.vocab.ENT;

/** For an event: who takes part, grouped by status (groups in the order of their labels). */
final class ParticipantBuilder {
    private ParticipantBuilder() {}

    static List<StatusGroup> build(Description d, Linker linker, SentenceBuilder sentences, Messages m) {
        Map<String, List<Participant>> groups = new TreeMap<>();
        d.find(Node.ANY, ENT.node(ENT.event), d.resource()).forEachRemaining(q -> {
            Node part = q.getSubject();
            Node who = d.first(part, ENT.node(ENT.participant));
            Node status = d.first(part, ENT.node(ENT.status));
            if (who == null || status == null)
                return;
            String roles = String.join(m.format(Phrase.LIST_SEPARATOR), d.all(part, ENT.node(ENT.role)).stream().map(d.labels()::of).toList());
            Participant p = new Participant(linker.link(who), roles, linker.label(d.first(part, ENT.node(ENT.certainty))),
                                            sentences.attributionText(d.first(part, ENT.node(ENT.attributedTo))),
                                            linker.linkOrNull(d.graphOf(part)));
            groups.computeIfAbsent(d.labels().of(status), k -> new ArrayList<>()).add(p);
        });
        List<StatusGroup> out = new ArrayList<>();
        groups.forEach((status, people) -> out.add(new StatusGroup(status, List.copyOf(people))));
        return out;
    }
}
