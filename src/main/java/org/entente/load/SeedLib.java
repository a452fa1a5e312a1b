package org.entente.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;
import org.entente.sys.EntenteSys;

/**
 * Keeps the store in step with the project's own {@code ontology/} and {@code data/} folders and its
 * generated seeds: loads a file (or generated seed) whose content hash the catalog does not have, all
 * in one load, and drops the graphs of one that is gone. An unchanged one is not touched.
 */
public final class SeedLib {
    private SeedLib() {}

    /** What {@link #sync} did. */
    public record SyncResult(List<String> loaded, List<String> removed, Optional<LoadReport> report) {
        public boolean changed() {
            return !loaded.isEmpty() || !removed.isEmpty();
        }
    }

    /** The catalog keys of generated seeds start with this. */
    public static final String GENERATED = "generated/";

    /** Brings the store up to date with {@code home/ontology} and {@code home/data}. */
    public static SyncResult sync(DatasetGraph dsg, Path home) {
        return sync(dsg, home, List.of());
    }

    /** Brings the store up to date with {@code home/ontology}, {@code home/data} and the generated seeds. */
    public static SyncResult sync(DatasetGraph dsg, Path home, List<GeneratedSeed> generated) {
        Path tmp = null;
        try {
            tmp = generated.isEmpty() ? null : Files.createTempDirectory("entente-seed-");
            return sync(dsg, home, generated, tmp);
        } catch (java.io.IOException ex) {
            throw new EntenteException("Cannot write generated seed data to a temporary folder: " + ex.getMessage(), ex);
        } finally {
            if (tmp != null)
                deleteQuietly(tmp);
        }
    }

    private static SyncResult sync(DatasetGraph dsg, Path home, List<GeneratedSeed> generated, Path tmp) throws java.io.IOException {
        List<Path> dirs = new ArrayList<>();
        for (String d : List.of(EntenteSys.ONTOLOGY_DIR, EntenteSys.DATA_DIR))
            if (Files.isDirectory(home.resolve(d)))
                dirs.add(home.resolve(d));
        List<SourceFile> files = SourceFileLib.expand(dirs, home);
        Set<String> keys = files.stream().map(SourceFile::key).collect(Collectors.toCollection(java.util.HashSet::new));
        List<SourceFile> changed = new ArrayList<>(Txn.calculateRead(dsg, () -> files.stream()
            .filter(f -> LoadCatalog.find(dsg, f.key()).map(e -> !e.sha256().equals(f.sha256())).orElse(true))
            .toList()));
        for (GeneratedSeed g : generated) {
            if (!g.key().startsWith(GENERATED) || !g.key().endsWith(".nq"))
                throw new EntenteException("A generated seed's key must be " + GENERATED + "NAME.nq: " + g.key());
            keys.add(g.key());
            String digest = g.fingerprint();
            boolean current = Txn.calculateRead(dsg, () -> LoadCatalog.find(dsg, g.key()).map(e -> e.sha256().equals(digest)).orElse(false));
            if (!current) {
                Path file = tmp.resolve(g.key().substring(GENERATED.length()));
                Files.write(file, g.nquads());
                changed.add(new SourceFile(file, Lang.NQUADS, g.key(), digest));
            }
        }

        Optional<LoadReport> report = Optional.empty();
        if (!changed.isEmpty()) {
            EntenteLog.loadLog.info("Loading {} new or changed seed file(s): {}", changed.size(),
                                    changed.stream().map(SourceFile::key).toList());
            report = Optional.of(Loader.create().dataset(dsg).root(home).build().loadFiles(changed));
        }

        // Written only when a seed file is gone: a write that changes nothing would still advance the
        // store's generation (and make every start rebuild the search index kept on disk).
        boolean anyGone = Txn.calculateRead(dsg, () -> LoadCatalog.all(dsg).stream().anyMatch(e -> isSeed(e) && !keys.contains(e.key())));
        List<String> removed = !anyGone ? List.of() : Txn.calculateWrite(dsg, () -> {
            List<String> gone = new ArrayList<>();
            for (LoadCatalog.Entry e : LoadCatalog.all(dsg)) {
                if (isSeed(e) && !keys.contains(e.key())) {
                    for (Node g : e.graphs())
                        dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                    LoadCatalog.remove(dsg, e.key());
                    gone.add(e.key());
                }
            }
            return gone;
        });
        if (!removed.isEmpty())
            EntenteLog.loadLog.info("Dropped the graphs of seed files that are gone: {}", removed);
        return new SyncResult(changed.stream().map(SourceFile::key).toList(), removed, report);
    }

    private static boolean isSeed(LoadCatalog.Entry e) {
        return e.key().startsWith(EntenteSys.ONTOLOGY_DIR + "/") || e.key().startsWith(EntenteSys.DATA_DIR + "/") || e.key().startsWith(GENERATED);
    }

    private static void deleteQuietly(Path dir) {
        try (var entries = Files.list(dir)) {
            for (Path p : entries.toList())
                Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        } catch (java.io.IOException ex) {
            EntenteLog.loadLog.warn("Could not remove the temporary folder {}: {}", dir, ex.getMessage());
        }
    }
}
