package org.entente.load;

import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.entente.sys.EntenteLog;

/**
 * An in-memory copy of the triples a load into an empty store writes, so that the SHACL gate can
 * check them without reading them back from disk. The copy is dropped, and the gate reads the store
 * instead, as soon as the load grows past its limit: memory stays bounded whatever the load's size.
 */
final class LoadedCopy {
    private final long limit;
    private Graph graph = GraphFactory.createGraphMem();
    private long count = 0;

    LoadedCopy(long limit) {
        this.limit = limit;
    }

    /** The default limit: about one triple per 1.5 KiB of maximum heap. */
    static long defaultLimit() {
        return Runtime.getRuntime().maxMemory() / 1536;
    }

    void add(Node s, Node p, Node o) {
        if (graph == null)
            return;
        if (++count > limit) {
            EntenteLog.loadLog.debug("More than {} triples: the SHACL gate will read them from the store", limit);
            graph = null;
            return;
        }
        graph.add(s, p, o);
    }

    /** Whether the copy is still being kept (the load has not outgrown the limit). */
    boolean keeping() {
        return graph != null;
    }

    /** The copy, if the load stayed within the limit. */
    Optional<Graph> graph() {
        return Optional.ofNullable(graph);
    }
}
