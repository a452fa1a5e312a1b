package org.entente.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.load.DumpLib;
import org.entente.load.JsonLdLib;
import org.entente.load.LoadReport;
import org.entente.load.Loader;
import org.entente.load.StoreLib;
import org.entente.replication.ReplicationState;
import org.entente.sys.EntenteException;

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

    @Mixin
    BulkOption bulk;

    @Option(names = "--allow-context", paramLabel = "URL",
            description = "A remote JSON-LD @context the files may name, fetched when they do (repeatable). Others are refused;"
                          + " schema.org's is built in.")
    List<String> allowContexts = new ArrayList<>();

    @Option(names = "--restore",
            description = "The file is a dump (entente dump) to copy into an empty store exactly: blank nodes keep their labels,"
                          + " no catalog entry, no SHACL gate. A dump of a replica carries its place in the patch log: a replica"
                          + " started on the new store resumes after it.")
    boolean restore;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
    List<Path> files;

    private Integer restore() {
        if (files.size() != 1 || graph != null)
            throw new EntenteException("--restore takes one dump file, and no --graph");
        // Not openForWriting: a dump of a replica makes a replicated store, which is the point. The
        // store must be empty, so a store already in a deployment is never written here.
        DatasetGraph dsg = StoreLib.open(store.store);
        try {
            long n = DumpLib.restore(dsg, files.get(0));
            ReplicationState at = Txn.calculateRead(dsg, () -> ReplicationState.read(dsg));
            System.out.printf("Restored %,d quads from %s%n", n, files.get(0));
            if (at.offset() >= 0)
                System.out.printf("The store carries the patch log up to offset %,d: a replica on it (serve --role replica) resumes at offset %,d%n",
                                  at.offset(), at.offset() + 1);
            return 0;
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Override
    public Integer call() {
        if (restore)
            return restore();
        JsonLdLib.install(allowContexts);
        DatasetGraph dsg = store.openForWriting();
        try {
            LoadReport report = Loader.create().dataset(dsg).graph(graph).validate(!noValidate).bulk(bulk.mode(Loader.Bulk.AUTO)).build().load(files);
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
