package org.entente.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;

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
     * @param linked      how many subjects point to the resource in all
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
        List<Node> linked = new ArrayList<>();
        BrowseLib.select(dsg, BrowseLib.query("page-linked"), self).forEach(b -> linked.add(b.get("s")));
        int from = Math.min(offset, linked.size());
        List<Node> window = List.copyOf(linked.subList(from, Math.min(linked.size(), from + size)));
        BrowseLib.selectValues(dsg, BrowseLib.query("page-window"), "s", window, self,
                               b -> out.add(Quad.create(b.get("g"), b.get("s"), b.get("p"), b.get("o"))));
        return new Window(out, window, linked.size(), from, size);
    }
}
