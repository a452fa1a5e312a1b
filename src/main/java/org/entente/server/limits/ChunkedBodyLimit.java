package org.entente.server.limits;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.web.HttpSC;

/**
 * Counts a request body of unknown length (sent chunked) into a spool file before anyone parses it,
 * and refuses it with {@code 413} when it runs over the maximum; otherwise the request goes on with its
 * body read back from the spool, its length now known. A body with a {@code Content-Length} is
 * {@link ContentLengthLimit}'s.
 */
public final class ChunkedBodyLimit implements Filter {

    private final long maxBody;

    public ChunkedBodyLimit(long maxBody) {
        this.maxBody = maxBody;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!unknownLength(request.getMethod(), request.getContentLengthLong(), request.getHeader("Transfer-Encoding"))) {
            chain.doFilter(req, resp);
            return;
        }
        Path spool = Files.createTempFile("entente-body-", ".tmp");
        try {
            long n;
            try (InputStream in = request.getInputStream(); OutputStream out = Files.newOutputStream(spool)) {
                n = copyAtMost(in, out, maxBody);
            }
            if (n > maxBody) {
                LimitsLib.refuse(resp, HttpSC.PAYLOAD_TOO_LARGE_413, "Request body over the limit of " + maxBody + " bytes");
                return;
            }
            chain.doFilter(new ReplayedRequest(request, () -> new BufferedInputStream(Files.newInputStream(spool)), n), resp);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Whether a request of this method, declared length (-1 when none) and {@code Transfer-Encoding} has a body of unknown length. */
    static boolean unknownLength(String method, long length, String transferEncoding) {
        return length < 0 && ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) && transferEncoding != null;
    }

    /** Copies until the stream ends or runs over {@code max} bytes, and returns how many bytes it read (more than max: over the limit, copy cut short). */
    static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0;) {
            total += n;
            if (total > max)
                return total;
            out.write(buf, 0, n);
        }
        return total;
    }
}
