package org.entente.browse;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.web.HttpSC;

/** The browse pages' own static files (a style sheet), served from the jar: no CDN, pages work offline. */
final class StaticServlet extends HttpServlet {
    private static final Map<String, String> FILES = Map.of("entente.css", "text/css;charset=utf-8");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getRequestURI().substring(req.getRequestURI().lastIndexOf('/') + 1);
        String type = FILES.get(name);
        byte[] bytes = type == null ? null : BrowseServlet.resource("browse/static/" + name);
        if (bytes == null) {
            resp.sendError(HttpSC.NOT_FOUND_404);
            return;
        }
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.getOutputStream().write(bytes);
    }
}
