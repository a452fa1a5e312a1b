package org.entente.server.limits;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.web.HttpSC;

/** A filter that refuses with {@code 400} a request whose query or update text fails one check, before the parser sees it. */
abstract class SparqlTextCheck implements Filter {

    @Override
    public final void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        SparqlText found = SparqlText.of((HttpServletRequest) req);
        if (found == null) {
            chain.doFilter(req, resp);
            return;
        }
        String refusal = refusal(found);
        if (refusal != null) {
            LimitsLib.refuse(resp, HttpSC.BAD_REQUEST_400, refusal);
            return;
        }
        chain.doFilter(found.request(), resp);
    }

    /** Why the request carrying this text is refused, or null to let it through. */
    abstract String refusal(SparqlText found);
}
