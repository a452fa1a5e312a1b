package org.entente.replication;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A server's place in a replicated deployment: the writer, which publishes every committed write to the
 * patch log, or a replica, which applies the log in order and serves reads.
 * <pre>
 *   Replication r = Replication.writer(store, LogSettings.of(brokers, topic));   // catches up, then publishes
 *   server = EntenteServer.create().dataset(r.dataset()).replication(r)...;
 *   Replication r = Replication.replica(store, LogSettings.of(brokers, topic), 100);
 * </pre>
 */
public sealed interface Replication extends AutoCloseable permits WriterRole, ReplicaRole {

    /** The writer's role: catches up with the log (patches it published but did not commit before a crash), then publishes. */
    static Replication writer(DatasetGraph store, LogSettings settings) {
        return WriterRole.start(store, settings);
    }

    /** A replica's role: applies the log from where the store stands, on a thread of its own, read-only. */
    static Replication replica(DatasetGraph store, LogSettings settings, long maxLag) {
        return ReplicaRole.start(store, settings, maxLag);
    }

    /** The dataset the server serves and the loaders write: on the writer, the one that publishes. */
    DatasetGraph dataset();

    /** Whether the server takes no writes at all (a replica). */
    boolean readOnly();

    ReplicationStatus status();

    /** {@code ready}, or the word saying why not, for {@code /$/health}; cheap (no call to Kafka). */
    String readiness();

    @Override
    void close();
}
