package org.entente.browse;

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

    /** The description, empty when the store says nothing of the resource. */
    public static DatasetGraph describe(DatasetGraph dsg, Node resource) {
        DatasetGraph out = DatasetGraphFactory.createGeneral();
        List<Binding> rows = BrowseLib.select(dsg, BrowseLib.query("describe"), Map.of("this", resource));
        for (Binding b : rows)
            out.add(Quad.create(b.get("g"), b.get("s"), b.get("p"), b.get("o")));
        return out;
    }
}
