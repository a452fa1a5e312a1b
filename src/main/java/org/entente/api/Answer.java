package org.entente.api;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/** What a query answered, copied out of the store: rows, a yes or no, or a graph. */
sealed interface Answer {

    /** The rows of one page of a SELECT, and whether the store had more after them. */
    record Rows(List<Var> vars, List<Binding> rows, boolean more) implements Answer {}

    /** The answer of an ASK. */
    record Yes(boolean value) implements Answer {}

    /** The graph of a CONSTRUCT or DESCRIBE. */
    record Triples(Graph graph) implements Answer {}
}
