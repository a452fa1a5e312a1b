package org.entente.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.jena.web.HttpSC;
import org.entente.sys.EntenteException;

/**
 * Cross-origin reads for the listed origins only: a request whose {@code Origin} is listed gets
 * {@code Access-Control-Allow-Origin} naming it; any other gets no CORS header at all, so a browser
 * keeps the answer from the page that asked. A preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) is answered here, {@code 204} for a listed origin and
 * {@code 403} otherwise. Every answer says {@code Vary: Origin}, so a shared cache keeps them apart.
 * No credentials: the API and {@code /kg/sparql} are public reads.
 * <pre>
 *   builder.addFilter("/api/*", new Cors(List.of("https://example.org")));
 * </pre>
 */
public final class Cors implements Filter {

    static final String METHODS = "GET, HEAD, POST";
    static final String HEADERS = "Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since";
    static final String EXPOSED = "ETag, Last-Modified, Link";
    /** How long a browser may keep a preflight's answer, in seconds. */
    static final String MAX_AGE = "600";

    private final Set<String> origins;

    public Cors(List<String> origins) {
        checkOrigins(origins);
        this.origins = Set.copyOf(origins.stream().map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).toList());
    }

    /** Refuses anything but an origin, {@code scheme://host[:port]}: no path, no wildcard. */
    static void checkOrigins(List<String> origins) {
        for (String o : origins) {
            URI u;
            try {
                u = URI.create(o);
            } catch (IllegalArgumentException ex) {
                u = null;
            }
            if (u == null || u.getScheme() == null || u.getHost() == null || !(u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/"))
                || u.getQuery() != null || u.getFragment() != null || u.getUserInfo() != null)
                throw new EntenteException("--cors takes an origin such as https://example.org (scheme, host and port only): " + o);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = new VaryOrigin((HttpServletResponse) resp);
        response.setHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        boolean listed = origin != null && origins.contains(origin);
        boolean preflight = "OPTIONS".equals(request.getMethod()) && origin != null
                            && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            if (!listed) {
                response.setStatus(HttpSC.FORBIDDEN_403);
                response.setContentType("text/plain;charset=utf-8");
                response.getWriter().println("Origin " + origin + " may not call this server from a browser");
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Methods", METHODS);
            response.setHeader("Access-Control-Allow-Headers", HEADERS);
            response.setHeader("Access-Control-Max-Age", MAX_AGE);
            response.setStatus(HttpSC.NO_CONTENT_204);
            return;
        }
        if (listed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED);
        }
        chain.doFilter(req, response);
    }

    /** Keeps {@code Origin} in {@code Vary} whatever a later filter or servlet sets there. */
    private static final class VaryOrigin extends HttpServletResponseWrapper {
        VaryOrigin(HttpServletResponse response) {
            super(response);
        }

        private static String withOrigin(String value) {
            if (value == null || value.isBlank())
                return "Origin";
            for (String v : value.split(","))
                if (v.strip().equalsIgnoreCase("Origin") || v.strip().equals("*"))
                    return value;
            return value + ", Origin";
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Vary".equalsIgnoreCase(name) ? withOrigin(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Vary".equalsIgnoreCase(name))
                super.setHeader(name, withOrigin(mergeVary(getHeader("Vary"), value)));
            else
                super.addHeader(name, value);
        }

        private static String mergeVary(String old, String more) {
            return old == null || old.isBlank() ? more : old + ", " + more;
        }
    }
}
