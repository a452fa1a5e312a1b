package org.entente.server.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ChunkedBodyLimitTest {

    @Test
    void aWriteWithTransferEncodingAndNoLengthHasAnUnknownLength() {
        for (String method : new String[] { "POST", "PUT", "PATCH" })
            assertTrue(ChunkedBodyLimit.unknownLength(method, -1, "chunked"), method);
    }

    @Test
    void aDeclaredLengthOrNoBodyIsNotCounted() {
        assertFalse(ChunkedBodyLimit.unknownLength("PUT", 10, "chunked"));
        assertFalse(ChunkedBodyLimit.unknownLength("PUT", -1, null));
        assertFalse(ChunkedBodyLimit.unknownLength("GET", -1, "chunked"));
    }

    @Test
    void aBodyUpToTheLimitIsCopiedWhole() throws Exception {
        byte[] body = new byte[200_000];
        Arrays.fill(body, (byte) 'x');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(body.length, ChunkedBodyLimit.copyAtMost(new ByteArrayInputStream(body), out, body.length));
        assertArrayEquals(body, out.toByteArray());
    }

    @Test
    void aBodyOverTheLimitIsCountedPastItAndNotCopiedPastIt() throws Exception {
        byte[] body = new byte[200_000];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = ChunkedBodyLimit.copyAtMost(new ByteArrayInputStream(body), out, 100_000);
        assertTrue(n > 100_000, "counted " + n);
        assertTrue(out.size() <= 100_000, "copied " + out.size());
    }
}
