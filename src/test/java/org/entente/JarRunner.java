package org.entente;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the packaged jar in a child JVM, as a user runs {@code bin/entente}. */
public final class JarRunner {
    private JarRunner() {}

    /** The fat jar (failsafe passes its path; it is built by 'package'). */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("entente.jar", "target/entente.jar"));
        if (!Files.isRegularFile(jar))
            throw new AssertionError("no jar at " + jar + ": run through 'mvn verify'");
        return jar;
    }

    /** A process running {@code java -jar entente.jar ARGS} with the project as its home, output merged. */
    public static ProcessBuilder java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                   "-Dentente.home=" + TestLib.home(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    /** Waits for a server's "Ready" line in its log and returns its SPARQL endpoint URL. */
    public static String awaitReady(Process p, Path log) throws Exception {
        Pattern ready = Pattern.compile("Ready in (\\d+) ms: SPARQL (\\S+/kg/sparql)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = ready.matcher(text);
            if (m.find())
                return m.group(2);
            if (!p.isAlive())
                throw new AssertionError("server exited with " + p.exitValue() + ":\n" + text);
            Thread.sleep(100);
        }
        throw new AssertionError("server never said it was ready:\n" + Files.readString(log));
    }
}
