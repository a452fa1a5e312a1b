package org.entente;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.entente.vocab.ENT;
import org.junit.jupiter.api.Test;

/** The seed data conforms to the shapes and says only what the article says. */
class DataTest {

    static final String ARTICLE_GRAPH = "https://w3id.org/entente/id/source/2025-08-victory-day-parade";
    static final String REFERENCE_GRAPH = "https://w3id.org/entente/id/source/entente-reference";

    /** The Wikidata items DESIGN.md lists as verified; no other item may be linked. */
    static final Map<String, String> VERIFIED = Map.ofEntries(
        Map.entry("person/kim-jong-un", "Q56226"), Map.entry("person/xi-jinping", "Q15031"),
        Map.entry("person/vladimir-putin", "Q7747"), Map.entry("person/donald-trump", "Q22686"),
        Map.entry("state/chn", "Q148"), Map.entry("state/prk", "Q423"), Map.entry("state/rus", "Q159"),
        Map.entry("state/usa", "Q30"), Map.entry("state/kor", "Q884"), Map.entry("state/jpn", "Q17"),
        Map.entry("place/beijing", "Q956"), Map.entry("event/world-war-ii", "Q362"),
        Map.entry("event/second-sino-japanese-war", "Q170314"));

    private static Dataset seed() {
        Dataset ds = RDFDataMgr.loadDataset(TestLib.home().resolve("data/reference.trig").toString());
        RDFDataMgr.read(ds, TestLib.home().resolve("data/2025-08-victory-day-parade.trig").toString());
        return ds;
    }

    @Test
    void seedDataConformsToTheShapes() {
        Graph all = GraphFactory.createDefaultGraph();
        Dataset ds = seed();
        ds.asDatasetGraph().find().forEachRemaining(q -> all.add(q.asTriple()));
        TestLib.assertConformsWithTheOntology(all, "data/");
    }

    @Test
    void articleAndReferenceLiveInTheirOwnNamedGraphs() {
        Dataset ds = seed();
        assertTrue(ds.getDefaultModel().isEmpty(), "no statement may sit outside a source's graph");
        List<String> names = new ArrayList<>();
        ds.listNames().forEachRemaining(names::add);
        assertEquals(List.of(REFERENCE_GRAPH, ARTICLE_GRAPH).stream().sorted().toList(), names.stream().sorted().toList());
        for (String g : names) {
            Model m = ds.getNamedModel(g);
            assertTrue(m.contains(m.createResource(g), org.apache.jena.vocabulary.RDF.type, ENT.Source),
                       g + " does not describe its own source");
        }
    }

    @Test
    void everyQuoteIsWordForWordInTheArticle() throws IOException {
        String article = normalise(Files.readString(TestLib.home().resolve("data/sources/2025-08-victory-day-parade.txt"), StandardCharsets.UTF_8));
        Model m = seed().getNamedModel(ARTICLE_GRAPH);
        List<String> notFound = new ArrayList<>();
        int[] count = {0};
        for (var p : List.of(ENT.quote, ENT.text, ENT.significance, ENT.reason, ENT.personnel, ENT.timeDescription, ENT.topic, ENT.quantifier))
            m.listStatements(null, p, (org.apache.jena.rdf.model.RDFNode) null).forEachRemaining(s -> {
                count[0]++;
                String q = normalise(s.getString());
                if (!article.toLowerCase().contains(q.toLowerCase()))
                    notFound.add(s.getSubject().getLocalName() + " " + p.getLocalName() + ": " + q);
            });
        assertTrue(count[0] > 40, "expected the article's words on every statement, found " + count[0]);
        assertEquals(List.of(), notFound, "words attributed to the article that it does not contain");
    }

    @Test
    void localCopyOfTheArticleIsTheSharedSource() throws IOException {
        Path shared = TestLib.shared().resolve("sources/2025-08-victory-day-parade.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared), "no ../shared/sources here");
        assertEquals(Files.readString(shared), Files.readString(TestLib.home().resolve("data/sources/2025-08-victory-day-parade.txt")));
    }

    @Test
    void onlyVerifiedWikidataItemsAreLinked() {
        Map<String, String> linked = new TreeMap<>();
        seed().asDatasetGraph().find(Node.ANY, Node.ANY, OWL.sameAs.asNode(), Node.ANY).forEachRemaining(q -> {
            String local = q.getSubject().getURI().replace("https://w3id.org/entente/id/", "");
            linked.put(local, q.getObject().getURI().replace("http://www.wikidata.org/entity/", ""));
        });
        assertEquals(new TreeMap<>(VERIFIED), linked);
    }

    @Test
    void everyArticleStatementSaysHowSureTheArticleIs() {
        Model m = seed().getNamedModel(ARTICLE_GRAPH);
        Node[] nary = { ENT.node(ENT.Participation), ENT.node(ENT.DiplomaticTie), ENT.node(ENT.Stance), ENT.node(ENT.Assessment) };
        List<String> missing = new ArrayList<>();
        for (Node cls : nary)
            m.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, m.wrapAsResource(cls)).forEachRemaining(r -> {
                if (!r.hasProperty(ENT.certainty))
                    missing.add(r.getURI());
            });
        assertEquals(List.of(), missing);
        assertTrue(m.contains(m.createResource("https://w3id.org/entente/id/participation/kim-jong-un-2025-victory-day-parade"),
                              ENT.attributedTo, m.createResource("https://w3id.org/entente/id/organization/chn-foreign-ministry")),
                   "Kim's attendance is confirmed by China's foreign ministry");
    }

    private static String normalise(String s) {
        return s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replaceAll("\\s+", " ").strip();
    }

    static Node iri(String s) {
        return NodeFactory.createURI(s);
    }
}
