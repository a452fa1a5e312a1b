package org.entente.browse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.entente.store.StoreGeneration;
import org.entente.sys.EntenteLog;
import org.entente.vocab.ENT;

/**
 * Full-text search over labels in every language: a Lucene index (through jena-text) of
 * {@code rdfs:label}, {@code skos:prefLabel} and {@code skos:altLabel} (and territories' codes), ranked by Lucene's score,
 * every word matched as a prefix ("Ki Jo" finds Kim Jong Un).
 * <p>
 * Built from the store on first use (once, however many searches wait for it), and built again once
 * per {@link StoreGeneration}, whatever path the write took: the rebuild runs on a thread of its own
 * while searches go on against the previous index, which {@link #isCurrent()} then says is behind.
 */
public final class SearchIndex {

    private static final String FIELD = "label";
    /** Codes a person may type for a territory ("PRK", "KP"): indexed like names. */
    private static final List<Node> CODES = List.of(ENT.node(ENT.isoAlpha2), ENT.node(ENT.isoAlpha3), ENT.node(ENT.cldrCode),
                                                    SKOS.notation.asNode());

    private final DatasetGraph dsg;
    private final StoreGeneration generation;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private volatile Built built;

    /** An index and the store generation it was built from. */
    private record Built(long generation, TextIndexLucene index) {}

    /** One search hit: the resource, the label that matched, the score. */
    public record Hit(Node resource, String match, float score) {}

    public SearchIndex(DatasetGraph dsg, StoreGeneration generation) {
        this.dsg = dsg;
        this.generation = generation;
    }

    /** Whether the index reflects every committed write (false while a rebuild is under way or due). */
    public boolean isCurrent() {
        Built b = built;
        return b != null && b.generation() == generation.current();
    }

    /** Waits until the index reflects every committed write, starting a rebuild if one is due. */
    public void awaitCurrent(java.time.Duration limit) throws InterruptedException {
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
                    long g = generation.current();
                    b = new Built(g, build());
                    built = b;
                }
            }
        }
        if (b.generation() != generation.current())
            rebuildInBackground();
        return b.index();
    }

    /**
     * Starts one rebuild unless one is running. A write that commits during a rebuild leaves the new
     * index behind the store again; the next search then starts another.
     */
    private void rebuildInBackground() {
        if (!rebuilding.compareAndSet(false, true))
            return;
        Thread t = new Thread(() -> {
            try {
                long g = generation.current();
                TextIndexLucene idx = build();
                built = new Built(g, idx);
            } catch (RuntimeException ex) {
                EntenteLog.serverLog.warn("Search index rebuild failed: {}", ex.getMessage(), ex);
            } finally {
                rebuilding.set(false);
            }
        }, "entente-search-index");
        t.setDaemon(true);
        t.start();
    }

    private TextIndexLucene build() {
        EntityDefinition def = new EntityDefinition("uri", FIELD, RDFS.label.asNode());
        def.set(FIELD, SKOS.prefLabel.asNode());
        def.set(FIELD, SKOS.altLabel.asNode());
        for (Node code : CODES)
            def.set(FIELD, code);
        def.setLangField("lang");
        def.setGraphField("graph");
        TextIndexConfig config = new TextIndexConfig(def);
        TextIndexLucene idx = new TextIndexLucene(new ByteBuffersDirectory(), config);
        long t0 = System.nanoTime();
        long[] n = {0};
        Txn.executeRead(dsg, () -> {
            List<Node> indexed = new ArrayList<>(List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), SKOS.altLabel.asNode()));
            indexed.addAll(CODES);
            for (Node p : indexed)
                dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
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
        EntenteLog.serverLog.info("Search index: {} labels in {} ms", n[0], (System.nanoTime() - t0) / 1_000_000);
        return idx;
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
