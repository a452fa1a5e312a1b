package org.entente.server.limits;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentTypeCheckTest {

    static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aGraphStoreWriteNeedsAnRdfSyntax() {
        assertNull(ContentTypeCheck.unsupported("PUT", "/kg/data", "text/turtle; charset=utf-8"));
        assertNull(ContentTypeCheck.unsupported("POST", "/kg/data", "application/n-triples"));
        assertNull(ContentTypeCheck.unsupported("POST", "/kg/data", "multipart/form-data; boundary=x"));
        assertTrue(ContentTypeCheck.unsupported("PUT", "/kg/data", "text/html").contains("'text/html'"));
        assertNotNull(ContentTypeCheck.unsupported("PUT", "/kg/data", "application/x-bogus"));
        assertNotNull(ContentTypeCheck.unsupported("PUT", "/kg/data", null));
    }

    @Test
    void anUpdateNeedsSparqlUpdateOrAForm() {
        assertNull(ContentTypeCheck.unsupported("POST", "/kg/update", "application/sparql-update"));
        assertNull(ContentTypeCheck.unsupported("POST", "/kg/update", FORM + "; charset=UTF-8"));
        assertNotNull(ContentTypeCheck.unsupported("POST", "/kg/update", "text/turtle"));
        assertNotNull(ContentTypeCheck.unsupported("POST", "/kg/update", "application/sparql-query"));
    }

    @Test
    void aPostedQueryNeedsSparqlQueryOrAForm() {
        for (String endpoint : new String[] { "/kg/sparql", "/kg/query" }) {
            assertNull(ContentTypeCheck.unsupported("POST", endpoint, "Application/SPARQL-Query"));
            assertNull(ContentTypeCheck.unsupported("POST", endpoint, FORM));
            assertNotNull(ContentTypeCheck.unsupported("POST", endpoint, "application/sparql-update"));
            assertNotNull(ContentTypeCheck.unsupported("POST", endpoint, null));
        }
    }

    @Test
    void readsAndOtherEndpointsAreNotChecked() {
        assertNull(ContentTypeCheck.unsupported("GET", "/kg/data", null));
        assertNull(ContentTypeCheck.unsupported("DELETE", "/kg/update", "text/html"));
        assertNull(ContentTypeCheck.unsupported("POST", "/kg", "text/html"));
        assertNull(ContentTypeCheck.unsupported("POST", "/kg/get", "text/html"));
    }
}
