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
 * Guards the server's own operations under {@code /$/}. Anyone may read what the UI needs
 * ({@code GET} of ping, server status and the dataset list) and use the stateless validators;
 * everything else (stats, changes to datasets, tasks) needs an authenticated user, and is refused
 * outright when the server has no password file.
 */
final class AdminGuard implements Filter {

    private static final Set<String> OPEN_READS = Set.of("/$/ping", "/$/server", "/$/datasets");
    private static final String VALIDATORS = "/$/validate/";

    private final boolean hasUsers;
    private final String realm;

    AdminGuard(boolean hasUsers, String realm) {
        this.hasUsers = hasUsers;
        this.realm = realm;
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

    private static boolean isOpen(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if (path.startsWith(VALIDATORS))
            return true;
        boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        if (!read)
            return false;
        if (OPEN_READS.contains(path))
            return true;
        // The list of datasets and one dataset's description, not its sub-resources.
        return path.startsWith("/$/datasets/") && path.indexOf('/', "/$/datasets/".length()) < 0;
    }
}
