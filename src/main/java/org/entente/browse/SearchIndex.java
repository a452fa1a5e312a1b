package org.entente.browse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.entente.store.StoreGeneration;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;
import org.entente.sys.FileLib;
import org.entente.vocab.ENT;

/**
 * Full-text search over labels in every language: a Lucene index (through jena-text) of
 * {@code rdfs:label}, {@code skos:prefLabel} and {@code skos:altLabel} (and territories' codes), ranked by Lucene's score,
 * every word matched as a prefix ("Ki Jo" finds Kim Jong Un).
 * <p>
 * For a store in a folder the index lives on disk, in {@code STORE/search-index/} (see
 * {@link IndexFolder}), and is kept across restarts: on opening, an index built at the store's current
 * {@link StoreGeneration} (which survives restarts too) is opened at once, without reading the store. A
 * stale one is opened as well and rebuilt on a thread of its own, searches answering from it
 * meanwhile ({@link #isCurrent()} says it is behind); with none, the first search waits for the first
 * build. After every committed write, whatever path it took, the index is built again the same way (at
 * once, or right after the build under way): a new folder, switched in by
 * rewriting the manifest atomically. A store in memory gets an index on the heap, built on first use and
 * again at the first search after a write.
 */
public final class SearchIndex {

    private static final String FIELD = "label";
    /** Codes a person may type for a territory ("PRK", "KP"): indexed like names. */
    private static final List<Node> CODES = List.of(ENT.node(ENT.isoAlpha2), ENT.node(ENT.isoAlpha3), ENT.node(ENT.cldrCode),
                                                    SKOS.notation.asNode());
    /** How long a replaced index stays open for searches that started on it. */
    private static final Duration RETIRE_AFTER = Duration.ofSeconds(30);

    private final DatasetGraph dsg;
    private final StoreGeneration generation;
    private final Optional<IndexFolder> folder;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicInteger builds = new AtomicInteger();
    private volatile Built built;
    /** Set when the server stops: no build starts, and a build under way gives up (so the store can close). */
    private volatile boolean stopped;
    private volatile Thread builder;
    private volatile Thread opener;

    /**
     * An index and the store generation it reflects (-1: an index from disk known to be behind); its
     * folder's name when it is on disk.
     */
    private record Built(long generation, TextIndexLucene index, Directory directory, Optional<String> dir) {}

    /** A build given up because the server stops. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /** One search hit: the resource, the label that matched, the score. */
    public record Hit(Node resource, String match, float score) {}

    /** The index of each store folder opened in this process (by the latest opening of the folder). */
    private static final Map<Path, SearchIndex> ON_DISK = new java.util.HashMap<>();

    /**
     * The search index of a store. A store in a folder has one per process, shared by every module or
     * test asking for it, since its index on disk has one folder; a store in memory gets a new one.
     */
    public static SearchIndex of(DatasetGraph dsg) {
        StoreGeneration generation = StoreGeneration.of(dsg);
        Optional<Path> folder = generation.folder();
        if (folder.isEmpty())
            return new SearchIndex(dsg, generation);
        synchronized (ON_DISK) {
            Path key = folder.get().toAbsolutePath().normalize();
            SearchIndex idx = ON_DISK.get(key);
            if (idx == null || idx.generation != generation) {
                // The store was closed and opened again: the index of the earlier opening is done with.
                if (idx != null)
                    idx.closeQuietly();
                idx = new SearchIndex(dsg, generation);
                ON_DISK.put(key, idx);
            }
            return idx;
        }
    }

    private void closeQuietly() {
        Built b = built;
        if (b == null)
            return;
        try {
            b.index().close();
            b.directory().close();
        } catch (IOException | RuntimeException ex) {
            EntenteLog.serverLog.debug("Search index: closing an index of a closed store: {}", ex.getMessage());
        }
    }

    private SearchIndex(DatasetGraph dsg, StoreGeneration generation) {
        this.dsg = dsg;
        this.generation = generation;
        this.folder = generation.folder().map(IndexFolder::new);
        // An index kept on disk is rebuilt as soon as a write commits (not at the next search), so that a
        // server stopped a while after its last write leaves a current index for the next start.
        if (folder.isPresent())
            generation.onCommit(() -> {
                if (built != null && !stopped)
                    rebuildInBackground();
            });
    }

    /**
     * Stops building, for a server that stops: a build under way gives up and ends its read transaction
     * (waited for, up to ten seconds), so that the store can be closed, and the index is closed; the
     * index on disk stays as it was. The next {@link #of} for the store makes a new index object.
     */
    public void stop() {
        stopped = true;
        synchronized (ON_DISK) {
            ON_DISK.values().remove(this);
        }
        for (Thread t : new Thread[] { opener, builder }) {
            if (t == null)
                continue;
            try {
                t.join(10_000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        // Lucene's write lock goes with the index, so that the next opening of the store can use its folder.
        closeQuietly();
    }

    /** Whether the index reflects every committed write (false while a rebuild is under way or due). */
    public boolean isCurrent() {
        Built b = built;
        return b != null && b.generation() == generation.current();
    }

    /** How many times this index was built from the store since it was created (none when opened from disk). */
    public int builds() {
        return builds.get();
    }

    /** Where the index lives on disk, or empty for an index on the heap (a store in memory). */
    public Optional<Path> location() {
        return folder.map(IndexFolder::root);
    }

    /**
     * Opens the index (from disk if there is one) on a thread of its own, so that the first search finds
     * it ready; a build, if one is due, starts from there. For the server's start.
     */
    public void openInBackground() {
        Thread t = new Thread(() -> {
            try {
                if (stopped)
                    return;
                current();
                // One query, so that the first person's search does not also pay for loading the query path's classes.
                search("entente", 1);
            } catch (Stopped ex) {
                EntenteLog.serverLog.info("Search index: first build given up, the server is stopping");
            } catch (RuntimeException ex) {
                EntenteLog.serverLog.warn("Search index: opening failed: {}", ex.getMessage(), ex);
            }
        }, "entente-search-index-open");
        t.setDaemon(true);
        opener = t;
        t.start();
    }

    /** Waits until the index reflects every committed write, starting a rebuild if one is due. */
    public void awaitCurrent(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        current();
        while (!isCurrent()) {
            if (System.nanoTime() > end)
                throw new IllegalStateException("search index still behind the store after " + limit);
            current();
            Thread.sleep(10);
        }
    }

    /** The best matches of a query, one per resource, best first. */
    public List<Hit> search(String text, int limit) {
        String qs = luceneQuery(text);
        if (qs.isEmpty())
            return List.of();
        TextIndexLucene idx = current();
        Map<Node, Hit> best = new LinkedHashMap<>();
        for (TextHit h : idx.query(RDFS.label.asNode(), qs, null, null, limit * 4)) {
            Node r = h.getNode();
            Hit hit = new Hit(r, h.getLiteral() == null ? "" : h.getLiteral().getLiteralLexicalForm(), h.getScore());
            Hit old = best.get(r);
            if (old == null || rank.compare(hit, old) < 0)
                best.put(r, hit);
        }
        return best.values().stream().sorted(rank).limit(limit).toList();
    }

    private TextIndexLucene current() {
        Built b = built;
        if (b == null) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    b = open();
                    built = b;
                }
            }
        }
        if (b.generation() != generation.current())
            rebuildInBackground();
        return b.index();
    }

    /** The index on disk if there is a usable one (current or not), else a new build. */
    private Built open() {
        if (folder.isEmpty())
            return build();
        IndexFolder f = folder.get();
        Optional<IndexFolder.Manifest> manifest = f.manifest();
        f.clean(manifest.map(IndexFolder.Manifest::dir));
        if (manifest.isPresent()) {
            IndexFolder.Manifest m = manifest.get();
            try {
                Directory dir = FSDirectory.open(f.root().resolve(m.dir()));
                TextIndexLucene idx = new TextIndexLucene(dir, config());
                boolean current = generation.durable().map(m::reflects).orElse(false);
                EntenteLog.serverLog.info("Search index: opened {} ({} labels, built {}), {}", f.root().resolve(m.dir()), m.labels(),
                                          m.builtAt(), current ? "current" : "behind the store: rebuilding");
                return new Built(current ? m.generation() : -1, idx, dir, Optional.of(m.dir()));
            } catch (IOException | RuntimeException ex) {
                EntenteLog.serverLog.warn("Search index: cannot open {}, building it again: {}", m.dir(), ex.getMessage());
            }
        }
        return build();
    }

    /**
     * Starts one rebuild unless one is running. A write that commits during a rebuild leaves the new
     * index behind the store again: on disk, another build follows at once; on the heap, the next search starts it.
     */
    private void rebuildInBackground() {
        if (stopped || !rebuilding.compareAndSet(false, true))
            return;
        Thread t = new Thread(() -> {
            try {
                // On disk, writes that committed during a build start the next one at once: the index
                // catches up with a burst of writes (a seed, a load through the server) without waiting for a search.
                do {
                    Built old = built;
                    Built fresh = build();
                    built = fresh;
                    if (old != null)
                        retire(old);
                } while (folder.isPresent() && !stopped && built.generation() != generation.current());
            } catch (Stopped ex) {
                EntenteLog.serverLog.info("Search index: build given up, the server is stopping");
            } catch (RuntimeException ex) {
                EntenteLog.serverLog.warn("Search index rebuild failed: {}", ex.getMessage(), ex);
            } finally {
                builder = null;
                rebuilding.set(false);
            }
        }, "entente-search-index");
        t.setDaemon(true);
        builder = t;
        t.start();
    }

    /** Closes a replaced index (and deletes its folder) once the searches that started on it are over. */
    private void retire(Built old) {
        CompletableFuture.delayedExecutor(RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            try {
                old.index().close();
                old.directory().close();
                if (old.dir().isPresent() && folder.isPresent())
                    FileLib.deleteTree(folder.get().root().resolve(old.dir().get()));
            } catch (IOException | RuntimeException ex) {
                EntenteLog.serverLog.warn("Search index: cannot retire {}: {}", old.dir().orElse("the old index"), ex.getMessage());
            }
        });
    }

    private static EntityDefinition definition() {
        EntityDefinition def = new EntityDefinition("uri", FIELD, RDFS.label.asNode());
        def.set(FIELD, SKOS.prefLabel.asNode());
        def.set(FIELD, SKOS.altLabel.asNode());
        for (Node code : CODES)
            def.set(FIELD, code);
        def.setLangField("lang");
        def.setGraphField("graph");
        return def;
    }

    private static TextIndexConfig config() {
        return new TextIndexConfig(definition());
    }

    /** Builds the index from the store: on the heap, or in a new folder published by the manifest. */
    private Built build() {
        Optional<StoreGeneration.Durable> durable = generation.durable();
        long g = durable.map(StoreGeneration.Durable::count).orElseGet(generation::current);
        TextIndexConfig config = config();
        EntityDefinition def = config.getEntDef();
        Directory directory;
        Path dirPath = null;
        try {
            if (folder.isPresent()) {
                dirPath = folder.get().newIndexDir(g);
                directory = FSDirectory.open(dirPath);
            } else {
                directory = new ByteBuffersDirectory();
            }
        } catch (IOException ex) {
            throw new EntenteException("Cannot make a folder for the search index in " + folder.get().root() + ": " + ex.getMessage(), ex);
        }
        TextIndexLucene idx = new TextIndexLucene(directory, config);
        long t0 = System.nanoTime();
        long[] n = {0};
        Txn.executeRead(dsg, () -> {
            List<Node> indexed = new ArrayList<>(List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), SKOS.altLabel.asNode()));
            indexed.addAll(CODES);
            for (Node p : indexed)
                dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                    if ((n[0] & 0x3FF) == 0 && stopped)
                        throw new Stopped();
                    if (q.getObject().isLiteral()) {
                        var e = TextQueryFuncs.entityFromQuad(def, q);
                        if (e != null) {
                            idx.addEntity(e);
                            n[0]++;
                        }
                    }
                });
            idx.prepareCommit();
            idx.commit();
        });
        long millis = (System.nanoTime() - t0) / 1_000_000;
        builds.incrementAndGet();
        if (dirPath != null) {
            try {
                folder.get().publish(new IndexFolder.Manifest(dirPath.getFileName().toString(), durable.get().storeId(), g, n[0],
                                                              millis, Instant.now()));
            } catch (IOException ex) {
                // Searches still use the new index; only the next start will not trust it.
                EntenteLog.serverLog.warn("Search index: cannot write its manifest: {}", ex.getMessage());
            }
        }
        EntenteLog.serverLog.info("Search index: {} labels in {} ms{}", n[0], millis, dirPath == null ? "" : " in " + dirPath);
        return new Built(g, idx, directory, Optional.ofNullable(dirPath).map(p -> p.getFileName().toString()));
    }

    /** Best first: Lucene's score, then the shorter label (the thing itself before statements about it). */
    private static final java.util.Comparator<Hit> rank =
        java.util.Comparator.comparingDouble((Hit h) -> -h.score()).thenComparingInt(h -> h.match().length());

    /**
     * A Lucene query from words typed by a person: every word is required, as a whole word (scored by
     * BM25, so short labels that match rank first) or as a prefix (so "Ki Jo" finds Kim Jong Un).
     * Only letters and digits reach the parser: Lucene's syntax characters are dropped.
     */
    static String luceneQuery(String text) {
        if (text == null)
            return "";
        List<String> terms = new ArrayList<>();
        for (String w : text.strip().split("[\\s\\p{Punct}&&[^'\\-]]+")) {
            String word = w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            if (word.isEmpty())
                continue;
            terms.add("+(" + word + "^4 " + word + "*)");
        }
        return String.join(" ", terms);
    }
}
