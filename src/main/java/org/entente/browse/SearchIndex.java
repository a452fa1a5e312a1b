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
import org.entente.sys.EntenteLog;

/**
 * Full-text search over labels in every language: a Lucene index (through jena-text) of
 * {@code rdfs:label}, {@code skos:prefLabel} and {@code skos:altLabel}, ranked by Lucene's score,
 * every word matched as a prefix ("Ki Jo" finds Kim Jong Un). Built from the store when first used
 * and again after the store is written through the server.
 */
public final class SearchIndex {

    private static final String FIELD = "label";

    private final DatasetGraph dsg;
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private volatile TextIndexLucene index;

    /** One search hit: the resource, the label that matched, the score. */
    public record Hit(Node resource, String match, float score) {}

    public SearchIndex(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** Marks the index out of date: the next search rebuilds it. */
    public void invalidate() {
        stale.set(true);
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
        if (stale.getAndSet(false) || index == null) {
            synchronized (this) {
                index = build();
            }
        }
        return index;
    }

    private TextIndexLucene build() {
        EntityDefinition def = new EntityDefinition("uri", FIELD, RDFS.label.asNode());
        def.set(FIELD, SKOS.prefLabel.asNode());
        def.set(FIELD, SKOS.altLabel.asNode());
        def.setLangField("lang");
        def.setGraphField("graph");
        TextIndexConfig config = new TextIndexConfig(def);
        TextIndexLucene idx = new TextIndexLucene(new ByteBuffersDirectory(), config);
        long t0 = System.nanoTime();
        long[] n = {0};
        Txn.executeRead(dsg, () -> {
            for (Node p : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), SKOS.altLabel.asNode()))
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
