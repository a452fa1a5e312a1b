package org.entente.replication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteSys;

/**
 * A real Kafka broker on loopback, in KRaft mode (one process, broker and controller at once), run as a
 * child JVM from the broker's own jars: for the replication tests and {@code entente cluster}, never in
 * production.
 * <pre>
 *   LocalBroker broker = LocalBroker.start(dir);      // formats dir/data, writes dir/server.properties
 *   String bootstrap = broker.bootstrap();            // "127.0.0.1:PORT"
 *   broker.stop();                                    // SIGTERM, then SIGKILL after 30 s
 *   broker = LocalBroker.restart(dir);                // the same broker, its data, its port
 * </pre>
 * The jars are those Maven copies to {@code target/broker-lib/} (the test-scoped {@code kafka_2.13}
 * artifact and its dependencies); the system property {@code entente.broker.lib} names another folder.
 * The broker's log goes to {@code dir/kafka.log}, its console to {@code dir/kafka.out}.
 */
public final class LocalBroker {

    /** The system property naming the folder of the broker's jars. */
    public static final String LIB_PROPERTY = "entente.broker.lib";

    private static final String PROPERTIES = "server.properties";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final Process process;

    private LocalBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Formats a new broker's storage in {@code dir} (with a fresh cluster id), starts it and waits until a client reaches it. */
    public static LocalBroker start(Path dir) {
        try {
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve(PROPERTIES)))
                throw new EntenteException("A broker was already made in " + dir + ": use LocalBroker.restart");
            int port = freePort();
            int controllerPort = freePort();
            writeProperties(dir, port, controllerPort);
            writeLogConfig(dir);
            Process format = launch(dir, List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                                                 "-c", dir.resolve(PROPERTIES).toString(), "--ignore-formatted"),
                                    dir.resolve("format.out"));
            if (!format.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new EntenteException("Formatting the broker's storage in " + dir + " took too long");
            }
            if (format.exitValue() != 0)
                throw new EntenteException("Formatting the broker's storage failed: " + tail(dir.resolve("format.out")));
            return run(dir, port);
        } catch (IOException ex) {
            throw new EntenteException("Cannot prepare a broker in " + dir + ": " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EntenteException("Interrupted while starting a broker", ex);
        }
    }

    /** Starts again the broker made in {@code dir} by {@link #start}, with its data, on its port. */
    public static LocalBroker restart(Path dir) {
        Properties p = readProperties(dir);
        String listener = p.getProperty("advertised.listeners");
        int port = Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1));
        return run(dir, port);
    }

    /** Starts again the broker made in {@code dir}; it listens on {@code port}, the port it had. */
    public static LocalBroker restart(Path dir, int port) {
        LocalBroker b = restart(dir);
        if (b.port != port) {
            b.stop();
            throw new EntenteException("The broker in " + dir + " listens on " + b.port + ", not " + port);
        }
        return b;
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path dir() {
        return dir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the broker: SIGTERM (a clean shutdown), then SIGKILL if it has not ended within 30 s. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Kills the broker at once ({@code kill -9}). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static LocalBroker run(Path dir, int port) {
        Process process;
        try {
            process = launch(dir, List.of("kafka.Kafka", dir.resolve(PROPERTIES).toString()), dir.resolve("kafka.out"));
        } catch (IOException ex) {
            throw new EntenteException("Cannot start the broker in " + dir + ": " + ex.getMessage(), ex);
        }
        LocalBroker broker = new LocalBroker(dir, port, process);
        try {
            broker.awaitReady();
        } catch (RuntimeException ex) {
            broker.kill();
            throw ex;
        }
        return broker;
    }

    /** Waits until an admin client gets the cluster's description, the process dies, or the time is up. */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive())
                    throw new EntenteException("The broker in " + dir + " ended with code " + process.exitValue() + ": "
                                               + tail(dir.resolve("kafka.out")));
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty())
                        return;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
                    // Not listening yet.
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EntenteException("Interrupted while waiting for the broker", ex);
        }
        throw new EntenteException("The broker in " + dir + " was not ready within " + READY_TIMEOUT.toSeconds() + " s: "
                                   + tail(dir.resolve("kafka.log")));
    }

    private static Process launch(Path dir, List<String> mainAndArgs, Path console) throws IOException {
        Path lib = lib();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A small broker: tests and a laptop cluster, not production.
        cmd.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                           "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toUri(),
                           "-Dkafka.logs.dir=" + dir, "-cp", lib + "/*"));
        cmd.addAll(mainAndArgs);
        return new ProcessBuilder(cmd).directory(dir.toFile())
                                      .redirectErrorStream(true)
                                      .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                                      .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                                      .start();
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    /** The folder of the broker's jars: {@code entente.broker.lib}, else the project's {@code target/broker-lib}. */
    static Path lib() {
        String p = System.getProperty(LIB_PROPERTY);
        Path lib = p != null && !p.isBlank() ? Path.of(p) : EntenteSys.home().resolve("target/broker-lib");
        try (var jars = Files.list(lib)) {
            if (jars.noneMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-")))
                throw new EntenteException("No Kafka broker jars in " + lib);
        } catch (IOException ex) {
            throw new EntenteException("No Kafka broker jars in " + lib + " (run 'mvn -o generate-test-resources' to copy them there,"
                                       + " or set -D" + LIB_PROPERTY + "=DIR)", ex);
        }
        return lib.toAbsolutePath();
    }

    private static void writeProperties(Path dir, int port, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        // One broker: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        try (OutputStream out = Files.newOutputStream(dir.resolve(PROPERTIES))) {
            p.store(out, "A local KRaft broker made by Entente's LocalBroker");
        }
    }

    private static Properties readProperties(Path dir) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(PROPERTIES), StandardCharsets.ISO_8859_1)) {
            p.load(in);
        } catch (IOException ex) {
            throw new EntenteException("No broker was made in " + dir + ": " + ex.getMessage(), ex);
        }
        return p;
    }

    private static void writeLogConfig(Path dir) throws IOException {
        String config = String.join("\n",
            "status = warn",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = " + dir.resolve("kafka.log").toString().replace("\\", "/"),
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.file.ref = file",
            "");
        Files.writeString(dir.resolve("log4j2.properties"), config, StandardCharsets.UTF_8);
    }

    /** A port free on loopback now. The broker needs it written in its configuration (its controller's, too) to come back on it. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] all = in.readAllBytes();
            int from = Math.max(0, all.length - 2_000);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8).strip();
        } catch (IOException ex) {
            return "(no " + file + ")";
        }
    }
}
