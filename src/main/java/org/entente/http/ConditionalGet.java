package org.entente.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.jena.web.HttpSC;
import org.entente.store.StoreGeneration;

/**
 * Conditional GET for everything derived from the store: an {@code ETag} made of the store's
 * {@link StoreGeneration} and the representation asked for (path, query string, {@code Accept},
 * {@code Accept-Language}), a {@code Last-Modified} of the last committed write, and {@code 304 Not
 * Modified} when the client already holds that representation. Every write changes every tag.
 * <pre>
 *   builder.addFilter("/page/*", new ConditionalGet(StoreGeneration.of(dsg)));
 * </pre>
 * Answers other than {@code 200} carry neither header, so an error is never revalidated as if it were
 * the resource.
 */
public final class ConditionalGet implements Filter {

    /** Clients may keep an answer but must ask again before using it: the tag makes asking cheap. */
    static final String CACHE_CONTROL = "public, no-cache";

    private final StoreGeneration generation;

    public ConditionalGet(StoreGeneration generation) {
        this.generation = generation;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(req, resp);
            return;
        }
        String etag = etag(generation.tag(), request);
        long lastModified = generation.lastModified().toEpochMilli() / 1000 * 1000;
        if (notModified(request, etag, lastModified)) {
            response.setStatus(HttpSC.NOT_MODIFIED_304);
            response.setHeader("ETag", etag);
            response.setDateHeader("Last-Modified", lastModified);
            response.setHeader("Cache-Control", CACHE_CONTROL);
            response.setHeader("Vary", "Accept, Accept-Language");
            return;
        }
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModified);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        chain.doFilter(req, new OnlyWhenOk(response));
    }

    private static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null)
            return matches(ifNoneMatch, etag);
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException ex) {
            return false;
        }
        return since >= 0 && lastModified <= since;
    }

    /** The tag of one representation at one store generation. */
    static String etag(String generationTag, HttpServletRequest request) {
        String variant = request.getRequestURI() + '?' + nullToEmpty(request.getQueryString()) + '\n'
                         + nullToEmpty(request.getHeader("Accept")) + '\n' + nullToEmpty(request.getHeader("Accept-Language"));
        return '"' + generationTag + '-' + digest(variant) + '"';
    }

    /** Whether an {@code If-None-Match} value names the tag: {@code *}, or a list compared weakly (RFC 9110 13.1.2). */
    static boolean matches(String ifNoneMatch, String etag) {
        String strong = strip(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || strip(c).equals(strong))
                return true;
        }
        return false;
    }

    private static String strip(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Drops the validators from any answer but 200: a 404 or a redirect is not the resource. */
    private static final class OnlyWhenOk extends HttpServletResponseWrapper {
        OnlyWhenOk(HttpServletResponse response) {
            super(response);
        }

        private void clearUnlessOk(int sc) {
            if (sc != HttpSC.OK_200) {
                setHeader("ETag", null);
                setHeader("Last-Modified", null);
                setHeader("Cache-Control", null);
            }
        }

        @Override
        public void setStatus(int sc) {
            clearUnlessOk(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            clearUnlessOk(sc);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            clearUnlessOk(sc);
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            clearUnlessOk(HttpSC.FOUND_302);
            super.sendRedirect(location);
        }
    }
}
