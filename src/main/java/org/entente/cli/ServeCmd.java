package org.entente.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.http.ResponseCache;
import org.entente.load.SeedLib;
import org.entente.load.StoreLib;
import org.entente.ops.Readiness;
import org.entente.ops.ServerFile;
import org.entente.replication.LogSettings;
import org.entente.replication.Replication;
import org.entente.server.EntenteServer;
import org.entente.sys.EntenteException;
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

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Time limit of a query or an article draft (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--cache-mb", paramLabel = "N", defaultValue = "32",
            description = "Memory for whole answers of pages and /api queries, kept until the next write (default: ${DEFAULT-VALUE}; 0 turns the cache off).")
    long cacheMb;

    @Option(names = "--cors", paramLabel = "ORIGIN",
            description = "An origin (https://example.org) whose pages may read /api and /kg/sparql from a browser; repeatable (default: none).")
    List<String> cors = new ArrayList<>();

    @Option(names = "--no-seed", description = "Do not load the project's ontology/ and data/ on start.")
    boolean noSeed;

    @Option(names = "--public-metrics", description = "Open /$/metrics to all (by default: to users of the password file only).")
    boolean publicMetrics;

    @Option(names = "--min-free-disk", paramLabel = "BYTES", defaultValue = "104857600",
            description = "Below this much free space on the store's disk, /$/health says unhealthy (default: ${DEFAULT-VALUE}).")
    long minFreeDisk;

    @Option(names = "--https", paramLabel = "KEYSTORE",
            description = "Serve HTTPS with this keystore's key and certificate (PKCS12 or JKS); plain HTTP then listens on 127.0.0.1 only.")
    Path httpsKeystore;

    @Option(names = "--https-password-file", paramLabel = "FILE", description = "File holding the keystore's password (first line).")
    Path httpsPasswordFile;

    @Option(names = "--https-port", defaultValue = "3443", description = "HTTPS port (default: ${DEFAULT-VALUE}).")
    int httpsPort;

    @Option(names = "--allow-context", paramLabel = "URL",
            description = "A remote JSON-LD @context that uploads may name, fetched when they do (repeatable). Others get 400;"
                          + " schema.org's is built in.")
    List<String> allowContexts = new ArrayList<>();

    @Option(names = "--kafka", paramLabel = "BROKERS",
            description = "Replicate through this Kafka cluster (host:port[,host:port...]); needs --topic and --role.")
    String kafka;

    @Option(names = "--topic", paramLabel = "T", description = "The Kafka topic of the patch log (one partition; made when missing).")
    String topic;

    @Option(names = "--role", paramLabel = "ROLE",
            description = "writer (takes writes, publishes each as an RDF Patch before committing) or replica (read-only, applies the log).")
    Role role;

    @Option(names = "--max-lag", paramLabel = "N", defaultValue = "100",
            description = "A replica says ready on /$/health only when at most this many records of the log are not yet applied"
                          + " (default: ${DEFAULT-VALUE}).")
    long maxLag;

    @Option(names = "--kafka-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Time limit of every Kafka call; a write the log has not taken by then gets 503 (default: ${DEFAULT-VALUE}).")
    double kafkaTimeout;

    /** A server's role in a replicated deployment. */
    enum Role { writer, replica }

    @Override
    public Integer call() {
        EntenteServer.Builder settings = EntenteServer.create().port(port).host(host).passwordFile(passwd)
                                                      .timeoutMillis((long) (timeout * 1000))
                                                      .servicePolicy(federation.policy()).base(base)
                                                      .maxBodyBytes(maxBody).maxConcurrent(maxRequests, 2_000)
                                                      .publicMetrics(publicMetrics).minFreeDiskBytes(minFreeDisk)
                                                      .allowContexts(allowContexts)
                                                      .responseCache(cacheMb << 20, ResponseCache.DEFAULT_MAX_ENTRY_BYTES);
        if (httpsKeystore != null)
            settings.https(httpsKeystore, httpsPassword(), httpsPort);
        Path home = EntenteSys.home();
        settings.cors(cors).queries(home.resolve(EntenteSys.QUERIES_DIR));
        if ((kafka == null) != (topic == null) || (kafka == null) != (role == null))
            throw new EntenteException("Replication needs all three of --kafka BROKERS, --topic T and --role writer|replica");
        // A replica gets everything, the seed included, from the log.
        boolean seed = !noSeed && EntenteSys.isHome(home) && role != Role.replica;
        if (!noSeed && !EntenteSys.isHome(home))
            EntenteLog.serverLog.warn("No ontology/ in {}: serving the store as it is", home);
        // The server listens while the seed loads: /$/health says "starting" until it is in.
        Readiness readiness = seed ? Readiness.seeding() : Readiness.noSeed();
        DatasetGraph base = StoreLib.open(store.store);
        Replication replication = null;
        FusekiServer server;
        try {
            replication = replication(base);
            DatasetGraph served = replication == null ? base : replication.dataset();
            server = settings.dataset(served).readiness(readiness).replication(replication).build();
        } catch (RuntimeException ex) {
            if (replication != null)
                replication.close();
            StoreLib.close(base);
            throw ex;
        }
        Replication stopping = replication;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            EntenteLog.serverLog.info("Stopping");
            ServerFile.remove(store.store);
            server.stop();
            if (stopping != null)
                stopping.close();
            StoreLib.close(base);
        }, "entente-shutdown"));
        DatasetGraph dsg = replication == null ? base : replication.dataset();
        server.start();
        String local = "http://" + localHost() + ":" + server.getHttpPort() + "/";
        ServerFile.write(store.store, local);
        if (seed) {
            try {
                SeedLib.sync(dsg, home, List.of(CldrWorld.create()));
                readiness.seedLoaded();
            } catch (RuntimeException ex) {
                readiness.seedFailed();
                throw ex;
            }
        }
        long ready = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String url = local.substring(0, local.length() - 1);
        EntenteLog.serverLog.info("Ready in {} ms: SPARQL {}/kg/sparql, start page {}/, SPARQL editor {}{}", ready, url, url, url, EntenteSys.EDITOR);
        if (httpsKeystore != null)
            EntenteLog.serverLog.info("HTTPS on port {}", server.getHttpsPort());
        server.join();
        return 0;
    }

    /** The writer's or a replica's role over the store, or null without --kafka. The writer first catches up with the log. */
    private Replication replication(DatasetGraph base) {
        if (kafka == null)
            return null;
        LogSettings log = LogSettings.of(kafka, topic).withTimeout(Duration.ofMillis((long) (kafkaTimeout * 1000)));
        EntenteLog.serverLog.info("Replication: {} of topic {} on {}", role, topic, kafka);
        return role == Role.writer ? Replication.writer(base, log) : Replication.replica(base, log, maxLag);
    }

    /** Where this machine reaches the HTTP listener: loopback when it listens on all addresses or HTTPS is on. */
    private String localHost() {
        if ("0.0.0.0".equals(host) || httpsKeystore != null)
            return "127.0.0.1";
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private String httpsPassword() {
        if (httpsPasswordFile == null)
            throw new EntenteException("--https needs --https-password-file FILE (the keystore's password)");
        try {
            return Files.readAllLines(httpsPasswordFile).stream().findFirst().orElse("").strip();
        } catch (IOException ex) {
            throw new EntenteException("Cannot read " + httpsPasswordFile + ": " + ex.getMessage(), ex);
        }
    }
}
