package org.entente.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.Filter;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.http.ConditionalGet;
import org.entente.http.ResponseCache;
import org.entente.store.StoreGeneration;
import org.entente.sys.EntenteLog;

/**
 * A web API over the named queries: each {@code queries/NAME.rq} answers at {@code GET /api/NAME}
 * (and {@code POST} with a form), its parameters typed by its header; the OpenAPI 3.1 document at
 * {@code /api/openapi.json}; Swagger UI at {@code /api/}. Answers carry an {@code ETag} of the store's
 * generation, and CORS headers for the listed origins only.
 * <pre>
 *   FMod_Api api = FMod_Api.create().dataset(dsg).queries(home.resolve("queries"))
 *                          .cors(List.of("https://example.org")).build();
 * </pre>
 * The queries are read when the server is built: a new {@code .rq} file is a new endpoint after a restart.
 */
public final class FMod_Api implements FusekiModule {

    /** Where the API lives on the server. */
    public static final String PATH = "/api";

    private final DatasetGraph dsg;
    private final Path queries;
    private final long timeoutMillis;
    private final List<String> cors;
    private final ServiceGuard services;
    private final ResponseCache responses;

    private FMod_Api(Builder b) {
        this.responses = b.responses;
        this.dsg = b.dsg;
        this.queries = b.queries;
        this.timeoutMillis = b.timeoutMillis;
        this.cors = b.cors;
        this.services = b.services;
    }

    public static Builder create() {
        return new Builder();
    }

    @Override
    public String name() {
        return "Entente web API";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        ApiQueries named = ApiQueries.read(queries);
        QueryEndpoint endpoint = new QueryEndpoint(dsg, timeoutMillis, services);
        String document = OpenApiLib.toJson(OpenApiLib.document(named.all(), PATH));
        builder.addServlet(PATH + "/*", new ApiServlet(named, endpoint, document, SwaggerUi.fromClasspath()));
        Filter crossOrigin = new Cors(cors);
        builder.addFilter(PATH + "/*", crossOrigin);
        builder.addFilter(PATH + "/*", new ConditionalGet(StoreGeneration.of(dsg)));
        // Last before the servlet: CORS and the validators are set afresh on every answer, kept or not.
        if (responses != null && responses.enabled())
            builder.addFilter(PATH + "/*", responses.filter(new ApiVariant(named)));
        EntenteLog.serverLog.info("Web API: {} queries at {}/, from {}", named.all().size(), PATH, queries);
    }

    /** Settings of the API module. */
    public static final class Builder {
        private DatasetGraph dsg;
        private Path queries;
        private long timeoutMillis = 30_000;
        private List<String> cors = List.of();
        private ServiceGuard services = ServiceGuard.NONE;
        private ResponseCache responses;

        private Builder() {}

        /** The cache that keeps whole answers of the queries per store generation (default: none). */
        public Builder cache(ResponseCache responses) {
            this.responses = responses;
            return this;
        }

        /** The dataset the queries run on (required). */
        public Builder dataset(DatasetGraph dsg) {
            this.dsg = dsg;
            return this;
        }

        /** The folder of {@code *.rq} files, each an endpoint; none when null. */
        public Builder queries(Path folder) {
            this.queries = folder;
            return this;
        }

        /** The longest a query may run (default 30 s). */
        public Builder timeoutMillis(long millis) {
            this.timeoutMillis = millis;
            return this;
        }

        /** The origins (scheme://host[:port]) a browser may call the API from; none by default. */
        public Builder cors(List<String> origins) {
            this.cors = List.copyOf(origins);
            return this;
        }

        /** How queries with {@code SERVICE} are checked and run (default: none runs). */
        public Builder services(ServiceGuard guard) {
            this.services = Objects.requireNonNull(guard);
            return this;
        }

        public FMod_Api build() {
            Objects.requireNonNull(dsg, "dataset");
            Cors.checkOrigins(cors);
            return new FMod_Api(this);
        }
    }
}
