package org.entente.browse;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import org.entente.store.StoreGeneration;
import org.entente.sys.EntenteLog;
import org.entente.sys.FileLib;

/**
 * The search index's folder in a store folder ({@code STORE/search-index/}): one Lucene index per
 * build, in a folder of its own ({@code index-<generation>-<random>}), and {@code manifest.properties},
 * which names the index in use and the store generation it reflects.
 * <p>
 * A build writes a new folder and commits it (Lucene syncs its files); only then is the manifest
 * replaced by an atomic rename. A build killed halfway leaves a folder no manifest names, which the
 * next opening deletes, as it deletes indexes a newer one replaced. Deleting {@code search-index/}
 * forces a rebuild at the next start.
 */
final class IndexFolder {

    static final String NAME = "search-index";
    static final String MANIFEST = "manifest.properties";

    private final Path root;

    /** What the manifest says: the index folder in use, the generation it reflects, how it was built. */
    record Manifest(String dir, String storeId, long generation, long labels, long buildMillis, Instant builtAt) {

        /** Whether the index reflects a store at this generation. */
        boolean reflects(StoreGeneration.Durable g) {
            return storeId.equals(g.storeId()) && generation == g.count();
        }
    }

    IndexFolder(Path storeFolder) {
        this.root = storeFolder.resolve(NAME);
    }

    Path root() {
        return root;
    }

    /** The manifest, if there is a readable one naming an index folder that exists. */
    Optional<Manifest> manifest() {
        Path file = root.resolve(MANIFEST);
        if (!Files.isRegularFile(file))
            return Optional.empty();
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            Manifest m = new Manifest(p.getProperty("dir"), p.getProperty("storeId"), Long.parseLong(p.getProperty("generation")),
                                      Long.parseLong(p.getProperty("labels", "0")), Long.parseLong(p.getProperty("buildMillis", "0")),
                                      Instant.parse(p.getProperty("builtAt")));
            if (m.dir() == null || m.storeId() == null || !m.dir().startsWith("index-") || !Files.isDirectory(root.resolve(m.dir())))
                return Optional.empty();
            return Optional.of(m);
        } catch (IOException | RuntimeException ex) {
            EntenteLog.serverLog.warn("Ignoring the search index manifest {}: {}", file, ex.getMessage());
            return Optional.empty();
        }
    }

    /** A new, empty folder for a build. */
    Path newIndexDir(long generation) throws IOException {
        Files.createDirectories(root);
        Path dir = root.resolve("index-" + generation + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36));
        Files.createDirectory(dir);
        return dir;
    }

    /** Names a built index in the manifest (atomically), making it the one a later opening uses. */
    void publish(Manifest m) throws IOException {
        Properties p = new Properties();
        p.setProperty("dir", m.dir());
        p.setProperty("storeId", m.storeId());
        p.setProperty("generation", Long.toString(m.generation()));
        p.setProperty("labels", Long.toString(m.labels()));
        p.setProperty("buildMillis", Long.toString(m.buildMillis()));
        p.setProperty("builtAt", m.builtAt().toString());
        StringWriter text = new StringWriter();
        p.store(text, "Entente search index: the folder in use and the store generation it reflects");
        FileLib.writeAtomically(root.resolve(MANIFEST), text.toString());
    }

    /** Deletes everything in the folder but the manifest and the index it names (or what {@code keep} names). */
    void clean(Optional<String> keep) {
        if (!Files.isDirectory(root))
            return;
        List<Path> entries;
        try (var list = Files.list(root)) {
            entries = list.toList();
        } catch (IOException ex) {
            EntenteLog.serverLog.warn("Cannot list {}: {}", root, ex.getMessage());
            return;
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.equals(MANIFEST) || keep.map(name::equals).orElse(false))
                continue;
            try {
                FileLib.deleteTree(p);
                EntenteLog.serverLog.debug("Deleted {} (no longer in use)", p);
            } catch (IOException ex) {
                EntenteLog.serverLog.warn("Cannot delete {}: {}", p, ex.getMessage());
            }
        }
    }
}
