package org.entente.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * What a page knows of its resource: the quads of its description, indexed by subject and by object
 * (a description spans many graphs, and a general dataset's find over any graph visits each of them),
 * with the labels to sort and show them by. Values are picked the same way on every page: the first of
 * several by IRI or lexical form, lists sorted by label.
 */
final class Description {

    private final Node resource;
    private final Labels labels;
    private final List<Quad> quads = new ArrayList<>();
    private final Map<Node, List<Quad>> bySubject = new HashMap<>();
    private final Map<Node, List<Quad>> byObject = new HashMap<>();
    private List<Node> nary;

    Description(Node resource, DatasetGraph description, Labels labels) {
        this.resource = resource;
        this.labels = labels;
        description.find().forEachRemaining(q -> {
            quads.add(q);
            bySubject.computeIfAbsent(q.getSubject(), k -> new ArrayList<>()).add(q);
            byObject.computeIfAbsent(q.getObject(), k -> new ArrayList<>()).add(q);
        });
    }

    /** The resource the page is about. */
    Node resource() {
        return resource;
    }

    /** The labels of everything in the description. */
    Labels labels() {
        return labels;
    }

    /** The quads matching a pattern (any graph); {@link Node#ANY} matches anything. */
    Iterator<Quad> find(Node s, Node p, Node o) {
        List<Quad> from = s.isConcrete() ? bySubject.getOrDefault(s, List.of())
            : o.isConcrete() ? byObject.getOrDefault(o, List.of()) : quads;
        return from.stream().filter(q -> q.matches(Node.ANY, s, p, o)).iterator();
    }

    /** One value of a property (the least by its text), or null. */
    Node first(Node s, Node p) {
        Iterator<Quad> it = find(s, p, Node.ANY);
        Node best = null;
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (best == null || o.toString().compareTo(best.toString()) < 0)
                best = o;
        }
        return best;
    }

    /** Every value of a property, by label. */
    List<Node> all(Node s, Node p) {
        Set<Node> out = new LinkedHashSet<>();
        find(s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        List<Node> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(labels::of));
        return sorted;
    }

    /** The class of a thing, or the thing itself when it has none. */
    Node typeOrSelf(Node n) {
        Node t = first(n, RDF.type.asNode());
        return t == null ? n : t;
    }

    /** The graph (source) that gives a thing its class, or null. */
    Node graphOf(Node s) {
        Iterator<Quad> it = find(s, RDF.type.asNode(), Node.ANY);
        return it.hasNext() ? it.next().getGraph() : null;
    }

    /** The n-ary statements in the description (the resource itself when it is one), by class and label. */
    List<Node> naryNodes() {
        if (nary == null)
            nary = List.copyOf(findNary());
        return nary;
    }

    private List<Node> findNary() {
        Set<Node> out = new LinkedHashSet<>();
        find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> {
            if (Describer.NARY.contains(q.getObject()) && !q.getSubject().equals(resource))
                out.add(q.getSubject());
        });
        Node ownType = first(resource, RDF.type.asNode());
        if (ownType != null && Describer.NARY.contains(ownType))
            out.add(resource);
        List<Node> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(n -> labels.of(typeOrSelf(n)) + " " + labels.of(n)));
        return sorted;
    }

    /** A literal's text, any other node's string form; empty for none. */
    static String lexical(Node n) {
        return n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }
}
