package org.entente.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.web.HttpSC;
import org.entente.query.NamedQuery;

/**
 * Everything under {@code /api}: Swagger UI at {@code /api/}, the OpenAPI document at
 * {@code /api/openapi.json}, and each named query at {@code /api/NAME} (GET, or POST with a form).
 * A failure is answered with its status and a one-line plain-text message, never a stack trace.
 */
final class ApiServlet extends HttpServlet {

    /** The HTML answer pages: no script at all, styles and images only from here. */
    static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /**
     * Swagger UI's page: scripts and styles from here only (no inline script, no eval), its inline SVG
     * icons as data: images, and calls back to this server only.
     */
    static final String UI_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                                 + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String DOCUMENT = "openapi.json";

    private final transient ApiQueries queries;
    private final transient QueryEndpoint endpoint;
    private final byte[] document;
    private final transient SwaggerUi ui;

    ApiServlet(ApiQueries queries, QueryEndpoint endpoint, String document, SwaggerUi ui) {
        this.queries = queries;
        this.endpoint = endpoint;
        this.document = document.getBytes(StandardCharsets.UTF_8);
        this.ui = ui;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, true);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, false);
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp, boolean get) throws IOException {
        String path = req.getPathInfo();
        resp.setHeader("X-Content-Type-Options", "nosniff");
        try {
            if (path == null) {
                resp.sendRedirect(req.getRequestURI() + "/");
                return;
            }
            String name = path.substring(1);
            if (!name.contains("/") && name.matches("[A-Za-z0-9_-]+")) {
                NamedQuery nq = queries.get(name).orElseThrow(() -> ApiErrors.status(HttpSC.NOT_FOUND_404,
                    "No query named '" + name + "'; the queries are listed in /api/" + DOCUMENT));
                endpoint.answer(nq, req, resp);
                return;
            }
            if (!get)
                throw ApiErrors.status(HttpSC.METHOD_NOT_ALLOWED_405, "Only GET here; POST is for the queries");
            if (name.equals(DOCUMENT)) {
                send(resp, new SwaggerUi.File(document, "application/json"), null);
                return;
            }
            Optional<SwaggerUi.File> file = Optional.ofNullable(name.startsWith("swagger-ui/") ? ui.webjar(name.substring(11))
                                                                : ui.own(name.isEmpty() ? "index.html" : name));
            send(resp, file.orElseThrow(() -> ApiErrors.status(HttpSC.NOT_FOUND_404, "Nothing at " + req.getRequestURI())),
                 name.isEmpty() ? UI_CSP : null);
        } catch (ActionErrorException ex) {
            if (resp.isCommitted())
                throw ex;
            resp.setStatus(ex.getRC());
            resp.setContentType("text/plain;charset=utf-8");
            resp.getWriter().println(ex.getMessage());
        }
    }

    private static void send(HttpServletResponse resp, SwaggerUi.File file, String csp) throws IOException {
        resp.setStatus(HttpSC.OK_200);
        resp.setContentType(file.mediaType());
        if (csp != null)
            resp.setHeader("Content-Security-Policy", csp);
        resp.setContentLength(file.bytes().length);
        resp.getOutputStream().write(file.bytes());
    }
}
