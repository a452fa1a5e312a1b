package org.entente.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;

/**
 * A whole cluster on loopback, each part a child process: a Kafka broker, a writer, N read replicas fed by
 * the writer's topic, and haproxy in front. Each server has its store and log under the cluster's folder.
 * <pre>
 *   Cluster c = Cluster.create().dir(Path.of("cluster")).replicas(2).launcher(javaCommand).broker(startBroker).build();
 *   ClusterInfo info = c.start();   // returns when every part is ready
 *   ...
 *   c.stop();
 * </pre>
 */
public final class Cluster {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final Path dir;
    private final int replicaCount;
    private final Path passwd;
    private final String topic;
    private final List<String> launcher;
    private final Function<Path, Broker> brokerStarter;
    private final Path haproxy;
    private final Duration readyTimeout;
    private final Duration kafkaTimeout;
    private final long maxLag;

    // Set while starting, read by stop(), which a shutdown hook may call at any moment.
    private volatile Broker broker;
    private volatile ServerProcess writer;
    private final List<ServerProcess> replicas = new CopyOnWriteArrayList<>();
    private volatile Balancer balancer;
    private volatile boolean stopped;

    private Cluster(Builder b) {
        this.dir = b.dir.toAbsolutePath().normalize();
        this.replicaCount = b.replicas;
        this.passwd = b.passwd == null ? null : b.passwd.toAbsolutePath();
        this.topic = b.topic;
        this.launcher = List.copyOf(b.launcher);
        this.brokerStarter = b.broker;
        this.haproxy = b.haproxy;
        this.readyTimeout = b.readyTimeout;
        this.kafkaTimeout = b.kafkaTimeout;
        this.maxLag = b.maxLag;
    }

    public static Builder create() {
        return new Builder();
    }

    /**
     * Starts the broker, the writer, the replicas and haproxy, and returns once each server's
     * {@code /$/health} and the balancer's say ready. On failure, stops what it started and throws.
     */
    public ClusterInfo start() {
        try {
            Files.createDirectories(dir);
            EntenteLog.serverLog.info("Cluster in {}: starting the Kafka broker", dir);
            broker = brokerStarter.apply(dir.resolve("kafka"));
            checkNotStopped();
            writer = server("writer", "writer");
            for (int i = 1; i <= replicaCount; i++)
                replicas.add(server("replica-" + i, "replica"));
            // The writer first: it makes the topic and publishes the seed, which the replicas then read.
            // Starting four JVMs at once on a small machine only makes each slower to reach the broker.
            startAndAwait(List.of(writer));
            startAndAwait(replicas);
            List<HaproxyConfig.Server> backends = replicas.stream()
                                                          .map(r -> new HaproxyConfig.Server(r.name(), "127.0.0.1:" + r.port()))
                                                          .toList();
            balancer = Balancer.start(haproxy, dir, "127.0.0.1:" + writer.port(), backends, readyTimeout);
            ClusterLib.await("the balancer to answer " + balancer.url() + "/$/health", readyTimeout,
                             () -> ClusterLib.healthy(balancer.url()));
            checkNotStopped();
            EntenteLog.serverLog.info("Cluster: balancer ready at {}", balancer.url());
            return info();
        } catch (IOException ex) {
            stop();
            throw new EntenteException("Cannot create " + dir + ": " + ex.getMessage(), ex);
        } catch (RuntimeException ex) {
            stop();
            throw ex;
        }
    }

    private void startAndAwait(List<ServerProcess> servers) {
        for (ServerProcess s : servers) {
            s.start();
            checkNotStopped();
        }
        for (ServerProcess s : servers)
            s.awaitListening(readyTimeout);
        for (ServerProcess s : servers) {
            s.awaitHealthy(readyTimeout);
            checkNotStopped();
            EntenteLog.serverLog.info("Cluster: {} ready at {}", s.name(), s.url());
        }
    }

    /** Where everything is. */
    public ClusterInfo info() {
        List<ClusterInfo.Replica> rs = replicas.stream()
                                               .map(r -> new ClusterInfo.Replica(r.url(), r.pid(), r.restartCommand()))
                                               .toList();
        return new ClusterInfo(broker.bootstrap(), writer.url(), balancer.url(), rs);
    }

    /**
     * Stops everything, front to back: haproxy, the replicas (also one started again by its restart command),
     * the writer, then the broker. Safe to call more than once, and while {@link #start()} runs.
     */
    public synchronized void stop() {
        stopped = true;
        EntenteLog.serverLog.info("Cluster: stopping");
        stopAll();
        EntenteLog.serverLog.info("Cluster: stopped");
    }

    /** A stop while starting: whatever started since is stopped too, and the start gives up. */
    private void checkNotStopped() {
        if (stopped) {
            stopAll();
            throw new EntenteException("Cluster stopped while starting");
        }
    }

    private synchronized void stopAll() {
        if (balancer != null)
            balancer.stop(GRACE);
        replicas.parallelStream().forEach(r -> r.stop(GRACE));
        if (writer != null)
            writer.stop(GRACE);
        if (broker != null)
            broker.stop();
    }

    private ServerProcess server(String name, String role) {
        List<String> args = new ArrayList<>(List.of("--kafka", broker.bootstrap(), "--topic", topic, "--role", role,
                                                    "--kafka-timeout", Long.toString(kafkaTimeout.toSeconds())));
        if (role.equals("replica"))
            args.addAll(List.of("--max-lag", Long.toString(maxLag)));
        // A replica is read-only and takes no password file: writes go to the writer.
        if (passwd != null && role.equals("writer"))
            args.addAll(List.of("--passwd", passwd.toString()));
        return new ServerProcess(name, dir.resolve(name), dir.resolve(name + ".log"), launcher, args);
    }

    /** The cluster's settings. */
    public static final class Builder {
        private Path dir = Path.of("cluster");
        private int replicas = 2;
        private Path passwd;
        private String topic = "entente";
        private List<String> launcher;
        private Function<Path, Broker> broker;
        private Path haproxy;
        private Duration readyTimeout = Duration.ofMinutes(5);
        private Duration kafkaTimeout = Duration.ofSeconds(30);
        private long maxLag = 100;

        private Builder() {}

        /** The folder for the stores, logs and haproxy's configuration (default {@code cluster}). */
        public Builder dir(Path dir) {
            this.dir = Objects.requireNonNull(dir);
            return this;
        }

        public Builder replicas(int n) {
            if (n < 1)
                throw new EntenteException("A cluster needs at least one replica, not " + n);
            this.replicas = n;
            return this;
        }

        /** The password file of the writer, or null for none (then nothing takes writes). */
        public Builder passwd(Path file) {
            this.passwd = file;
            return this;
        }

        public Builder topic(String topic) {
            this.topic = Objects.requireNonNull(topic);
            return this;
        }

        /** The words that start Entente's command line in a new process, up to the command's name. */
        public Builder launcher(List<String> words) {
            this.launcher = List.copyOf(words);
            return this;
        }

        /** Starts the Kafka broker in the folder it is given. */
        public Builder broker(Function<Path, Broker> start) {
            this.broker = Objects.requireNonNull(start);
            return this;
        }

        public Builder haproxy(Path executable) {
            this.haproxy = Objects.requireNonNull(executable);
            return this;
        }

        /** How long each part may take to be ready (default 5 minutes: the writer loads the seed first). */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * The servers' time limit on every Kafka call (default 30 s: on one small machine the broker and
         * three servers share the processor, and a busy broker answers late).
         */
        public Builder kafkaTimeout(Duration timeout) {
            this.kafkaTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How many records of the topic a replica may have left to apply and still be in rotation (default 100). */
        public Builder maxLag(long records) {
            if (records < 0)
                throw new EntenteException("--max-lag must be 0 or more, not " + records);
            this.maxLag = records;
            return this;
        }

        public Cluster build() {
            if (launcher == null || broker == null || haproxy == null)
                throw new IllegalStateException("a cluster needs a launcher, a broker and haproxy");
            if (passwd != null && !Files.isReadable(passwd))
                throw new EntenteException("Cannot read the password file " + passwd);
            return new Cluster(this);
        }
    }
}
