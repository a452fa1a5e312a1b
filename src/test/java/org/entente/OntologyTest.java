package org.entente;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.entente.vocab.ENT;
import org.junit.jupiter.api.Test;

class OntologyTest {

    static Model ontology() {
        return RDFDataMgr.loadModel(TestLib.home().resolve("ontology/entente.ttl").toString());
    }

    static Model concepts() {
        return RDFDataMgr.loadModel(TestLib.home().resolve("ontology/concepts.ttl").toString());
    }

    @Test
    void ontologyDeclaresItselfWithTitleAndVersion() {
        Model m = ontology();
        assertTrue(m.contains(ENT.ONTOLOGY, RDF.type, OWL.Ontology));
        assertTrue(m.contains(ENT.ONTOLOGY, OWL.versionInfo));
    }

    @Test
    void everyClassAndPropertyHasAnEnglishLabelAndDefinition() {
        Model m = ontology();
        List<String> missing = new ArrayList<>();
        for (Resource type : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)) {
            m.listSubjectsWithProperty(RDF.type, type).forEachRemaining(term -> {
                if (!hasEnglish(term, RDFS.label))
                    missing.add(term + " has no English rdfs:label");
                if (!hasEnglish(term, SKOS.definition))
                    missing.add(term + " has no English skos:definition");
            });
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    @Test
    void everyConceptIsLabelledDefinedAndInAScheme() {
        Model m = concepts();
        List<String> missing = new ArrayList<>();
        m.listSubjectsWithProperty(RDF.type, SKOS.Concept).forEachRemaining(c -> {
            if (!hasEnglish(c, SKOS.prefLabel) || !hasEnglish(c, SKOS.definition))
                missing.add(c + " lacks an English prefLabel or definition");
            Resource scheme = c.getPropertyResourceValue(SKOS.inScheme);
            if (scheme == null || !m.contains(scheme, RDF.type, SKOS.ConceptScheme))
                missing.add(c + " is in no declared concept scheme");
        });
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        assertTrue(m.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList().size() > 30);
    }

    @Test
    void shapesParseAndTargetEveryClass() {
        Model shapesModel = RDFDataMgr.loadModel(TestLib.home().resolve("ontology/shapes.ttl").toString());
        Shapes shapes = Shapes.parse(shapesModel.getGraph());
        assertFalse(shapes.getTargetShapes().isEmpty());
        Set<RDFNode> targeted = shapesModel.listObjectsOfProperty(shapesModel.createProperty("http://www.w3.org/ns/shacl#targetClass")).toSet();
        List<String> untargeted = new ArrayList<>();
        Model onto = ontology();
        onto.listSubjectsWithProperty(RDF.type, OWL.Class).forEachRemaining(c -> {
            if (!c.getURI().startsWith(ENT.NS))
                return;
            // A class is covered by its own shape or by the shape of a superclass (sh:targetClass includes subclasses).
            boolean covered = false;
            for (Resource x = c; x != null && !covered; x = superInNs(onto, x))
                covered = targeted.contains(x);
            if (!covered)
                untargeted.add(c.getURI());
        });
        assertEquals(List.of(), untargeted, "classes with no shape");
    }

    private static Resource superInNs(Model m, Resource c) {
        for (RDFNode n : m.listObjectsOfProperty(c, RDFS.subClassOf).toList())
            if (n.isURIResource() && n.asResource().getURI().startsWith(ENT.NS))
                return n.asResource();
        return null;
    }

    private static boolean hasEnglish(Resource r, org.apache.jena.rdf.model.Property p) {
        return r.listProperties(p).toList().stream()
                .anyMatch(s -> s.getObject().isLiteral() && "en".equals(s.getObject().asLiteral().getLanguage())
                               && !s.getString().isBlank());
    }
}
