package org.entente.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.prometheus.FMod_Prometheus;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.entente.api.Cors;
import org.entente.api.FMod_Api;
import org.entente.api.ServiceGuard;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.entente.browse.FMod_Browse;
import org.entente.federation.FMod_Federation;
import org.entente.federation.FederationLib;
import org.entente.federation.RemoteSparql;
import org.entente.federation.ServicePolicy;
import org.entente.http.ResponseCache;
import org.entente.load.JsonLdLib;
import org.entente.ops.FMod_AccessLog;
import org.entente.ops.FMod_Health;
import org.entente.ops.FMod_Metrics;
import org.entente.ops.Readiness;
import org.entente.replication.FMod_Replication;
import org.entente.replication.Replication;
import org.entente.server.limits.ChunkedBodyLimit;
import org.entente.server.limits.ConcurrencyGate;
import org.entente.server.limits.ContentLengthLimit;
import org.entente.server.limits.ContentTypeCheck;
import org.entente.server.limits.DatasetConflictCheck;
import org.entente.server.limits.NestingLimit;
import org.entente.store.StoreGeneration;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;
import org.entente.sys.EntenteSys;

/**
 * The Entente server: embedded Fuseki over one dataset, {@code /kg}, read-only to the public.
 * <pre>
 *   FusekiServer server = EntenteServer.create().dataset(dsg).port(0).build().start();
 *   String sparql = server.datasetURL("/kg") + "/sparql";
 * </pre>
 * <ul>
 * <li>{@code /kg/sparql}, {@code /kg/query}: SPARQL query, GET and POST, for anyone;</li>
 * <li>{@code /kg/get}: Graph Store Protocol, read, for anyone;</li>
 * <li>{@code /kg/update}, {@code /kg/data}: SPARQL Update and Graph Store write, only for users of the
 *     password file, and not served at all without one;</li>
 * <li>{@code /api/NAME}: each named query of the queries folder, typed, paged, in JSON, CSV, TSV, XML or HTML;
 *     {@code /api/openapi.json}: its OpenAPI 3.1 document; {@code /api/}: Swagger UI;</li>
 * <li>{@code /}: the start page; {@code /id/}, {@code /page/}, {@code /data/}: linked data; {@code /ui/}: the Fuseki UI (SPARQL editor);
 *     {@code /$/ping}: liveness; {@code /$/health}: readiness; {@code /$/metrics}: Prometheus;
 *     {@code /$/status}: the patch log, when replicating.</li>
 * <li>{@code SERVICE}: Wikidata (sent to the configured endpoint) and allowed endpoints only.</li>
 * </ul>
 */
public final class EntenteServer {

    /** The realm named in {@code WWW-Authenticate} challenges. */
    public static final String REALM = "Entente";

    private final DatasetGraph dsg;
    private final int port;
    private final String host;
    private final Path passwordFile;
    private final long timeoutMillis;
    private final ServicePolicy servicePolicy;
    private final String base;
    private final long maxBodyBytes;
    private final int maxConcurrent;
    private final long queueWaitMillis;
    private final List<String> cors;
    private final Path queries;
    private final List<String> allowContexts;
    private final boolean publicMetrics;
    private final Readiness readiness;
    private final long minFreeDiskBytes;
    private final Path httpsKeystore;
    private final String httpsPassword;
    private final int httpsPort;
    private final Replication replication;
    private final long cacheBytes;
    private final long cacheEntryBytes;

    private EntenteServer(Builder b) {
        this.cacheBytes = b.cacheBytes;
        this.cacheEntryBytes = b.cacheEntryBytes;
        this.replication = b.replication;
        this.cors = b.cors;
        this.queries = b.queries;
        this.allowContexts = List.copyOf(b.allowContexts);
        this.publicMetrics = b.publicMetrics;
        this.readiness = b.readiness;
        this.minFreeDiskBytes = b.minFreeDiskBytes;
        this.httpsKeystore = b.httpsKeystore;
        this.httpsPassword = b.httpsPassword;
        this.httpsPort = b.httpsPort;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxConcurrent = b.maxConcurrent;
        this.queueWaitMillis = b.queueWaitMillis;
        this.base = b.base;
        this.servicePolicy = b.servicePolicy;
        this.dsg = b.dsg;
        this.port = b.port;
        this.host = b.host;
        this.passwordFile = b.passwordFile;
        this.timeoutMillis = b.timeoutMillis;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Assembles the Fuseki server (not yet started) from these settings. */
    private FusekiServer assemble() {
        // Queries stop at the time limit. Set per endpoint, not on the dataset, which others may share.
        Context limits = new Context();
        limits.set(ARQ.queryTimeout, Long.toString(timeoutMillis));

        DataService.Builder service = DataService.newBuilder(dsg)
            .addEndpoint(Endpoint.create().operation(Operation.Query).endpointName("sparql").context(limits).build())
            .addEndpoint(Endpoint.create().operation(Operation.Query).endpointName("query").context(limits).build())
            .addEndpoint(Operation.GSP_R, "get");
        if (passwordFile != null) {
            service.addEndpoint(Operation.Update, "update", Auth.ANY_USER)
                   .addEndpoint(Operation.GSP_RW, "data", Auth.ANY_USER)
                   .addEndpoint(org.entente.ingest.FMod_Ingest.INGEST, "ingest", Auth.ANY_USER);
        }

        // A SERVICE evaluated outside the federation module's registry reaches nothing.
        FederationLib.lockDown();
        // Nor does an uploaded JSON-LD document's @context, unless allowed.
        JsonLdLib.install(allowContexts);

        List<FusekiModule> all = new ArrayList<>();
        all.add(new FMod_Console());
        all.add(new FMod_Federation(servicePolicy));
        // Whole answers of pages and named queries, per store generation, in one budget of bytes.
        ResponseCache responses = ResponseCache.create().generation(StoreGeneration.of(dsg))
                                               .maxBytes(cacheBytes).maxEntryBytes(cacheEntryBytes).build();
        all.add(new FMod_Browse(dsg, base, responses));
        // The web API runs SERVICE under the same policy as /kg/sparql, checked before and enforced while a query runs.
        RemoteSparql apiRemote = new RemoteSparql(servicePolicy);
        all.add(FMod_Api.create().dataset(dsg).queries(queries).timeoutMillis(timeoutMillis).cors(cors).cache(responses)
                        .services(new ServiceGuard(cxt -> FederationLib.configure(cxt, apiRemote),
                                                   q -> FederationLib.refused(q, servicePolicy).map(ServicePolicy::refusal)))
                        .build());
        // Cross-origin reads of the SPARQL endpoint for the listed origins only (Fuseki's own CORS allows any).
        Cors crossOrigin = new Cors(cors);
        // Operations: Fuseki's Prometheus module serves /$/metrics; ours adds to its registry, so comes after it.
        all.add(FMod_Prometheus.create());
        all.add(new FMod_Metrics(dsg));
        if (replication != null) {
            // The status of the patch log, and on the writer 503 for a write the log did not take.
            all.add(new FMod_Replication(replication, EntenteSys.DATASET));
            readiness.replication(replication::readiness);
        }
        all.add(new FMod_Health(dsg, readiness, minFreeDiskBytes));
        all.add(new FMod_AccessLog());
        // Article drafts (POST /kg/ingest) only for the users of a password file.
        if (passwordFile != null)
            all.add(new org.entente.ingest.FMod_Ingest(dsg, timeoutMillis));

        // One gate for everything that runs a query: the SPARQL endpoints and the web API share its places.
        ConcurrencyGate gate = new ConcurrencyGate(maxConcurrent, queueWaitMillis);
        FusekiServer.Builder builder = FusekiServer.create()
            .port(port)
            .loopback(isLoopback(host))
            .enablePing(true)
            .realm(REALM)
            .fusekiModules(FusekiModules.create(all))
            .enableCors(false)
            .addFilter(EntenteSys.DATASET + "/sparql", crossOrigin)
            .addFilter(EntenteSys.DATASET + "/query", crossOrigin)
            .addFilter("/$/*", new AdminGuard(passwordFile != null, REALM, publicMetrics))
            // Limits: headers are checked first; whatever reads a body does so only with a place in the gate.
            .addFilter(EntenteSys.DATASET + "/*", new ContentLengthLimit(maxBodyBytes))
            .addFilter(EntenteSys.DATASET + "/*", new ContentTypeCheck())
            .addFilter(EntenteSys.DATASET + "/*", gate)
            .addFilter("/api/*", gate)
            .addFilter(EntenteSys.DATASET + "/*", new NestingLimit())
            .addFilter(EntenteSys.DATASET + "/*", new DatasetConflictCheck())
            .addFilter(EntenteSys.DATASET + "/*", new ChunkedBodyLimit(maxBodyBytes))
            .addFilter(EntenteSys.DATASET + "/*", new ServiceDescription(dsg, StoreGeneration.of(dsg)))
            .addFilter(EntenteSys.DATASET + "/*", new NullGraphParameter())
            .add(EntenteSys.DATASET, service.build());
        if (passwordFile != null)
            builder.passwordFile(passwordFile.toString());
        if (httpsKeystore != null)
            builder.https(httpsPort, httpsKeystore.toString(), httpsPassword);

        FusekiServer server = builder.build();
        server.getJettyServer().setHandler(new ConsoleRouting(server.getJettyServer().getHandler()));
        ResponseBuffers.apply(server.getJettyServer());
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (!(c instanceof ServerConnector sc))
                continue;
            boolean tls = sc.getConnectionFactory(SslConnectionFactory.class) != null;
            // With HTTPS on, plain HTTP listens on loopback only: credentials from elsewhere travel encrypted.
            if (httpsKeystore != null && !tls)
                sc.setHost("127.0.0.1");
            else if (!isLoopback(host) && !"0.0.0.0".equals(host))
                sc.setHost(host);
        }
        return server;
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host);
    }

    /** Settings of an {@link EntenteServer}. */
    public static final class Builder {
        private DatasetGraph dsg;
        private int port = 3030;
        private String host = "127.0.0.1";
        private Path passwordFile;
        private long timeoutMillis = 30_000;
        private ServicePolicy servicePolicy = ServicePolicy.create().build();
        private String base = EntenteSys.ID_BASE;
        private long maxBodyBytes = 100L * 1024 * 1024;
        private int maxConcurrent = 32;
        private long queueWaitMillis = 2_000;
        private List<String> cors = List.of();
        private Path queries = EntenteSys.home().resolve(EntenteSys.QUERIES_DIR);

        private Builder() {}

        /** The origins (scheme://host[:port]) whose pages may read /api and /kg/sparql from a browser; none by default. */
        public Builder cors(List<String> origins) {
            this.cors = List.copyOf(origins);
            return this;
        }

        /** The folder of named queries served at /api/NAME (default: the home's queries/). */
        public Builder queries(Path folder) {
            this.queries = folder;
            return this;
        }

        private List<String> allowContexts = List.of();
        private boolean publicMetrics = false;
        private Readiness readiness = Readiness.noSeed();
        private long minFreeDiskBytes = 100L * 1024 * 1024;
        private Path httpsKeystore;
        private String httpsPassword;
        private int httpsPort = 3443;
        private Replication replication;
        private long cacheBytes = ResponseCache.DEFAULT_MAX_BYTES;
        private long cacheEntryBytes = ResponseCache.DEFAULT_MAX_ENTRY_BYTES;

        /**
         * The response cache: at most this many bytes of whole answers of pages and named queries, kept
         * per store generation (default 32 MiB; 0 turns it off), none larger than {@code maxEntryBytes} (default 1 MiB).
         */
        public Builder responseCache(long maxBytes, long maxEntryBytes) {
            if (maxBytes < 0 || maxEntryBytes < 0)
                throw new EntenteException("--cache-mb cannot be negative");
            this.cacheBytes = maxBytes;
            this.cacheEntryBytes = maxEntryBytes;
            return this;
        }

        /**
         * The server's role in a replicated deployment ({@code serve --kafka}): adds {@code /$/status} and
         * makes {@code /$/health} follow the replica's lag. Serve {@link Replication#dataset()}.
         */
        public Builder replication(Replication replication) {
            this.replication = replication;
            return this;
        }

        /** Whether {@code /$/metrics} is open to all; by default only to authenticated users (403 without a password file). */
        public Builder publicMetrics(boolean open) {
            this.publicMetrics = open;
            return this;
        }

        /** The state of the seed data, for {@code /$/health}; by default the store is served as it is (ready). */
        public Builder readiness(Readiness readiness) {
            this.readiness = Objects.requireNonNull(readiness);
            return this;
        }

        /** Below this much free space on the store's disk, {@code /$/health} says unhealthy (503). Default 100 MiB. */
        public Builder minFreeDiskBytes(long bytes) {
            this.minFreeDiskBytes = bytes;
            return this;
        }

        /**
         * Serve HTTPS on a port (default 3443; 0 for any free one) with the key and certificate of a
         * keystore (PKCS12 or JKS) and its password. Plain HTTP then listens on loopback only.
         */
        public Builder https(Path keystore, String password, int port) {
            this.httpsKeystore = Objects.requireNonNull(keystore);
            this.httpsPassword = Objects.requireNonNull(password);
            this.httpsPort = port;
            return this;
        }

        /**
         * Remote JSON-LD contexts that uploads may name and the server then fetches ({@code --allow-context}).
         * Default none: only the contexts built in (schema.org's) are served, any other is refused with 400.
         */
        public Builder allowContexts(List<String> urls) {
            this.allowContexts = List.copyOf(urls);
            return this;
        }

        /** The largest request body (an update, an upload, a posted query); larger ones get 413. Default 100 MiB. */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /** How many requests to the dataset run at once (default 32), and how long one more waits before a 503 (default 2 s). */
        public Builder maxConcurrent(int n, long waitMillis) {
            if (n < 1)
                throw new EntenteException("--max-requests must be at least 1");
            this.maxConcurrent = n;
            this.queueWaitMillis = waitMillis;
            return this;
        }

        /** The namespace of things this server answers for at {@code /id/} (default https://w3id.org/entente/id/). */
        public Builder base(String base) {
            if (base == null || !(base.startsWith("http://") || base.startsWith("https://")) || !base.endsWith("/"))
                throw new EntenteException("--base must be an http(s) IRI ending in '/': " + base);
            this.base = base;
            return this;
        }

        /** Which SERVICE endpoints queries may reach, and how (default: Wikidata only). */
        public Builder servicePolicy(ServicePolicy policy) {
            this.servicePolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** The dataset served as {@code /kg} (required). */
        public Builder dataset(DatasetGraph dsg) {
            this.dsg = dsg;
            return this;
        }

        /** The port; 0 picks a free one. Default 3030. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to bind: 127.0.0.1 (default), 0.0.0.0 for all, or one address. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** A password file in Fuseki's format ({@code user: password} lines): enables updates for its users. */
        public Builder passwordFile(Path file) {
            this.passwordFile = file;
            return this;
        }

        /** The longest a query may run. Default 30 s. */
        public Builder timeoutMillis(long millis) {
            this.timeoutMillis = millis;
            return this;
        }

        /** The Fuseki server with these settings, not yet started. */
        public FusekiServer build() {
            Objects.requireNonNull(dsg, "dataset");
            if (passwordFile != null && !Files.isReadable(passwordFile))
                throw new EntenteException("Cannot read password file " + passwordFile);
            if (timeoutMillis <= 0)
                throw new EntenteException("The query timeout must be positive");
            if (replication != null && replication.readOnly() && passwordFile != null)
                throw new EntenteException("A replica is read-only: it takes no --passwd (writes go to the writer)");
            if (httpsKeystore != null && !Files.isReadable(httpsKeystore))
                throw new EntenteException("Cannot read keystore " + httpsKeystore);
            EntenteLog.serverLog.debug("Server settings: host={} port={} timeout={}ms auth={}", host, port, timeoutMillis,
                                       passwordFile != null);
            return new EntenteServer(this).assemble();
        }
    }
}
