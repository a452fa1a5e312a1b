package org.entente.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.entente.sys.EntenteException;
import org.entente.sys.FileLib;

/**
 * The generation of a TDB2 store written down in its folder, so that a later process knows whether the
 * store changed since a derived view (the search index) was built.
 * <p>
 * Two files beside TDB2's {@code Data-NNNN} folders: {@code entente-generation.properties} (a random id
 * drawn once per store, the count of committed writes, and a fingerprint of TDB2's files at that
 * count) and {@code entente-generation.dirty}, present from the start of a commit to the moment the
 * new count is written. On opening:
 * <ul>
 * <li>a dirty mark (a process killed during a commit) or a fingerprint that differs from the one
 *     written down (a write by a tool that does not count: {@code tdb2.tdbloader}, stock Fuseki, a
 *     {@code Data-NNNN} folder switched in, a compaction) advances the count by one;
 * <li>no file at all draws a new id, so nothing built against an earlier file can match.
 * </ul>
 * The dirty mark alone would miss writes by other tools, and the fingerprint alone leans on how TDB2
 * lays out its files; together a view is trusted only when both agree nothing happened.
 * <p>
 * The fingerprint: the name, size and modification time of every file in every {@code Data-NNNN}
 * folder (except {@code tdb.lock}, which every opening rewrites), and the bytes of the B+tree state
 * files ({@code *.bpt}, 24 bytes each, whose root and limits change with every write since TDB2's trees
 * are copy-on-write). Opening a store and reading it change none of these (checked on TDB2 5.6).
 * Not detected: a tool that rewrites TDB2's files byte for byte with their sizes and times restored.
 */
final class GenerationFile {

    static final String FILE = "entente-generation.properties";
    static final String DIRTY = "entente-generation.dirty";

    private final Path folder;
    private final String id;

    /** A store's generation file and the count this opening starts from. */
    record Opened(GenerationFile file, long count, boolean changedOutside) {}

    private GenerationFile(Path folder, String id) {
        this.folder = folder;
        this.id = id;
    }

    String id() {
        return id;
    }

    Path folder() {
        return folder;
    }

    /**
     * Reads the count written down in a store folder and reconciles it with the files (a dirty mark or a
     * changed fingerprint advances it by one, written down at once).
     */
    static Opened open(Path folder) {
        try {
            Path file = folder.resolve(FILE);
            String fingerprint = fingerprint(folder);
            boolean dirty = Files.exists(folder.resolve(DIRTY));
            if (!Files.exists(file)) {
                GenerationFile g = new GenerationFile(folder, UUID.randomUUID().toString());
                g.write(1, fingerprint);
                Files.deleteIfExists(folder.resolve(DIRTY));
                return new Opened(g, 1, true);
            }
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            String id = p.getProperty("id");
            long count;
            try {
                count = Long.parseLong(p.getProperty("count", ""));
            } catch (NumberFormatException ex) {
                id = null;
                count = 0;
            }
            if (id == null || id.isBlank()) {
                GenerationFile g = new GenerationFile(folder, UUID.randomUUID().toString());
                g.write(1, fingerprint);
                return new Opened(g, 1, true);
            }
            GenerationFile g = new GenerationFile(folder, id);
            boolean changed = dirty || !fingerprint.equals(p.getProperty("fingerprint"));
            if (changed) {
                count++;
                g.write(count, fingerprint);
                Files.deleteIfExists(folder.resolve(DIRTY));
            }
            return new Opened(g, count, changed);
        } catch (IOException ex) {
            throw new EntenteException("Cannot read the generation of store " + folder + ": " + ex.getMessage(), ex);
        }
    }

    /** Marks the store as being written, durably, before a commit. */
    void markDirty() {
        try {
            Path mark = folder.resolve(DIRTY);
            try (FileChannel ch = FileChannel.open(mark, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            FileLib.syncFolder(folder);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Writes down the count a commit reached, with the files' fingerprint, and clears the mark. */
    void committed(long count) {
        try {
            write(count, fingerprint(folder));
            Files.deleteIfExists(folder.resolve(DIRTY));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void write(long count, String fingerprint) throws IOException {
        Properties p = new Properties();
        p.setProperty("id", id);
        p.setProperty("count", Long.toString(count));
        p.setProperty("fingerprint", fingerprint);
        StringWriter text = new StringWriter();
        p.store(text, "Entente: the store's generation (delete it to force derived views to be rebuilt)");
        FileLib.writeAtomically(folder.resolve(FILE), text.toString());
    }

    /** A digest of TDB2's files in a store folder (see the class comment). */
    static String fingerprint(Path folder) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        List<Path> dataFolders;
        try (var entries = Files.list(folder)) {
            dataFolders = entries.filter(p -> p.getFileName().toString().startsWith("Data-") && Files.isDirectory(p))
                                 .sorted().toList();
        }
        for (Path data : dataFolders) {
            List<Path> files;
            try (var entries = Files.list(data)) {
                files = entries.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("tdb.lock"))
                               .sorted().toList();
            }
            for (Path f : files) {
                String name = data.getFileName() + "/" + f.getFileName();
                var attrs = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
                md.update((name + " " + attrs.size() + " " + attrs.lastModifiedTime().toInstant() + "\n").getBytes(StandardCharsets.UTF_8));
                if (name.endsWith(".bpt") && attrs.size() <= 4096)
                    md.update(Files.readAllBytes(f));
            }
        }
        return dataFolders.size() + ":" + HexFormat.of().formatHex(md.digest());
    }
}
