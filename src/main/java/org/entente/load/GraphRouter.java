package org.entente.load;

import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.entente.sys.EntenteLog;

/**
 * Streams a parser's output straight into a dataset: triples (and quads of the default graph) into
 * the file's graph, other quads into their own graph. The first time a load touches a graph, the
 * graph is emptied, so loading a source again replaces it.
 */
final class GraphRouter extends StreamRDFBase {
    private final DatasetGraph dsg;
    private final Node fileGraph;
    private final Set<Node> cleared;
    private final Set<Node> touched;
    private final Progress progress;
    private long count = 0;

    GraphRouter(DatasetGraph dsg, Node fileGraph, Set<Node> cleared, Set<Node> touched, Progress progress) {
        this.dsg = dsg;
        this.fileGraph = fileGraph;
        this.cleared = cleared;
        this.touched = touched;
        this.progress = progress;
    }

    @Override
    public void triple(Triple triple) {
        add(fileGraph, triple.getSubject(), triple.getPredicate(), triple.getObject());
    }

    @Override
    public void quad(Quad quad) {
        Node g = quad.isDefaultGraph() ? fileGraph : quad.getGraph();
        add(g, quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    private void add(Node g, Node s, Node p, Node o) {
        if (touched.add(g) && cleared.add(g))
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        dsg.add(g, s, p, o);
        count++;
        progress.tick();
    }

    long count() {
        return count;
    }

    /** Logs the running count and rate every so many triples. */
    static final class Progress {
        private final long every;
        private final long start = System.nanoTime();
        private long total = 0;

        Progress(long every) {
            this.every = every;
        }

        void tick() {
            total++;
            if (every > 0 && total % every == 0) {
                double secs = (System.nanoTime() - start) / 1e9;
                EntenteLog.loadLog.info("{} triples, {} triples/s", String.format("%,d", total), String.format("%,.0f", total / secs));
            }
        }
    }
}
