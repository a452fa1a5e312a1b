package org.entente.federation;

import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.entente.load.SourceFileLib;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/**
 * The world graph being built: each method adds one kind of statement, in the shapes of
 * {@code ontology/shapes.ttl} and with the IRIs of {@code data/reference.trig}.
 * <pre>
 *   office:prk-head-of-state a ent:Office ; rdfs:label "head of state of North Korea"@en ;
 *       ent:officeOf state:prk ; dct:type wd:Q48352 .
 *   tenure:kim-jong-un-prk-head-of-state-2019 a ent:Tenure ; ent:holder person:kim-jong-un ;
 *       ent:office office:prk-head-of-state ; ent:startDate "2019-04-11"^^xsd:date ;
 *       prov:wasDerivedFrom reference:0a1b... ; ent:retrieved "2025-09-01"^^xsd:date .
 *   reference:0a1b... a ent:Reference ; ent:statedIn wd:Q... ; schema:url &lt;https://...&gt; .
 * </pre>
 */
final class WorldGraph {

    static final String PROV = "http://www.w3.org/ns/prov#";
    static final Node WAS_DERIVED_FROM = NodeFactory.createURI(PROV + "wasDerivedFrom");
    static final Node GENERATED_AT = NodeFactory.createURI(PROV + "generatedAtTime");
    static final Node SCHEMA_URL = NodeFactory.createURI("https://schema.org/url");
    static final Node REFERENCE_CERTAINTY = NodeFactory.createURI(EntenteSys.ID_BASE + "concept/certainty/reference");
    static final Node DIPLOMATIC_RELATIONS = NodeFactory.createURI(EntenteSys.ID_BASE + "concept/tie-type/diplomatic-relations");
    static final Node MEMBER = NodeFactory.createURI(EntenteSys.ID_BASE + "concept/membership-role/member");
    /** Wikidata's items for the two kinds of office: head of state, head of government. */
    static final Node HEAD_OF_STATE = NodeFactory.createURI(EntenteSys.WIKIDATA_ENTITY + "Q48352");
    static final Node HEAD_OF_GOVERNMENT = NodeFactory.createURI(EntenteSys.WIKIDATA_ENTITY + "Q2285706");

    private final Graph g = GraphFactory.createDefaultGraph();
    private final Node retrieved;

    /** {@code retrieved} is the day the statements were read, an {@code xsd:date}. */
    WorldGraph(Node retrieved) {
        this.retrieved = retrieved;
    }

    Graph graph() {
        return g;
    }

    static Node iri(String kind, String slug) {
        return NodeFactory.createURI(EntenteSys.ID_BASE + kind + "/" + slug);
    }

    /** The words for an office kind: "head of state", "head of government". */
    static String officeWords(String kind) {
        return kind.replace('-', ' ');
    }

    void sameAs(WorldStore.Territory t, Node item) {
        add(t.iri(), OWL.sameAs.asNode(), item);
    }

    /** A person or place first described here: its type, its item and its labels. */
    void describe(Node thing, Node type, Node item, List<Node> labels) {
        add(thing, RDF.type.asNode(), type);
        add(thing, OWL.sameAs.asNode(), item);
        labels.forEach(l -> add(thing, RDFS.label.asNode(), l));
    }

    /** The office of one kind of a territory: {@code office/prk-head-of-state}. */
    Node office(WorldStore.Territory t, String kind) {
        Node office = iri("office", t.slug() + "-" + kind);
        if (!g.contains(office, RDF.type.asNode(), ENT.node(ENT.Office))) {
            add(office, RDF.type.asNode(), ENT.node(ENT.Office));
            add(office, RDFS.label.asNode(), en(officeWords(kind) + " of " + t.label()));
            add(office, ENT.node(ENT.officeOf), t.iri());
            add(office, DCTerms.type.asNode(), "head-of-state".equals(kind) ? HEAD_OF_STATE : HEAD_OF_GOVERNMENT);
        }
        return office;
    }

    /**
     * A tenure, {@code tenure/{person}-{territory}-{kind}-{start year}} (the full start date when the year
     * is taken): false when it cannot be one (no start, an end before the start, a duplicate).
     */
    boolean tenure(WorldStore.Territory t, String kind, Node person, String personName, Claim c) {
        if (c.start() == null || endsBeforeStart(c.start(), c.end()))
            return false;
        String stem = WorldStore.lastSegment(person) + "-" + t.slug() + "-" + kind + "-";
        Node tenure = iri("tenure", stem + WikidataLib.year(c.start()));
        if (g.contains(tenure, Node.ANY, Node.ANY))
            tenure = iri("tenure", stem + c.start().getLiteralLexicalForm());
        if (g.contains(tenure, Node.ANY, Node.ANY))
            return false;
        Node office = office(t, kind);
        add(tenure, RDF.type.asNode(), ENT.node(ENT.Tenure));
        add(tenure, RDFS.label.asNode(), en(personName + " as " + officeWords(kind) + " of " + t.label() + span(c.start(), c.end())));
        add(tenure, ENT.node(ENT.holder), person);
        add(tenure, ENT.node(ENT.office), office);
        dates(tenure, c.start(), c.end());
        provenance(tenure, c.refs());
        return true;
    }

    /** One tie of diplomatic relations between two territories, whichever side states it. */
    void tie(WorldStore.Territory a, WorldStore.Territory b, Node start, Node end, List<Claim.Ref> refs) {
        Node tie = iri("tie", a.slug() + "-" + b.slug() + "-diplomatic-relations");
        add(tie, RDF.type.asNode(), ENT.node(ENT.DiplomaticTie));
        add(tie, RDFS.label.asNode(), en(a.label() + " and " + b.label() + ": diplomatic relations"));
        add(tie, ENT.node(ENT.party), a.iri());
        add(tie, ENT.node(ENT.party), b.iri());
        add(tie, ENT.node(ENT.tieType), DIPLOMATIC_RELATIONS);
        add(tie, ENT.node(ENT.certainty), REFERENCE_CERTAINTY);
        dates(tie, start, endsBeforeStart(start, end) ? null : end);
        provenance(tie, refs);
    }

    void capital(WorldStore.Territory t, Node place) {
        add(t.iri(), ENT.node(ENT.capital), place);
    }

    /**
     * A membership with the role member, {@code membership/{territory}-{organisation}-wikidata[-{start year}]}
     * (the full start date when that is taken): false for a duplicate.
     */
    boolean membership(WorldStore.Territory t, WorldStore.Organization o, Claim c) {
        String stem = t.slug() + "-" + o.slug() + "-wikidata";
        Node m = iri("membership", c.start() == null ? stem : stem + "-" + WikidataLib.year(c.start()));
        if (g.contains(m, Node.ANY, Node.ANY) && c.start() != null)
            m = iri("membership", stem + "-" + c.start().getLiteralLexicalForm());
        if (g.contains(m, Node.ANY, Node.ANY))
            return false;
        add(m, RDF.type.asNode(), ENT.node(ENT.Membership));
        add(m, RDFS.label.asNode(), en(t.label() + " in " + o.label() + span(c.start(), c.end())));
        add(m, ENT.node(ENT.member), t.iri());
        add(m, ENT.node(ENT.organization), o.iri());
        add(m, ENT.node(ENT.membershipRole), MEMBER);
        dates(m, c.start(), c.end());
        provenance(m, c.refs());
        return true;
    }

    /** The graph as a source: what it holds, where and when it was read, its licence. */
    void source(Node graph, String endpoint, Node generatedAt, String scope) {
        add(graph, RDF.type.asNode(), ENT.node(ENT.Source));
        add(graph, RDFS.label.asNode(), en("World facts copied from Wikidata"));
        add(graph, DCTerms.description.asNode(), en("Heads of state and of government over time, diplomatic relations, capitals "
            + "and memberships of international organisations of the territories of the store, with Wikidata's references, "
            + "copied from Wikidata by 'entente enrich --world'. " + scope));
        add(graph, WAS_DERIVED_FROM, NodeFactory.createURI("https://www.wikidata.org/"));
        add(graph, DCTerms.source.asNode(), NodeFactory.createURI(endpoint));
        add(graph, DCTerms.license.asNode(), NodeFactory.createURI("https://creativecommons.org/publicdomain/zero/1.0/"));
        add(graph, ENT.node(ENT.certainty), REFERENCE_CERTAINTY);
        add(graph, GENERATED_AT, generatedAt);
    }

    private void dates(Node s, Node start, Node end) {
        if (start != null)
            add(s, ENT.node(ENT.startDate), start);
        if (end != null)
            add(s, ENT.node(ENT.endDate), end);
    }

    /** The statement's references, each a node of its own named by a hash of what it says, and the day it was read. */
    private void provenance(Node s, List<Claim.Ref> refs) {
        for (Claim.Ref r : refs) {
            Node ref = iri("reference", SourceFileLib.sha256(Claim.refKey(r)).substring(0, 20));
            add(s, WAS_DERIVED_FROM, ref);
            add(ref, RDF.type.asNode(), ENT.node(ENT.Reference));
            if (r.statedIn() != null)
                add(ref, ENT.node(ENT.statedIn), r.statedIn());
            if (r.url() != null)
                add(ref, SCHEMA_URL, r.url());
        }
        add(s, ENT.node(ENT.retrieved), retrieved);
    }

    /** Whether an end is before the start, where both have the same precision (as the tenure shape checks). */
    static boolean endsBeforeStart(Node start, Node end) {
        return start != null && end != null && start.getLiteralDatatype().equals(end.getLiteralDatatype())
               && end.getLiteralLexicalForm().compareTo(start.getLiteralLexicalForm()) < 0;
    }

    private static String span(Node start, Node end) {
        if (start == null)
            return end == null ? "" : ", until " + WikidataLib.year(end);
        return end == null ? ", from " + WikidataLib.year(start) : ", " + WikidataLib.year(start) + " to " + WikidataLib.year(end);
    }

    static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    static Node date(java.time.LocalDate day) {
        return NodeFactory.createLiteralDT(day.toString(), XSDDatatype.XSDdate);
    }

    private void add(Node s, Node p, Node o) {
        g.add(s, p, o);
    }
}
