package org.entente.browse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.RDF;
import org.entente.vocab.ENT;

/**
 * The description of one resource as a small dataset: its statements, the statements that point to
 * it, and the n-ary statements it takes part in, each quad in the graph of the source that made it.
 * Call inside a read transaction.
 */
public final class Describer {
    private Describer() {}

    /**
     * What a page shows of a resource: its own statements, and one window of what points to it (the
     * links, and n-ary statements in full), with how many things point to it in all. A page costs the
     * same whether a state is linked from ten statements or ten thousand.
     *
     * @param description the quads
     * @param window      the subjects that point to the resource, in this window
     * @param linked      how many statements point to the resource in all
     * @param offset      where the window starts, from 0
     * @param size        the window's largest size
     */
    public record Window(DatasetGraph description, List<Node> window, int linked, int offset, int size) {}

    /** The full description, empty when the store says nothing of the resource. */
    public static DatasetGraph describe(DatasetGraph dsg, Node resource) {
        DatasetGraph out = DatasetGraphFactory.createGeneral();
        List<Binding> rows = BrowseLib.select(dsg, BrowseLib.query("describe"), Map.of("this", resource));
        for (Binding b : rows)
            out.add(Quad.create(b.get("g"), b.get("s"), b.get("p"), b.get("o")));
        return out;
    }

    /** A page's share of the description: the window of what points to the resource starts at {@code offset}. */
    public static Window window(DatasetGraph dsg, Node resource, int offset, int size) {
        DatasetGraph out = DatasetGraphFactory.createGeneral();
        Map<String, Node> self = Map.of("this", resource);
        for (Binding b : BrowseLib.select(dsg, BrowseLib.query("page-out"), self))
            out.add(Quad.create(b.get("g"), b.get("s"), b.get("p"), b.get("o")));
        int linked = ((Number) BrowseLib.select(dsg, BrowseLib.query("page-links"), self).get(0).get("n").getLiteralValue()).intValue();
        Query windowQuery = BrowseLib.query("page-linked").cloneQuery();
        windowQuery.setOffset(offset);
        windowQuery.setLimit(size);
        List<Node> window = new ArrayList<>();
        BrowseLib.select(dsg, windowQuery, self).forEach(b -> window.add(b.get("s")));
        // Each subject in full; then only n-ary statements stay whole, the others keep their links.
        List<Quad> quads = new ArrayList<>();
        Set<Node> nary = new HashSet<>();
        BrowseLib.selectValues(dsg, BrowseLib.query("page-window"), "s", window, Map.of(), b -> {
            Quad q = Quad.create(b.get("g"), b.get("s"), b.get("p"), b.get("o"));
            quads.add(q);
            if (q.getPredicate().equals(RDF.type.asNode()) && NARY.contains(q.getObject()))
                nary.add(q.getSubject());
        });
        for (Quad q : quads)
            if (nary.contains(q.getSubject()) || q.getObject().equals(resource))
                out.add(q);
        // A territory's leaders and memberships, on every page of it, whatever the window.
        for (Binding b : BrowseLib.select(dsg, BrowseLib.query("standing"), self))
            out.add(Quad.create(b.get("g"), b.get("s"), b.get("p"), b.get("o")));
        return new Window(out, List.copyOf(window), linked, offset, size);
    }

    /** The classes of n-ary statements, shown in full on the pages of what they are about. */
    static final Set<Node> NARY = Set.of(ENT.node(ENT.Participation), ENT.node(ENT.Tenure), ENT.node(ENT.DiplomaticTie),
                                         ENT.node(ENT.Stance), ENT.node(ENT.Assessment), ENT.node(ENT.Membership));
}
