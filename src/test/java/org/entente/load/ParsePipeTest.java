package org.entente.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.entente.sys.EntenteException;
import org.junit.jupiter.api.Test;

/** The parser thread hands statements over in order, and errors on either side stop both. */
class ParsePipeTest {

    private static Triple triple(long i) {
        return Triple.create(NodeFactory.createURI("urn:s:" + i), NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString(Long.toString(i)));
    }

    @Test
    void everyStatementArrivesInOrderAndTheCopyGetsThemAll() {
        List<Triple> got = new ArrayList<>();
        LoadedCopy copy = new LoadedCopy(1_000_000);
        AtomicBoolean after = new AtomicBoolean();
        ParsePipe.run(sink -> {
            for (long i = 0; i < 50_000; i++)
                sink.triple(triple(i));
        }, new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                got.add(t);
            }
        }, copy, () -> after.set(true));
        assertEquals(50_000, got.size());
        for (int i = 0; i < got.size(); i++)
            assertEquals(triple(i), got.get(i));
        assertEquals(50_000, copy.graph().orElseThrow().size());
        assertTrue(after.get(), "the after-parse step ran");
    }

    @Test
    void aParseErrorReachesTheCallerAndSkipsTheAfterParseStep() {
        EntenteException boom = new EntenteException("bad.ttl:3:7: boom");
        AtomicBoolean after = new AtomicBoolean();
        EntenteException ex = assertThrows(EntenteException.class, () -> ParsePipe.run(sink -> {
            sink.triple(triple(1));
            throw boom;
        }, new StreamRDFBase(), null, () -> after.set(true)));
        assertSame(boom, ex);
        assertFalse(after.get());
    }

    @Test
    void aWriterErrorStopsTheParser() {
        AtomicLong produced = new AtomicLong();
        long endless = Long.MAX_VALUE;
        IllegalStateException ex = assertThrows(IllegalStateException.class, () -> ParsePipe.run(sink -> {
            for (long i = 0; i < endless; i++) {
                sink.triple(triple(i));
                produced.incrementAndGet();
            }
        }, new StreamRDFBase() {
            long n = 0;

            @Override
            public void triple(Triple t) {
                if (++n == 10_000)
                    throw new IllegalStateException("disk full");
            }
        }, null, null));
        assertEquals("disk full", ex.getMessage());
        long soon = produced.get();
        assertTrue(soon < 1_000_000, "the parser ran far ahead of a failed writer: " + soon);
    }

    @Test
    void aCopyThatOutgrowsItsLimitIsDropped() {
        LoadedCopy copy = new LoadedCopy(10);
        ParsePipe.run(sink -> {
            for (long i = 0; i < 100; i++)
                sink.triple(triple(i));
        }, new StreamRDFBase(), copy, null);
        assertTrue(copy.graph().isEmpty());
    }
}
