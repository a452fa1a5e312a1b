package org.entente.federation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.entente.query.QueryLib;
import org.entente.sys.QueryResources;

/**
 * What enrich --world reads from the store: the territories to ask about, the organisations it follows,
 * the things already linked to Wikidata items, and the previous world graph. Every method must be called
 * inside a read transaction on the dataset.
 */
final class WorldStore {
    private WorldStore() {}

    /** A territory of the store with an ISO 3166-1 alpha-2 code. */
    record Territory(Node iri, String alpha2, String alpha3, String slug, String label, boolean isState,
                     Set<Node> items, Set<Node> capitals) {}

    /** An organisation whose memberships are copied, with its Wikidata item. */
    record Organization(Node iri, Node item, String slug, String label) {}

    /** A thing of the store that is the same as a Wikidata item, and whether a graph other than the world graph says so. */
    record Linked(Node thing, boolean elsewhere) {}

    /** The territories with an alpha-2 code, sorted by code; the world graph's own statements are not looked at. */
    static List<Territory> territories(DatasetGraph dsg, Node world) {
        Map<Node, List<Binding>> byTerritory = new LinkedHashMap<>();
        for (Binding b : QueryLib.rows(dsg, QueryResources.get("federation/world-territories.rq"), Map.of("world", world)))
            byTerritory.computeIfAbsent(b.get("territory"), k -> new ArrayList<>()).add(b);
        List<Territory> out = new ArrayList<>();
        byTerritory.forEach((iri, rows) -> {
            Set<String> labels = new TreeSet<>();
            Set<Node> items = new LinkedHashSet<>(), capitals = new LinkedHashSet<>();
            String alpha3 = null;
            for (Binding b : rows) {
                if (b.get("label") != null)
                    labels.add(b.get("label").getLiteralLexicalForm());
                if (b.get("alpha3") != null)
                    alpha3 = b.get("alpha3").getLiteralLexicalForm();
                if (WikidataLib.isItem(b.get("item")))
                    items.add(b.get("item"));
                if (b.get("capital") != null)
                    capitals.add(b.get("capital"));
            }
            String slug = lastSegment(iri);
            String alpha2 = rows.get(0).get("alpha2").getLiteralLexicalForm();
            boolean isState = "true".equals(rows.get(0).get("isState").getLiteralLexicalForm());
            String label = labels.isEmpty() ? (alpha3 != null ? alpha3 : alpha2) : labels.iterator().next();
            out.add(new Territory(iri, alpha2, alpha3, slug, label, isState, items, capitals));
        });
        out.sort(Comparator.comparing(Territory::alpha2));
        return out;
    }

    /** The organisations followed that are linked to a Wikidata item, by item. */
    static Map<Node, Organization> organizations(DatasetGraph dsg) {
        Map<Node, Organization> out = new LinkedHashMap<>();
        for (Binding b : QueryLib.rows(dsg, QueryResources.get("federation/world-organizations.rq"), Map.of())) {
            Node org = b.get("org"), item = b.get("item");
            if (!WikidataLib.isItem(item))
                continue;
            String label = b.get("label") != null ? b.get("label").getLiteralLexicalForm() : lastSegment(org).toUpperCase(java.util.Locale.ROOT);
            Organization o = out.get(item);
            if (o == null || label.compareTo(o.label()) < 0)
                out.put(item, new Organization(org, item, lastSegment(org), label));
        }
        return out;
    }

    /**
     * The things each item is the same as: a thing linked in another graph comes first (the lowest IRI if
     * several), else one linked only in the previous world graph.
     */
    static Map<Node, Linked> linked(DatasetGraph dsg, Collection<Node> items, Node world) {
        Map<Node, Linked> out = new LinkedHashMap<>();
        if (items.isEmpty())
            return out;
        Var item = Var.alloc("item");
        List<Binding> values = items.stream().map(n -> BindingFactory.binding(item, n)).toList();
        Query q = QueryLib.valuesFirst(QueryResources.get("federation/world-linked.rq"), List.of(item), values);
        List<Binding> rows = new ArrayList<>(QueryLib.rows(dsg, q, Map.of()));
        rows.sort(Comparator.comparing(b -> b.get("thing").toString()));
        for (Binding b : rows) {
            if (!b.get("thing").isURI())
                continue;
            Linked l = new Linked(b.get("thing"), !world.equals(b.get("g")));
            out.merge(b.get("item"), l, (old, neu) -> !old.elsewhere() && neu.elsewhere() ? neu : old);
        }
        return out;
    }

    /** Whether any statement of the store uses an IRI, as subject or object. */
    static boolean used(DatasetGraph dsg, Node iri) {
        return dsg.find(Node.ANY, iri, Node.ANY, Node.ANY).hasNext() || dsg.find(Node.ANY, Node.ANY, Node.ANY, iri).hasNext();
    }

    /** A copy of the world graph as it is now. */
    static Graph previous(DatasetGraph dsg, Node world) {
        Graph copy = GraphFactory.createDefaultGraph();
        dsg.find(world, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> copy.add(q.asTriple()));
        return copy;
    }

    /** The last segment of an IRI's path: {@code prk} for {@code .../id/state/prk}. */
    static String lastSegment(Node iri) {
        String s = iri.getURI();
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
