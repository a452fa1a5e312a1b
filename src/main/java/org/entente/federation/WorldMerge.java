package org.entente.federation;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.entente.query.QueryLib;
import org.entente.sys.QueryResources;
import org.entente.vocab.ENT;

/**
 * For a run limited to some territories: the rest of the previous world graph, kept. What belongs to a
 * refreshed territory (what is said of it, its offices and tenures, its memberships, its ties) is taken
 * out, with the graph's old description; persons, places and references that nothing kept points to any
 * more go too. The fresh statements then go in beside what is kept.
 */
final class WorldMerge {
    private WorldMerge() {}

    private static final List<Node> DESCRIBED = List.of(ENT.node(ENT.Person), ENT.node(ENT.Place), ENT.node(ENT.Reference));

    /** The fresh graph together with what the previous one says of the territories not refreshed. */
    static Graph merge(Graph previous, Collection<Node> refreshed, Node graphName, Graph fresh) {
        Graph out = kept(previous, refreshed, graphName);
        // A person, place or reference the fresh graph describes is described as it is now.
        Set<Node> redescribed = new HashSet<>();
        for (Node type : DESCRIBED)
            fresh.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> redescribed.add(t.getSubject()));
        redescribed.forEach(s -> out.remove(s, Node.ANY, Node.ANY));
        fresh.find().forEachRemaining(out::add);
        return out;
    }

    static Graph kept(Graph previous, Collection<Node> refreshed, Node graphName) {
        Graph out = GraphFactory.createDefaultGraph();
        previous.find().forEachRemaining(out::add);
        out.remove(graphName, Node.ANY, Node.ANY);
        if (!refreshed.isEmpty()) {
            Var territory = Var.alloc("territory");
            List<Binding> rows = refreshed.stream().map(t -> BindingFactory.binding(territory, t)).toList();
            Query q = QueryLib.valuesFirst(QueryResources.get("federation/world-part.rq"), List.of(territory), rows);
            Graph part;
            try (QueryExec qe = QueryExec.graph(previous).query(q).build()) {
                part = qe.construct();
            }
            part.find().forEachRemaining(out::delete);
        }
        dropUnreferenced(out);
        return out;
    }

    /** Drops persons, places and references that no statement of the graph points to. */
    private static void dropUnreferenced(Graph g) {
        for (Node type : DESCRIBED) {
            List<Node> things = g.find(Node.ANY, RDF.type.asNode(), type).mapWith(Triple::getSubject).toList();
            for (Node thing : things)
                if (!g.find(Node.ANY, Node.ANY, thing).hasNext())
                    g.remove(thing, Node.ANY, Node.ANY);
        }
    }
}
