package org.entente.ingest.eval;

import org.apache.jena.graph.Node;

/** Short readable forms of IRIs for the scorer's tables: the part after the last {@code /} or {@code #}. */
final class NodeText {
    private NodeText() {}

    static String of(Node n) {
        if (n == null)
            return "(none)";
        if (!n.isURI())
            return n.toString();
        String iri = n.getURI();
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
        String tail = iri.substring(cut + 1);
        // Keep the kind of thing for resource IRIs: person/kim-jong-un, state/prk.
        int prev = cut > 0 ? Math.max(iri.lastIndexOf('/', cut - 1), iri.lastIndexOf('#', cut - 1)) : -1;
        return iri.contains("/id/") && prev >= 0 ? iri.substring(prev + 1) : tail;
    }
}
