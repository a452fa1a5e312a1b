package org.entente.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

import org.entente.replication.LocalBroker;

/** The cluster's Kafka broker: replication's {@link LocalBroker}, a KRaft broker in a child JVM. */
public final class LocalBrokers {

    private LocalBrokers() {}

    /**
     * A broker on loopback with its data in {@code dir}: a new one, or the one a previous cluster made
     * there, on its port and with its topic (the stores beside it hold their offsets in it).
     */
    public static Broker start(Path dir) {
        LocalBroker b = Files.exists(dir.resolve("server.properties")) ? LocalBroker.restart(dir) : LocalBroker.start(dir);
        return new Broker() {
            @Override
            public String bootstrap() {
                return b.bootstrap();
            }

            @Override
            public long pid() {
                return b.pid();
            }

            @Override
            public void stop() {
                b.stop();
            }
        };
    }
}
