package org.entente.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.entente.sys.EntenteException;

/**
 * Parses on a thread of its own and hands the statements over in batches to the calling thread,
 * which owns the write transaction: parsing and writing overlap, and the store is still written by
 * one thread in one transaction. A parse error reaches the caller as the parser raised it; if the
 * caller stops taking (its own error), the parser thread is stopped too.
 * <p>
 * The parser runs at most a few batches ahead of the writer, except while an in-memory copy is being
 * kept (a load into an empty store, within the copy's own limit): then it runs ahead freely, so that
 * it finishes early and the SHACL gate can check the copy while the writer is still writing.
 */
final class ParsePipe {
    private static final int BATCH = 2_000;
    private static final int DEPTH = 16;

    /** A batch, or the end of the stream (with the parser's error, if it failed); held tells whether it took a permit. */
    private record Batch(List<Object> items, RuntimeException error, boolean end, boolean held) {}

    private ParsePipe() {}

    /**
     * Runs {@code parse} (which sends what it reads to the sink it is given) on a parser thread and
     * delivers every triple and quad to {@code out} on this thread, in order. {@code copy}, when not
     * null, receives every triple's subject, predicate and object on the parser thread.
     * {@code afterParse}, when not null, runs on the parser thread once the whole input has been read
     * without error (the writer may still be writing).
     */
    static void run(Consumer<StreamRDF> parse, StreamRDF out, LoadedCopy copy, Runnable afterParse) {
        BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
        Semaphore permits = new Semaphore(DEPTH);
        Sender sender = new Sender(queue, permits, copy);
        Thread parser = new Thread(() -> {
            try {
                parse.accept(sender);
                sender.flush();
                sender.put(List.of(), null, true);
                if (afterParse != null)
                    afterParse.run();
            } catch (Stopped stopped) {
                // The caller gave up; nothing to hand over.
            } catch (RuntimeException ex) {
                sender.putQuietly(ex);
            }
        }, "entente-parser");
        parser.setDaemon(true);
        parser.start();
        try {
            while (true) {
                Batch b = queue.take();
                if (b.held())
                    permits.release();
                for (Object item : b.items()) {
                    if (item instanceof Quad q)
                        out.quad(q);
                    else
                        out.triple((Triple) item);
                }
                if (b.end()) {
                    if (b.error() != null)
                        throw b.error();
                    return;
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EntenteException("Load interrupted", ex);
        } finally {
            sender.stopped = true;
            queue.clear();
            try {
                parser.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Raised on the parser thread when the caller has stopped taking. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The parser's sink: collects statements into batches and queues them. */
    private static final class Sender extends StreamRDFBase {
        private final BlockingQueue<Batch> queue;
        private final Semaphore permits;
        private final LoadedCopy copy;
        private List<Object> items = new ArrayList<>(BATCH);
        volatile boolean stopped = false;

        Sender(BlockingQueue<Batch> queue, Semaphore permits, LoadedCopy copy) {
            this.queue = queue;
            this.permits = permits;
            this.copy = copy;
        }

        @Override
        public void triple(Triple triple) {
            add(triple, triple.getSubject(), triple.getPredicate(), triple.getObject());
        }

        @Override
        public void quad(Quad quad) {
            add(quad, quad.getSubject(), quad.getPredicate(), quad.getObject());
        }

        private void add(Object item, Node s, Node p, Node o) {
            if (copy != null)
                copy.add(s, p, o);
            items.add(item);
            if (items.size() == BATCH)
                flush();
        }

        void flush() {
            if (stopped)
                throw new Stopped();
            if (!items.isEmpty()) {
                put(items, null, false);
                items = new ArrayList<>(BATCH);
            }
        }

        /** Queues a batch; waits for a permit (the writer to catch up) unless a copy is being kept. */
        void put(List<Object> batch, RuntimeException error, boolean end) {
            boolean hold = copy == null || !copy.keeping();
            try {
                if (hold)
                    while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS))
                        if (stopped)
                            throw new Stopped();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
            queue.add(new Batch(batch, error, end, hold));
        }

        void putQuietly(RuntimeException error) {
            try {
                put(List.of(), error, true);
            } catch (Stopped ignored) {
                // The caller is gone: no one to tell.
            }
        }
    }
}
