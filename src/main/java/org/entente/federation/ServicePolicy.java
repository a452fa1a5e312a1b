package org.entente.federation;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.entente.sys.EntenteSys;
import org.entente.sys.EntenteException;

/**
 * Which remote SPARQL endpoints a {@code SERVICE} may reach, and where each is sent.
 * <p>
 * Wikidata's query service (under its IRI and the {@code /bigdata/namespace/wdq/sparql} alias) is
 * always allowed and sent to the configured Wikidata endpoint, so a mirror or a stand-in works without
 * touching queries. Other endpoints are allowed only when listed. Anything else is refused before any
 * connection is made: a public endpoint that fetched any IRI asked of it would let anyone make the
 * server reach internal hosts.
 * <pre>
 *   ServicePolicy policy = ServicePolicy.create().wikidataEndpoint("http://localhost:8890/sparql").build();
 *   policy.route("https://query.wikidata.org/sparql");   // Optional[http://localhost:8890/sparql]
 *   policy.route("http://169.254.169.254/latest");        // Optional.empty()
 * </pre>
 */
public final class ServicePolicy {

    /** Wikidata's query service, as queries name it. */
    public static final String WIKIDATA = "https://query.wikidata.org/sparql";
    /** The same service under its older path. */
    public static final String WIKIDATA_ALIAS = "https://query.wikidata.org/bigdata/namespace/wdq/sparql";
    /** A User-Agent that names the software and where to reach its makers, per Wikimedia's policy. */
    public static final String DEFAULT_USER_AGENT =
        "Entente/" + EntenteSys.VERSION + " (knowledge graph of international relations; https://w3id.org/entente) Apache-Jena/"
        + EntenteSys.JENA_VERSION;

    private final String wikidataEndpoint;
    private final Set<String> allowed;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration cacheTtl;
    private final int cacheSize;

    private ServicePolicy(Builder b) {
        this.wikidataEndpoint = b.wikidataEndpoint;
        this.allowed = Set.copyOf(b.allowed);
        this.userAgent = b.userAgent;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.cacheTtl = b.cacheTtl;
        this.cacheSize = b.cacheSize;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Whether the IRI names Wikidata's query service. */
    public static boolean isWikidata(String iri) {
        return WIKIDATA.equals(iri) || WIKIDATA_ALIAS.equals(iri);
    }

    /** Where a {@code SERVICE <iri>} is sent, or empty when it is not allowed. */
    public Optional<String> route(String iri) {
        if (iri == null)
            return Optional.empty();
        if (isWikidata(iri))
            return Optional.of(wikidataEndpoint);
        if (allowed.contains(iri))
            return Optional.of(iri);
        return Optional.empty();
    }

    /** The message given for a refused endpoint. */
    public static String refusal(String iri) {
        return "SERVICE <" + iri + "> is not allowed: this server federates only with Wikidata ("
               + WIKIDATA + ") and endpoints its operator allows with --allow-service";
    }

    public String wikidataEndpoint() {
        return wikidataEndpoint;
    }

    public Set<String> allowed() {
        return allowed;
    }

    public String userAgent() {
        return userAgent;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration cacheTtl() {
        return cacheTtl;
    }

    public int cacheSize() {
        return cacheSize;
    }

    /** Settings of a {@link ServicePolicy}. */
    public static final class Builder {
        private String wikidataEndpoint = WIKIDATA;
        private final Set<String> allowed = new LinkedHashSet<>();
        private String userAgent = DEFAULT_USER_AGENT;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(20);
        private Duration cacheTtl = Duration.ofMinutes(10);
        private int cacheSize = 1000;

        private Builder() {}

        /** Where queries to Wikidata go (default: Wikidata itself). */
        public Builder wikidataEndpoint(String url) {
            this.wikidataEndpoint = checkHttp(url);
            return this;
        }

        /** Allows another endpoint, exactly as queries name it. */
        public Builder allow(String url) {
            this.allowed.add(checkHttp(url));
            return this;
        }

        public Builder allow(List<String> urls) {
            urls.forEach(this::allow);
            return this;
        }

        public Builder userAgent(String ua) {
            this.userAgent = Objects.requireNonNull(ua);
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /** The longest one remote request may take. */
        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        /** How long a remote answer is reused; zero turns the cache off. */
        public Builder cacheTtl(Duration d) {
            this.cacheTtl = d;
            return this;
        }

        public Builder cacheSize(int n) {
            this.cacheSize = n;
            return this;
        }

        public ServicePolicy build() {
            return new ServicePolicy(this);
        }

        private static String checkHttp(String url) {
            try {
                URI u = URI.create(url);
                if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null)
                    throw new EntenteException("Not an http(s) endpoint URL: " + url);
                return url;
            } catch (IllegalArgumentException ex) {
                throw new EntenteException("Not a URL: " + url, ex);
            }
        }
    }
}
