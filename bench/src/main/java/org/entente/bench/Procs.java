package org.entente.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.entente.sys.EntenteException;

/** Process and file helpers of the benchmark: every contender runs in a JVM of its own. */
final class Procs {
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

    private Procs() {}

    /** HTTP/1.1 with keep-alive, as SPARQL clients talk (the JDK's default asks every new connection for an h2c upgrade). */
    static final HttpClient HTTP = client();

    /**
     * A new client, with connections of its own. Each measured block uses a fresh one: on some machines
     * a keep-alive connection settles into a slow or a fast mode for its whole life (seen here: 2 ms or
     * 16 ms for the same {@code ASK {}}, on either server), so one connection per run would measure luck.
     */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A {@code java} command of the running JVM's own installation. */
    static ProcessBuilder java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    /** Runs a command to its end and returns its wall time in seconds; its output goes to a log in {@code dir}. */
    static double timed(ProcessBuilder pb, Path dir) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "run-", ".log");
        long t0 = System.nanoTime();
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.HOURS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new EntenteException("failed: " + pb.command() + "\n" + tail(log, 30));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The last lines of a process's log, for an error message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    /** Waits until a URL answers 200 (a server that has started). */
    static void awaitUp(String url, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive())
                throw new EntenteException(url + ": the server exited with " + p.exitValue());
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                    return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new EntenteException(url + " never came up");
    }

    static void stop(Process p) throws InterruptedException {
        if (p == null)
            return;
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS))
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * The CPU time a live process has used so far, user and system, in milliseconds (from
     * {@code /proc/PID/stat}); -1 where /proc does not tell. Read before and after a block of requests,
     * it gives what the server spent on them, which stalls of the machine or the network do not touch.
     */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name, in brackets, may hold spaces: fields are counted after its closing bracket.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    /** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on Linux. */
    private static final long CLOCK_TICKS = 100;

    /** The peak resident set (VmHWM) of a live process in MB, or -1 where /proc does not tell. */
    static long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
                if (line.startsWith("VmHWM:"))
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        } catch (IOException | NumberFormatException ex) {
            return -1;
        }
        return -1;
    }

    /** The heap in use by a live JVM, in MB, as {@code jcmd GC.heap_info} reports it; -1 if it cannot tell. */
    static long heapUsedMb(long pid) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "GC.heap_info")
                .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(10, TimeUnit.SECONDS);
            Matcher m = HEAP_USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
        } catch (IOException ex) {
            return -1;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The heap a live JVM still uses after a full collection (what it holds on to), in MB; -1 if it cannot tell. */
    static long liveHeapMb(long pid) {
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException ex) {
            return -1;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return heapUsedMb(pid);
    }

    /** Samples a JVM's heap in use every second on a daemon thread; {@link #peak()} is the largest seen. */
    static final class HeapSampler implements AutoCloseable {
        private final Thread thread;
        private volatile long peak = -1;
        private volatile boolean done = false;

        HeapSampler(long pid) {
            thread = new Thread(() -> {
                while (!done) {
                    long used = heapUsedMb(pid);
                    if (used > peak)
                        peak = used;
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ex) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long peak() {
            return peak;
        }

        @Override
        public void close() {
            done = true;
            thread.interrupt();
        }
    }

    /** A free TCP port on the loopback interface (free when asked; taken by the server soon after). */
    static int freePort() throws IOException {
        return freePorts(1)[0];
    }

    /**
     * Distinct free TCP ports on the loopback interface, all held open while they are chosen (asked one
     * after the other, the system may hand out the same port twice).
     */
    static int[] freePorts(int n) throws IOException {
        java.net.ServerSocket[] held = new java.net.ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                held[i] = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } finally {
            for (java.net.ServerSocket s : held)
                if (s != null)
                    s.close();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p))
                    Files.createDirectories(target);
                else if (!p.getFileName().toString().equals("tdb.lock"))
                    Files.copy(p, target);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir))
            return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList())
                Files.delete(p);
        }
    }

    static long sizeOnDiskMb(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / (1024 * 1024);
        }
    }
}
