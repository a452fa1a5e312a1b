package org.entente;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.entente.vocab.ENT;
import org.junit.jupiter.api.Test;

/** The world reference data the project writes itself ({@code data/world.trig}): its shape and its promises. */
class WorldDataTest {

    static final String GRAPH = "https://w3id.org/entente/id/source/entente-world";
    static final String ID = "https://w3id.org/entente/id/";
    static final String STATE = ID + "state/";
    static final String UN = ID + "organization/un";
    static final String OBSERVER = ID + "concept/membership-role/observer";
    static final String DISPUTED = ID + "concept/sovereignty-status/disputed";
    static final List<String> LANGUAGES = List.of("en", "zh", "ko", "ru", "ja", "fr", "es", "ar", "de");

    /** The organisations, each with the Wikidata item checked by hand (see the commit that added them). */
    static final Map<String, String> ORGANISATIONS = Map.of(
        "un", "Q1065", "sco", "Q485207", "brics", "Q243630", "nato", "Q7184", "eu", "Q458",
        "asean", "Q7768", "g7", "Q1764511", "g20", "Q19771", "au", "Q7159", "opec", "Q7795");

    /** The only demonyms given to more than one territory: each is the sole demonym of both. */
    static final Set<String> SHARED_DEMONYMS = Set.of("Congolese", "Dominican");

    private static Dataset dataset() {
        return RDFDataMgr.loadDataset(TestLib.home().resolve("data/world.trig").toString());
    }

    private static Model world() {
        Dataset ds = dataset();
        assertTrue(ds.getDefaultModel().isEmpty(), "no statement may sit outside the source's graph");
        List<String> names = new ArrayList<>();
        ds.listNames().forEachRemaining(names::add);
        assertEquals(List.of(GRAPH), names);
        return ds.getNamedModel(GRAPH);
    }

    private static Set<Resource> territories(Model m) {
        Set<Resource> out = new HashSet<>();
        m.listSubjects().forEachRemaining(s -> {
            if (s.isURIResource() && s.getURI().startsWith(STATE))
                out.add(s);
        });
        return out;
    }

    @Test
    void theGraphDescribesItsOwnSource() {
        Model m = world();
        Resource source = m.createResource(GRAPH);
        assertTrue(m.contains(source, RDF.type, ENT.Source));
        for (Property p : List.of(RDFS.label, RDFS.comment, m.createProperty("http://purl.org/dc/terms/title"),
                                  m.createProperty("http://purl.org/dc/terms/description")))
            assertTrue(source.hasProperty(p), "the source needs " + p.getLocalName());
        assertEquals("data/world.trig", source.getProperty(ENT.localCopy).getString());
    }

    @Test
    void everyTerritorySlugIsTwoOrThreeLowercaseLetters() {
        Model m = world();
        Set<Resource> territories = territories(m);
        assertTrue(territories.size() > 230, "expected nearly every country and territory, found " + territories.size());
        List<String> bad = territories.stream().map(r -> r.getURI().substring(STATE.length()))
                                      .filter(slug -> !slug.matches("[a-z]{2,3}")).sorted().toList();
        assertEquals(List.of(), bad);
    }

    @Test
    void territoriesAreNeverTypedOrLabelledHere() {
        Model m = world();
        List<String> typed = new ArrayList<>();
        for (Resource t : territories(m))
            if (t.hasProperty(RDF.type) || t.hasProperty(RDFS.label) || t.hasProperty(SKOS.prefLabel))
                typed.add(t.getURI());
        assertEquals(List.of(), typed, "type and label come from the CLDR graph");
    }

    @Test
    void demonymsAndSeatNamesAreEnglishStrings() {
        Model m = world();
        List<String> bad = new ArrayList<>();
        int[] count = new int[2];
        for (Property p : List.of(ENT.demonym, ENT.seatOfGovernmentName, SKOS.altLabel))
            m.listStatements(null, p, (RDFNode) null).forEachRemaining(s -> {
                if (p.equals(ENT.demonym)) count[0]++;
                if (p.equals(ENT.seatOfGovernmentName)) count[1]++;
                boolean territory = s.getSubject().getURI().startsWith(STATE);
                if (territory && !isEnglish(s))
                    bad.add(s.getSubject().getLocalName() + " " + p.getLocalName() + " " + s.getObject());
                if (s.getObject().isLiteral() && !s.getString().equals(s.getString().strip()))
                    bad.add("stray space: " + s.getObject());
            });
        assertEquals(List.of(), bad);
        assertTrue(count[0] > 230, "demonyms: " + count[0]);
        assertTrue(count[1] > 100, "seat names: " + count[1]);
    }

    @Test
    void keyTerritoriesHaveTheirNewsNames() {
        Model m = world();
        assertHas(m, "prk", ENT.demonym, "North Korean");
        assertHas(m, "kor", ENT.demonym, "South Korean");
        assertHas(m, "usa", ENT.demonym, "American");
        assertHas(m, "gbr", ENT.demonym, "British");
        assertHas(m, "are", ENT.demonym, "Emirati");
        assertHas(m, "civ", ENT.demonym, "Ivorian");
        assertHas(m, "nld", ENT.demonym, "Dutch");
        assertHas(m, "prk", SKOS.altLabel, "DPRK");
        assertHas(m, "chn", SKOS.altLabel, "PRC");
        assertHas(m, "rus", SKOS.altLabel, "Russian Federation");
        assertHas(m, "usa", SKOS.altLabel, "U.S.");
        assertHas(m, "cod", SKOS.altLabel, "DRC");
        for (String[] seat : new String[][] { { "prk", "Pyongyang" }, { "rus", "the Kremlin" }, { "usa", "Washington" },
                                              { "chn", "Beijing" }, { "gbr", "Downing Street" }, { "jpn", "Tokyo" },
                                              { "kor", "Seoul" }, { "fra", "Paris" } })
            assertHas(m, seat[0], ENT.seatOfGovernmentName, seat[1]);
    }

    @Test
    void everyPermanentMemberOfTheSecurityCouncilAndG20StateHasASeatName() {
        Model m = world();
        List<String> missing = new ArrayList<>();
        for (String slug : List.of("chn", "fra", "rus", "gbr", "usa", "arg", "aus", "bra", "can", "deu", "ind", "idn",
                                   "ita", "jpn", "kor", "mex", "sau", "zaf", "tur", "prk"))
            if (!state(m, slug).hasProperty(ENT.seatOfGovernmentName))
                missing.add(slug);
        assertEquals(List.of(), missing);
    }

    @Test
    void ambiguousDemonymsAreLeftOut() {
        Model m = world();
        Map<String, Set<String>> owners = new TreeMap<>();
        m.listStatements(null, ENT.demonym, (RDFNode) null).forEachRemaining(s ->
            owners.computeIfAbsent(s.getString(), k -> new TreeSet<>()).add(s.getSubject().getLocalName()));
        assertTrue(!owners.containsKey("Korean") && !owners.containsKey("Virgin Islander") && !owners.containsKey("Macedonian"),
                   "a demonym two territories share, while each has its own, is left out");
        Map<String, Set<String>> shared = new TreeMap<>(owners);
        shared.values().removeIf(v -> v.size() < 2);
        assertEquals(SHARED_DEMONYMS, shared.keySet(), "demonyms given to more than one territory: " + shared);
    }

    @Test
    void seatNamesNeverDoubleAsNames() {
        Model m = world();
        Set<String> names = new HashSet<>();
        for (Property p : List.of(RDFS.label, SKOS.altLabel, ENT.demonym))
            m.listStatements(null, p, (RDFNode) null).forEachRemaining(s -> names.add(s.getString()));
        List<String> clash = new ArrayList<>();
        m.listStatements(null, ENT.seatOfGovernmentName, (RDFNode) null).forEachRemaining(s -> {
            if (names.contains(s.getString()))
                clash.add(s.getString());
        });
        assertEquals(List.of(), clash, "a seat name is never also a label, name or demonym");
    }

    @Test
    void theTwoObserverStatesOfTheUnitedNations() {
        Model m = world();
        Map<String, String> observers = new TreeMap<>();
        m.listSubjectsWithProperty(RDF.type, ENT.Membership).forEachRemaining(ms -> {
            if (ms.hasProperty(ENT.organization, m.createResource(UN))
                && ms.hasProperty(ENT.membershipRole, m.createResource(OBSERVER))) {
                assertTrue(ms.getURI().startsWith(ID + "membership/"), ms.getURI());
                assertTrue(ms.hasProperty(RDFS.comment), ms.getURI() + " needs a comment");
                Literal start = ms.getProperty(ENT.startDate).getLiteral();
                observers.put(ms.getPropertyResourceValue(ENT.member).getURI().substring(STATE.length()),
                              start.getLexicalForm() + "^^" + start.getDatatype().getURI().replace("http://www.w3.org/2001/XMLSchema#", "xsd:"));
            }
        });
        assertEquals(Map.of("vat", "1964^^xsd:gYear", "pse", "2012-11-29^^xsd:date"), observers);
    }

    @Test
    void everyDisputedTerritoryHasANeutralComment() {
        Model m = world();
        Set<String> disputed = new TreeSet<>();
        List<String> uncommented = new ArrayList<>();
        m.listSubjectsWithProperty(ENT.sovereigntyStatus, m.createResource(DISPUTED)).forEachRemaining(t -> {
            disputed.add(t.getURI().substring(STATE.length()));
            if (t.listProperties(RDFS.comment).toList().stream().noneMatch(WorldDataTest::isEnglish))
                uncommented.add(t.getURI());
        });
        assertTrue(disputed.containsAll(Set.of("xk", "twn", "esh", "pse")), disputed.toString());
        assertEquals(List.of(), uncommented);
    }

    @Test
    void eachOrganisationIsNamedInTheNineLanguagesAndLinkedToItsCheckedItem() {
        Model m = world();
        Map<String, String> linked = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        m.listSubjectsWithProperty(RDF.type, ENT.Organization).forEachRemaining(o -> {
            String slug = o.getURI().substring((ID + "organization/").length());
            Set<String> langs = new HashSet<>();
            o.listProperties(RDFS.label).forEachRemaining(s -> langs.add(s.getLiteral().getLanguage()));
            for (String lang : LANGUAGES)
                if (!langs.contains(lang))
                    missing.add(slug + "@" + lang);
            if (!o.hasProperty(SKOS.altLabel))
                missing.add(slug + " abbreviation");
            o.listProperties(OWL.sameAs).forEachRemaining(s ->
                linked.put(slug, s.getResource().getURI().replace("http://www.wikidata.org/entity/", "")));
        });
        assertEquals(List.of(), missing);
        assertEquals(new TreeMap<>(ORGANISATIONS), linked);
    }

    /** Once CLDR types its territories, this file with the ontology passes the shapes. */
    @Test
    void conformsToTheShapesOnceTheTerritoriesAreTyped() {
        Graph all = GraphFactory.createDefaultGraph();
        dataset().asDatasetGraph().find().forEachRemaining(q -> all.add(q.asTriple()));
        for (Resource t : territories(world())) {
            all.add(t.asNode(), RDF.type.asNode(), ENT.Territory.asNode());
            all.add(t.asNode(), RDFS.label.asNode(), NodeFactory.createLiteralLang(t.getLocalName(), "en"));
        }
        TestLib.assertConformsWithTheOntology(all, "data/world.trig");
    }

    private static Resource state(Model m, String slug) {
        return m.createResource(STATE + slug);
    }

    private static void assertHas(Model m, String slug, Property p, String text) {
        assertTrue(m.contains(state(m, slug), p, m.createLiteral(text, "en")), slug + " " + p.getLocalName() + " \"" + text + "\"@en");
    }

    private static boolean isEnglish(Statement s) {
        return s.getObject().isLiteral() && "en".equals(s.getLiteral().getLanguage()) && !s.getString().isBlank();
    }
}
