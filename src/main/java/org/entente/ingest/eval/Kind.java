package org.entente.ingest.eval;

import org.apache.jena.graph.Node;
import org.entente.vocab.ENT;

/** The kinds of statement that ingestion proposes and the scorer counts, each with its class. */
public enum Kind {
    PARTICIPATION("participation", ENT.Participation.asNode()),
    STANCE("stance", ENT.Stance.asNode()),
    TIE("tie", ENT.DiplomaticTie.asNode());

    private final String label;
    private final Node type;

    Kind(String label, Node type) {
        this.label = label;
        this.type = type;
    }

    /** The word the tables use for the kind. */
    public String label() {
        return label;
    }

    /** The class of the kind's n-ary nodes (ent:Participation, ent:Stance, ent:DiplomaticTie). */
    public Node type() {
        return type;
    }
}
