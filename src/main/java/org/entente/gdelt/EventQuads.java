package org.entente.gdelt;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.entente.load.SourceFileLib;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/**
 * Writes one GDELT event as quads of a file's graph, in the Entente ontology:
 * <pre>
 *   event:gdelt-1234 a ent:CodedEvent, ent:StateVisit ;
 *       ent:gdeltId 1234 ; ent:date "2025-03-04"^^xsd:date ; ent:cameoCode cameo:042 ; ent:quadClass cameo:quad-1 ;
 *       ent:goldstein 1.9 ; ent:mentionCount 6 ; ent:sourceCount 1 ; ent:articleCount 6 ; ent:averageTone -1.5 ;
 *       ent:rootEvent true ; ent:actor1 state:usa ; ent:actor2 actor:gdelt-{digest} ; ent:place place:gdelt-... ;
 *       ent:actor1Place place:gdelt-... ; ent:actor2Place place:gdelt-... ;
 *       ent:reportedIn source:article/... ; ent:certainty cert:reported .
 * </pre>
 * The certainty is always "reported": the rows are machine-coded from news text, and nothing in them
 * is confirmed by anyone.
 */
final class EventQuads {
    private static final String ID = EntenteSys.ID_BASE;
    private static final Node REPORTED = NodeFactory.createURI(ID + "concept/certainty/reported");
    private static final Node SCHEMA_URL = NodeFactory.createURI("https://schema.org/url");
    private static final Node SCHEMA_LAT = NodeFactory.createURI("https://schema.org/latitude");
    private static final Node SCHEMA_LONG = NodeFactory.createURI("https://schema.org/longitude");

    /*
     * CAMEO codes that are also one of the ontology's own event classes, and why:
     * 036 (intent to meet or negotiate) and 044 (meeting at a third place) are ent:Meeting, which
     * covers meetings held, planned or only wished for; 046 (negotiation) is ent:Negotiation;
     * 042 and 043 (a visit made or hosted) are ent:StateVisit only when both sides are states or
     * belong to one, since a visit by a rebel group or a company is no state visit. Others stay
     * ent:CodedEvent only: 057 (agreement signed) has no event class (an agreement is a document,
     * not a happening), 111 (criticism) is a stance rather than an event, and a clash (19x) is not a war.
     */
    private static final Set<String> MEETING = Set.of("036", "044");
    private static final Set<String> NEGOTIATION = Set.of("046");
    private static final Set<String> VISIT = Set.of("042", "043");

    private EventQuads() {}

    /** The IRI of the event with this GLOBALEVENTID: {@code .../id/event/gdelt-{id}}. */
    static Node eventIri(long id) {
        return NodeFactory.createURI(ID + "event/gdelt-" + id);
    }

    /**
     * What one graph has been sent already of the nodes that rows share (actors, places, articles): a
     * node described twice in one graph with the same values gives the same quads again, which the
     * store would only find present. Bounded: past the limit, descriptions are sent again (still
     * right, only slower), so memory does not grow with the file beyond it.
     */
    static final class Shared {
        static final int LIMIT = 200_000;
        private final Set<GdeltPlace> places = new HashSet<>();
        private final Map<String, Node> articles = new HashMap<>();
        private final Map<GdeltActor, Node> actors = new HashMap<>();

        Node actor(GdeltActor a) {
            return actors.get(a);
        }

        void actorSent(GdeltActor a, Node n) {
            if (actors.size() < LIMIT)
                actors.put(a, n);
        }

        /** True the first time this place (all its values) is seen in the graph, or past the limit. */
        boolean firstPlace(GdeltPlace p) {
            return places.size() >= LIMIT ? !places.contains(p) : places.add(p);
        }

        Node article(String url) {
            return articles.get(url);
        }

        void articleSent(String url, Node n) {
            if (articles.size() < LIMIT)
                articles.put(url, n);
        }
    }

    static void write(StreamRDF out, Node g, GdeltEvent e) {
        write(out, g, e, new Shared());
    }

    static void write(StreamRDF out, Node g, GdeltEvent e, Shared shared) {
        Node ev = eventIri(e.id());
        Emitter w = new Emitter(out, g);
        w.add(ev, RDF.type.asNode(), ENT.node(ENT.CodedEvent));
        Node a1 = actor(w, e.actor1(), shared);
        Node a2 = actor(w, e.actor2(), shared);
        if (MEETING.contains(e.eventCode()))
            w.add(ev, RDF.type.asNode(), ENT.node(ENT.Meeting));
        if (NEGOTIATION.contains(e.eventCode()))
            w.add(ev, RDF.type.asNode(), ENT.node(ENT.Negotiation));
        if (VISIT.contains(e.eventCode()) && stateSide(e.actor1()) && stateSide(e.actor2()))
            w.add(ev, RDF.type.asNode(), ENT.node(ENT.StateVisit));
        w.add(ev, RDFS.label.asNode(), NodeFactory.createLiteralString(label(e)));
        w.add(ev, ENT.node(ENT.gdeltId), typed(Long.toString(e.id()), XSDDatatype.XSDlong));
        w.add(ev, ENT.node(ENT.date), typed(e.date().toString(), XSDDatatype.XSDdate));
        w.add(ev, ENT.node(ENT.cameoCode), CameoScheme.code(e.eventCode()));
        w.add(ev, ENT.node(ENT.quadClass), CameoScheme.quadClass(e.quadClass()));
        if (e.goldstein() != null)
            w.add(ev, ENT.node(ENT.goldstein), decimal(e.goldstein()));
        w.add(ev, ENT.node(ENT.mentionCount), typed(Long.toString(e.mentions()), XSDDatatype.XSDinteger));
        w.add(ev, ENT.node(ENT.sourceCount), typed(Long.toString(e.sources()), XSDDatatype.XSDinteger));
        w.add(ev, ENT.node(ENT.articleCount), typed(Long.toString(e.articles()), XSDDatatype.XSDinteger));
        if (e.tone() != null)
            w.add(ev, ENT.node(ENT.averageTone), decimal(e.tone()));
        w.add(ev, ENT.node(ENT.rootEvent), typed(Boolean.toString(e.rootEvent()), XSDDatatype.XSDboolean));
        if (a1 != null)
            w.add(ev, ENT.node(ENT.actor1), a1);
        if (a2 != null)
            w.add(ev, ENT.node(ENT.actor2), a2);
        if (e.place() != null)
            w.add(ev, ENT.node(ENT.place), place(w, e, e.place(), "", shared));
        if (e.actor1Place() != null)
            w.add(ev, ENT.node(ENT.actor1Place), place(w, e, e.actor1Place(), "-1", shared));
        if (e.actor2Place() != null)
            w.add(ev, ENT.node(ENT.actor2Place), place(w, e, e.actor2Place(), "-2", shared));
        if (e.sourceUrl() != null)
            w.add(ev, ENT.node(ENT.reportedIn), article(w, e.sourceUrl(), shared));
        w.add(ev, ENT.node(ENT.certainty), REPORTED);
    }

    /** True if the side is a state or belongs to one. */
    private static boolean stateSide(GdeltActor a) {
        return a != null && CameoCountries.territory(a.country()).isPresent();
    }

    /**
     * The node for one side: the territory itself when the actor is a country and nothing more (code
     * USA, no type), else an actor node ({@code .../id/actor/gdelt-{digest of all its coded values}})
     * with its name, codes and the territory it belongs to. Events coded with the same actor (same
     * code, name and parts) share its node, described once per graph; two names for one code are two
     * nodes, so a node never has two names. Every graph that uses a node describes it, so it comes and
     * goes with the graphs.
     */
    private static Node actor(Emitter w, GdeltActor a, Shared shared) {
        if (a == null)
            return null;
        Optional<Node> territory = CameoCountries.territory(a.country());
        if (a.isCountryOnly() && territory.isPresent())
            return territory.get();
        Node sent = shared.actor(a);
        if (sent != null)
            return sent;
        Node n = NodeFactory.createURI(ID + "actor/gdelt-" + SourceFileLib.sha256(actorKey(a)).substring(0, 24));
        shared.actorSent(a, n);
        w.add(n, RDF.type.asNode(), ENT.node(ENT.CodedActor));
        w.add(n, RDFS.label.asNode(), NodeFactory.createLiteralString(actorLabel(a)));
        if (a.code() != null)
            w.add(n, ENT.node(ENT.cameoActorCode), NodeFactory.createLiteralString(a.code()));
        if (a.country() != null)
            w.add(n, ENT.node(ENT.cameoCountryCode), NodeFactory.createLiteralString(a.country()));
        territory.ifPresent(t -> w.add(n, ENT.node(ENT.actorCountry), t));
        if (a.knownGroup() != null)
            w.add(n, ENT.node(ENT.knownGroup), NodeFactory.createLiteralString(a.knownGroup()));
        if (a.ethnic() != null)
            w.add(n, ENT.node(ENT.ethnicCode), NodeFactory.createLiteralString(a.ethnic()));
        a.religions().forEach(r -> w.add(n, ENT.node(ENT.religionCode), NodeFactory.createLiteralString(r)));
        a.types().forEach(t -> w.add(n, ENT.node(ENT.actorType), NodeFactory.createLiteralString(t)));
        return n;
    }

    /** All the coded values of an actor, one per line: what tells two actors apart. */
    private static String actorKey(GdeltActor a) {
        return String.join("\n", String.valueOf(a.code()), String.valueOf(a.name()), String.valueOf(a.country()),
                           String.valueOf(a.knownGroup()), String.valueOf(a.ethnic()), String.join(",", a.religions()),
                           String.join(",", a.types()));
    }

    private static String actorLabel(GdeltActor a) {
        return a.name() != null ? a.name() : a.code();
    }

    /**
     * A place node: shared by feature id ({@code .../id/place/gdelt-{feature id}}), or the event's
     * own when the geocoder gave a name but no feature id ({@code gdelt-event-{id}}, with {@code side}
     * "-1" or "-2" for an actor's place).
     */
    private static Node place(Emitter w, GdeltEvent e, GdeltPlace p, String side, Shared shared) {
        String key = p.featureId() != null ? p.featureId().replaceAll("[^A-Za-z0-9-]", "-") : "event-" + e.id() + side;
        Node n = NodeFactory.createURI(ID + "place/gdelt-" + key);
        // A place of the event's own is never seen again; a shared one is described once per graph
        // for each set of values the rows give it (the same quads each time).
        if (p.featureId() != null && !shared.firstPlace(p))
            return n;
        w.add(n, RDF.type.asNode(), ENT.node(ENT.Place));
        w.add(n, RDFS.label.asNode(), NodeFactory.createLiteralString(p.name() != null ? p.name() : p.featureId()));
        if (p.featureId() != null)
            w.add(n, ENT.node(ENT.featureId), NodeFactory.createLiteralString(p.featureId()));
        if (p.fipsCountry() != null && p.fipsCountry().matches("[A-Z0-9]{2}"))
            w.add(n, ENT.node(ENT.fipsCountryCode), NodeFactory.createLiteralString(p.fipsCountry()));
        if (p.latitude() != null)
            w.add(n, SCHEMA_LAT, decimal(p.latitude()));
        if (p.longitude() != null)
            w.add(n, SCHEMA_LONG, decimal(p.longitude()));
        return n;
    }

    /**
     * The news article as an ent:Source, {@code .../id/source/article/{digest of the URL}}. The URL is
     * kept as an xsd:anyURI literal: GDELT's URLs are as the web wrote them, and not all are valid IRIs.
     */
    private static Node article(Emitter w, String url, Shared shared) {
        Node sent = shared.article(url);
        if (sent != null)
            return sent;
        Node n = NodeFactory.createURI(ID + "source/article/" + SourceFileLib.sha256(url).substring(0, 24));
        shared.articleSent(url, n);
        w.add(n, RDF.type.asNode(), ENT.node(ENT.Source));
        w.add(n, RDFS.label.asNode(), NodeFactory.createLiteralString(url));
        w.add(n, SCHEMA_URL, typed(url, XSDDatatype.XSDanyURI));
        return n;
    }

    /** "visit made: UNITED STATES, CHINA (2025-03-04)". */
    private static String label(GdeltEvent e) {
        StringBuilder b = new StringBuilder(CameoScheme.label(e.eventCode()));
        if (e.actor1() != null || e.actor2() != null) {
            b.append(": ").append(e.actor1() != null ? actorLabel(e.actor1()) : "?");
            if (e.actor2() != null)
                b.append(", ").append(actorLabel(e.actor2()));
        }
        return b.append(" (").append(e.date()).append(')').toString();
    }

    private static Node decimal(BigDecimal d) {
        String s = d.toPlainString();
        return typed(s.contains(".") ? s : s + ".0", XSDDatatype.XSDdecimal);
    }

    private static Node typed(String lex, RDFDatatype dt) {
        return NodeFactory.createLiteralDT(lex, dt);
    }

    /** Sends quads of one graph to a stream. */
    private record Emitter(StreamRDF out, Node g) {
        void add(Node s, Node p, Node o) {
            out.quad(Quad.create(g, s, p, o));
        }
    }
}
