package org.entente.server.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NestingLimitTest {

    static String nested(int depth) {
        return "SELECT * WHERE " + "{".repeat(depth) + "}".repeat(depth);
    }

    @Test
    void nestingUpToTheLimitPassesAndOneMoreIsTooDeep() {
        assertFalse(NestingLimit.tooDeep(nested(NestingLimit.MAX_NESTING)));
        assertTrue(NestingLimit.tooDeep(nested(NestingLimit.MAX_NESTING + 1)));
    }

    @Test
    void everyKindOfBracketCounts() {
        assertTrue(NestingLimit.tooDeep("(".repeat(200) + "[".repeat(51)));
    }

    @Test
    void closedBracketsDoNotAddUp() {
        assertFalse(NestingLimit.tooDeep("{ } ".repeat(10_000)));
    }

    @Test
    void bracketsInStringsAndCommentsAreNotCounted() {
        String many = "{".repeat(NestingLimit.MAX_NESTING + 1);
        assertFalse(NestingLimit.tooDeep("SELECT * { ?s ?p \"" + many + "\" }"));
        assertFalse(NestingLimit.tooDeep("SELECT * { ?s ?p '" + many + "' }"));
        assertFalse(NestingLimit.tooDeep("SELECT * { ?s ?p \"a \\\" " + many + "\" }"));
        assertFalse(NestingLimit.tooDeep("# " + many + "\nSELECT * { }"));
    }

    @Test
    void noTextIsNotTooDeep() {
        assertFalse(NestingLimit.tooDeep(null));
    }
}
