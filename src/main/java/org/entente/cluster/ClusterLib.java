package org.entente.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.entente.sys.EntenteException;

/** What the cluster's parts share: waiting, health probes, a loopback port, shell quoting. */
public final class ClusterLib {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ClusterLib() {}

    /** Polls {@code done} every 200 ms until it holds; fails after {@code timeout}, saying what it waited for. */
    public static void await(String what, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline)
                throw new EntenteException("Gave up after " + timeout.toSeconds() + " s waiting for " + what);
            try {
                Thread.sleep(200);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new EntenteException("Interrupted while waiting for " + what, ex);
            }
        }
    }

    /** Whether {@code GET base/$/health} answers 200 (ready); false when it answers otherwise or not at all. */
    public static boolean healthy(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/$/health")).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException ex) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A loopback port free at this moment, for haproxy, which cannot bind port 0 and tell which port it got.
     * Another process may take it before haproxy binds it: the caller tries again with another one.
     */
    public static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException ex) {
            throw new EntenteException("No free port on loopback: " + ex.getMessage(), ex);
        }
    }

    /** The words as one POSIX shell command line, each in single quotes where it needs them. */
    public static String shellCommand(List<String> words) {
        return words.stream().map(ClusterLib::shellQuote).collect(Collectors.joining(" "));
    }

    static String shellQuote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./\\-]+"))
            return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Stops a process: SIGTERM, then SIGKILL if it is still there after {@code grace}. */
    public static void stop(ProcessHandle p, Duration grace) {
        if (!p.isAlive())
            return;
        p.destroy();
        try {
            p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            p.destroyForcibly();
        } catch (ExecutionException ex) {
            throw new EntenteException("Cannot stop process " + p.pid() + ": " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
