package org.entente.server.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.riot.WebContent;

/**
 * The query or update text a request carries, found once so that every check looks at the same text.
 * <pre>
 *   SparqlText found = SparqlText.of(request);   // null: no SPARQL text to look at
 *   if (found != null) check(found.text());
 *   chain.doFilter(found == null ? request : found.request(), response);
 * </pre>
 * A GET or an HTML form carries it as the {@code query} (else {@code update}) parameter. A POST of
 * {@code application/sparql-query} or {@code application/sparql-update} carries it as the body: a
 * small body is read into memory once, the first time any check asks, and {@link #request()} is then
 * the request with that body to be read again, which the caller must pass on.
 *
 * @param request the request to pass on
 * @param text the query or update
 * @param fromBody whether the text is the body rather than a parameter
 */
record SparqlText(HttpServletRequest request, String text, boolean fromBody) {

    /** Query and update bodies up to this size are read and checked before they are parsed. */
    static final long MAX_INSPECTED = 1 << 20;

    /** Where the body, once read, is kept for the checks after the first. */
    private static final String READ_BODY = SparqlText.class.getName();

    /** The SPARQL text of the request, or null when it has none that the checks look at. */
    static SparqlText of(HttpServletRequest request) throws IOException {
        String method = request.getMethod();
        String type = request.getContentType();
        if ("GET".equals(method) || isForm(type)) {
            String query = request.getParameter("query");
            String text = query != null ? query : request.getParameter("update");
            return text == null ? null : new SparqlText(request, text, false);
        }
        if (!inspectableBody(method, type, request.getContentLengthLong()))
            return null;
        if (request.getAttribute(READ_BODY) instanceof String read)
            return new SparqlText(request, read, true);
        byte[] body = request.getInputStream().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        request.setAttribute(READ_BODY, text);
        return new SparqlText(new ReplayedRequest(request, () -> new ByteArrayInputStream(body), body.length), text, true);
    }

    /** Whether a request with this {@code Content-Type} is an HTML form, whose parameters may be in its body. */
    static boolean isForm(String contentType) {
        return LimitsLib.mediaType(contentType).startsWith(WebContent.contentTypeHTMLForm);
    }

    /** Whether the body is a query or update small enough to read into memory and check before it is parsed. */
    static boolean inspectableBody(String method, String contentType, long length) {
        String mt = LimitsLib.mediaType(contentType);
        return "POST".equals(method) && length >= 0 && length <= MAX_INSPECTED
               && (mt.equals(WebContent.contentTypeSPARQLQuery) || mt.equals(WebContent.contentTypeSPARQLUpdate));
    }
}
