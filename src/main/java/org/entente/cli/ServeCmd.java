package org.entente.cli;

import java.util.ArrayList;
import java.util.List;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.load.SeedLib;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.entente.sys.EntenteLog;
import org.entente.sys.EntenteSys;
import org.entente.world.CldrWorld;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code entente serve}: the store, the seed data, and Fuseki with the UI. */
@Command(name = "serve", mixinStandardHelpOptions = true,
         description = "Open the store, load ontology/ and data/ if new or changed, and serve SPARQL and the UI.")
final class ServeCmd implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--passwd", paramLabel = "FILE",
            description = "Password file in Fuseki's format (user: password per line). Enables /kg/update and /kg/data for its users.")
    Path passwd;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Query time limit (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Mixin
    FederationOptions federation;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = EntenteSys.ID_BASE,
            description = "The namespace of things answered at /id/ (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "104857600",
            description = "Largest request body (update, upload, posted query); larger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--max-requests", paramLabel = "N", defaultValue = "32",
            description = "Requests to the dataset that run at once; more wait up to 2 s, then get 503 (default: ${DEFAULT-VALUE}).")
    int maxRequests;

    @Option(names = "--cors", paramLabel = "ORIGIN",
            description = "An origin (https://example.org) whose pages may read /api and /kg/sparql from a browser; repeatable (default: none).")
    List<String> cors = new ArrayList<>();

    @Option(names = "--no-seed", description = "Do not load the project's ontology/ and data/ on start.")
    boolean noSeed;

    @Override
    public Integer call() {
        DatasetGraph dsg = StoreLib.open(store.store);
        try {
            Path home = EntenteSys.home();
            if (!noSeed) {
                if (EntenteSys.isHome(home))
                    SeedLib.sync(dsg, home, List.of(CldrWorld.create()));
                else
                    EntenteLog.serverLog.warn("No ontology/ in {}: serving the store as it is", home);
            }
            FusekiServer server = EntenteServer.create().dataset(dsg).port(port).host(host).passwordFile(passwd)
                                               .timeoutMillis((long) (timeout * 1000))
                                               .servicePolicy(federation.policy()).base(base)
                                               .maxBodyBytes(maxBody).maxConcurrent(maxRequests, 2_000)
                                               .cors(cors).queries(home.resolve(EntenteSys.QUERIES_DIR)).build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                EntenteLog.serverLog.info("Stopping");
                server.stop();
                StoreLib.close(dsg);
            }, "entente-shutdown"));
            server.start();
            long ready = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            String url = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + server.getHttpPort();
            EntenteLog.serverLog.info("Ready in {} ms: SPARQL {}/kg/sparql, start page {}/, SPARQL editor {}{}", ready, url, url, url, EntenteSys.EDITOR);
            server.join();
            return 0;
        } catch (RuntimeException ex) {
            StoreLib.close(dsg);
            throw ex;
        }
    }
}
