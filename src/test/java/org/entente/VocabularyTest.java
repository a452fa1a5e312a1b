package org.entente;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.entente.vocab.ENT;
import org.junit.jupiter.api.Test;

/** The vocabulary class and the ontology file name the same terms, both ways. */
class VocabularyTest {

    private static Set<String> ontologyTerms() {
        Model m = OntologyTest.ontology();
        Set<String> terms = new TreeSet<>();
        for (Resource type : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty))
            m.listSubjectsWithProperty(RDF.type, type).forEachRemaining(r -> {
                if (r.isURIResource() && r.getURI().startsWith(ENT.NS))
                    terms.add(r.getURI());
            });
        return terms;
    }

    private static Set<String> constants() throws IllegalAccessException {
        Set<String> terms = new TreeSet<>();
        for (Field f : ENT.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !Resource.class.isAssignableFrom(f.getType()))
                continue;
            String uri = ((Resource) f.get(null)).getURI();
            if (uri.startsWith(ENT.NS)) {
                assertEquals(ENT.NS + f.getName(), uri, "constant name and IRI differ");
                terms.add(uri);
            }
        }
        return terms;
    }

    @Test
    void everyOntologyTermHasAConstant() throws IllegalAccessException {
        Set<String> missing = new TreeSet<>(ontologyTerms());
        missing.removeAll(constants());
        assertEquals(Set.of(), missing, "terms of ontology/entente.ttl with no constant in ENT");
    }

    @Test
    void everyConstantIsAnOntologyTerm() throws IllegalAccessException {
        Set<String> extra = new TreeSet<>(constants());
        extra.removeAll(ontologyTerms());
        assertEquals(Set.of(), extra, "constants of ENT not declared in ontology/entente.ttl");
    }
}
