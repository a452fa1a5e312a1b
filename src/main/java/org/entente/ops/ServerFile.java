package org.entente.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;

/**
 * The file a running server writes beside its store's lock, {@code <store>/entente-server.json}, so
 * that the command line, finding the store locked, asks that server instead:
 * <pre>
 *   {"url":"http://127.0.0.1:3030/","pid":4242}
 * </pre>
 * Written at start, removed on a clean stop; a file whose process is gone (a crash) is ignored.
 */
public record ServerFile(String url, long pid) {

    /** The file's name in the store folder. */
    public static final String NAME = "entente-server.json";

    /** Writes this process's server, at {@code url}, into the store folder (atomically: write, then rename). */
    public static ServerFile write(Path storeDir, String url) {
        ServerFile f = new ServerFile(url.endsWith("/") ? url : url + "/", ProcessHandle.current().pid());
        JsonObject o = new JsonObject();
        o.put("url", f.url());
        o.put("pid", f.pid());
        Path tmp = storeDir.resolve(NAME + ".tmp");
        try {
            Files.writeString(tmp, JSON.toStringFlat(o) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, storeDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new EntenteException("Cannot write " + storeDir.resolve(NAME) + ": " + ex.getMessage(), ex);
        }
        return f;
    }

    /** Removes the file if it is this process's. */
    public static void remove(Path storeDir) {
        Path file = storeDir.resolve(NAME);
        read(file).filter(f -> f.pid() == ProcessHandle.current().pid()).ifPresent(f -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ex) {
                EntenteLog.serverLog.warn("Cannot remove {}: {}", file, ex.getMessage());
            }
        });
    }

    /** The server running on a store: its file, when there is one and its process is alive. */
    public static Optional<ServerFile> running(Path storeDir) {
        return read(storeDir.resolve(NAME)).filter(f -> ProcessHandle.of(f.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    private static Optional<ServerFile> read(Path file) {
        if (!Files.isRegularFile(file))
            return Optional.empty();
        try {
            JsonObject o = JSON.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!o.hasKey("url") || !o.hasKey("pid"))
                return Optional.empty();
            return Optional.of(new ServerFile(o.get("url").getAsString().value(), o.get("pid").getAsNumber().value().longValue()));
        } catch (IOException | JsonParseException | ClassCastException ex) {
            EntenteLog.serverLog.warn("Ignoring unreadable {}: {}", file, ex.getMessage());
            return Optional.empty();
        }
    }
}
