package org.entente.server;

import org.entente.sys.EntenteSys;

/**
 * Where the SPARQL editor (the Fuseki UI) lives, and how its calls reach the server.
 * <p>
 * The UI builds every URL it calls from its own page path: served at {@code /ui/}, it asks for
 * {@code /ui/$/ping}, {@code /ui/$/datasets} and {@code /ui/kg/sparql}. Those are the server's own
 * {@code /$/...} and {@code /kg/...}; {@link #route} says so, and {@link ConsoleRouting} sends them
 * there before any filter or servlet sees them, so every guard of the real path applies.
 */
public final class ConsolePaths {
    private ConsolePaths() {}

    /** The editor's page; start page links and "Query this in SPARQL" point below it. */
    public static final String UI = EntenteSys.EDITOR;

    private static final String ADMIN = UI + "$/";
    private static final String ADMIN_ENCODED = UI + "%24/";
    private static final String DATASET = UI + EntenteSys.DATASET.substring(1);

    /**
     * The server path a raw request path under the editor stands for, or null when it is the editor's
     * own file (or not under the editor at all). The query string is not part of the path.
     */
    public static String route(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(UI))
            return null;
        if (rawPath.startsWith(ADMIN) || rawPath.startsWith(ADMIN_ENCODED))
            return rawPath.substring(UI.length() - 1);
        if (rawPath.equals(DATASET) || rawPath.startsWith(DATASET + "/"))
            return rawPath.substring(UI.length() - 1);
        return null;
    }
}
