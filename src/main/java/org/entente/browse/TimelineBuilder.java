package org.entente.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.entente.browse.view.TimelineEntry;
import org.entente.vocab.ENT;

/**
 * Dated entries for a person's or a state's page: offices taken and left (from the store, by
 * {@code timeline.rq}) and, from the statements on this page, the events the resource took part in
 * (with their status) and the ties it entered, in date order.
 */
final class TimelineBuilder {
    private TimelineBuilder() {}

    private record Entry(Node date, String what, Node target) {}

    /**
     * The timeline. Call inside a read transaction (the events' dates are read from the store).
     *
     * @param offices the rows of {@code timeline.rq}: ?date, ?what ("took-office" or "left-office"), ?target
     */
    static List<TimelineEntry> build(DatasetGraph dsg, List<Binding> offices, Description d, Linker linker, Messages m) {
        List<Entry> entries = new ArrayList<>();
        String took = m.format(Phrase.TOOK_OFFICE), left = m.format(Phrase.LEFT_OFFICE);
        offices.forEach(b -> entries.add(new Entry(b.get("date"), "left-office".equals(Description.lexical(b.get("what"))) ? left : took,
                                                   b.get("target"))));
        Map<Node, Node> statusOfEvent = new LinkedHashMap<>();
        Node resource = d.resource();
        for (Node n : d.naryNodes()) {
            Node cls = d.typeOrSelf(n);
            if (cls.equals(ENT.node(ENT.Participation)) && (resource.equals(d.first(n, ENT.node(ENT.participant)))
                                                             || resource.equals(d.first(n, ENT.node(ENT.representing))))) {
                Node event = d.first(n, ENT.node(ENT.event)), status = d.first(n, ENT.node(ENT.status));
                if (event != null && status != null)
                    statusOfEvent.put(event, status);
            } else if (cls.equals(ENT.node(ENT.DiplomaticTie)) && d.all(n, ENT.node(ENT.party)).contains(resource)) {
                Node start = d.first(n, ENT.node(ENT.startDate)), type = d.first(n, ENT.node(ENT.tieType));
                if (start != null && type != null)
                    entries.add(new Entry(start, m.format(Phrase.TIE), type));
            }
        }
        if (!statusOfEvent.isEmpty())
            BrowseLib.selectValues(dsg, BrowseLib.query("dates"), "e", new ArrayList<>(statusOfEvent.keySet()), Map.of(),
                                   b -> entries.add(new Entry(b.get("date"), d.labels().of(statusOfEvent.get(b.get("e"))), b.get("e"))));
        entries.sort(Comparator.comparing((Entry e) -> Description.lexical(e.date())).thenComparing(Entry::what));
        List<TimelineEntry> out = new ArrayList<>();
        Set<Entry> seen = new HashSet<>();
        for (Entry e : entries)
            if (seen.add(e))
                out.add(new TimelineEntry(Description.lexical(e.date()), e.what(), linker.link(e.target())));
        return out;
    }
}
