package org.entente.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.entente.sys.EntenteException;

/**
 * The Berlin SPARQL Benchmark (the {@code org.aksw.bsbm:bsbm-core} release from the Maven registry):
 * its data generator, and its test driver running the explore use case over HTTP. Both run in JVMs of
 * their own, with the tool's jars and Jena from our jar on the class path.
 */
final class Bsbm {
    /** About how many triples the generator makes per product (measured: 100 products, 40,377 triples). */
    static final int TRIPLES_PER_PRODUCT = 360;
    private static final Pattern NUMBER = Pattern.compile("<%s>([0-9.]+)</%s>");

    private final String classpath;
    private final Path coreJar;

    Bsbm(Path toolDir, Path enteJar) throws IOException {
        List<String> cp = new ArrayList<>();
        Path core = null;
        try (Stream<Path> s = Files.list(toolDir)) {
            for (Path p : s.sorted().toList()) {
                cp.add(p.toAbsolutePath().toString());
                if (p.getFileName().toString().startsWith("bsbm-core"))
                    core = p.toAbsolutePath();
            }
        }
        if (core == null)
            throw new EntenteException("No bsbm-core jar in " + toolDir + " (the bench project fetches it: mvn -f bench/pom.xml package)");
        cp.add(enteJar.toAbsolutePath().toString());
        this.classpath = String.join(java.io.File.pathSeparator, cp);
        this.coreJar = core;
    }

    /** Generates about {@code triples} triples as {@code dir/bsbm.nt}, with the driver's data in {@code dir/td_data}. */
    Path generate(long triples, Path dir) throws Exception {
        Files.createDirectories(dir);
        long products = Math.max(10, triples / TRIPLES_PER_PRODUCT);
        Procs.timed(Procs.java("-Xmx1g", "-cp", classpath, "benchmark.generator.Generator", "-pc", Long.toString(products), "-fc", "-s", "nt", "-fn", "bsbm")
                         .directory(dir.toFile()), dir);
        return dir.resolve("bsbm.nt");
    }

    /** A driver run's figures: query mixes run, their total time, and the QMpH it reports. */
    record Run(double mixes, double seconds, double qmph) {}

    /** Runs the explore mix against an endpoint, one client, after the driver's own warm-up. */
    Run drive(String endpoint, int runs, int warmups, Path dir) throws Exception {
        Path out = Files.createTempFile(dir, "bsbm-", ".xml");
        Procs.timed(Procs.java("-Xmx512m", "-cp", classpath, "benchmark.testdriver.TestDriver", "-runs", Integer.toString(runs), "-w", Integer.toString(warmups),
                               "-mt", "1", "-idir", "td_data", "-ucf", "jar:" + coreJar.toUri() + "!/usecases/explore/sparql.txt",
                               "-o", out.toString(), endpoint)
                         .directory(dir.toFile()), dir);
        String xml = Files.readString(out);
        return new Run(number(xml, "querymixruns"), number(xml, "totalruntime"), number(xml, "qmph"));
    }

    private static double number(String xml, String tag) {
        Matcher m = Pattern.compile(String.format(NUMBER.pattern(), tag, tag)).matcher(xml);
        if (!m.find())
            throw new EntenteException("The BSBM driver's report has no " + tag);
        return Double.parseDouble(m.group(1));
    }
}
