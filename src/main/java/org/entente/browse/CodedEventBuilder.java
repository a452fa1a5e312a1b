package org.entente.browse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.RDF;
import org.entente.browse.view.CodedEventView;
import org.entente.browse.view.CodedWords;
import org.entente.browse.view.Link;
import org.entente.gdelt.CameoScheme;
import org.entente.vocab.ENT;

/**
 * The section of a machine-coded (GDELT) event's page: the CAMEO type in words with its root and base
 * codes, the two sides as coded (linked to their states), the places, the scores, the article, and
 * that the event is machine-coded: reported, never confirmed. Two steps, inside one read transaction:
 * {@link #read} before the labels are loaded (it names what needs one), {@link #build} after.
 */
final class CodedEventBuilder {
    private CodedEventBuilder() {}

    /** What the page needs from the store: the rows of {@code coded-event.rq}; none for a resource that is no coded event. */
    record Rows(List<Binding> rows, Set<Node> toLabel) {
        static final Rows NONE = new Rows(List.of(), Set.of());
    }

    /** Reads the rows; {@code d} may be a description without labels (only its statements are used). */
    static Rows read(DatasetGraph dsg, Description d) {
        if (!d.find(d.resource(), RDF.type.asNode(), ENT.node(ENT.CodedEvent)).hasNext())
            return Rows.NONE;
        List<Binding> rows = BrowseLib.select(dsg, BrowseLib.query("coded-event"), Map.of("this", d.resource()));
        Set<Node> toLabel = new LinkedHashSet<>();
        for (Binding b : rows) {
            toLabel.add(b.get("node"));
            if (b.get("country") != null)
                toLabel.add(b.get("country"));
        }
        Node code = d.first(d.resource(), ENT.node(ENT.cameoCode));
        if (code != null)
            codes(code).forEach(toLabel::add);
        Node quad = d.first(d.resource(), ENT.node(ENT.quadClass));
        if (quad != null)
            toLabel.add(quad);
        return new Rows(rows, toLabel);
    }

    /** The section, or null when the resource is no coded event. */
    static CodedEventView build(Rows read, Description d, Linker linker, Messages m) {
        Node ev = d.resource();
        Node code = d.first(ev, ENT.node(ENT.cameoCode));
        if (read == Rows.NONE || code == null)
            return null;
        CodedWords w = m.words(CodedWords.class);
        List<Node> levels = codes(code);
        Map<Node, Node> byRole = new LinkedHashMap<>();
        Map<Node, Binding> first = new LinkedHashMap<>();
        Map<Node, Set<String>> types = new LinkedHashMap<>();
        for (Binding b : read.rows()) {
            byRole.putIfAbsent(b.get("role"), b.get("node"));
            first.putIfAbsent(b.get("node"), b);
            if (b.get("type") != null)
                types.computeIfAbsent(b.get("node"), k -> new LinkedHashSet<>()).add(b.get("type").getLiteralLexicalForm());
        }
        List<CodedEventView.Actor> actors = new ArrayList<>();
        addActor(actors, w.actor1(), byRole.get(ENT.node(ENT.actor1)), first, types, linker);
        addActor(actors, w.actor2(), byRole.get(ENT.node(ENT.actor2)), first, types, linker);
        List<CodedEventView.Place> places = new ArrayList<>();
        addPlace(places, w.place(), byRole.get(ENT.node(ENT.place)), first);
        addPlace(places, w.actor1Place(), byRole.get(ENT.node(ENT.actor1Place)), first);
        addPlace(places, w.actor2Place(), byRole.get(ENT.node(ENT.actor2Place)), first);
        Node article = byRole.get(ENT.node(ENT.reportedIn));
        Link source = null;
        if (article != null) {
            String url = text(first.get(article), "url");
            source = url.startsWith("http://") || url.startsWith("https://") ? new Link(url, url, true) : Link.plain(url);
        }
        String coverage = lexical(d, ENT.mentionCount) + " / " + lexical(d, ENT.sourceCount) + " / " + lexical(d, ENT.articleCount);
        return new CodedEventView(w, named(linker, levels.get(levels.size() - 1)), named(linker, levels.get(0)),
                                  // A three-digit code is its own base code: the base is shown for finer codes only.
                                  levels.size() > 2 ? named(linker, levels.get(1)) : null,
                                  linker.linkOrNull(d.first(ev, ENT.node(ENT.quadClass))), lexical(d, ENT.date), actors, places,
                                  lexical(d, ENT.goldstein), lexical(d, ENT.averageTone), coverage, source);
    }

    /** The concepts of a code from its root down: 08, 087, 0871. */
    private static List<Node> codes(Node code) {
        String c = code.getURI().substring(CameoScheme.NS.length());
        List<Node> out = new ArrayList<>();
        for (int len = 2; len <= c.length(); len++)
            if (len == 2 || len == 3 || len == c.length())
                out.add(CameoScheme.code(c.substring(0, len)));
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /** A CAMEO concept in words, with its code: "visit made (042)". */
    private static Link named(Linker linker, Node concept) {
        String c = concept.getURI().substring(CameoScheme.NS.length());
        return new Link(CameoScheme.label(c) + " (" + c + ")", linker.link(concept).href(), false);
    }

    private static void addActor(List<CodedEventView.Actor> out, String role, Node node, Map<Node, Binding> first,
                                 Map<Node, Set<String>> types, Linker linker) {
        if (node == null)
            return;
        Binding b = first.get(node);
        Node country = b.get("country");
        out.add(new CodedEventView.Actor(role, linker.link(node), text(b, "code"), linker.linkOrNull(country),
                                         String.join(" ", types.getOrDefault(node, Set.of()))));
    }

    private static void addPlace(List<CodedEventView.Place> out, String role, Node node, Map<Node, Binding> first) {
        if (node == null)
            return;
        Binding b = first.get(node);
        String lat = text(b, "lat"), lon = text(b, "long");
        out.add(new CodedEventView.Place(role, text(b, "name"), text(b, "fips"), lat.isEmpty() || lon.isEmpty() ? "" : lat + ", " + lon));
    }

    private static String text(Binding b, String var) {
        Node n = b.get(var);
        return n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private static String lexical(Description d, org.apache.jena.rdf.model.Property p) {
        Node n = d.first(d.resource(), ENT.node(p));
        return n == null ? "–" : n.getLiteralLexicalForm();
    }
}
