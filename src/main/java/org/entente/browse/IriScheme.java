package org.entente.browse;

import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The mapping between resource IRIs in the base namespace and the server's own paths:
 * {@code https://w3id.org/entente/id/person/kim-jong-un} is {@code /id/person/kim-jong-un}, its page
 * {@code /page/person/kim-jong-un} and its data {@code /data/person/kim-jong-un.ttl}.
 * Only paths of plain segments are accepted, so nothing can leave the namespace.
 */
public record IriScheme(String base) {

    /** Segments of letters, digits, '-', '_' and '.', not starting with a dot. */
    private static final Pattern SAFE_PATH = Pattern.compile("^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$");

    /** The resource a local path (after {@code /id/}, {@code /page/} or {@code /data/}) names, or empty if the path is not safe. */
    public Optional<Node> resource(String localPath) {
        if (localPath == null || !SAFE_PATH.matcher(localPath).matches())
            return Optional.empty();
        return Optional.of(NodeFactory.createURI(base + localPath));
    }

    /** The local path of a resource in the namespace, or empty for any other IRI. */
    public Optional<String> localPath(Node n) {
        if (!n.isURI() || !n.getURI().startsWith(base))
            return Optional.empty();
        String rest = n.getURI().substring(base.length());
        return SAFE_PATH.matcher(rest).matches() ? Optional.of(rest) : Optional.empty();
    }

    /** Where a link to the resource points: its local page, the IRI itself when it is http(s), else nowhere. */
    public Optional<String> href(Node n) {
        Optional<String> local = localPath(n);
        if (local.isPresent())
            return Optional.of("/page/" + local.get());
        if (n.isURI() && (n.getURI().startsWith("http://") || n.getURI().startsWith("https://")))
            return Optional.of(n.getURI());
        return Optional.empty();
    }
}
