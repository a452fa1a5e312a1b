package org.entente.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.entente.load.LoadReport;
import org.entente.load.Loader;
import org.entente.load.SeedLib;
import org.entente.sys.EntenteSys;
import org.entente.world.CldrWorld;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code entente validate}: parse and SHACL-check files without touching any store. */
@Command(name = "validate", mixinStandardHelpOptions = true,
         description = "Parse files and check them against the shapes, with the project's ontology/ and data/ as context. Writes nothing.")
final class ValidateCmd implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
    List<Path> files;

    @Override
    public Integer call() {
        DatasetGraph mem = DatasetGraphFactory.createTxnMem();
        Path home = EntenteSys.home();
        if (EntenteSys.isHome(home))
            SeedLib.sync(mem, home, List.of(CldrWorld.create()));
        LoadReport report = Loader.create().dataset(mem).progressEvery(0).build().load(files);
        System.out.printf("Valid: %,d triples in %d file(s)%n", report.triples(), report.files().size());
        return 0;
    }
}
