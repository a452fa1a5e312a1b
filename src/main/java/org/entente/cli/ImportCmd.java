package org.entente.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.gdelt.BadRow;
import org.entente.gdelt.GdeltImporter;
import org.entente.gdelt.GdeltReport;
import org.entente.load.Loader;
import org.entente.load.StoreLib;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente import}: event data in other formats, turned into RDF and loaded like {@code load}. */
@Command(name = "import", mixinStandardHelpOptions = true,
         description = "Import event data that is not RDF (GDELT) into the store, all or nothing.",
         subcommands = { ImportCmd.Gdelt.class, CommandLine.HelpCommand.class })
final class ImportCmd implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code entente import gdelt}: GDELT event files, one named graph each. */
    @Command(name = "gdelt", mixinStandardHelpOptions = true,
             description = "Import GDELT event files (2.0 export, 1.0 daily or back files; .zip or plain) in one transaction,"
                           + " one named graph per file; importing a file again replaces its graph.")
    static final class Gdelt implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Option(names = "--skip-bad", description = "Import the good rows and list the bad ones (stderr and FILE.skipped.tsv)"
                                                    + " instead of importing nothing.")
        boolean skipBad;

        @Mixin
        BulkOption bulk;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        public Integer call() {
            DatasetGraph dsg = store.openForWriting();
            try {
                GdeltReport report = GdeltImporter.create().dataset(dsg).skipBad(skipBad).bulk(bulk.mode(Loader.Bulk.NEVER)).build().importFiles(files);
                for (GdeltReport.FileResult f : report.files()) {
                    System.out.printf("%s: GDELT %s, %,d rows, %,d events -> %s (%,d already in other graphs, %,d bad rows skipped)%n",
                                      f.file().getFileName(), f.version(), f.rows(), f.imported(), f.graph().getURI(),
                                      f.duplicates(), f.skipped().size());
                    for (BadRow b : f.skipped())
                        System.err.println("skipped " + b);
                    if (!f.skipped().isEmpty())
                        System.err.println("skipped rows listed in " + GdeltImporter.skippedReport(f.file()));
                }
                System.out.printf("Imported %,d triples in %.2f s (%,.0f rows/s)%n", report.triples(),
                                  report.elapsed().toMillis() / 1000.0, report.rowsPerSecond());
                return 0;
            } finally {
                StoreLib.close(dsg);
            }
        }
    }
}
