package org.entente.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.entente.cluster.Balancer;
import org.entente.cluster.Cluster;
import org.entente.cluster.ClusterInfo;
import org.entente.cluster.LocalBrokers;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteSys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code entente cluster}: a Kafka broker, a writer, read replicas and haproxy on loopback; one JSON line on
 * standard output when all are ready, then runs until SIGTERM or Ctrl-C, which stop everything.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
         description = { "Start a local cluster on loopback: a Kafka broker, a writer, read replicas and haproxy in front.",
                         "Prints one JSON line when all are ready (kafka, writer, balancer, replicas with pid and restart command),"
                         + " then runs until SIGTERM, which stops everything." })
final class ClusterCmd implements Callable<Integer> {

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "2", description = "Read replicas (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--passwd", paramLabel = "FILE",
            description = "Password file in Fuseki's format: its users may write through the writer (and the balancer).")
    Path passwd;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "cluster",
            description = "Folder for the broker's log, the stores, the servers' logs and haproxy.cfg (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = "entente", description = "The Kafka topic of patches (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--kafka-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "The servers' time limit on every Kafka call; a write the log has not taken by then gets 503 (default: ${DEFAULT-VALUE}).")
    long kafkaTimeout;

    @Option(names = "--max-lag", paramLabel = "N", defaultValue = "100",
            description = "A replica is in rotation only when at most this many records of the topic are not yet applied (default: ${DEFAULT-VALUE}).")
    long maxLag;

    @Override
    public Integer call() throws InterruptedException {
        Path haproxy = Balancer.haproxy()
                               .orElseThrow(() -> new EntenteException("haproxy is not installed (on Debian: apt-get install haproxy)"));
        Cluster cluster = Cluster.create().dir(dir).replicas(replicas).passwd(passwd).topic(topic)
                                 .kafkaTimeout(Duration.ofSeconds(kafkaTimeout)).maxLag(maxLag)
                                 .launcher(launcher()).broker(LocalBrokers::start).haproxy(haproxy).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.stop();
            stopped.countDown();
        }, "entente-cluster-stop"));
        ClusterInfo info = cluster.start();
        System.out.println(info.toJsonLine());
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The same Java, class path and project home as this process, running {@link Main}. */
    static List<String> launcher() {
        String java = ProcessHandle.current().info().command()
                                   .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(java, "-Dentente.home=" + EntenteSys.home(), "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }
}
