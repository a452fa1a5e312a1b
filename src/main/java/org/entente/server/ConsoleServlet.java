package org.entente.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.web.HttpSC;

/**
 * The Fuseki UI's files ({@code jena-fuseki-ui}, under {@code webapp/} on the classpath) at
 * {@link ConsolePaths#UI}, where its path arithmetic finds the server. The old address
 * {@code /index.html} and {@code /ui} without its slash redirect there (a browser keeps the
 * {@code #/dataset/kg/query?query=...} fragment across the redirect).
 */
final class ConsoleServlet extends HttpServlet {
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html;charset=utf-8", "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8",
        "ico", "image/x-icon", "svg", "image/svg+xml", "woff2", "font/woff2", "woff", "font/woff", "png", "image/png");
    /** A file of the UI: a name, or {@code static/} and a name; never a dot-dot or a hidden file. */
    private static final Pattern FILE = Pattern.compile("(static/)?[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final String base;

    ConsoleServlet(String base) {
        this.base = base;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (!path.startsWith(ConsolePaths.UI)) {
            resp.setStatus(HttpSC.MOVED_PERMANENTLY_301);
            resp.setHeader("Location", ConsolePaths.UI);
            return;
        }
        String name = path.substring(ConsolePaths.UI.length());
        if (name.isEmpty())
            name = "index.html";
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (!FILE.matcher(name).matches() || type == null) {
            resp.sendError(HttpSC.NOT_FOUND_404);
            return;
        }
        try (InputStream in = ConsoleServlet.class.getClassLoader().getResourceAsStream(base + "/" + name)) {
            if (in == null) {
                resp.sendError(HttpSC.NOT_FOUND_404);
                return;
            }
            resp.setContentType(type);
            // The build names its scripts and styles by content; the page itself is asked for afresh.
            resp.setHeader("Cache-Control", name.startsWith("static/") ? "public, max-age=86400" : "no-cache");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(resp.getOutputStream());
        }
    }
}
