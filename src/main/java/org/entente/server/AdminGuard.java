package org.entente.server;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.web.HttpSC;

/**
 * Guards the server's own operations under {@code /$/}. Anyone may read what the SPARQL editor needs
 * ({@code GET} of ping, server status, the dataset list, one dataset's description and its request
 * counters, which the editor shows on every dataset page) and use the stateless validators; everything
 * else (the server-wide statistics, changes to datasets, tasks) needs an authenticated user, and is
 * refused outright when the server has no password file. The health check is open to all; the metrics
 * are treated as the server-wide statistics are, unless the server makes them public.
 */
final class AdminGuard implements Filter {

    private static final Set<String> OPEN_READS = Set.of("/$/ping", "/$/server", "/$/datasets", "/$/health", "/$/status");
    private static final String METRICS = "/$/metrics";
    private static final String VALIDATORS = "/$/validate/";

    private final boolean hasUsers;
    private final String realm;
    private final boolean publicMetrics;

    AdminGuard(boolean hasUsers, String realm, boolean publicMetrics) {
        this.hasUsers = hasUsers;
        this.realm = realm;
        this.publicMetrics = publicMetrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        if (isOpen(request) || request.getRemoteUser() != null) {
            chain.doFilter(req, resp);
            return;
        }
        if (!hasUsers) {
            response.sendError(HttpSC.FORBIDDEN_403, "Server administration is disabled: start the server with --passwd to enable it");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        response.sendError(HttpSC.UNAUTHORIZED_401, "Credentials needed");
    }

    private boolean isOpen(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if (path.startsWith(VALIDATORS))
            return true;
        boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        if (!read)
            return false;
        if (OPEN_READS.contains(path) || (publicMetrics && METRICS.equals(path)))
            return true;
        // One dataset's description or counters, not their sub-resources.
        return oneLevelBelow(path, "/$/datasets/") || oneLevelBelow(path, "/$/stats/");
    }

    private static boolean oneLevelBelow(String path, String prefix) {
        return path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0;
    }
}
