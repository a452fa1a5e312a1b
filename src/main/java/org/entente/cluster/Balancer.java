package org.entente.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;

/**
 * haproxy in front of a cluster, a child process: writes its configuration ({@link HaproxyConfig}) into the
 * cluster's folder, runs {@code haproxy -db -f FILE} with its log beside it, and waits until it listens.
 * <pre>
 *   Balancer b = Balancer.start(haproxy, dir, "127.0.0.1:3030", replicas);
 *   b.url();   // http://127.0.0.1:PORT
 * </pre>
 */
public final class Balancer {

    /** Ports taken by someone else between choosing and binding are tried this many times. */
    private static final int ATTEMPTS = 5;

    private final Process process;
    private final int port;

    private Balancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Debian's haproxy, on the PATH or in /usr/sbin (which a user's PATH may leave out). */
    public static Optional<Path> haproxy() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/usr/local/sbin"))
                     .filter(d -> !d.isBlank())
                     .map(d -> Path.of(d, "haproxy"))
                     .filter(Files::isExecutable)
                     .findFirst();
    }

    /** Starts haproxy on a free loopback port, in front of the writer and the replicas. */
    public static Balancer start(Path haproxy, Path dir, String writer, List<HaproxyConfig.Server> replicas, Duration timeout) {
        Path cfg = dir.toAbsolutePath().resolve("haproxy.cfg");
        Path log = dir.toAbsolutePath().resolve("haproxy.log");
        for (int attempt = 1; ; attempt++) {
            int port = ClusterLib.freeLoopbackPort();
            write(cfg, new HaproxyConfig("127.0.0.1:" + port, writer, replicas).render());
            Process p;
            try {
                p = new ProcessBuilder(haproxy.toString(), "-db", "-f", cfg.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            } catch (IOException ex) {
                throw new EntenteException("Cannot start " + haproxy + ": " + ex.getMessage(), ex);
            }
            ClusterLib.await("haproxy to listen on port " + port + " (see " + log + ")", timeout,
                             () -> !p.isAlive() || accepts(port));
            if (p.isAlive())
                return new Balancer(p, port);
            if (attempt == ATTEMPTS)
                throw new EntenteException("haproxy stopped with exit code " + p.exitValue() + ": see " + log);
            EntenteLog.serverLog.warn("haproxy could not start on port {} (taken meanwhile?): trying another", port);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    void stop(Duration grace) {
        ClusterLib.stop(process.toHandle(), grace);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException ex) {
            return false;
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new EntenteException("Cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }
}
