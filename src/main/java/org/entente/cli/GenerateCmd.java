package org.entente.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import org.entente.generate.GdeltGenerator;
import org.entente.generate.Generator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente generate}: deterministic realistic data in the Entente ontology, for benchmarks; {@code generate gdelt}: GDELT event files. */
@Command(name = "generate", mixinStandardHelpOptions = true,
         description = "Write deterministic, realistic data in the Entente ontology as N-Quads (gzipped if the name ends in .gz).",
         subcommands = { GenerateCmd.Gdelt.class, CommandLine.HelpCommand.class })
final class GenerateCmd implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--triples", defaultValue = "1000000", description = "About how many triples (default: ${DEFAULT-VALUE}).")
    long triples;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same file (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file, e.g. gen.nq.gz (required).")
    Path out;

    @Override
    public Integer call() {
        if (out == null)
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=FILE'");
        long n = Generator.create().triples(triples).seed(seed).build().write(out);
        System.out.printf("Wrote %,d quads to %s%n", n, out);
        return 0;
    }

    /** {@code entente generate gdelt}: a GDELT event file of realistic shape, for the import benchmark. */
    @Command(name = "gdelt", mixinStandardHelpOptions = true,
             description = "Write a GDELT event file laid out as GDELT's codebook says (2.0 export: 61 columns; 1.0 daily: 58),"
                           + " with realistic actors, codes, scores and URLs; zipped if the name ends in .zip.")
    static final class Gdelt implements Callable<Integer> {
        @Option(names = "--events", defaultValue = "2500", description = "How many rows (default: ${DEFAULT-VALUE}, about a 15-minute update).")
        long events;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same file (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--version", defaultValue = "2", description = "GDELT version, 2 or 1 (default: ${DEFAULT-VALUE}).")
        int version;

        @Option(names = "--day", description = "The file's day as YYYYMMDD (default: 20250301).")
        String day;

        @Option(names = "--first-id", defaultValue = "1230000000", description = "The first GLOBALEVENTID (default: ${DEFAULT-VALUE}).")
        long firstId;

        @Option(names = "--pair", paramLabel = "AAA,BBB", description = "Two CAMEO country codes: a share of the events is between them.")
        String pair;

        @Option(names = "--pair-share", defaultValue = "0.5", description = "The share of events between the pair (default: ${DEFAULT-VALUE}).")
        double pairShare;

        @Option(names = "--days", defaultValue = "365", description = "Over how many days the pair's events are spread (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file, e.g. 20250301.export.CSV.zip.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            GdeltGenerator.Builder b = GdeltGenerator.create().events(events).seed(seed).firstId(firstId).days(days);
            try {
                b.version(version);
                if (day != null)
                    b.day(LocalDate.parse(day, DateTimeFormatter.BASIC_ISO_DATE));
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException ex) {
                throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
            }
            if (pair != null) {
                String[] p = pair.split(",");
                if (p.length != 2 || !p[0].matches("[A-Z]{3}") || !p[1].matches("[A-Z]{3}") || p[0].equals(p[1]))
                    throw new CommandLine.ParameterException(spec.commandLine(), "--pair takes two different CAMEO country codes, e.g. CHN,PRK");
                b.pair(p[0], p[1], pairShare);
            }
            long n = b.build().write(out);
            System.out.printf("Wrote %,d GDELT %d.0 rows to %s%n", n, version, out);
            return 0;
        }
    }
}
