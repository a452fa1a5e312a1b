package org.entente.federation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;

/**
 * A careful client of remote SPARQL endpoints: a descriptive User-Agent, connect and read timeouts,
 * one retry after {@code 429 Too Many Requests} when {@code Retry-After} is short, and a bounded
 * cache of answers so that repeated page views do not hammer the remote.
 */
public final class RemoteSparql {

    /** Rows of a SELECT answer. */
    public record Rows(List<Var> vars, List<Binding> bindings) {}

    /** The longest {@code Retry-After} honoured by waiting; a longer one fails the request at once. */
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(5);

    private final ServicePolicy policy;
    private final HttpClient http;
    private final Map<String, Cached> cache;

    private record Cached(Rows rows, long expiresAtNanos) {}

    public RemoteSparql(ServicePolicy policy) {
        this.policy = policy;
        this.http = HttpClient.newBuilder()
                              .connectTimeout(policy.connectTimeout())
                              .followRedirects(HttpClient.Redirect.NEVER)
                              .build();
        int size = policy.cacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > size;
            }
        };
    }

    public ServicePolicy policy() {
        return policy;
    }

    /**
     * Runs a SELECT query at an endpoint URL (already routed by the policy) and returns its rows.
     * Failures (unreachable, slow, refused, not SPARQL results) are {@link RemoteException}s that say which.
     */
    public Rows select(String endpoint, String query) {
        String key = endpoint + "\n" + query;
        boolean caching = !policy.cacheTtl().isZero();
        if (caching) {
            synchronized (cache) {
                Cached c = cache.get(key);
                if (c != null && c.expiresAtNanos() > System.nanoTime())
                    return c.rows();
            }
        }
        Rows rows = fetch(endpoint, query, true);
        if (caching) {
            synchronized (cache) {
                cache.put(key, new Cached(rows, System.nanoTime() + policy.cacheTtl().toNanos()));
            }
        }
        return rows;
    }

    private Rows fetch(String endpoint, String query, boolean mayRetry) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
            .timeout(policy.readTimeout())
            .header("User-Agent", policy.userAgent())
            .header("Accept", "application/sparql-results+json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException ex) {
            throw new RemoteException("Remote endpoint " + endpoint + " did not answer within " + policy.readTimeout().toSeconds() + " s", ex);
        } catch (IOException ex) {
            throw new RemoteException("Remote endpoint " + endpoint + " unreachable: " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new RemoteException("Interrupted while calling " + endpoint, ex);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 429) {
                OptionalLong wait = retryAfterSeconds(response);
                if (mayRetry && wait.isPresent() && wait.getAsLong() <= MAX_RETRY_WAIT.toSeconds()) {
                    EntenteLog.serverLog.info("{} asked to retry after {} s", endpoint, wait.getAsLong());
                    sleep(Duration.ofSeconds(wait.getAsLong()));
                    return fetch(endpoint, query, false);
                }
                throw new RemoteException("Remote endpoint " + endpoint + " is rate-limiting us (429)"
                                          + (wait.isPresent() ? "; retry after " + wait.getAsLong() + " s" : ""), null);
            }
            if (status != 200)
                throw new RemoteException("Remote endpoint " + endpoint + " answered HTTP " + status, null);
            RowSet rs = RowSet.adapt(ResultSetMgr.read(body, ResultSetLang.RS_JSON));
            List<Binding> bindings = new ArrayList<>();
            rs.forEachRemaining(bindings::add);
            return new Rows(List.copyOf(rs.getResultVars()), List.copyOf(bindings));
        } catch (IOException ex) {
            throw new RemoteException("Reading the answer of " + endpoint + " failed: " + ex.getMessage(), ex);
        } catch (RuntimeException ex) {
            if (ex instanceof RemoteException re)
                throw re;
            throw new RemoteException("The answer of " + endpoint + " is not SPARQL JSON results: " + ex.getMessage(), ex);
        }
    }

    private static OptionalLong retryAfterSeconds(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return OptionalLong.of(Math.max(0, Long.parseLong(v.strip())));
            } catch (NumberFormatException ex) {
                return OptionalLong.empty();
            }
        }).orElse(OptionalLong.empty());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new RemoteException("Interrupted while waiting to retry", ex);
        }
    }

    /** A remote call that failed, with the reason in words. */
    public static final class RemoteException extends EntenteException {
        public RemoteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
