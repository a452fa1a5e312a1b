package org.entente.server.limits;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.web.HttpSC;
import org.entente.sys.EntenteLog;

/**
 * Lets at most so many requests run at once: one more waits a little for a free place, in order of
 * arrival, then is refused with {@code 503} and {@code Retry-After}, so that a flood queues or is
 * turned away instead of exhausting memory.
 */
public final class ConcurrencyGate implements Filter {

    /** The message of a refusal, which tells it apart from the 503 of a query over its time limit. */
    public static final String BUSY = "Server busy: too many requests at once; retry shortly";
    /** Seconds a refused client is asked to wait before it tries again. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final Semaphore places;
    private final long waitMillis;

    public ConcurrencyGate(int maxConcurrent, long waitMillis) {
        this.places = new Semaphore(maxConcurrent, true);
        this.waitMillis = waitMillis;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        if (!enter()) {
            HttpServletRequest request = (HttpServletRequest) req;
            EntenteLog.serverLog.warn("Busy: refused {} {}", request.getMethod(), request.getRequestURI());
            ((HttpServletResponse) resp).setHeader(HttpNames.hRetryAfter, RETRY_AFTER_SECONDS);
            LimitsLib.refuse(resp, HttpSC.SERVICE_UNAVAILABLE_503, BUSY);
            return;
        }
        try {
            chain.doFilter(req, resp);
        } finally {
            leave();
        }
    }

    /** Takes a place, waiting for one up to the wait; false when none came free (or the wait was interrupted). */
    boolean enter() {
        try {
            return places.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a place taken by {@link #enter()}. */
    void leave() {
        places.release();
    }
}
