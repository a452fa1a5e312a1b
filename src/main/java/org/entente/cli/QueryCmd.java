package org.entente.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.federation.FederationLib;
import org.entente.federation.RemoteSparql;
import org.entente.load.StoreLib;
import org.entente.query.NamedQuery;
import org.entente.ops.ServerFile;
import org.entente.query.QueryLib;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;
import org.entente.sys.EntenteSys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente query}: run a named query from {@code queries/} (or a file) against the store. */
@Command(name = "query", mixinStandardHelpOptions = true,
         description = "Run a named query (queries/NAME.rq) or a .rq file against the store, or the server that holds it."
                       + " Use --list to see the named queries.")
final class QueryCmd implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter of the query, typed as its header declares.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table", description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Query time limit (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Mixin
    FederationOptions federation;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Ask this SPARQL endpoint (e.g. http://localhost:3030/kg/sparql) instead of opening the store."
                          + " Without it, a store held by a running server is asked through that server.")
    String endpoint;

    @Option(names = "--list", description = "List the named queries with their parameters.")
    boolean list;

    @Parameters(arity = "0..1", paramLabel = "NAME|FILE")
    String name;

    @Override
    public Integer call() {
        var dir = EntenteSys.home().resolve(EntenteSys.QUERIES_DIR);
        if (list || name == null) {
            for (NamedQuery q : QueryLib.readAll(dir)) {
                System.out.printf("%-36s %s%n", q.name(), q.description());
                q.params().forEach(p -> System.out.printf("%-36s   --param %s=<%s> %s%n", "", p.name(), p.type().label(), p.description()));
            }
            return 0;
        }
        QueryLib.Format fmt;
        try {
            fmt = QueryLib.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new EntenteException("Unknown format '" + format + "': use table, csv, tsv or json");
        }
        NamedQuery nq = QueryLib.find(name, dir);
        String remoteEndpoint = endpoint != null ? endpoint : runningServer();
        if (remoteEndpoint != null) {
            QueryLib.runRemote(remoteEndpoint, nq, params, fmt, (long) (timeout * 1000), System.out);
            System.out.flush();
            return 0;
        }
        RemoteSparql remote = new RemoteSparql(federation.policy());
        DatasetGraph dsg = StoreLib.open(store.store);
        try {
            QueryLib.run(dsg, nq, params, fmt, (long) (timeout * 1000), cxt -> FederationLib.configure(cxt, remote), System.out);
            System.out.flush();
            return 0;
        } finally {
            StoreLib.close(dsg);
        }
    }

    /** The SPARQL endpoint of the server holding the store, if one is running. */
    private String runningServer() {
        return ServerFile.running(store.store).map(f -> {
            EntenteLog.queryLog.info("The store {} is in use by the server at {} (process {}): asking it", store.store, f.url(), f.pid());
            return f.url() + EntenteSys.DATASET.substring(1) + "/sparql";
        }).orElse(null);
    }
}
