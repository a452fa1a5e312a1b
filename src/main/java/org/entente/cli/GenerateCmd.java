package org.entente.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.entente.generate.Generator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code entente generate}: deterministic realistic data in the Entente ontology, for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
         description = "Write deterministic, realistic data in the Entente ontology as N-Quads (gzipped if the name ends in .gz).")
final class GenerateCmd implements Callable<Integer> {

    @Option(names = "--triples", defaultValue = "1000000", description = "About how many triples (default: ${DEFAULT-VALUE}).")
    long triples;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same file (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file, e.g. gen.nq.gz.")
    Path out;

    @Override
    public Integer call() {
        long n = Generator.create().triples(triples).seed(seed).build().write(out);
        System.out.printf("Wrote %,d quads to %s%n", n, out);
        return 0;
    }
}
