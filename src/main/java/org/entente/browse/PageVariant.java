package org.entente.browse;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.entente.http.ResponseCache;

/**
 * The variant of a browse answer, for the response cache, chosen as {@link BrowseServlet} chooses it:
 * for a data document named without an extension, the RDF format negotiated by {@code Accept} (none
 * fits: not kept, it is a 406); for a page, the reader's languages ({@code ?lang=} or
 * {@code Accept-Language}, as the page will use them), so two readers whose headers differ but whose
 * languages are the same share one entry.
 */
final class PageVariant implements ResponseCache.Variant {

    @Override
    public Optional<String> of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/data/")) {
            String local = path.substring(6);
            int dot = local.lastIndexOf('.');
            if (dot > local.lastIndexOf('/') + 1 && RdfFormat.byExtension(local.substring(dot + 1)).filter(f -> f != RdfFormat.HTML).isPresent())
                return Optional.of("");
            return Negotiation.choose(request.getHeader("Accept"), BrowseServlet.DATA).map(RdfFormat::extension);
        }
        return Optional.of(String.join(",", BrowseServlet.languages(request)));
    }
}
