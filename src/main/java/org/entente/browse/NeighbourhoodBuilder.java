package org.entente.browse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.entente.browse.view.Edge;
import org.entente.browse.view.NeighbourNode;
import org.entente.browse.view.Neighbourhood;
import org.entente.vocab.ENT;

/**
 * The picture of a resource's neighbourhood: the resource in the middle, up to 14 direct neighbours on
 * an ellipse around it, each line labelled with how the two are linked. An n-ary statement is drawn as
 * the thing at its other end, labelled with the statement's class.
 */
final class NeighbourhoodBuilder {
    private NeighbourhoodBuilder() {}

    private static final int MAX_NEIGHBOURS = 14;
    private static final int WIDTH = 640, HEIGHT = 420, RADIUS = 160;
    /** The properties of an n-ary statement that lead to its other end, most telling first. */
    private static final List<Node> ENDS = List.of(ENT.node(ENT.event), ENT.node(ENT.office), ENT.node(ENT.participant),
                                                   ENT.node(ENT.holder), ENT.node(ENT.toward), ENT.node(ENT.from),
                                                   ENT.node(ENT.party), ENT.node(ENT.concerns));

    static Neighbourhood build(Description d, Linker linker, Messages m) {
        Node resource = d.resource();
        Map<Node, String> neighbours = new LinkedHashMap<>();
        d.find(resource, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI() && !q.getPredicate().equals(RDF.type.asNode()) && !q.getPredicate().equals(OWL.sameAs.asNode()))
                neighbours.putIfAbsent(q.getObject(), d.labels().of(q.getPredicate()));
        });
        d.find(Node.ANY, Node.ANY, resource).forEachRemaining(q -> {
            if (!q.getSubject().equals(resource)) {
                Node other = otherEnd(d, q.getSubject());
                neighbours.putIfAbsent(other, other.equals(q.getSubject()) ? d.labels().of(q.getPredicate())
                                                                            : d.labels().of(d.typeOrSelf(q.getSubject())));
            }
        });
        neighbours.remove(resource);
        List<Map.Entry<Node, String>> shown = new ArrayList<>(neighbours.entrySet()).subList(0, Math.min(MAX_NEIGHBOURS, neighbours.size()));
        int cx = WIDTH / 2, cy = HEIGHT / 2;
        List<NeighbourNode> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            double a = 2 * Math.PI * i / Math.max(1, shown.size()) - Math.PI / 2;
            int x = (int) Math.round(cx + RADIUS * Math.cos(a)), y = (int) Math.round(cy + RADIUS * 0.8 * Math.sin(a));
            Node n = shown.get(i).getKey();
            nodes.add(new NeighbourNode(linker.link(n).href(), shorten(d.labels().of(n)), x, y));
            edges.add(new Edge(cx, cy, x, y, (cx + x) / 2, (cy + y) / 2, shorten(shown.get(i).getValue())));
        }
        String center = shorten(d.labels().of(resource));
        return new Neighbourhood(WIDTH, HEIGHT, cx, cy, center, m.format(Phrase.NEIGHBOURHOOD, center), nodes, edges);
    }

    /** The thing at the other end of an n-ary statement from the resource, or the statement itself. */
    private static Node otherEnd(Description d, Node nary) {
        Node cls = d.first(nary, RDF.type.asNode());
        if (cls == null || !Describer.NARY.contains(cls))
            return nary;
        for (Node p : ENDS)
            for (Node o : d.all(nary, p))
                if (!o.equals(d.resource()) && o.isURI())
                    return o;
        return nary;
    }

    static String shorten(String s) {
        return s.length() <= 28 ? s : s.substring(0, 27) + "…";
    }
}
