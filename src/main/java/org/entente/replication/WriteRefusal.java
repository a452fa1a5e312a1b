package org.entente.replication;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.jena.web.HttpSC;

/**
 * On the writer, a write the patch log did not take is answered {@code 503 Service Unavailable} with
 * {@code Retry-After} and a message, whatever error the write's own service would have answered: the
 * client learns that nothing was written and that it may try again.
 */
final class WriteRefusal implements Filter {

    private static final ThreadLocal<String> REFUSED = new ThreadLocal<>();
    private static final String RETRY_AFTER_SECONDS = "5";

    /** Notes, for the request on this thread, that its write was refused because of the log. */
    static void refuse(String why) {
        REFUSED.set(why);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        REFUSED.remove();
        HttpServletResponse response = (HttpServletResponse) resp;
        try {
            chain.doFilter(req, new Refusing(response));
        } catch (RuntimeException | IOException | ServletException ex) {
            if (REFUSED.get() == null || response.isCommitted())
                throw ex;
            new Refusing(response).sendError(HttpSC.INTERNAL_SERVER_ERROR_500, null);
        } finally {
            REFUSED.remove();
        }
    }

    /** Turns a server error into 503 when the log refused the write. */
    private static final class Refusing extends HttpServletResponseWrapper {
        Refusing(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            String why = REFUSED.get();
            if (why == null || sc < 500) {
                super.sendError(sc, msg);
                return;
            }
            setHeader("Retry-After", RETRY_AFTER_SECONDS);
            super.sendError(HttpSC.SERVICE_UNAVAILABLE_503, "The write was not made: the patch log did not take it. " + why);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        /** Fuseki answers its errors with a status and a plain-text message (its own body stays: it names the cause). */
        @Override
        public void setStatus(int sc) {
            if (REFUSED.get() == null || sc < 500) {
                super.setStatus(sc);
                return;
            }
            setHeader("Retry-After", RETRY_AFTER_SECONDS);
            super.setStatus(HttpSC.SERVICE_UNAVAILABLE_503);
        }
    }
}
