package org.entente.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.entente.sys.EntenteLog;

/**
 * The bulk path of a load: TDB2's own bulk loader fills a new database beside the store (a
 * {@link StoreSwitch}) with what the files hold and, unless the store is empty, everything the store
 * holds that the load does not replace; the SHACL gate and the catalog see the new database; then one
 * rename switches it in. Any error before the rename (a parse error, a violation, a kill) leaves the
 * store as it was, the half-built database deleted.
 * <p>
 * TDB2's loaders build the node table and then each index in a pass of its own, committing as they
 * go: fast, but a load killed half-way would leave those indexes half-filled. Built beside the store,
 * a half-built database is never opened. The price is copying the store's own quads into the new one:
 * worth it only while the store is small beside the load ({@link Loader.Bulk#AUTO}).
 */
final class BulkLoad {
    private final DatasetGraph dsg;
    private final Node graph;
    private final Supplier<ShaclGate> gate;
    private final long copyLimit;
    private final long progressEvery;

    /** {@code gate} null for no SHACL gate. */
    BulkLoad(DatasetGraph dsg, Node graph, Supplier<ShaclGate> gate, long copyLimit, long progressEvery) {
        this.dsg = dsg;
        this.graph = graph;
        this.gate = gate;
        this.copyLimit = copyLimit;
        this.progressEvery = progressEvery;
    }

    List<LoadReport.FileReport> load(List<SourceFile> files) {
        boolean empty = Txn.calculateRead(dsg, dsg::isEmpty);
        StoreSwitch next = StoreSwitch.beside(dsg);
        boolean switched = false;
        try {
            DatasetGraphTDB fresh = next.database();
            List<LoadReport.FileReport> reports = fill(fresh, files, empty);
            next.switchIn();
            switched = true;
            return reports;
        } finally {
            if (!switched)
                next.abandon();
        }
    }

    private List<LoadReport.FileReport> fill(DatasetGraphTDB fresh, List<SourceFile> files, boolean empty) {
        Set<Node> replaced = new HashSet<>();
        Set<Node> written = new LinkedHashSet<>();
        List<LoadReport.FileReport> reports = new ArrayList<>();
        List<LoadCatalog.Entry> entries = new ArrayList<>();
        GraphRouter.Progress progress = new GraphRouter.Progress(progressEvery);
        // Into an empty store the new database is only what the files hold: the gate can check a copy
        // kept in memory while parsing, alongside the bulk loader, as the transactional path does.
        LoadedCopy copy = gate != null && empty && copyLimit > 0 && !files.isEmpty() ? new LoadedCopy(copyLimit) : null;
        FutureTask<Boolean> inMemoryGate = copy == null ? null : new FutureTask<>(() -> {
            Optional<Graph> g = copy.graph();
            g.ifPresent(copyGraph -> gate.get().check(copyGraph, Math.max(1, Runtime.getRuntime().availableProcessors() - 1)));
            return g.isPresent();
        });
        DataLoader loader = LoaderFactory.phasedLoader(fresh, (fmt, args) -> EntenteLog.loadLog.debug(String.format(fmt, args)));
        loader.startBulk();
        try {
            StreamRDF out = loader.stream();
            for (int i = 0; i < files.size(); i++) {
                SourceFile file = files.get(i);
                Txn.executeRead(dsg, () -> LoadCatalog.find(dsg, file.key()).ifPresent(old -> replaced.addAll(old.graphs())));
                Into into = new Into(out, graph != null ? graph : Loader.graphFor(file.path()), progress);
                Runnable afterParse = inMemoryGate != null && i == files.size() - 1 ? () -> Loader.startDaemon(inMemoryGate) : null;
                AtomicReference<String> read = new AtomicReference<>();
                ParsePipe.run(sink -> Loader.parse(file, sink, read), into, copy, afterParse);
                String digest = file.digest() != null ? file.digest() : read.get() != null ? read.get() : file.sha256();
                entries.add(new LoadCatalog.Entry(file.key(), digest, into.touched, into.count));
                written.addAll(into.touched);
                reports.add(new LoadReport.FileReport(file.key(), into.touched, into.count));
            }
            if (!empty)
                copyStore(out, replaced, written);
            loader.finishBulk();
        } catch (RuntimeException ex) {
            loader.finishException(ex);
            if (inMemoryGate != null)
                inMemoryGate.cancel(true);
            throw ex;
        }
        Txn.executeWrite(fresh, () -> entries.forEach(e -> LoadCatalog.write(fresh, e)));
        if (gate != null) {
            long t = System.nanoTime();
            boolean inMemory = inMemoryGate != null && Loader.awaitGate(inMemoryGate);
            if (!inMemory)
                Txn.executeRead(fresh, () -> gate.get().check(fresh, written));
            EntenteLog.loadLog.info("SHACL gate passed ({}); the load waited {} ms for it",
                                    inMemory ? "in-memory copy, alongside the bulk loader" : "read from the new database",
                                    (System.nanoTime() - t) / 1_000_000);
        }
        return reports;
    }

    /**
     * Sends the store's quads to the new database, but for the graphs this load replaces: those the
     * files filled before, and those the load writes now (emptied first, as on the transactional path).
     * The catalog goes along whole; the entries of the files loaded now are rewritten after.
     */
    private void copyStore(StreamRDF out, Set<Node> replaced, Set<Node> written) {
        long t = System.nanoTime();
        long[] n = { 0 };
        Txn.executeRead(dsg, () -> {
            dsg.prefixes().forEach((prefix, iri) -> out.prefix(prefix, iri));
            dsg.find().forEachRemaining(q -> {
                Node g = q.getGraph();
                if (replaced.contains(g) || written.contains(g))
                    return;
                if (q.isDefaultGraph())
                    out.triple(q.asTriple());
                else
                    out.quad(q);
                n[0]++;
            });
        });
        EntenteLog.loadLog.info("Copied {} quads of the store into the new database in {} ms", String.format("%,d", n[0]),
                                (System.nanoTime() - t) / 1_000_000);
    }

    /** Routes a file's statements into the bulk loader: triples (and default-graph quads) to the file's graph. */
    private static final class Into extends StreamRDFBase {
        private final StreamRDF out;
        private final Node fileGraph;
        private final GraphRouter.Progress progress;
        final Set<Node> touched = new LinkedHashSet<>();
        long count = 0;

        Into(StreamRDF out, Node fileGraph, GraphRouter.Progress progress) {
            this.out = out;
            this.fileGraph = fileGraph;
            this.progress = progress;
        }

        @Override
        public void triple(Triple t) {
            add(Quad.create(fileGraph, t));
        }

        @Override
        public void quad(Quad q) {
            add(q.isDefaultGraph() ? Quad.create(fileGraph, q.asTriple()) : q);
        }

        private void add(Quad q) {
            touched.add(q.getGraph());
            out.quad(q);
            count++;
            progress.tick();
        }
    }
}
