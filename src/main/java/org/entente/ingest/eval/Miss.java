package org.entente.ingest.eval;

import org.apache.jena.graph.Node;

/** A statement left unmatched: a false positive (in the draft only) or a false negative (in the gold only). */
public record Miss(String article, Side side, Node statement, StatementKey key) {

    public enum Side { FALSE_POSITIVE, FALSE_NEGATIVE }

    @Override
    public String toString() {
        return (side == Side.FALSE_POSITIVE ? "FP " : "FN ") + (article.isEmpty() ? "" : article + ": ")
               + key.kind().label() + " " + key + " (" + NodeText.of(statement) + ")";
    }
}
