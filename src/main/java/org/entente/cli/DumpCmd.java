package org.entente.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.load.DumpLib;
import org.entente.load.StoreLib;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code entente dump}: the whole store as N-Quads, a consistent snapshot. */
@Command(name = "dump", mixinStandardHelpOptions = true,
         description = "Write every quad of the store to an N-Quads file (gzipped if it ends in .gz). Loading it into an empty store gives the same dataset.")
final class DumpCmd implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write, e.g. backup.nq.gz.")
    Path out;

    @Override
    public Integer call() {
        DatasetGraph dsg = StoreLib.open(store.store);
        try {
            long n = DumpLib.dump(dsg, out);
            System.out.printf("Wrote %,d quads to %s%n", n, out);
            return 0;
        } finally {
            StoreLib.close(dsg);
        }
    }
}
