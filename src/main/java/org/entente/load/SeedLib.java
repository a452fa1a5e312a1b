package org.entente.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.sys.EntenteLog;
import org.entente.sys.EntenteSys;

/**
 * Keeps the store in step with the project's own {@code ontology/} and {@code data/} folders:
 * loads a file whose content hash the catalog does not have, and drops the graphs of a file
 * that is gone. An unchanged file is not touched.
 */
public final class SeedLib {
    private SeedLib() {}

    /** What {@link #sync} did. */
    public record SyncResult(List<String> loaded, List<String> removed, Optional<LoadReport> report) {
        public boolean changed() {
            return !loaded.isEmpty() || !removed.isEmpty();
        }
    }

    /** Brings the store up to date with {@code home/ontology} and {@code home/data}. */
    public static SyncResult sync(DatasetGraph dsg, Path home) {
        List<Path> dirs = new ArrayList<>();
        for (String d : List.of(EntenteSys.ONTOLOGY_DIR, EntenteSys.DATA_DIR))
            if (Files.isDirectory(home.resolve(d)))
                dirs.add(home.resolve(d));
        List<SourceFile> files = SourceFileLib.expand(dirs, home);
        Set<String> keys = files.stream().map(SourceFile::key).collect(Collectors.toSet());

        List<SourceFile> changed = Txn.calculateRead(dsg, () -> files.stream()
            .filter(f -> LoadCatalog.find(dsg, f.key())
                                    .map(e -> !e.sha256().equals(SourceFileLib.sha256(f.path())))
                                    .orElse(true))
            .toList());

        Optional<LoadReport> report = Optional.empty();
        if (!changed.isEmpty()) {
            EntenteLog.loadLog.info("Loading {} new or changed seed file(s): {}", changed.size(),
                                    changed.stream().map(SourceFile::key).toList());
            report = Optional.of(Loader.create().dataset(dsg).root(home).build().loadFiles(changed));
        }

        List<String> removed = Txn.calculateWrite(dsg, () -> {
            List<String> gone = new ArrayList<>();
            for (LoadCatalog.Entry e : LoadCatalog.all(dsg)) {
                boolean seed = e.key().startsWith(EntenteSys.ONTOLOGY_DIR + "/") || e.key().startsWith(EntenteSys.DATA_DIR + "/");
                if (seed && !keys.contains(e.key())) {
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
}
