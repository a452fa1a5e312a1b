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
import org.apache.jena.tdb2.sys.TDBInternal;
import org.entente.sys.EntenteException;

/**
 * The generation of a store: a number that changes with every committed write, whatever path the write
 * took (SPARQL Update, the Graph Store Protocol, a load, an admin call, later ingestion and
 * replication), because it is counted where every write ends: TDB2's transaction coordinator.
 * <pre>
 *   StoreGeneration gen = StoreGeneration.of(dsg);
 *   String etag = gen.tag();          // changes with every write
 * </pre>
 * Derived views (labels, the search index, VoID counts, ETags) are keyed to it rather than guessed from
 * request paths. The count starts afresh each time a store is opened; {@link #tag()} adds an epoch
 * drawn at that moment, so a tag from before a restart never matches one from after it.
 */
public final class StoreGeneration {

    private static final Map<DatasetGraph, StoreGeneration> REGISTRY = Collections.synchronizedMap(new WeakHashMap<>());

    private final AtomicLong count = new AtomicLong();
    private final String epoch;
    private volatile Instant lastModified = Instant.now();

    private StoreGeneration() {
        this.epoch = Long.toString(System.currentTimeMillis(), 36) + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
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
                g = new StoreGeneration();
                attach(dsg, g);
                REGISTRY.put(dsg, g);
            }
            return g;
        }
    }

    private static void attach(DatasetGraph dsg, StoreGeneration g) {
        if (!TDBInternal.isTDB2(dsg))
            throw new EntenteException("The store must be a TDB2 dataset to count its writes (got "
                                       + dsg.getClass().getSimpleName() + ")");
        TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(dsg);
        TransactionListener listener = new TransactionListener() {
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
        count.incrementAndGet();
    }

    /** The number of writes committed since this generation was first asked for. */
    public long current() {
        return count.get();
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
