package org.entente.cluster;

import java.nio.file.Path;

import org.entente.sys.EntenteException;

/** Starts the cluster's Kafka broker as a child JVM in KRaft mode (replication's {@code LocalBroker}). */
public final class LocalBrokers {

    private LocalBrokers() {}

    /** A broker on loopback, with its data and log in {@code dir}. */
    public static Broker start(Path dir) {
        throw new EntenteException("The Kafka broker is not available in this build yet (replication's LocalBroker)");
    }
}
