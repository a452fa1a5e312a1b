package org.entente.replication;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.entente.sys.EntenteSys;

/**
 * Where a store stands in the patch log: the offset of the last patch it applied and that patch's id. Kept
 * in the store itself, in the graph {@code https://w3id.org/entente/id/graph/replication}, and written in
 * the same transaction as the patch, so that the two commit together or not at all:
 * <pre>
 *   &lt;.../graph/replication&gt; &lt;.../graph/replication#offset&gt; 41 ;
 *                            &lt;.../graph/replication#patch&gt;  &lt;uuid:...&gt; .
 * </pre>
 * Read and written inside the caller's transaction. A store that never applied a patch is at offset -1.
 */
public record ReplicationState(long offset, String patchId) {

    /** The graph holding the state. */
    public static final String GRAPH = EntenteSys.ID_BASE + "graph/replication";
    static final Node G = NodeFactory.createURI(GRAPH);
    static final Node OFFSET = NodeFactory.createURI(GRAPH + "#offset");
    static final Node PATCH = NodeFactory.createURI(GRAPH + "#patch");

    /** A store that has applied nothing from the log. */
    public static final ReplicationState NONE = new ReplicationState(-1, null);

    /** The state recorded in the store (inside a transaction), or {@link #NONE}. */
    public static ReplicationState read(DatasetGraph dsg) {
        long offset = -1;
        String id = null;
        var it = dsg.find(G, G, OFFSET, Node.ANY);
        try {
            if (it.hasNext())
                offset = ((Number) it.next().getObject().getLiteralValue()).longValue();
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
        var ids = dsg.find(G, G, PATCH, Node.ANY);
        try {
            if (ids.hasNext())
                id = ids.next().getObject().getURI();
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(ids);
        }
        return new ReplicationState(offset, id);
    }

    /** Records this state in the store, replacing the one before (inside the write transaction of the patch). */
    void write(DatasetGraph dsg) {
        dsg.deleteAny(G, G, Node.ANY, Node.ANY);
        dsg.add(new Quad(G, G, OFFSET, NodeFactory.createLiteralDT(Long.toString(offset), XSDDatatype.XSDlong)));
        if (patchId != null)
            dsg.add(new Quad(G, G, PATCH, NodeFactory.createURI(patchId)));
    }

    /** The offset to read next. */
    long next() {
        return offset + 1;
    }
}
