package org.entente.browse;

import org.apache.jena.graph.Node;
import org.entente.browse.view.Link;

/**
 * Links to things, by their labels in the reader's languages: to a thing's page here when it is in the
 * namespace, to the thing itself when it is an http(s) IRI, and to nothing otherwise.
 */
record Linker(Labels labels, IriScheme iris) {

    /** A link to the thing. */
    Link link(Node n) {
        String href = iris.href(n).orElse("");
        return new Link(labels.of(n), href, !href.isEmpty() && iris.localPath(n).isEmpty());
    }

    /** A link to the thing, or null when there is no thing. */
    Link linkOrNull(Node n) {
        return n == null ? null : link(n);
    }

    /** The thing's label, or empty when there is no thing. */
    String label(Node n) {
        return n == null ? "" : labels.of(n);
    }
}
