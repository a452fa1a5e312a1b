package org.entente.server.limits;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.apache.jena.web.HttpSC;

/**
 * Refuses with {@code 413} a request whose {@code Content-Length} is over the maximum, before anything
 * reads its body. A body of unknown length is {@link ChunkedBodyLimit}'s to count.
 */
public final class ContentLengthLimit implements Filter {

    private final long maxBody;

    public ContentLengthLimit(long maxBody) {
        this.maxBody = maxBody;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        String refusal = refusal(req.getContentLengthLong(), maxBody);
        if (refusal != null) {
            LimitsLib.refuse(resp, HttpSC.PAYLOAD_TOO_LARGE_413, refusal);
            return;
        }
        chain.doFilter(req, resp);
    }

    /** Why a body of the declared length (-1 when unknown) is refused, or null when it is not. */
    static String refusal(long length, long maxBody) {
        return length > maxBody ? "Request body of " + length + " bytes is over the limit of " + maxBody : null;
    }
}
