package org.entente.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.entente.sys.EntenteSys;
import org.entente.browse.view.Link;
import org.entente.browse.view.PropertyRow;
import org.entente.browse.view.PropertyValue;
import org.entente.browse.view.WikidataLink;

/**
 * The resource's own statements: its classes, the Wikidata items it is the same as, and every other
 * property with its values and the source of each.
 */
final class PropertyBuilder {
    private PropertyBuilder() {}

    /** A value and its literal's language (primary subtag, lower case; empty when none). */
    private record Ranked(PropertyValue view, String lang) {}

    /** The resource's classes. */
    static List<Link> types(Description d, Linker linker) {
        Set<Node> seen = new LinkedHashSet<>();
        d.find(d.resource(), RDF.type.asNode(), Node.ANY).forEachRemaining(q -> seen.add(q.getObject()));
        return seen.stream().map(linker::link).toList();
    }

    /** The Wikidata items the resource is the same as ({@code owl:sameAs}), linked to their pages. */
    static List<WikidataLink> wikidata(Description d) {
        List<WikidataLink> out = new ArrayList<>();
        d.find(d.resource(), OWL.sameAs.asNode(), Node.ANY).forEachRemaining(q -> {
            Node o = q.getObject();
            if (o.isURI() && o.getURI().startsWith(EntenteSys.WIKIDATA_ENTITY))
                out.add(new WikidataLink(o.getURI().substring(o.getURI().lastIndexOf('/') + 1),
                                         o.getURI().replace(EntenteSys.WIKIDATA_ENTITY, "https://www.wikidata.org/wiki/")));
        });
        return out;
    }

    /**
     * Every other property, by label, with its values; literals in the reader's languages (or with no
     * language) come first, for labels in other languages are noise to the reader.
     */
    static List<PropertyRow> properties(Description d, Linker linker) {
        Map<Node, List<Ranked>> byPredicate = new LinkedHashMap<>();
        d.find(d.resource(), Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!q.getPredicate().equals(RDF.type.asNode()) && !q.getPredicate().equals(OWL.sameAs.asNode()))
                byPredicate.computeIfAbsent(q.getPredicate(), k -> new ArrayList<>()).add(value(q, linker));
        });
        List<String> languages = d.labels().languages();
        List<PropertyRow> out = new ArrayList<>();
        byPredicate.forEach((p, values) -> out.add(new PropertyRow(d.labels().of(p), p.getURI(), values.stream()
            .sorted(Comparator.comparingInt(v -> rank(v.lang(), languages))).map(Ranked::view).toList())));
        out.sort(Comparator.comparing(PropertyRow::predicate));
        return out;
    }

    private static Ranked value(Quad q, Linker linker) {
        Node o = q.getObject();
        Link source = linker.link(q.getGraph());
        if (!o.isLiteral())
            return new Ranked(new PropertyValue("", "", linker.link(o), source), "");
        String tag = o.getLiteralLanguage();
        return new Ranked(new PropertyValue(o.getLiteralLexicalForm(), tag, null, source), tag.toLowerCase(Locale.ROOT).split("-")[0]);
    }

    /** Where a literal's language stands among the reader's: none first, then theirs in order, then the rest. */
    private static int rank(String lang, List<String> languages) {
        if (lang.isEmpty())
            return 0;
        int i = languages.indexOf(lang);
        return i < 0 ? languages.size() + 1 : i;
    }
}
