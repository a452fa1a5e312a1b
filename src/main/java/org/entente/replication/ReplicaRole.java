package org.entente.replication;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.sys.EntenteLog;

/**
 * A replica: a thread reads the log from the offset the store recorded and applies each patch in one
 * transaction with its offset ({@link PatchApplier}). The server over it is read-only. It is ready when
 * its lag (records of the log not yet applied) is at most {@code maxLag}; when the log cannot be reached it
 * goes on serving what it has and says its lag is unknown (not ready).
 */
final class ReplicaRole implements Replication {

    private static final Duration POLL = Duration.ofMillis(200);
    /** Patches from this size up are logged as they are applied. */
    static final int LARGE = 1 << 20;
    /** How old the last known end of the log may be before the lag counts as unknown. */
    private static final Duration END_FRESH = Duration.ofSeconds(5);

    private final DatasetGraph base;
    private final PatchLog log;
    private final long maxLag;
    private final Thread thread;
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean running = true;
    private volatile long end = -1;
    private volatile long endAt = 0;
    private volatile int pendingParts;

    private ReplicaRole(DatasetGraph base, PatchLog log, long maxLag) {
        this.base = base;
        this.log = log;
        this.maxLag = maxLag;
        this.thread = new Thread(this::run, "entente-replica");
        this.thread.setDaemon(true);
    }

    static ReplicaRole start(DatasetGraph base, LogSettings settings, long maxLag) {
        if (maxLag < 0)
            throw new org.entente.sys.EntenteException("--max-lag must be 0 or more");
        ReplicaRole r = new ReplicaRole(base, new PatchLog(settings), maxLag);
        r.thread.start();
        return r;
    }

    private void run() {
        PatchReader reader = null;
        boolean reachable = true;
        while (running) {
            try {
                if (reader == null)
                    reader = log.reader(Txn.calculateRead(base, () -> ReplicationState.read(base)).next());
                for (Patch p : reader.poll(POLL)) {
                    if (!running)
                        break;
                    long t0 = System.nanoTime();
                    if (PatchApplier.apply(base, p)) {
                        applied.incrementAndGet();
                        if (p.text().length >= LARGE)
                            EntenteLog.serverLog.info("Replica: applied patch {} ({} bytes) at offset {} in {} ms", p.id(), p.text().length,
                                                      p.offset(), (System.nanoTime() - t0) / 1_000_000);
                    }
                }
                pendingParts = reader.pendingParts();
                end = reader.endOffset();
                endAt = System.nanoTime();
                if (!reachable)
                    EntenteLog.serverLog.info("Replica: the log {} is reachable again", log.settings().topic());
                reachable = true;
            } catch (LogUnavailableException ex) {
                if (reachable)
                    EntenteLog.serverLog.warn("Replica: {}; serving what the store has", ex.getMessage());
                reachable = false;
                pause();
            } catch (RuntimeException ex) {
                if (!running)
                    break;
                EntenteLog.serverLog.error("Replica: cannot apply the log {}: {}", log.settings().topic(), ex.getMessage(), ex);
                if (reader != null)
                    reader.close();
                reader = null;
                pause();
            }
        }
        if (reader != null)
            reader.close();
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public DatasetGraph dataset() {
        return base;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    private Long lag(ReplicationState s) {
        if (endAt == 0 || System.nanoTime() - endAt > END_FRESH.toNanos())
            return null;
        return Math.max(0, end - s.next() - pendingParts);
    }

    @Override
    public ReplicationStatus status() {
        ReplicationState s = Txn.calculateRead(base, () -> ReplicationState.read(base));
        Long lag = lag(s);
        return new ReplicationStatus("replica", log.settings().topic(), s.patchId(), s.offset(), lag == null ? null : end, lag,
                                     maxLag, state(lag), applied.get(), lag != null);
    }

    private String state(Long lag) {
        if (endAt == 0)
            return ReplicationStatus.STARTING;
        if (lag == null)
            return ReplicationStatus.LAG_UNKNOWN;
        return lag <= maxLag ? ReplicationStatus.READY : ReplicationStatus.CATCHING_UP;
    }

    @Override
    public String readiness() {
        return state(lag(Txn.calculateRead(base, () -> ReplicationState.read(base))));
    }

    @Override
    public void close() {
        // No interrupt: it would close TDB2's file channels under a transaction that is applying a patch.
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        log.close();
    }
}
