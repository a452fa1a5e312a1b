package org.entente.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * The graph the SHACL gate validates against, read-only: the data (every named graph of the store,
 * or an in-memory copy of what a load into an empty store wrote) together with the ontology.
 * Over the store, three differences from {@code dsg.getUnionGraph()} plus a union with the ontology,
 * all for speed and none visible to SHACL:
 * <ul>
 * <li>a triple held by several graphs may be returned more than once (SHACL collects value nodes into
 * sets, so counts are unaffected), which spares the union graph's duplicate removal on every find;</li>
 * <li>the types of a subject are read once and kept in a bounded cache, because {@code sh:class}
 * asks for the types of the same few nodes (states, persons, events) over and over;</li>
 * <li>the triples of the node under check are read in one scan (see {@link #focus(Node)});</li>
 * <li>the subclass axioms asked for are kept for the whole check: SHACL asks for the subclasses of the
 * same targeted classes at every node, and over an in-memory copy that is a scan of every triple whose
 * object is the class (half the gate's time at a million triples).</li>
 * </ul>
 * Use only inside the transaction that was open when it was made, from one thread.
 */
final class GateGraph extends GraphBase {

    private static final Node TYPE = RDF.type.asNode();
    private static final Node SUBCLASS = org.apache.jena.vocabulary.RDFS.subClassOf.asNode();

    /** Where the data's triples come from. */
    private interface Source {
        Iterator<Triple> find(Node s, Node p, Node o);
    }

    private final Source data;
    private final Graph ontology;
    private final boolean cached;
    private final Map<Node, List<Triple>> types;
    private Node focus;
    private List<Triple> focusTriples;
    /** The answers to {@code rdfs:subClassOf} patterns, which SHACL asks for every node it checks, kept for the whole check. */
    private final Map<Triple, List<Triple>> subclassAxioms = new HashMap<>();

    private GateGraph(Source data, Graph ontology, boolean cached, int cacheSize) {
        this.data = data;
        this.ontology = ontology;
        this.cached = cached;
        this.types = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Node, List<Triple>> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** The store's named graphs and the ontology, with a cache of so many subjects' types. */
    static GateGraph overStore(DatasetGraph dsg, Graph ontology, int cacheSize) {
        return new GateGraph((s, p, o) -> Iter.map(dsg.findNG(Node.ANY, s, p, o), q -> q.asTriple()), ontology, true, cacheSize);
    }

    /** An in-memory graph and the ontology: no caching, the graph's own indexes are fast. */
    static GateGraph overGraph(Graph graph, Graph ontology) {
        return new GateGraph(graph::find, ontology, false, 0);
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node s = pattern.getSubject(), p = pattern.getPredicate(), o = pattern.getObject();
        if (SUBCLASS.equals(p))
            // Over a large copy in memory, "?c rdfs:subClassOf C" is a scan of every triple with object C.
            return WrappedIterator.create(subclassAxioms.computeIfAbsent(pattern, k -> Iter.toList(Iter.concat(data.find(s, p, o), ontology.find(s, p, o))))
                                                        .iterator());
        if (cached && s.isConcrete() && TYPE.equals(p)) {
            List<Triple> all = typesOf(s);
            return WrappedIterator.create(o.isConcrete() ? all.stream().filter(t -> t.getObject().equals(o)).iterator() : all.iterator());
        }
        if (cached && s.isConcrete() && s.equals(focus)) {
            if (focusTriples == null) {
                focusTriples = new ArrayList<>();
                data.find(s, Node.ANY, Node.ANY).forEachRemaining(focusTriples::add);
            }
            Iterator<Triple> own = focusTriples.stream().filter(pattern::matches).iterator();
            return WrappedIterator.create(Iter.concat(own, ontology.find(s, p, o)));
        }
        return WrappedIterator.create(Iter.concat(data.find(s, p, o), ontology.find(s, p, o)));
    }

    /** The type triples of a subject, from the data and the ontology (cached over the store). */
    List<Triple> typesOf(Node s) {
        List<Triple> known = cached ? types.get(s) : null;
        if (known != null)
            return known;
        List<Triple> found = new ArrayList<>(2);
        data.find(s, TYPE, Node.ANY).forEachRemaining(found::add);
        ontology.find(s, TYPE, Node.ANY).forEachRemaining(found::add);
        if (cached)
            types.put(s, found);
        return found;
    }

    /**
     * Names the node being checked: over the store, its triples are read in one scan, on first use,
     * instead of one scan per property shape.
     */
    void focus(Node node) {
        if (!node.equals(focus)) {
            focus = node;
            focusTriples = null;
        }
    }

    @Override
    public void performAdd(Triple t) {
        throw new UnsupportedOperationException("The SHACL gate's view of the data is read-only");
    }

    @Override
    public void performDelete(Triple t) {
        throw new UnsupportedOperationException("The SHACL gate's view of the data is read-only");
    }
}
