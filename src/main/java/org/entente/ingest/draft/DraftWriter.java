package org.entente.ingest.draft;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.entente.ingest.extract.ArticleEvent;
import org.entente.ingest.extract.Extraction;
import org.entente.ingest.extract.ParticipationDraft;
import org.entente.ingest.extract.Quote;
import org.entente.ingest.extract.StanceDraft;
import org.entente.ingest.extract.TieDraft;
import org.entente.ingest.link.Mention;
import org.entente.ingest.link.Thing;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/**
 * Writes an extraction as a draft: the article as an {@code ent:Source} in its own named graph (the
 * graph's IRI is the source's), its text as a NIF context, and each proposal in the Entente ontology
 * with its quotes, confidence and evidence.
 * <p>
 * Evidence is NIF 2.0: each quote and each linked mention is a {@code nif:OffsetBasedString} named
 * {@code SOURCE#char=B,E} with {@code nif:beginIndex}, {@code nif:endIndex} and {@code nif:anchorOf},
 * in the source's text ({@code nif:referenceContext}). Offsets count Unicode code points, as NIF and
 * RFC 5147 do, not Java {@code char}s. A linked mention names its thing with {@code itsrdf:taIdentRef}
 * and the things it was not with {@code ent:alternative}. Things the store does not have carry
 * {@code ent:reviewState review:proposed}: the SHACL gate refuses them until a person sets it to
 * {@code review:reviewed}.
 */
public final class DraftWriter {
    public static final String NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    public static final String ITSRDF = "http://www.w3.org/2005/11/its/rdf#";
    public static final String SCHEMA = "https://schema.org/";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String CONCEPT = EntenteSys.ID_BASE + "concept/";
    public static final String PROPOSED = CONCEPT + "review-state/proposed";
    public static final String REVIEWED = CONCEPT + "review-state/reviewed";

    private final String source;
    private final String text;
    private final Node graph;
    private final DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    private final Set<String> written = new LinkedHashSet<>();

    private DraftWriter(String source, String text) {
        this.source = source;
        this.text = text;
        this.graph = iri(source);
        var p = dsg.prefixes();
        p.add("ent", ENT.NS);
        p.add("rdfs", RDFS.getURI());
        p.add("xsd", "http://www.w3.org/2001/XMLSchema#");
        p.add("dct", DCT);
        p.add("schema", SCHEMA);
        p.add("nif", NIF);
        p.add("itsrdf", ITSRDF);
        p.add("source", EntenteSys.ID_BASE + "source/");
        for (String kind : new String[] { "state", "person", "organization", "group", "place", "event", "participation", "stance", "tie" })
            p.add(kind.equals("organization") ? "org" : kind.equals("participation") ? "part" : kind, EntenteSys.ID_BASE + kind + "/");
        p.add("status", CONCEPT + "participation-status/");
        p.add("role", CONCEPT + "role/");
        p.add("cert", CONCEPT + "certainty/");
        p.add("stt", CONCEPT + "stance-type/");
        p.add("tiet", CONCEPT + "tie-type/");
        p.add("review", CONCEPT + "review-state/");
    }

    /** The article's metadata. */
    public record Meta(String title, String url, String publisher, LocalDate published, String localCopy) {}

    /** The draft of one article, in memory. */
    public static DatasetGraph write(String sourceIri, Extraction x, Meta meta) {
        DraftWriter w = new DraftWriter(sourceIri, x.text().text());
        w.source(meta);
        for (ParticipationDraft p : x.participations())
            w.participation(p);
        for (StanceDraft s : x.stances())
            w.stance(s);
        for (TieDraft t : x.ties())
            w.tie(t);
        return w.dsg;
    }

    private void source(Meta meta) {
        Node s = graph;
        add(s, RDF.type.asNode(), iri(ENT.NS + "Source"));
        add(s, RDF.type.asNode(), iri(SCHEMA + "NewsArticle"));
        add(s, RDF.type.asNode(), iri(NIF + "Context"));
        String label = meta.title() != null ? meta.title() : "News report: " + firstLine();
        add(s, RDFS.label.asNode(), en(label));
        add(s, iri(DCT + "language"), NodeFactory.createLiteralString("en"));
        if (meta.url() != null)
            add(s, iri(SCHEMA + "url"), iri(meta.url()));
        if (meta.publisher() != null)
            add(s, iri(DCT + "publisher"), NodeFactory.createLiteralString(meta.publisher()));
        if (meta.published() != null)
            add(s, iri(ENT.NS + "published"), NodeFactory.createLiteralDT(meta.published().toString(), XSDDatatype.XSDdate));
        if (meta.localCopy() != null)
            add(s, iri(ENT.NS + "localCopy"), NodeFactory.createLiteralString(meta.localCopy()));
        add(s, iri(NIF + "isString"), NodeFactory.createLiteralString(text));
        add(s, iri(NIF + "beginIndex"), integer(0));
        add(s, iri(NIF + "endIndex"), integer(text.codePointCount(0, text.length())));
    }

    private String firstLine() {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, line.offsetByCodePoints(0, 117)) + "..." : line;
    }

    private void participation(ParticipationDraft p) {
        String eventIri = event(p.event());
        Node n = iri(EntenteSys.ID_BASE + "participation/" + thing(p.participant()).slug() + "-" + slugOf(eventIri));
        add(n, RDF.type.asNode(), iri(ENT.NS + "Participation"));
        add(n, RDFS.label.asNode(), en(p.participant().label() + " at " + label(p.event())));
        add(n, iri(ENT.NS + "participant"), iri(p.participant().iri()));
        add(n, iri(ENT.NS + "event"), iri(eventIri));
        for (String role : p.roles())
            add(n, iri(ENT.NS + "role"), iri(CONCEPT + "role/" + role));
        if (p.representing() != null)
            add(n, iri(ENT.NS + "representing"), iri(thing(p.representing()).iri()));
        add(n, iri(ENT.NS + "status"), iri(CONCEPT + "participation-status/" + p.status()));
        common(n, p.certainty(), p.attributedTo(), p.quotes(), p.confidence(), p.mentions());
    }

    private void stance(StanceDraft s) {
        String target = s.toward() != null ? thing(s.toward()).iri() : event(s.towardEvent());
        String targetLabel = s.toward() != null ? s.toward().label() : label(s.towardEvent());
        Node n = iri(EntenteSys.ID_BASE + "stance/" + thing(s.from()).slug() + "-" + s.type() + "-" + slugOf(target));
        add(n, RDF.type.asNode(), iri(ENT.NS + "Stance"));
        add(n, RDFS.label.asNode(), en(s.from().label() + ": " + s.type().replace('-', ' ') + ", toward " + targetLabel));
        add(n, iri(ENT.NS + "from"), iri(s.from().iri()));
        add(n, iri(ENT.NS + "toward"), iri(target));
        add(n, iri(ENT.NS + "stanceType"), iri(CONCEPT + "stance-type/" + s.type()));
        common(n, s.certainty(), s.attributedTo(), s.quotes(), s.confidence(), s.mentions());
    }

    private void tie(TieDraft t) {
        List<Thing> parties = t.parties().stream().map(this::thing).toList();
        Node n = iri(EntenteSys.ID_BASE + "tie/" + parties.get(0).slug() + "-" + parties.get(1).slug() + "-" + t.type());
        add(n, RDF.type.asNode(), iri(ENT.NS + "DiplomaticTie"));
        add(n, RDFS.label.asNode(), en(parties.get(0).label() + " and " + parties.get(1).label() + ": " + t.type().replace('-', ' ')));
        for (Thing p : parties)
            add(n, iri(ENT.NS + "party"), iri(p.iri()));
        add(n, iri(ENT.NS + "tieType"), iri(CONCEPT + "tie-type/" + t.type()));
        if (t.since() != null && t.since().year() != null)
            add(n, iri(ENT.NS + "startDate"), NodeFactory.createLiteralDT(String.valueOf(t.since().year()), XSDDatatype.XSDgYear));
        common(n, t.certainty(), t.attributedTo(), t.quotes(), t.confidence(), t.mentions());
    }

    private void common(Node n, String certainty, Thing attributedTo, List<Quote> quotes, double confidence, List<Mention> mentions) {
        add(n, iri(ENT.NS + "certainty"), iri(CONCEPT + "certainty/" + certainty));
        if (attributedTo != null)
            add(n, iri(ENT.NS + "attributedTo"), iri(thing(attributedTo).iri()));
        for (Quote q : quotes) {
            add(n, iri(ENT.NS + "quote"), en(text.substring(q.begin(), q.end())));
            add(n, iri(ENT.NS + "evidence"), span(q.begin(), q.end()));
        }
        add(n, iri(ENT.NS + "confidence"), NodeFactory.createLiteralDT(String.format(Locale.ROOT, "%.2f", confidence), XSDDatatype.XSDdecimal));
        for (Mention m : mentions)
            mention(m);
    }

    /** A linked mention: its words, the thing it names, the alternatives and how sure the linker is. */
    private void mention(Mention m) {
        if (m.via().equals("represents") || !written.add("mention " + m.begin() + " " + m.end()))
            return;
        Node n = span(m.begin(), m.end());
        Thing th = thing(m.thing());
        add(n, iri(ITSRDF + "taIdentRef"), iri(th.iri()));
        add(n, iri(ENT.NS + "confidence"), NodeFactory.createLiteralDT(String.format(Locale.ROOT, "%.2f", m.confidence()), XSDDatatype.XSDdecimal));
        for (Thing alt : m.alternatives())
            add(n, iri(ENT.NS + "alternative"), iri(alt.iri()));
    }

    /** The NIF string of the text from {@code begin} to {@code end} (Java offsets, written as code points). */
    private Node span(int begin, int end) {
        int b = text.codePointCount(0, begin), e = text.codePointCount(0, end);
        Node n = iri(source + "#char=" + b + "," + e);
        add(n, RDF.type.asNode(), iri(NIF + "OffsetBasedString"));
        add(n, iri(NIF + "beginIndex"), integer(b));
        add(n, iri(NIF + "endIndex"), integer(e));
        add(n, iri(NIF + "anchorOf"), NodeFactory.createLiteralString(text.substring(begin, end)));
        add(n, iri(NIF + "referenceContext"), graph);
        return n;
    }

    /** The IRI of an article event, writing it once: a new one in full, a known one only with the article's words for its time. */
    private String event(ArticleEvent e) {
        String iri = e.iri();
        if (!written.add(iri))
            return iri;
        Node n = iri(iri);
        if (e.time() != null)
            add(n, iri(ENT.NS + "timeDescription"), en(e.time().words()));
        if (e.linked())
            return iri;
        for (String type : e.types())
            add(n, RDF.type.asNode(), iri(ENT.NS + type));
        add(n, RDFS.label.asNode(), en(e.label()));
        if (e.time() != null && e.time().lexical() != null) {
            String lex = e.time().lexical();
            XSDDatatype dt = lex.length() == 10 ? XSDDatatype.XSDdate : lex.length() == 7 ? XSDDatatype.XSDgYearMonth : XSDDatatype.XSDgYear;
            add(n, iri(ENT.NS + "date"), NodeFactory.createLiteralDT(lex, dt));
        } else if (e.year() != null)
            add(n, iri(ENT.NS + "date"), NodeFactory.createLiteralDT(String.valueOf(e.year()), XSDDatatype.XSDgYear));
        if (e.host() != null && e.host().agent())
            add(n, iri(ENT.NS + "host"), iri(thing(e.host()).iri()));
        if (e.place() != null)
            add(n, iri(ENT.NS + "place"), iri(thing(e.place()).iri()));
        for (Quote q : e.quotes()) {
            add(n, iri(ENT.NS + "quote"), en(text.substring(q.begin(), q.end())));
            add(n, iri(ENT.NS + "evidence"), span(q.begin(), q.end()));
        }
        add(n, iri(ENT.NS + "reviewState"), iri(PROPOSED));
        return iri;
    }

    private String label(ArticleEvent e) {
        return e.label();
    }

    /** A thing, written once if it is a proposed new one (typed, labelled, marked for review). */
    private Thing thing(Thing t) {
        if (t.proposed() && written.add(t.iri())) {
            Node n = iri(t.iri());
            add(n, RDF.type.asNode(), iri(ENT.NS + switch (t.kind()) {
                case "person" -> "Person";
                case "organization" -> "Organization";
                case "place" -> "Place";
                case "group" -> "Group";
                default -> "State";
            }));
            add(n, RDFS.label.asNode(), en(t.label()));
            add(n, iri(ENT.NS + "reviewState"), iri(PROPOSED));
        }
        return t;
    }

    private static String slugOf(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    private void add(Node s, Node p, Node o) {
        dsg.add(graph, s, p, o);
    }

    private static Node iri(String s) {
        return NodeFactory.createURI(s);
    }

    private static Node en(String s) {
        return NodeFactory.createLiteralLang(s, "en");
    }

    private static Node integer(int i) {
        return NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDnonNegativeInteger);
    }
}
