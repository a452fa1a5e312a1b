package org.entente.load;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/**
 * The catalog graph: for each file loaded, its content hash, the graphs it filled and how many triples.
 * <p>
 * All methods must be called inside a transaction on the dataset; the caller owns it.
 * <pre>
 *   GRAPH &lt;https://w3id.org/entente/id/graph/catalog&gt; {
 *     ?record a ent:LoadRecord ; ent:file "data/reference.trig" ; ent:sha256 "..." ;
 *             ent:graph ?g ; ent:tripleCount 123 ; prov:endedAtTime ?t .
 *   }
 * </pre>
 */
public final class LoadCatalog {

    /** What the catalog knows of one file. */
    public record Entry(String key, String sha256, Set<Node> graphs, long triples) {}

    public static final Node GRAPH = NodeFactory.createURI(EntenteSys.CATALOG_GRAPH);
    private static final Node ENDED = NodeFactory.createURI("http://www.w3.org/ns/prov#endedAtTime");

    private LoadCatalog() {}

    static Node recordNode(String key) {
        return NodeFactory.createURI(EntenteSys.ID_BASE + "load/" + SourceFileLib.sha256(key).substring(0, 20));
    }

    /** The catalog's entry for a file key, if it has one. */
    public static Optional<Entry> find(DatasetGraph dsg, String key) {
        Node rec = recordNode(key);
        if (!dsg.contains(GRAPH, rec, RDF.type.asNode(), ENT.node(ENT.LoadRecord)))
            return Optional.empty();
        return Optional.of(entry(dsg, rec));
    }

    /** Every entry of the catalog. */
    public static List<Entry> all(DatasetGraph dsg) {
        List<Entry> out = new ArrayList<>();
        dsg.find(GRAPH, Node.ANY, RDF.type.asNode(), ENT.node(ENT.LoadRecord))
           .forEachRemaining(q -> out.add(entry(dsg, q.getSubject())));
        return out;
    }

    private static Entry entry(DatasetGraph dsg, Node rec) {
        String key = literal(dsg, rec, ENT.node(ENT.file));
        String sha = literal(dsg, rec, ENT.node(ENT.sha256));
        String count = literal(dsg, rec, ENT.node(ENT.tripleCount));
        Set<Node> graphs = new LinkedHashSet<>();
        dsg.find(GRAPH, rec, ENT.node(ENT.graph), Node.ANY).forEachRemaining(q -> graphs.add(q.getObject()));
        return new Entry(key, sha, graphs, count == null ? 0 : Long.parseLong(count));
    }

    private static String literal(DatasetGraph dsg, Node s, Node p) {
        var it = dsg.find(GRAPH, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
    }

    /** Replaces the entry of a file. */
    public static void write(DatasetGraph dsg, Entry entry) {
        Node rec = recordNode(entry.key());
        remove(dsg, entry.key());
        add(dsg, rec, RDF.type.asNode(), ENT.node(ENT.LoadRecord));
        add(dsg, rec, ENT.node(ENT.file), NodeFactory.createLiteralString(entry.key()));
        add(dsg, rec, ENT.node(ENT.sha256), NodeFactory.createLiteralString(entry.sha256()));
        add(dsg, rec, ENT.node(ENT.tripleCount), NodeFactory.createLiteralDT(Long.toString(entry.triples()), XSDDatatype.XSDlong));
        add(dsg, rec, ENDED, NodeFactory.createLiteralDT(OffsetDateTime.now(ZoneOffset.UTC).toString(), XSDDatatype.XSDdateTime));
        entry.graphs().forEach(g -> add(dsg, rec, ENT.node(ENT.graph), g));
    }

    /** Removes the entry of a file (not its graphs). */
    public static void remove(DatasetGraph dsg, String key) {
        dsg.deleteAny(GRAPH, recordNode(key), Node.ANY, Node.ANY);
    }

    private static void add(DatasetGraph dsg, Node s, Node p, Node o) {
        dsg.add(new Quad(GRAPH, s, p, o));
    }
}
