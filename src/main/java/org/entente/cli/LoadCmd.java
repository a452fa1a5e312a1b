package org.entente.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.load.JsonLdLib;
import org.entente.load.LoadReport;
import org.entente.load.Loader;
import org.entente.load.StoreLib;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente load}: files into the store, all or nothing. */
@Command(name = "load", mixinStandardHelpOptions = true,
         description = "Load RDF files or folders into the store in one transaction: all of it, or nothing on any error.")
final class LoadCmd implements Callable<Integer> {

    private static final int MAX_GRAPHS_LISTED = 5;

    @Mixin
    StoreOption store;

    @Option(names = "--graph", paramLabel = "IRI", description = "Named graph for triples (default: one per file, from its name). Quads keep their graphs.")
    String graph;

    @Option(names = "--no-validate", description = "Skip the SHACL gate.")
    boolean noValidate;

    @Option(names = "--allow-context", paramLabel = "URL",
            description = "A remote JSON-LD @context the files may name, fetched when they do (repeatable). Others are refused;"
                          + " schema.org's is built in.")
    List<String> allowContexts = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
    List<Path> files;

    @Override
    public Integer call() {
        JsonLdLib.install(allowContexts);
        DatasetGraph dsg = store.openForWriting();
        try {
            LoadReport report = Loader.create().dataset(dsg).graph(graph).validate(!noValidate).build().load(files);
            for (LoadReport.FileReport f : report.files()) {
                List<String> graphs = f.graphs().stream().map(n -> n.getURI()).toList();
                // A file with many graphs (a dump, a generated set) is summed up, not listed.
                String into = graphs.size() <= MAX_GRAPHS_LISTED ? graphs.toString()
                    : String.format("%,d graphs: %s, ...]", graphs.size(), graphs.subList(0, MAX_GRAPHS_LISTED).toString().replace("]", ""));
                System.out.printf("%s: %,d triples -> %s%n", f.key(), f.triples(), into);
            }
            System.out.printf("Loaded %,d triples in %.2f s (%,.0f triples/s)%n", report.triples(),
                              report.elapsed().toMillis() / 1000.0, report.triplesPerSecond());
            return 0;
        } finally {
            StoreLib.close(dsg);
        }
    }
}
