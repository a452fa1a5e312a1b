package org.entente.replication;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.sys.EntenteLog;

/**
 * The writer: every committed write becomes a patch on the log before the store commits it
 * ({@link PatchPublisher}). At start, and again after the log failed to take a patch, it first reads the
 * log from its own recorded offset to the end and applies what it finds: a patch the log took but the
 * writer never committed (killed in between) is applied, not lost. Until that catch-up succeeds, writes
 * are refused (503).
 */
final class WriterRole implements Replication {

    private final DatasetGraph base;
    private final PatchLog log;
    private final DatasetGraph published;
    private final AtomicLong count = new AtomicLong();
    private volatile boolean needsCatchUp = true;

    private WriterRole(DatasetGraph base, PatchLog log) {
        this.base = base;
        this.log = log;
        PatchPublisher publisher = new PatchPublisher(base, log, p -> {
            count.incrementAndGet();
        });
        this.published = new DatasetGraphChanges(base, publisher, null, this::beforeTxn) {
            @Override
            public void commit() {
                try {
                    super.commit();
                } catch (LogUnavailableException ex) {
                    needsCatchUp = true;
                    WriteRefusal.refuse(ex.getMessage());
                    throw ex;
                }
            }
        };
    }

    static WriterRole start(DatasetGraph base, LogSettings settings) {
        PatchLog log = new PatchLog(settings);
        try {
            log.ensureTopic();
            WriterRole w = new WriterRole(base, log);
            w.catchUp();
            return w;
        } catch (RuntimeException ex) {
            log.close();
            throw ex;
        }
    }

    /** Before a write transaction begins: catch up first if the last publication failed. */
    private void beforeTxn(ReadWrite mode) {
        if (mode != ReadWrite.WRITE || !needsCatchUp)
            return;
        try {
            catchUp();
        } catch (LogUnavailableException ex) {
            WriteRefusal.refuse(ex.getMessage());
            throw ex;
        }
    }

    /** Applies every complete patch from the store's offset to the log's end. */
    private synchronized void catchUp() {
        if (!needsCatchUp)
            return;
        long from = Txn.calculateRead(base, () -> ReplicationState.read(base)).next();
        long end = log.endOffset();
        int applied = 0;
        try (PatchReader reader = log.reader(from)) {
            long deadline = System.nanoTime() + log.settings().timeout().toNanos() * 6;
            while (reader.position() < end) {
                if (System.nanoTime() > deadline)
                    throw PatchLog.unavailable("catching up with the log took too long", null);
                for (Patch p : reader.poll(Duration.ofMillis(500)))
                    if (PatchApplier.apply(base, p))
                        applied++;
            }
        }
        if (applied > 0)
            EntenteLog.serverLog.info("Writer: applied {} patch(es) from {} that the log had and the store had not", applied,
                                      log.settings().topic());
        needsCatchUp = false;
    }

    @Override
    public DatasetGraph dataset() {
        return published;
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public ReplicationStatus status() {
        ReplicationState s = Txn.calculateRead(base, () -> ReplicationState.read(base));
        Long end;
        try {
            end = log.endOffset();
        } catch (LogUnavailableException ex) {
            end = null;
        }
        Long lag = end == null ? null : Math.max(0, end - s.next());
        return new ReplicationStatus("writer", log.settings().topic(), s.patchId(), s.offset(), end, lag, 0,
                                     needsCatchUp ? ReplicationStatus.CATCHING_UP : ReplicationStatus.READY, count.get(), end != null);
    }

    /**
     * Always ready: the writer serves what it committed, and while the log is away each write answers 503
     * itself (a balancer sending writes here needs no second opinion).
     */
    @Override
    public String readiness() {
        return ReplicationStatus.READY;
    }

    @Override
    public void close() {
        log.close();
    }
}
