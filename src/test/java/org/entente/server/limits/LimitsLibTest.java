package org.entente.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LimitsLibTest {

    @Test
    void theMediaTypeIsLowerCaseWithoutParametersOrSpaces() {
        assertEquals("text/turtle", LimitsLib.mediaType(" Text/Turtle ; charset=utf-8"));
        assertEquals("application/sparql-query", LimitsLib.mediaType("application/sparql-query"));
    }

    @Test
    void noContentTypeIsTheEmptyMediaType() {
        assertEquals("", LimitsLib.mediaType(null));
    }
}
