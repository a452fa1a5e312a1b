package org.entente.ingest.eval;

import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;

/**
 * One participation, stance or tie read from a draft or a gold standard: its node, its key, and the
 * secondary facts the scorer compares over matched pairs (roles, certainty, attribution, quotes).
 */
public record Statement(Node node, StatementKey key, Set<Node> roles, Set<Node> certainty,
                        Set<Node> attributedTo, List<String> quotes) {

    public Statement {
        roles = Set.copyOf(roles);
        certainty = Set.copyOf(certainty);
        attributedTo = Set.copyOf(attributedTo);
        quotes = List.copyOf(quotes);
    }

    public Kind kind() {
        return key.kind();
    }
}
