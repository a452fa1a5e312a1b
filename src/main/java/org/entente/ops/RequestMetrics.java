package org.entente.ops;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * Counts every request and its duration by endpoint, method and status, as Jetty completes it (so
 * requests refused before any servlet, a 401 or a 413, count too): {@code entente_http_requests_seconds}.
 */
final class RequestMetrics implements RequestLog {

    static final String NAME = "entente.http.requests";

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void log(Request request, Response response) {
        long nanos = System.nanoTime() - request.getBeginNanoTime();
        Timer.builder(NAME)
             .description("HTTP requests by endpoint, method and status")
             .tag("endpoint", Endpoints.of(Request.getPathInContext(request)))
             .tag("method", method(request.getMethod()))
             .tag("status", Integer.toString(response.getStatus()))
             .register(registry)
             .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The method, or "other" for anything unusual (no label values chosen by a client). */
    private static String method(String m) {
        return switch (m) {
            case "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" -> m;
            default -> "other";
        };
    }
}
