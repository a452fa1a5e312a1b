package org.entente.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;

/**
 * The generation of a store: a number that changes with every committed write, whatever path the write
 * took (SPARQL Update, the Graph Store Protocol, a load, an admin call, later ingestion and
 * replication), because it is counted where every write ends: TDB2's transaction coordinator.
 * <pre>
 *   StoreGeneration gen = StoreGeneration.of(dsg);
 *   String etag = gen.tag();          // changes with every write
 * </pre>
 * Derived views (labels, the search index, VoID counts, ETags) are keyed to it rather than guessed from
 * request paths. {@link #tag()} adds an epoch drawn when the store is opened, so a tag from before a
 * restart never matches one from after it.
 * <p>
 * A store in a folder also keeps its count across restarts ({@link #durable()}), for views kept on disk
 * (the search index): before each write commits, a mark is written and synced in the store folder, and
 * after it, the new count and a fingerprint of TDB2's files replace the mark. The next opening trusts
 * the count only if there is no mark (left by a {@code kill -9} during a commit) and the fingerprint is
 * unchanged (a write by stock Jena tools, which do not count, or a switched {@code Data-NNNN} folder);
 * otherwise it advances the count, so a view built before never passes for current. Details in
 * {@code GenerationFile}. The mark costs a file creation and two syncs per write transaction, small
 * beside TDB2's own syncs at each commit.
 */
public final class StoreGeneration {

    private static final Map<DatasetGraph, StoreGeneration> REGISTRY = Collections.synchronizedMap(new WeakHashMap<>());

    private final AtomicLong count = new AtomicLong();
    private final String epoch;
    private final GenerationFile file;
    private final java.util.List<Runnable> onCommit = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Instant lastModified = Instant.now();

    /** A generation that survives restarts: the store's id (drawn once) and its count of writes. */
    public record Durable(String storeId, long count) {}

    private StoreGeneration(GenerationFile file, long start) {
        this.epoch = Long.toString(System.currentTimeMillis(), 36) + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
        this.file = file;
        this.count.set(start);
    }

    /**
     * The generation of a TDB2 store, counted from the first call for it. Every later call for the same
     * dataset returns the same object.
     */
    public static StoreGeneration of(DatasetGraph dsg) {
        // A wrapper (the replication writer's, which publishes each write) counts the writes of the store it wraps.
        while (dsg instanceof DatasetGraphWrapper w && !TDBInternal.isTDB2(dsg))
            dsg = w.getWrapped();
        synchronized (REGISTRY) {
            StoreGeneration g = REGISTRY.get(dsg);
            if (g == null) {
                g = create(dsg);
                attach(dsg, g);
                REGISTRY.put(dsg, g);
            }
            return g;
        }
    }

    private static StoreGeneration create(DatasetGraph dsg) {
        if (!TDBInternal.isTDB2(dsg))
            throw new EntenteException("The store must be a TDB2 dataset to count its writes (got "
                                       + dsg.getClass().getSimpleName() + ")");
        DatasetGraphSwitchable container = TDBInternal.getDatabaseContainer(dsg);
        if (container == null || !container.hasContainerPath() || container.getLocation().isMem())
            return new StoreGeneration(null, 0);
        // No other process writes meanwhile: TDB2 locks the folder for the process that opened it.
        GenerationFile.Opened opened = GenerationFile.open(container.getContainerPath());
        if (opened.changedOutside())
            EntenteLog.serverLog.info("Store {} changed since its generation was last written down: generation {}",
                                      container.getContainerPath(), opened.count());
        return new StoreGeneration(opened.file(), opened.count());
    }

    private static void attach(DatasetGraph dsg, StoreGeneration g) {
        TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(dsg);
        TransactionListener listener = new TransactionListener() {
            @Override
            public void notifyCommitStart(Transaction txn) {
                if (txn.isWriteTxn() && g.file != null) {
                    try {
                        g.file.markDirty();
                    } catch (java.io.UncheckedIOException ex) {
                        // The fingerprint still tells the next opening that the files changed.
                        EntenteLog.serverLog.warn("Cannot mark the store as being written: {}", ex.getMessage());
                    }
                }
            }

            @Override
            public void notifyCommitFinish(Transaction txn) {
                if (txn.isWriteTxn())
                    g.advance();
            }
        };
        // A running coordinator takes new listeners only in exclusive mode, between transactions.
        coordinator.modifyConfig(() -> coordinator.addListener(listener));
    }

    private void advance() {
        lastModified = Instant.now();
        long n = count.incrementAndGet();
        if (file != null) {
            try {
                file.committed(n);
            } catch (java.io.UncheckedIOException ex) {
                // The mark stays, so the next opening advances the count: views are rebuilt, never trusted stale.
                EntenteLog.serverLog.warn("Cannot write down the store's generation {}: {}", n, ex.getMessage());
            }
        }
        for (Runnable r : onCommit) {
            try {
                r.run();
            } catch (RuntimeException ex) {
                EntenteLog.serverLog.warn("After a commit: {}", ex.getMessage(), ex);
            }
        }
    }

    /**
     * Runs an action after every committed write, on the writer's thread, once the new count is written
     * down: it must be quick (start work elsewhere) and must not write.
     */
    public void onCommit(Runnable action) {
        onCommit.add(action);
    }

    /**
     * The number of writes committed: since the store was first counted, across restarts, for a store
     * in a folder; since this generation was first asked for, for a store in memory.
     */
    public long current() {
        return count.get();
    }

    /** The folder of a store on disk (where views kept across restarts go), or empty for a store in memory. */
    public java.util.Optional<java.nio.file.Path> folder() {
        return file == null ? java.util.Optional.empty() : java.util.Optional.of(file.folder());
    }

    /** The store's id and count, which survive restarts, or empty for a store in memory. */
    public java.util.Optional<Durable> durable() {
        if (file == null)
            return java.util.Optional.empty();
        return java.util.Optional.of(new Durable(file.id(), count.get()));
    }

    /** A token that changes with every write and with every opening of the store: for ETags. */
    public String tag() {
        return epoch + "-" + count.get();
    }

    /** When the last write committed (or, before any, when counting began). */
    public Instant lastModified() {
        return lastModified;
    }
}
