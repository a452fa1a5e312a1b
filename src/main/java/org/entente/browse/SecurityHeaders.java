package org.entente.browse;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Strict response headers for the browse pages: a Content-Security-Policy that allows no script at
 * all, no inline style, no framing, and images only from here and Wikimedia Commons.
 */
final class SecurityHeaders implements Filter {
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data: https://commons.wikimedia.org https://upload.wikimedia.org; "
                              + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse r = (HttpServletResponse) resp;
        r.setHeader("Content-Security-Policy", CSP);
        r.setHeader("X-Content-Type-Options", "nosniff");
        r.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(req, resp);
    }
}
