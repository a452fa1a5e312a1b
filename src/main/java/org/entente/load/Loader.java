package org.entente.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;
import org.entente.sys.EntenteSys;

/**
 * Loads RDF files into a dataset, all or nothing: one write transaction for the whole call, parsed
 * as a stream (on a parser thread, overlapping the writes) straight into the store, checked by the
 * SHACL gate before commit.
 * <pre>
 *   LoadReport report = Loader.create().dataset(dsg).build().load(List.of(Path.of("data")));
 * </pre>
 * Triples go into one named graph per file ({@code https://w3id.org/entente/id/graph/{file-name}},
 * or the graph given to {@link Builder#graph}); quads keep their graphs. A graph a load writes is
 * emptied first, so loading the same source again replaces it.
 */
public final class Loader {

    private final DatasetGraph dsg;
    private final Node graph;
    /** The gate, still being read from the jar (on a thread of its own) while parsing starts; null without validation. */
    private final CompletableFuture<ShaclGate> gate;
    private final Path root;
    private final long progressEvery;
    private final long copyLimit;
    private final Bulk bulk;
    private final long expectedTriples;

    private static final java.util.concurrent.atomic.AtomicLong LOADS = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong TRIPLES = new java.util.concurrent.atomic.AtomicLong();

    private Loader(Builder b) {
        this.copyLimit = b.copyLimit;
        this.bulk = b.bulk;
        this.expectedTriples = b.expectedTriples;
        this.dsg = b.dsg;
        this.graph = b.graph;
        // Reading the shipped shapes takes a moment: it overlaps with parsing.
        this.gate = b.validate ? CompletableFuture.supplyAsync(ShaclGate::standard) : null;
        this.root = b.root;
        this.progressEvery = b.progressEvery;
        // Remote JSON-LD contexts are refused unless allowed (JsonLdLib.install, --allow-context).
        JsonLdLib.ensureInstalled();
    }

    public static Builder create() {
        return new Builder();
    }

    /** How many loads (one transaction each) this process has committed: for the metrics. */
    public static long loadsCompleted() {
        return LOADS.get();
    }

    /** How many triples those loads wrote. */
    public static long triplesLoaded() {
        return TRIPLES.get();
    }

    /** Loads files and folders (recursively) in one transaction. */
    public LoadReport load(List<Path> paths) {
        return loadFiles(SourceFileLib.expand(paths, root));
    }

    /** Loads the given source files in one transaction. */
    public LoadReport loadFiles(List<SourceFile> files) {
        long start = System.nanoTime();
        boolean bulkPath = useBulk(files);
        List<LoadReport.FileReport> reports = bulkPath
            ? new BulkLoad(dsg, graph, gate == null ? null : this::gate, copyLimit, progressEvery).load(files)
            : Txn.calculateWrite(dsg, () -> loadInTxn(files));
        long triples = reports.stream().mapToLong(LoadReport.FileReport::triples).sum();
        LoadReport report = new LoadReport(reports, triples, Duration.ofNanos(System.nanoTime() - start));
        LOADS.incrementAndGet();
        TRIPLES.addAndGet(triples);
        EntenteLog.loadLog.info("Loaded {} triples from {} file(s) in {} ms ({} triples/s, {})",
                                String.format("%,d", triples), files.size(), report.elapsed().toMillis(),
                                String.format("%,.0f", report.triplesPerSecond()),
                                bulkPath ? "bulk, beside the store" : "one transaction");
        return report;
    }

    /**
     * Whether this load takes the bulk path: always or never when told so, and by default when the
     * store holds fewer than {@value #BULK_RATIO} times the triples the load is expected to bring (the
     * bulk path copies the store's own quads into the new database), and the load is expected to bring
     * at least {@value #BULK_MIN} triples. The store's size is taken from the catalog's triple counts
     * (what was loaded and imported), read without scanning the store.
     */
    private boolean useBulk(List<SourceFile> files) {
        if (bulk == Bulk.NEVER || files.isEmpty())
            return false;
        if (!StoreSwitch.possible(dsg)) {
            if (bulk == Bulk.ALWAYS)
                throw new EntenteException("A bulk load needs a TDB2 store on disk");
            return false;
        }
        if (bulk == Bulk.ALWAYS)
            return true;
        long expected = expectedTriples > 0 ? expectedTriples : files.stream().mapToLong(SourceFileLib::expectedTriples).sum();
        if (expected < BULK_MIN)
            return false;
        long existing = Txn.calculateRead(dsg, () -> dsg.isEmpty() ? 0
            : Math.max(1, LoadCatalog.all(dsg).stream().mapToLong(LoadCatalog.Entry::triples).sum()));
        boolean yes = existing < BULK_RATIO * expected;
        EntenteLog.loadLog.debug("Bulk path: {} (store about {} triples, load about {})", yes, existing, expected);
        return yes;
    }

    /**
     * The bulk path pays while the store holds fewer than this many times the triples the load brings.
     * Measured (bench/README.md, "Bulk load beside the store"): the bulk path saves about 10 CPU seconds
     * per million new triples and spends about 31 per million existing ones, copied into the new database.
     */
    public static final double BULK_RATIO = 0.25;
    /** Below this many triples expected, a load is not worth a new database. */
    public static final long BULK_MIN = 50_000;

    /** Whether a load is written in one transaction into the store, or by TDB2's bulk loader beside it and switched in. */
    public enum Bulk {
        /** The bulk path when the store is small beside the load ({@link #BULK_RATIO}). */
        AUTO,
        /** Always the bulk path. */
        ALWAYS,
        /** Always one write transaction in the store (what a running server does). */
        NEVER
    }

    private List<LoadReport.FileReport> loadInTxn(List<SourceFile> files) {
        Set<Node> cleared = new HashSet<>();
        Set<Node> written = new LinkedHashSet<>();
        GraphRouter.Progress progress = new GraphRouter.Progress(progressEvery);
        List<LoadReport.FileReport> reports = new ArrayList<>();
        // Into an empty store, what the load writes is the whole store: the gate can check a copy in
        // memory, on its own thread as soon as the last file is parsed, while the writes go on.
        LoadedCopy copy = gate != null && copyLimit > 0 && !files.isEmpty() && dsg.isEmpty() ? new LoadedCopy(copyLimit) : null;
        FutureTask<Boolean> inMemoryGate = copy == null ? null : new FutureTask<>(() -> {
            Optional<Graph> g = copy.graph();
            // One core is left to the writer, which is still writing.
            g.ifPresent(copyGraph -> gate().check(copyGraph, Runtime.getRuntime().availableProcessors() - 1));
            return g.isPresent();
        });
        try {
            for (int i = 0; i < files.size(); i++) {
                SourceFile file = files.get(i);
                EntenteLog.loadLog.debug("Loading {} ({})", file.key(), file.lang().getName());
                // Graphs this file filled last time are replaced, even if it now names others.
                LoadCatalog.find(dsg, file.key()).ifPresent(old -> old.graphs().forEach(g -> {
                    if (cleared.add(g))
                        dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                }));
                Set<Node> touched = new LinkedHashSet<>();
                GraphRouter router = new GraphRouter(dsg, graph != null ? graph : graphFor(file.path()), cleared, touched, progress);
                Runnable afterParse = inMemoryGate != null && i == files.size() - 1 ? () -> startDaemon(inMemoryGate) : null;
                AtomicReference<String> read = new AtomicReference<>();
                ParsePipe.run(sink -> parse(file, sink, read), router, copy, afterParse);
                String digest = file.digest() != null ? file.digest() : read.get() != null ? read.get() : file.sha256();
                LoadCatalog.write(dsg, new LoadCatalog.Entry(file.key(), digest, touched, router.count()));
                written.addAll(touched);
                reports.add(new LoadReport.FileReport(file.key(), touched, router.count()));
            }
            if (gate != null) {
                long t = System.nanoTime();
                boolean inMemory = inMemoryGate != null && awaitGate(inMemoryGate);
                if (!inMemory)
                    gate().check(dsg, written);
                EntenteLog.loadLog.info("SHACL gate passed ({}); the load waited {} ms for it",
                                        inMemory ? "in-memory copy, alongside the writes" : "read from the store",
                                        (System.nanoTime() - t) / 1_000_000);
            }
            return reports;
        } finally {
            if (inMemoryGate != null)
                inMemoryGate.cancel(true);
        }
    }

    private ShaclGate gate() {
        try {
            return gate.join();
        } catch (CompletionException ex) {
            throw EntenteException.fromWorker("Reading the SHACL shapes", ex.getCause());
        }
    }

    /** Starts the in-memory SHACL gate on a daemon thread of its own (also for {@link BulkLoad}). */
    static void startDaemon(Runnable task) {
        Thread t = new Thread(task, "entente-shacl-gate");
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the in-memory gate: true if it checked the copy and found it valid, false if there was no copy. */
    static boolean awaitGate(FutureTask<Boolean> task) {
        try {
            return task.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EntenteException("Load interrupted", ex);
        } catch (ExecutionException ex) {
            throw EntenteException.fromWorker("SHACL gate", ex.getCause());
        }
    }

    /**
     * Parses a file into the sink, and puts the SHA-256 of its bytes in {@code digest} before the sink
     * hears the end: the digest the catalog keeps is taken as the parser reads the file, on the parser's
     * thread, rather than by reading the file again on the writer's (11 % of the writer's time at 100,000
     * triples, see bench/README.md).
     */
    static void parse(SourceFile file, StreamRDF sink, AtomicReference<String> digest) {
        if (file.producer() != null) {
            // Not RDF (a GDELT file): its producer sends the statements; its digest is given.
            file.producer().accept(sink);
            return;
        }
        MessageDigest md = SourceFileLib.sha256Digest();
        try (InputStream raw = new DigestInputStream(Files.newInputStream(file.path()), md); InputStream in = open(raw, file.path())) {
            StreamRDF digestFirst = new StreamRDFWrapper(sink) {
                @Override
                public void finish() {
                    // What the parser left unread (trailing bytes) counts too. A parser that closed the
                    // file already (RDF/XML's) leaves no digest: the file is then read again for it.
                    try {
                        raw.transferTo(OutputStream.nullOutputStream());
                        digest.set(HexFormat.of().formatHex(md.digest()));
                    } catch (IOException closed) {
                        digest.set(null);
                    }
                    super.finish();
                }
            };
            RDFParser.source(in)
                     .base(file.path().toUri().toString())
                     .forceLang(file.lang())
                     .strict(true)
                     .errorHandler(FailFast.INSTANCE)
                     .parse(digestFirst);
        } catch (RiotParseException ex) {
            // Some parsers (JSON-LD beyond its syntax) know no position: the file and the message.
            if (ex.getLine() < 0)
                throw new EntenteException(file.key() + ": " + ex.getOriginalMessage(), ex);
            throw new EntenteException(String.format("%s:%d:%d: %s", file.key(), ex.getLine(), ex.getCol(), ex.getOriginalMessage()), ex);
        } catch (RiotException ex) {
            throw new EntenteException(file.key() + ": " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new EntenteException(file.key() + ": " + ex.getMessage(), ex);
        }
    }

    /** A file's bytes read from {@code raw}, uncompressed when its name ends in {@code .gz}. */
    private static InputStream open(InputStream raw, Path path) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        return SourceFileLib.isGzip(path) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** The graph for the triples of a file: {@code https://w3id.org/entente/id/graph/{slug of the file name}}. */
    public static Node graphFor(Path file) {
        String name = SourceFileLib.plainName(file);
        int dot = name.lastIndexOf('.');
        if (dot > 0)
            name = name.substring(0, dot);
        String slug = name.replaceAll("[^a-z0-9._-]+", "-");
        return NodeFactory.createURI(EntenteSys.ID_BASE + "graph/" + slug);
    }

    /**
     * Parse errors stop the load, with line and column. So do the warnings that mean the data is not
     * RDF: an IRI that breaks the IRI grammar, an rdf:ID that is no XML name or is used twice (RIOT
     * only warns of these). Other warnings (an ignored XML attribute, a literal not valid for its
     * datatype, an IRI scheme's own advice) are legal RDF: they are logged with their position.
     */
    private static final class FailFast implements ErrorHandler {
        static final FailFast INSTANCE = new FailFast();

        private static final java.util.regex.Pattern NOT_RDF = java.util.regex.Pattern.compile(
            "^(Bad IRI|Illegal character in IRI|Not a valid XML NCName|Reuse of rdf:ID).*");
        private static final String SCHEME_ADVICE = "REQUIRED_COMPONENT_MISSING";

        @Override
        public void warning(String message, long line, long col) {
            if (NOT_RDF.matcher(message).matches() && !message.contains(SCHEME_ADVICE))
                throw new RiotParseException(message, line, col);
            EntenteLog.loadLog.warn("line {}, column {}: {}", line, col, message);
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RiotParseException(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotParseException(message, line, col);
        }
    }

    /** Settings of a {@link Loader}. */
    public static final class Builder {
        private DatasetGraph dsg;
        private Node graph;
        private boolean validate = true;
        private Path root = Path.of("");
        private long progressEvery = 1_000_000;
        private long copyLimit = LoadedCopy.defaultLimit();
        private Bulk bulk = Bulk.NEVER;
        private long expectedTriples = 0;

        private Builder() {}

        /** The dataset to load into (required). */
        public Builder dataset(DatasetGraph dsg) {
            this.dsg = dsg;
            return this;
        }

        /** The graph for triples (quads keep theirs); by default, one graph per file. */
        public Builder graph(String iri) {
            this.graph = iri == null ? null : NodeFactory.createURI(iri);
            return this;
        }

        /** Whether the SHACL gate runs (default true). */
        public Builder validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        /** The folder that file keys in the catalog are relative to (default: the working directory). */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /**
         * Up to how many triples a load into an empty store is also kept in memory, so that the SHACL
         * gate checks them there instead of reading them back from disk (same verdict, faster); 0 for
         * never. Default: about one triple per 1.5 KiB of maximum heap.
         */
        public Builder gateCopyLimit(long triples) {
            this.copyLimit = triples;
            return this;
        }

        /**
         * Whether to load with TDB2's bulk loader into a new database beside the store, switched in by a
         * rename (default {@link Bulk#NEVER}: one write transaction). Only for a process that owns the
         * store, as the command line does: the switch replaces the database under the open dataset.
         */
        public Builder bulk(Bulk bulk) {
            this.bulk = Objects.requireNonNull(bulk);
            return this;
        }

        /** About how many triples the load brings, for {@link Bulk#AUTO}; by default estimated from the files' sizes. */
        public Builder expectedTriples(long triples) {
            this.expectedTriples = triples;
            return this;
        }

        /** Log progress every so many triples; 0 for never. */
        public Builder progressEvery(long n) {
            this.progressEvery = n;
            return this;
        }

        public Loader build() {
            Objects.requireNonNull(dsg, "dataset");
            return new Loader(this);
        }
    }
}
