package org.entente.server.limits;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.web.HttpSC;

/**
 * Refuses with {@code 415} a write or a posted query whose {@code Content-Type} cannot be right for its
 * endpoint: a Graph Store write ({@code data}) needs an RDF syntax, an update ({@code update})
 * {@code application/sparql-update} or a form, a posted query ({@code sparql}, {@code query})
 * {@code application/sparql-query} or a form.
 */
public final class ContentTypeCheck implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String unsupported = unsupported(request.getMethod(), request.getRequestURI(), request.getContentType());
        if (unsupported != null) {
            LimitsLib.refuse(resp, HttpSC.UNSUPPORTED_MEDIA_TYPE_415, unsupported);
            return;
        }
        chain.doFilter(req, resp);
    }

    /** Why a request of this method to this path cannot have this content type, or null when it may. */
    static String unsupported(String method, String path, String contentType) {
        if (!("POST".equals(method) || "PUT".equals(method)))
            return null;
        String endpoint = path.substring(path.lastIndexOf('/') + 1);
        String mt = LimitsLib.mediaType(contentType);
        boolean form = mt.equals(WebContent.contentTypeHTMLForm);
        switch (endpoint) {
            case "data" -> {
                if (mt.isEmpty() || (RDFLanguages.contentTypeToLang(mt) == null && !mt.startsWith("multipart/")))
                    return "A Graph Store write needs the Content-Type of an RDF syntax (text/turtle, application/n-triples, ...); got '" + mt + "'";
            }
            case "update" -> {
                if (!form && !mt.equals(WebContent.contentTypeSPARQLUpdate))
                    return "An update needs Content-Type application/sparql-update or a form; got '" + mt + "'";
            }
            case "sparql", "query" -> {
                if (!form && !mt.equals(WebContent.contentTypeSPARQLQuery))
                    return "A posted query needs Content-Type application/sparql-query or a form; got '" + mt + "'";
            }
            default -> { }
        }
        return null;
    }
}
