package org.entente.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.web.HttpSC;
import org.entente.sys.EntenteLog;

/**
 * Limits on what one request may cost, for every operation of the dataset:
 * <ul>
 * <li>a request body larger than the maximum is refused with {@code 413} (by its
 *     {@code Content-Length}, or, when it has none, counted into a spool file before anyone parses it);</li>
 * <li>a write or a posted query whose {@code Content-Type} cannot be right is refused with {@code 415};</li>
 * <li>at most so many requests run at once; one more waits a little for a free place, then is refused
 *     with {@code 503} and {@code Retry-After}, so a flood queues or is turned away instead of
 *     exhausting memory;</li>
 * <li>a query nested deeper than any real query (thousands of brackets) is refused with {@code 400}
 *     before the parser sees it, so it cannot exhaust the parser's stack.</li>
 * </ul>
 */
final class RequestLimits implements Filter {

    /** Brackets a query may nest: real queries use a handful. */
    static final int MAX_NESTING = 250;
    /** Query and update bodies up to this size are read and checked before they are parsed. */
    private static final long MAX_INSPECTED = 1 << 20;

    private final long maxBody;
    private final Semaphore slots;
    private final long waitMillis;

    RequestLimits(long maxBody, int maxConcurrent, long waitMillis) {
        this.maxBody = maxBody;
        this.slots = new Semaphore(maxConcurrent, true);
        this.waitMillis = waitMillis;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        long length = request.getContentLengthLong();
        if (length > maxBody) {
            response.sendError(HttpSC.PAYLOAD_TOO_LARGE_413, "Request body of " + length + " bytes is over the limit of " + maxBody);
            return;
        }
        String unsupported = unsupportedContentType(request);
        if (unsupported != null) {
            response.sendError(HttpSC.UNSUPPORTED_MEDIA_TYPE_415, unsupported);
            return;
        }
        String operation = operation(request);
        if (tooDeep(operation)) {
            response.sendError(HttpSC.BAD_REQUEST_400, "Query nested deeper than " + MAX_NESTING + " levels");
            return;
        }
        if (operation != null && request.getParameter("update") != null && datasetConflict(request, operation)) {
            response.sendError(HttpSC.BAD_REQUEST_400, DATASET_CONFLICT);
            return;
        }
        boolean admitted;
        try {
            admitted = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            EntenteLog.serverLog.warn("Busy: refused {} {}", request.getMethod(), request.getRequestURI());
            response.setHeader("Retry-After", "1");
            response.sendError(HttpSC.SERVICE_UNAVAILABLE_503, "Server busy: too many requests at once; retry shortly");
            return;
        }
        Path spool = null;
        try {
            HttpServletRequest forward = request;
            if (length >= 0 && length <= MAX_INSPECTED && isSparqlBody(request)) {
                // A query or update sent as the body: small, so read it to check its nesting first.
                byte[] body = request.getInputStream().readAllBytes();
                String text = new String(body, StandardCharsets.UTF_8);
                if (tooDeep(text)) {
                    response.sendError(HttpSC.BAD_REQUEST_400, "Query nested deeper than " + MAX_NESTING + " levels");
                    return;
                }
                if (datasetConflict(request, text)) {
                    response.sendError(HttpSC.BAD_REQUEST_400, DATASET_CONFLICT);
                    return;
                }
                forward = new Replayed(request, () -> new java.io.ByteArrayInputStream(body), body.length);
            } else if (length < 0 && hasBody(request)) {
                // A body of unknown length (chunked) is counted in full before anyone parses it.
                spool = Files.createTempFile("entente-body-", ".tmp");
                long n;
                try (InputStream in = request.getInputStream(); OutputStream out = Files.newOutputStream(spool)) {
                    n = copyAtMost(in, out, maxBody);
                }
                if (n > maxBody) {
                    response.sendError(HttpSC.PAYLOAD_TOO_LARGE_413, "Request body over the limit of " + maxBody + " bytes");
                    return;
                }
                Path file = spool;
                forward = new Replayed(request, () -> new java.io.BufferedInputStream(Files.newInputStream(file)), n);
            }
            chain.doFilter(forward, resp);
        } finally {
            slots.release();
            if (spool != null)
                Files.deleteIfExists(spool);
        }
    }

    static final String DATASET_CONFLICT =
        "The request names a dataset with using-graph-uri or using-named-graph-uri and the update has USING, USING NAMED or WITH: SPARQL 1.1 Protocol section 2.2.3 forbids both";

    /**
     * Whether an update names its dataset both in the protocol and in the update itself (SPARQL 1.1
     * Protocol 2.2.3: an error). Fuseki detects it too, but answers 500; this answers 400 first.
     */
    static boolean datasetConflict(HttpServletRequest request, String update) {
        if (request.getParameter("using-graph-uri") == null && request.getParameter("using-named-graph-uri") == null)
            return false;
        try {
            for (org.apache.jena.update.Update u : org.apache.jena.update.UpdateFactory.create(update).getOperations())
                if (u instanceof org.apache.jena.sparql.modify.request.UpdateWithUsing w
                    && (w.getWithIRI() != null || !w.getUsing().isEmpty() || !w.getUsingNamed().isEmpty()))
                    return true;
        } catch (RuntimeException ex) {
            return false;
        }
        return false;
    }

    /** The query or update text of a request that carries it as a parameter (GET, or an HTML form post). */
    private static String operation(HttpServletRequest request) {
        String type = request.getContentType();
        boolean form = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (!"GET".equals(request.getMethod()) && !form)
            return null;
        String q = request.getParameter("query");
        return q != null ? q : request.getParameter("update");
    }

    /** Whether brackets and braces nest deeper than {@link #MAX_NESTING} (strings and IRIs are not looked into). */
    static boolean tooDeep(String query) {
        if (query == null)
            return false;
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (quote != 0) {
                if (c == '\\')
                    i++;
                else if (c == quote)
                    quote = 0;
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '{', '(', '[' -> {
                    if (++depth > MAX_NESTING)
                        return true;
                }
                case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                case '#' -> {
                    while (i < query.length() && query.charAt(i) != '\n')
                        i++;
                }
                default -> { }
            }
        }
        return false;
    }

    private static boolean isSparqlBody(HttpServletRequest request) {
        String type = request.getContentType();
        String mt = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return "POST".equals(request.getMethod()) && (mt.equals("application/sparql-query") || mt.equals("application/sparql-update"));
    }

    private static boolean hasBody(HttpServletRequest request) {
        String m = request.getMethod();
        return ("POST".equals(m) || "PUT".equals(m) || "PATCH".equals(m)) && request.getHeader("Transfer-Encoding") != null;
    }

    /** Copies up to {@code max + 1} bytes, and returns how many it copied (more than max means over the limit). */
    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
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

    /**
     * Why the request's content type cannot be right for its operation, or null: a Graph Store write
     * needs an RDF syntax, an update needs {@code application/sparql-update} or a form, a posted
     * query {@code application/sparql-query} or a form.
     */
    static String unsupportedContentType(HttpServletRequest request) {
        String m = request.getMethod();
        if (!("POST".equals(m) || "PUT".equals(m)))
            return null;
        String path = request.getRequestURI();
        String endpoint = path.substring(path.lastIndexOf('/') + 1);
        String type = request.getContentType();
        String mt = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        boolean form = mt.equals("application/x-www-form-urlencoded");
        switch (endpoint) {
            case "data" -> {
                if (mt.isEmpty() || (RDFLanguages.contentTypeToLang(mt) == null && !mt.startsWith("multipart/")))
                    return "A Graph Store write needs the Content-Type of an RDF syntax (text/turtle, application/n-triples, ...); got '" + mt + "'";
            }
            case "update" -> {
                if (!form && !mt.equals("application/sparql-update"))
                    return "An update needs Content-Type application/sparql-update or a form; got '" + mt + "'";
            }
            case "sparql", "query" -> {
                if (!form && !mt.equals("application/sparql-query"))
                    return "A posted query needs Content-Type application/sparql-query or a form; got '" + mt + "'";
            }
            default -> { }
        }
        return null;
    }

    /** Where a body already read can be read again from. */
    private interface BodySource {
        InputStream open() throws IOException;
    }

    /** The request with its body read again from where the filter put it, its length now known. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final BodySource body;
        private final long length;

        Replayed(HttpServletRequest request, BodySource body, long length) {
            super(request);
            this.body = body;
            this.length = length;
        }

        @Override
        public long getContentLengthLong() {
            return length;
        }

        @Override
        public int getContentLength() {
            return length > Integer.MAX_VALUE ? -1 : (int) length;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            InputStream in = body.open();
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = in.read(buf, off, len);
                    finished = n < 0;
                    return n;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String enc = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), enc == null ? StandardCharsets.UTF_8.name() : enc));
        }
    }
}
