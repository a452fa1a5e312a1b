package org.entente.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.web.HttpSC;

/**
 * Answers a repeated GET or HEAD from a {@link ResponseCache} and keeps the answer to one not seen yet.
 * A request is left alone (neither answered from the cache nor kept) when it carries credentials
 * ({@code Authorization}), when the client asks for a fresh answer ({@code Cache-Control: no-cache} or
 * {@code no-store}, {@code Pragma: no-cache}), or when its variant is unknown. A HEAD is answered from
 * an entry a GET left but keeps nothing, since its body is never written. What is kept is only a
 * complete 200 whose body was written in full through the output stream and fits the entry limit.
 */
final class ResponseCacheFilter implements Filter {

    private final ResponseCache cache;
    private final ResponseCache.Variant variant;

    ResponseCacheFilter(ResponseCache cache, ResponseCache.Variant variant) {
        this.cache = cache;
        this.variant = variant;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!cache.enabled() || !(head || "GET".equals(method)) || request.getHeader("Authorization") != null || wantsFresh(request)) {
            chain.doFilter(req, resp);
            return;
        }
        Optional<String> v = variant.of(request);
        if (v.isEmpty()) {
            chain.doFilter(req, resp);
            return;
        }
        ResponseCache.Key key = new ResponseCache.Key(cache.generation(), request.getRequestURI(), canonicalQuery(request.getQueryString()), v.get());
        ResponseCache.Entry entry = cache.lookup(key);
        if (entry != null) {
            replay(entry, response, head);
            return;
        }
        response.setHeader(ResponseCache.HEADER, "miss");
        if (head) {
            chain.doFilter(req, resp);
            return;
        }
        CapturingResponse capture = new CapturingResponse(response, cache.maxEntryBytes());
        chain.doFilter(req, capture);
        capture.entry().ifPresent(e -> cache.keep(key, e));
    }

    private static void replay(ResponseCache.Entry entry, HttpServletResponse response, boolean head) throws IOException {
        response.setStatus(HttpSC.OK_200);
        if (entry.contentType() != null)
            response.setContentType(entry.contentType());
        List<String> set = new ArrayList<>();
        for (ResponseCache.Header h : entry.headers()) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            if (set.contains(lower)) {
                response.addHeader(h.name(), h.value());
            } else {
                response.setHeader(h.name(), h.value());
                set.add(lower);
            }
        }
        response.setHeader(ResponseCache.HEADER, "hit");
        response.setContentLength(entry.body().length);
        if (!head)
            response.getOutputStream().write(entry.body());
    }

    /** Whether the client asks for an answer made afresh, not one kept. */
    static boolean wantsFresh(HttpServletRequest request) {
        String cc = request.getHeader("Cache-Control");
        if (cc != null) {
            for (String directive : cc.split(",")) {
                String d = directive.strip().toLowerCase(Locale.ROOT);
                if (d.equals("no-cache") || d.equals("no-store"))
                    return true;
            }
        }
        String pragma = request.getHeader("Pragma");
        return pragma != null && pragma.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    /**
     * A query string with its parameters in order of name ({@code b=1&a=2} and {@code a=2&b=1} are one
     * request); the values of a repeated name keep their order, which may matter to the servlet.
     */
    static String canonicalQuery(String query) {
        if (query == null || query.isEmpty())
            return "";
        List<String> pairs = new ArrayList<>();
        for (String p : query.split("&"))
            if (!p.isEmpty())
                pairs.add(p);
        pairs.sort(Comparator.comparing(ResponseCacheFilter::name));
        return String.join("&", pairs);
    }

    private static String name(String pair) {
        int eq = pair.indexOf('=');
        return eq < 0 ? pair : pair.substring(0, eq);
    }
}
