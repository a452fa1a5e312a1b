package org.entente.cluster;

/** The Kafka broker of a cluster, as the cluster needs it: where clients reach it, its process, stopping it. */
public interface Broker {

    /** host:port for Kafka clients. */
    String bootstrap();

    /** The broker's process id. */
    long pid();

    /** Stops the broker cleanly. */
    void stop();
}
