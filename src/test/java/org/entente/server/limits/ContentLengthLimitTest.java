package org.entente.server.limits;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentLengthLimitTest {

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithBothNumbers() {
        String refusal = ContentLengthLimit.refusal(1001, 1000);
        assertTrue(refusal.contains("1001") && refusal.contains("1000"), refusal);
    }

    @Test
    void aDeclaredLengthUpToTheLimitPasses() {
        assertNull(ContentLengthLimit.refusal(1000, 1000));
        assertNull(ContentLengthLimit.refusal(0, 1000));
    }

    @Test
    void anUnknownLengthIsLeftToTheChunkedBodyLimit() {
        assertNull(ContentLengthLimit.refusal(-1, 1000));
    }
}
