package org.entente.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.entente.ops.ServerFile;
import org.entente.sys.EntenteException;

/**
 * One {@code entente serve} of a cluster, a child process with its own store and log: started on port 0,
 * it tells its port through the store's {@link ServerFile}; started again (by its {@link #restartCommand()})
 * it takes the same port and store.
 */
public final class ServerProcess {

    private final String name;
    private final Path store;
    private final Path log;
    private final List<String> launcher;
    private final List<String> serveArgs;
    private Process process;
    private int port;

    /**
     * @param launcher  the words that start the command line, e.g. {@code java -cp entente.jar} and the main class
     * @param serveArgs the options of {@code serve} besides {@code --store} and {@code --port}
     */
    ServerProcess(String name, Path store, Path log, List<String> launcher, List<String> serveArgs) {
        this.name = name;
        this.store = store.toAbsolutePath();
        this.log = log.toAbsolutePath();
        this.launcher = List.copyOf(launcher);
        this.serveArgs = List.copyOf(serveArgs);
    }

    public String name() {
        return name;
    }

    public Path store() {
        return store;
    }

    /** Starts the server on any free port; its output goes to its log. */
    void start() {
        try {
            Files.createDirectories(store);
            process = new ProcessBuilder(command(0)).redirectErrorStream(true)
                                                      .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                                                      .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                                                      .start();
        } catch (IOException ex) {
            throw new EntenteException("Cannot start " + name + ": " + ex.getMessage(), ex);
        }
    }

    /** Waits until the server listens, and learns its port from its server file. */
    void awaitListening(Duration timeout) {
        ClusterLib.await(name + " to listen (see " + log + ")", timeout, () -> {
            if (!process.isAlive())
                throw new EntenteException(name + " stopped with exit code " + process.exitValue() + ": see " + log);
            return running().filter(f -> f.pid() == process.pid()).isPresent();
        });
        String url = running().orElseThrow().url();
        port = Integer.parseInt(url.replaceAll("^.*:(\\d+)/?$", "$1"));
    }

    /** Waits until {@code /$/health} says ready. */
    void awaitHealthy(Duration timeout) {
        ClusterLib.await(name + " to be ready at " + url() + "/$/health (see " + log + ")", timeout, () -> {
            if (!process.isAlive())
                throw new EntenteException(name + " stopped with exit code " + process.exitValue() + ": see " + log);
            return ClusterLib.healthy(url());
        });
    }

    public int port() {
        return port;
    }

    /** Its base URL, without a final slash. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The process this cluster started. */
    public long pid() {
        return process.pid();
    }

    /**
     * A shell command that starts this server again, in the background, on the same port and store, its
     * output appended to the same log.
     */
    public String restartCommand() {
        return "nohup " + ClusterLib.shellCommand(command(port)) + " >> " + ClusterLib.shellQuote(log.toString()) + " 2>&1 < /dev/null &";
    }

    /**
     * Stops the server: the process this cluster started, and the one its server file names (started again
     * by its restart command, so no child of ours), each with SIGTERM, then SIGKILL after {@code grace}.
     */
    void stop(Duration grace) {
        if (process != null)
            ClusterLib.stop(process.toHandle(), grace);
        running().flatMap(f -> ProcessHandle.of(f.pid())).ifPresent(p -> ClusterLib.stop(p, grace));
    }

    private Optional<ServerFile> running() {
        return ServerFile.running(store);
    }

    private List<String> command(int onPort) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of("serve", "--store", store.toString(), "--port", Integer.toString(onPort)));
        cmd.addAll(serveArgs);
        return cmd;
    }
}
