package org.entente.server.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparqlTextTest {

    @Test
    void aFormIsKnownByItsMediaTypeWhateverItsParameters() {
        assertTrue(SparqlText.isForm("application/x-www-form-urlencoded"));
        assertTrue(SparqlText.isForm("Application/X-WWW-Form-Urlencoded; charset=UTF-8"));
        assertFalse(SparqlText.isForm("multipart/form-data"));
        assertFalse(SparqlText.isForm(null));
    }

    @Test
    void aSmallPostedQueryOrUpdateIsReadForInspection() {
        assertTrue(SparqlText.inspectableBody("POST", "application/sparql-query", 100));
        assertTrue(SparqlText.inspectableBody("POST", "application/sparql-update; charset=utf-8", SparqlText.MAX_INSPECTED));
    }

    @Test
    void otherBodiesAreNotRead() {
        assertFalse(SparqlText.inspectableBody("POST", "application/sparql-query", SparqlText.MAX_INSPECTED + 1), "too large");
        assertFalse(SparqlText.inspectableBody("POST", "application/sparql-update", -1), "length unknown");
        assertFalse(SparqlText.inspectableBody("PUT", "application/sparql-update", 100), "not a POST");
        assertFalse(SparqlText.inspectableBody("POST", "text/turtle", 100), "not SPARQL");
    }
}
