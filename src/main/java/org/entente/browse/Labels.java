package org.entente.browse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Human labels of resources in the reader's languages: the store's {@code rdfs:label} and
 * {@code skos:prefLabel}, best language first, English as the fallback, and a readable form of the
 * IRI as the last resort. Load inside a read transaction; use anywhere afterwards.
 */
public final class Labels {

    private static final Map<String, String> BUILT_IN = Map.ofEntries(
        Map.entry("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "type"),
        Map.entry("http://www.w3.org/2000/01/rdf-schema#label", "label"),
        Map.entry("http://www.w3.org/2000/01/rdf-schema#comment", "comment"),
        Map.entry("http://www.w3.org/2000/01/rdf-schema#subClassOf", "subclass of"),
        Map.entry("http://www.w3.org/2002/07/owl#sameAs", "same as"),
        Map.entry("http://www.w3.org/2004/02/skos/core#altLabel", "also known as"),
        Map.entry("http://www.w3.org/2004/02/skos/core#prefLabel", "preferred label"),
        Map.entry("http://www.w3.org/2004/02/skos/core#notation", "code"),
        Map.entry("http://www.w3.org/2004/02/skos/core#definition", "definition"),
        Map.entry("http://purl.org/dc/terms/description", "description"),
        Map.entry("http://purl.org/dc/terms/language", "language"),
        Map.entry("https://schema.org/about", "about"),
        Map.entry("https://schema.org/parentOrganization", "part of"));

    private final List<String> languages;
    private final Map<Node, Map<String, String>> labels = new HashMap<>();

    private Labels(List<String> languages) {
        this.languages = languages;
    }

    /** Labels of the given resources, in the reader's languages (best first). */
    public static Labels load(DatasetGraph dsg, Set<Node> resources, List<String> languages) {
        return load(dsg, resources, languages, null);
    }

    /**
     * Labels of the given resources, in the reader's languages (best first), taken from the cache where
     * it has them; what is read from the store is kept there (resources without labels included).
     */
    static Labels load(DatasetGraph dsg, Set<Node> resources, List<String> languages, LabelCache.Snapshot cache) {
        Labels l = new Labels(languages);
        List<Node> iris = new ArrayList<>();
        for (Node n : resources) {
            if (!n.isURI())
                continue;
            Map<String, String> known = cache == null ? null : cache.get(n);
            if (known != null)
                l.labels.put(n, known);
            else
                iris.add(n);
        }
        BrowseLib.selectValues(dsg, BrowseLib.query("labels"), "r", iris, Map.of(), b -> {
            Node lit = b.get("label");
            String lang = lit.getLiteralLanguage().isEmpty() ? "" : lit.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT).split("-")[0];
            Map<String, String> byLang = l.labels.computeIfAbsent(b.get("r"), k -> new HashMap<>());
            // rdfs:label first; a prefLabel only where no label exists in that language.
            boolean isLabel = b.get("p").getURI().endsWith("#label");
            if (isLabel || !byLang.containsKey(lang))
                byLang.put(lang, lit.getLiteralLexicalForm());
        });
        if (cache != null)
            for (Node n : iris)
                cache.put(n, l.labels.getOrDefault(n, Map.of()));
        return l;
    }

    /** The reader's languages, best first. */
    public List<String> languages() {
        return languages;
    }

    /** The best label of a resource, or a readable form of its IRI. */
    public String of(Node n) {
        if (n.isLiteral())
            return n.getLiteralLexicalForm();
        if (!n.isURI())
            return "(anonymous)";
        Map<String, String> byLang = labels.get(n);
        if (byLang != null && !byLang.isEmpty()) {
            for (String lang : languages)
                if (byLang.containsKey(lang))
                    return byLang.get(lang);
            if (byLang.containsKey(""))
                return byLang.get("");
            return byLang.values().iterator().next();
        }
        String builtIn = BUILT_IN.get(n.getURI());
        if (builtIn != null)
            return builtIn;
        return localName(n.getURI());
    }

    /** Every resource label known, to decide which nodes need loading. */
    static Set<Node> mentioned(DatasetGraph description) {
        Set<Node> out = new LinkedHashSet<>();
        description.find().forEachRemaining(q -> {
            out.add(q.getGraph());
            out.add(q.getSubject());
            out.add(q.getPredicate());
            out.add(q.getObject());
        });
        return out;
    }

    static String localName(String iri) {
        String s = iri;
        int cut = Math.max(s.lastIndexOf('#'), s.lastIndexOf('/'));
        if (cut >= 0 && cut < s.length() - 1)
            s = s.substring(cut + 1);
        return s.replace('-', ' ');
    }
}
