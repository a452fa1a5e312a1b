package org.entente.ops;

import java.util.Set;

/**
 * The endpoint a request path belongs to, as a metric label: a fixed, small set of names, so that a
 * client asking for a million different URLs cannot make a million time series.
 * <pre>
 *   Endpoints.of("/kg/sparql")             = "/kg/sparql"
 *   Endpoints.of("/page/person/kim-jong-un") = "/page"
 *   Endpoints.of("/no/such/thing")         = "other"
 * </pre>
 */
final class Endpoints {
    private Endpoints() {}

    private static final Set<String> DATASET = Set.of("sparql", "query", "get", "update", "data");
    private static final Set<String> ADMIN = Set.of("ping", "server", "datasets", "stats", "metrics", "health", "validate",
                                                    "compact", "backup", "tasks", "status");
    private static final Set<String> TOP = Set.of("id", "page", "data", "search", "states", "ui", "browse", ".well-known", "api");

    static String of(String path) {
        if (path == null || path.isEmpty() || "/".equals(path))
            return "/";
        if ("/kg".equals(path))
            return "/kg";
        if (path.startsWith("/kg/"))
            return named("/kg/", firstSegment(path.substring(4)), DATASET);
        if (path.startsWith("/$/"))
            return named("/$/", firstSegment(path.substring(3)), ADMIN);
        String first = firstSegment(path.substring(1));
        return TOP.contains(first) ? "/" + first : "other";
    }

    private static String named(String prefix, String name, Set<String> known) {
        return known.contains(name) ? prefix + name : prefix + "other";
    }

    private static String firstSegment(String rest) {
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
