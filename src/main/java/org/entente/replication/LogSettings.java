package org.entente.replication;

import java.time.Duration;
import java.util.Objects;

import org.entente.sys.EntenteException;

/**
 * Where the patch log is and how long to wait for it: the Kafka brokers, the topic, the key every record of
 * this store carries, and the time limit of every Kafka call.
 * <pre>
 *   LogSettings s = LogSettings.of("127.0.0.1:9092", "entente");
 * </pre>
 */
public record LogSettings(String bootstrap, String topic, String key, Duration timeout) {

    /** The time limit of a Kafka call unless said otherwise: a write waits at most this long for the log. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The records' key: the store's name, so that one topic could carry several stores in order. */
    public static final String DEFAULT_KEY = "kg";

    public LogSettings {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(topic, "topic");
        if (bootstrap.isBlank())
            throw new EntenteException("--kafka needs the brokers, host:port[,host:port...]");
        if (!topic.matches("[A-Za-z0-9._-]{1,200}"))
            throw new EntenteException("--topic must be letters, digits, '.', '_' or '-': " + topic);
        if (timeout.isNegative() || timeout.isZero())
            throw new EntenteException("The Kafka time limit must be positive");
    }

    public static LogSettings of(String bootstrap, String topic) {
        return new LogSettings(bootstrap, topic, DEFAULT_KEY, DEFAULT_TIMEOUT);
    }

    public LogSettings withTimeout(Duration t) {
        return new LogSettings(bootstrap, topic, key, t);
    }

    int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }
}
