package org.entente.browse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.entente.vocab.ENT;

/**
 * The view of one resource for its page: a plain tree of maps and lists that the Mustache template
 * renders (and escapes). N-ary statements become sentences of linked parts, each with its source and
 * certainty; events list participants by status; persons and states get a timeline; a small SVG
 * shows the resource's direct neighbourhood. Build inside a read transaction.
 */
final class PageModel {

    static final List<String> LANGUAGES = List.of("en", "zh", "ko", "ru", "ja");
    private static final Map<String, String> LANGUAGE_NAMES =
        Map.of("en", "English", "zh", "中文", "ko", "한국어", "ru", "Русский", "ja", "日本語");
    private static final Set<Node> NARY = Describer.NARY;
    private static final int SVG_NEIGHBOURS = 14;

    private final DatasetGraph dsg;
    private final IriScheme iris;
    private final Node resource;
    private final String localPath;
    private final Describer.Window window;
    private final LabelCache.Snapshot labelCache;
    private final DatasetGraph description;
    /** The description's quads by subject and by object: a description spans many graphs, and a
     *  general dataset's find over any graph visits each of them. */
    private final Map<Node, List<Quad>> bySubject = new HashMap<>();
    private final Map<Node, List<Quad>> byObject = new HashMap<>();
    private final List<Quad> quads = new ArrayList<>();
    private final List<String> languages;
    private Labels labels;

    PageModel(DatasetGraph dsg, IriScheme iris, Node resource, String localPath, Describer.Window window, List<String> languages,
              LabelCache.Snapshot labelCache) {
        this.labelCache = labelCache;
        this.dsg = dsg;
        this.iris = iris;
        this.resource = resource;
        this.localPath = localPath;
        this.window = window;
        this.description = window.description();
        this.languages = languages;
        description.find().forEachRemaining(q -> {
            quads.add(q);
            bySubject.computeIfAbsent(q.getSubject(), k -> new ArrayList<>()).add(q);
            byObject.computeIfAbsent(q.getObject(), k -> new ArrayList<>()).add(q);
        });
    }

    /** The description's quads matching a pattern (any graph); Node.ANY matches anything. */
    private Iterator<Quad> find(Node s, Node p, Node o) {
        List<Quad> from = s.isConcrete() ? bySubject.getOrDefault(s, List.of())
            : o.isConcrete() ? byObject.getOrDefault(o, List.of()) : quads;
        return from.stream().filter(q -> q.matches(Node.ANY, s, p, o)).iterator();
    }

    Map<String, Object> build() {
        List<Binding> timelineRows = BrowseLib.select(dsg, BrowseLib.query("timeline"), Map.of("this", resource));
        Set<Node> toLabel = Labels.mentioned(description);
        timelineRows.forEach(b -> toLabel.add(b.get("target")));
        labels = Labels.load(dsg, toLabel, languages, labelCache);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", labels.of(resource));
        m.put("lang", languages.get(0));
        m.put("iri", resource.getURI());
        m.put("languages", languageLinks());
        m.put("dataLinks", dataLinks());
        m.put("sparqlHref", "/index.html#/dataset/kg/query?query="
                            + URLEncoder.encode("DESCRIBE <" + resource.getURI() + ">", StandardCharsets.UTF_8));
        m.put("types", types());
        m.put("wikidata", wikidata());
        m.put("properties", properties());
        List<Map<String, Object>> statements = statements();
        m.put("statements", statements);
        m.put("hasStatements", !statements.isEmpty());
        List<Map<String, Object>> byStatus = participantsByStatus();
        m.put("byStatus", byStatus);
        m.put("hasByStatus", !byStatus.isEmpty());
        m.put("pager", pager());
        List<Map<String, Object>> timeline = timeline(timelineRows);
        m.put("timeline", timeline);
        m.put("hasTimeline", !timeline.isEmpty());
        List<Map<String, Object>> incoming = incoming();
        m.put("incoming", incoming);
        m.put("hasIncoming", !incoming.isEmpty());
        m.put("dataTurtle", "/data/" + localPath + ".ttl");
        m.put("query", "");
        m.put("svg", svg());
        return m;
    }

    // ---- parts

    private List<Map<String, Object>> languageLinks() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String l : LANGUAGES)
            out.add(Map.of("code", l, "name", LANGUAGE_NAMES.get(l), "href", "/page/" + localPath + "?lang=" + l,
                           "current", l.equals(languages.get(0))));
        return out;
    }

    private List<Map<String, Object>> dataLinks() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RdfFormat f : RdfFormat.values())
            if (f != RdfFormat.HTML)
                out.add(Map.of("name", f.extension(), "href", "/data/" + localPath + "." + f.extension(), "type", f.mediaType()));
        return out;
    }

    private List<Map<String, Object>> types() {
        Set<Node> seen = new LinkedHashSet<>();
        find(resource, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> seen.add(q.getObject()));
        return seen.stream().map(this::link).toList();
    }

    private List<Map<String, Object>> wikidata() {
        List<Map<String, Object>> out = new ArrayList<>();
        find(resource, OWL.sameAs.asNode(), Node.ANY).forEachRemaining(q -> {
            Node o = q.getObject();
            if (o.isURI() && o.getURI().startsWith("http://www.wikidata.org/entity/"))
                out.add(Map.of("href", o.getURI().replace("http://www.wikidata.org/entity/", "https://www.wikidata.org/wiki/"),
                               "id", o.getURI().substring(o.getURI().lastIndexOf('/') + 1)));
        });
        return out;
    }

    /** The resource's own statements, grouped by property, each value with its source. */
    private List<Map<String, Object>> properties() {
        Map<Node, List<Map<String, Object>>> byPredicate = new LinkedHashMap<>();
        find(resource, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (q.getPredicate().equals(RDF.type.asNode()) || q.getPredicate().equals(OWL.sameAs.asNode()))
                return;
            Map<String, Object> v = value(q.getObject());
            v.put("source", labels.of(q.getGraph()));
            iris.href(q.getGraph()).ifPresent(h -> v.put("sourceHref", h));
            byPredicate.computeIfAbsent(q.getPredicate(), k -> new ArrayList<>()).add(v);
        });
        List<Map<String, Object>> out = new ArrayList<>();
        byPredicate.forEach((p, values) -> {
            // Labels in other languages are noise for the reader: keep theirs (or English) first.
            values.sort(Comparator.comparing(v -> rankLang((String) v.get("valueLang"))));
            out.add(Map.of("predicate", labels.of(p), "predicateIri", p.getURI(), "values", values));
        });
        out.sort(Comparator.comparing(x -> (String) x.get("predicate")));
        return out;
    }

    private int rankLang(String lang) {
        if (lang == null || lang.isEmpty())
            return 0;
        int i = languages.indexOf(lang);
        return i < 0 ? languages.size() + 1 : i;
    }

    /** The n-ary statements the resource takes part in, as sentences. */
    private List<Map<String, Object>> statements() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node node : naryNodes()) {
            Node cls = first(node, RDF.type.asNode());
            List<Map<String, Object>> parts = sentence(node, cls);
            Map<String, Object> st = blank();
            st.put("kind", cls == null ? "" : labels.of(cls));
            st.put("parts", parts);
            st.put("href", iris.href(node).orElse(null));
            Node graph = graphOf(node);
            st.put("source", graph == null ? "" : labels.of(graph));
            st.put("sourceHref", graph == null ? null : iris.href(graph).orElse(null));
            Node cert = first(node, ENT.node(ENT.certainty));
            st.put("certainty", cert == null ? null : labels.of(cert));
            Node by = first(node, ENT.node(ENT.attributedTo));
            st.put("attributedTo", by == null ? null : link(by));
            List<String> quotes = new ArrayList<>();
            find(node, ENT.node(ENT.quote), Node.ANY).forEachRemaining(q -> quotes.add(q.getObject().getLiteralLexicalForm()));
            st.put("quotes", quotes);
            out.add(st);
        }
        return out;
    }

    private List<Node> naryNodes() {
        Set<Node> out = new LinkedHashSet<>();
        find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> {
            if (NARY.contains(q.getObject()) && !q.getSubject().equals(resource))
                out.add(q.getSubject());
        });
        Node ownType = first(resource, RDF.type.asNode());
        if (ownType != null && NARY.contains(ownType))
            out.add(resource);
        List<Node> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(n -> labels.of(typeOrSelf(n)) + " " + labels.of(n)));
        return sorted;
    }

    private List<Map<String, Object>> sentence(Node n, Node cls) {
        List<Map<String, Object>> p = new ArrayList<>();
        if (cls == null)
            return List.of(text(labels.of(n)));
        String c = cls.getURI();
        if (c.equals(ENT.Participation.getURI())) {
            add(p, first(n, ENT.node(ENT.participant)));
            p.add(text(" — " + String.join(", ", all(n, ENT.node(ENT.role)).stream().map(labels::of).toList()) + " — "));
            add(p, first(n, ENT.node(ENT.event)));
            Node rep = first(n, ENT.node(ENT.representing));
            if (rep != null) {
                p.add(text(" — for "));
                add(p, rep);
            }
            p.add(text(" — status: "));
            add(p, first(n, ENT.node(ENT.status)));
        } else if (c.equals(ENT.Tenure.getURI())) {
            add(p, first(n, ENT.node(ENT.holder)));
            p.add(text(" — "));
            add(p, first(n, ENT.node(ENT.office)));
            p.add(text(" — from " + lexical(first(n, ENT.node(ENT.startDate)))));
            Node end = first(n, ENT.node(ENT.endDate));
            p.add(text(end == null ? " (in office)" : " to " + lexical(end)));
        } else if (c.equals(ENT.DiplomaticTie.getURI())) {
            List<Node> parties = all(n, ENT.node(ENT.party));
            for (int i = 0; i < parties.size(); i++) {
                if (i > 0)
                    p.add(text(" and "));
                add(p, parties.get(i));
            }
            p.add(text(": "));
            add(p, first(n, ENT.node(ENT.tieType)));
            Node topic = first(n, ENT.node(ENT.topic));
            if (topic != null)
                p.add(text(" on " + lexical(topic)));
            Node about = first(n, ENT.node(ENT.concerns));
            if (about != null) {
                p.add(text(" over "));
                add(p, about);
            }
            Node since = first(n, ENT.node(ENT.startDate));
            if (since != null)
                p.add(text(" since " + lexical(since)));
        } else if (c.equals(ENT.Stance.getURI())) {
            add(p, first(n, ENT.node(ENT.from)));
            p.add(text(" — "));
            add(p, first(n, ENT.node(ENT.stanceType)));
            p.add(text(" — "));
            add(p, first(n, ENT.node(ENT.toward)));
            Node reason = first(n, ENT.node(ENT.reason));
            if (reason != null)
                p.add(text(" — over “" + lexical(reason) + "”"));
        } else if (c.equals(ENT.Assessment.getURI())) {
            p.add(text("“" + lexical(first(n, ENT.node(ENT.text))) + "” — about "));
            List<Node> about = all(n, ENT.node(ENT.concerns));
            for (int i = 0; i < about.size(); i++) {
                if (i > 0)
                    p.add(text(", "));
                add(p, about.get(i));
            }
        } else {
            p.add(text(labels.of(n)));
        }
        return p;
    }

    /** For an event: who takes part, grouped by status. */
    private List<Map<String, Object>> participantsByStatus() {
        Map<String, List<Map<String, Object>>> groups = new TreeMap<>();
        find(Node.ANY, ENT.node(ENT.event), resource).forEachRemaining(q -> {
            Node part = q.getSubject();
            Node who = first(part, ENT.node(ENT.participant));
            Node status = first(part, ENT.node(ENT.status));
            if (who == null || status == null)
                return;
            Map<String, Object> entry = link(who);
            entry.put("role", String.join(", ", all(part, ENT.node(ENT.role)).stream().map(labels::of).toList()));
            Node cert = first(part, ENT.node(ENT.certainty));
            entry.put("certainty", cert == null ? null : labels.of(cert));
            Node by = first(part, ENT.node(ENT.attributedTo));
            entry.put("attributedTo", by == null ? null : labels.of(by));
            Node g = graphOf(part);
            entry.put("source", g == null ? null : labels.of(g));
            entry.put("sourceHref", g == null ? null : iris.href(g).orElse(null));
            groups.computeIfAbsent(labels.of(status), k -> new ArrayList<>()).add(entry);
        });
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((status, people) -> out.add(Map.of("status", status, "people", people)));
        return out;
    }

    /**
     * Dated entries: offices (from the store) and, from the statements on this page, the events the
     * resource took part in (with their status) and the ties it entered, in date order.
     */
    private List<Map<String, Object>> timeline(List<Binding> offices) {
        record Entry(Node date, String what, Node target) {}
        List<Entry> entries = new ArrayList<>();
        offices.forEach(b -> entries.add(new Entry(b.get("date"), lexical(b.get("what")), b.get("target"))));
        Map<Node, Node> statusOfEvent = new LinkedHashMap<>();
        for (Node n : naryNodes()) {
            Node cls = typeOrSelf(n);
            if (cls.equals(ENT.node(ENT.Participation)) && (resource.equals(first(n, ENT.node(ENT.participant)))
                                                             || resource.equals(first(n, ENT.node(ENT.representing))))) {
                Node event = first(n, ENT.node(ENT.event)), status = first(n, ENT.node(ENT.status));
                if (event != null && status != null)
                    statusOfEvent.put(event, status);
            } else if (cls.equals(ENT.node(ENT.DiplomaticTie)) && all(n, ENT.node(ENT.party)).contains(resource)) {
                Node start = first(n, ENT.node(ENT.startDate)), type = first(n, ENT.node(ENT.tieType));
                if (start != null && type != null)
                    entries.add(new Entry(start, "tie", type));
            }
        }
        if (!statusOfEvent.isEmpty())
            BrowseLib.selectValues(dsg, BrowseLib.query("dates"), "e", new ArrayList<>(statusOfEvent.keySet()), Map.of(),
                                   b -> entries.add(new Entry(b.get("date"), labels.of(statusOfEvent.get(b.get("e"))), b.get("e"))));
        entries.sort(Comparator.comparing((Entry e) -> lexical(e.date())).thenComparing(Entry::what));
        List<Map<String, Object>> out = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (Entry e : entries) {
            if (!seen.add(List.of(e.date(), e.what(), e.target())))
                continue;
            Map<String, Object> m = link(e.target());
            m.put("date", lexical(e.date()));
            m.put("what", e.what());
            out.add(m);
        }
        return out;
    }

    /** Where this page's window of linked statements lies among all of them, with links to the others. */
    private Map<String, Object> pager() {
        Map<String, Object> m = new LinkedHashMap<>();
        int total = window.linked(), from = window.offset(), shown = window.window().size(), size = window.size();
        m.put("paged", total > size);
        m.put("from", from + 1);
        m.put("to", from + shown);
        m.put("total", total);
        String base = "/page/" + localPath + "?lang=" + languages.get(0) + "&page=";
        int page = from / size + 1;
        if (from > 0)
            m.put("prev", base + (page - 1));
        if (shown == size && from + shown < total)
            m.put("next", base + (page + 1));
        return m;
    }

    /** What points to the resource, except n-ary statements (shown as sentences). */
    private List<Map<String, Object>> incoming() {
        Map<Node, Set<Node>> byPredicate = new LinkedHashMap<>();
        Set<Node> nary = new LinkedHashSet<>(naryNodes());
        find(Node.ANY, Node.ANY, resource).forEachRemaining(q -> {
            if (!q.getSubject().equals(resource) && !nary.contains(q.getSubject()))
                byPredicate.computeIfAbsent(q.getPredicate(), k -> new LinkedHashSet<>()).add(q.getSubject());
        });
        List<Map<String, Object>> out = new ArrayList<>();
        byPredicate.forEach((p, subjects) -> out.add(Map.of("predicate", "is " + labels.of(p) + " of",
                                                            "subjects", subjects.stream().map(this::link).toList())));
        return out;
    }

    /** The resource in the middle, its direct neighbours around it. */
    private Map<String, Object> svg() {
        Map<Node, String> neighbours = new LinkedHashMap<>();
        find(resource, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI() && !q.getPredicate().equals(RDF.type.asNode()) && !q.getPredicate().equals(OWL.sameAs.asNode()))
                neighbours.putIfAbsent(q.getObject(), labels.of(q.getPredicate()));
        });
        find(Node.ANY, Node.ANY, resource).forEachRemaining(q -> {
            if (!q.getSubject().equals(resource)) {
                // An n-ary statement links to the thing at its other end.
                Node other = otherEnd(q.getSubject());
                neighbours.putIfAbsent(other, other.equals(q.getSubject()) ? labels.of(q.getPredicate()) : labels.of(typeOrSelf(q.getSubject())));
            }
        });
        neighbours.remove(resource);
        List<Map.Entry<Node, String>> list = new ArrayList<>(neighbours.entrySet()).subList(0, Math.min(SVG_NEIGHBOURS, neighbours.size()));
        int w = 640, h = 420, cx = w / 2, cy = h / 2, r = 160;
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            double a = 2 * Math.PI * i / Math.max(1, list.size()) - Math.PI / 2;
            int x = (int) Math.round(cx + r * Math.cos(a)), y = (int) Math.round(cy + r * 0.8 * Math.sin(a));
            Map<String, Object> nd = link(list.get(i).getKey());
            nd.put("x", x);
            nd.put("y", y);
            nd.put("short", shorten((String) nd.get("label")));
            nodes.add(nd);
            edges.add(Map.of("x1", cx, "y1", cy, "x2", x, "y2", y, "mx", (cx + x) / 2, "my", (cy + y) / 2,
                             "label", shorten(list.get(i).getValue())));
        }
        return Map.of("width", w, "height", h, "cx", cx, "cy", cy, "center", shorten(labels.of(resource)),
                      "nodes", nodes, "edges", edges, "empty", nodes.isEmpty());
    }

    private Node otherEnd(Node nary) {
        Node cls = first(nary, RDF.type.asNode());
        if (cls == null || !NARY.contains(cls))
            return nary;
        for (Node p : List.of(ENT.node(ENT.event), ENT.node(ENT.office), ENT.node(ENT.participant), ENT.node(ENT.holder),
                              ENT.node(ENT.toward), ENT.node(ENT.from), ENT.node(ENT.party), ENT.node(ENT.concerns))) {
            for (Node o : all(nary, p))
                if (!o.equals(resource) && o.isURI())
                    return o;
        }
        return nary;
    }

    // ---- small helpers

    private Node first(Node s, Node p) {
        var it = find(s, p, Node.ANY);
        Node best = null;
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (best == null || o.toString().compareTo(best.toString()) < 0)
                best = o;
        }
        return best;
    }

    private List<Node> all(Node s, Node p) {
        Set<Node> out = new LinkedHashSet<>();
        find(s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        List<Node> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(labels::of));
        return sorted;
    }

    private Node typeOrSelf(Node n) {
        Node t = first(n, RDF.type.asNode());
        return t == null ? n : t;
    }

    private Node graphOf(Node s) {
        var it = find(s, RDF.type.asNode(), Node.ANY);
        return it.hasNext() ? it.next().getGraph() : null;
    }

    private void add(List<Map<String, Object>> parts, Node n) {
        if (n != null)
            parts.add(link(n));
    }

    /**
     * Every map a template sees has all the keys it may ask for (null when absent): Mustache looks a
     * missing key up in the enclosing scopes, which would borrow a link from the surrounding statement.
     */
    private static Map<String, Object> blank() {
        Map<String, Object> m = new HashMap<>();
        for (String k : List.of("text", "label", "href", "external", "literal", "langTag", "valueLang", "source", "sourceHref",
                                "role", "certainty", "attributedTo", "date", "what"))
            m.put(k, null);
        return m;
    }

    private static Map<String, Object> text(String s) {
        Map<String, Object> m = blank();
        m.put("text", s);
        return m;
    }

    private Map<String, Object> link(Node n) {
        Map<String, Object> m = blank();
        m.put("label", labels.of(n));
        iris.href(n).ifPresent(h -> m.put("href", h));
        m.put("external", iris.href(n).isPresent() && iris.localPath(n).isEmpty());
        return m;
    }

    private Map<String, Object> value(Node o) {
        Map<String, Object> m;
        if (o.isLiteral()) {
            m = blank();
            m.put("literal", o.getLiteralLexicalForm());
            String lang = o.getLiteralLanguage();
            if (!lang.isEmpty()) {
                m.put("valueLang", lang.toLowerCase(java.util.Locale.ROOT).split("-")[0]);
                m.put("langTag", lang);
            }
        } else {
            m = link(o);
        }
        return m;
    }

    private static String lexical(Node n) {
        return n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private static String shorten(String s) {
        return s.length() <= 28 ? s : s.substring(0, 27) + "…";
    }
}
