package org.entente.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.riot.Lang;
import org.entente.sys.EntenteException;

/** Finding RDF files, telling their syntax by extension, and hashing their bytes. */
public final class SourceFileLib {

    private static final Map<String, Lang> BY_EXTENSION = Map.ofEntries(
        Map.entry("ttl", Lang.TURTLE),
        Map.entry("turtle", Lang.TURTLE),
        Map.entry("nt", Lang.NTRIPLES),
        Map.entry("ntriples", Lang.NTRIPLES),
        Map.entry("nq", Lang.NQUADS),
        Map.entry("nquads", Lang.NQUADS),
        Map.entry("trig", Lang.TRIG),
        Map.entry("rdf", Lang.RDFXML),
        Map.entry("owl", Lang.RDFXML),
        Map.entry("xml", Lang.RDFXML),
        Map.entry("jsonld", Lang.JSONLD),
        Map.entry("json-ld", Lang.JSONLD));

    private SourceFileLib() {}

    /** Whether a file is gzip-compressed, by its name: reads and writes both go by this. */
    public static boolean isGzip(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /**
     * About how many triples a file holds, from its size: N-Quads and Turtle of our kind of data run to
     * about 100 bytes a triple, and gzip to about an eighth of that. Only to choose the loader's path.
     */
    static long expectedTriples(SourceFile file) {
        try {
            long bytes = Files.size(file.path());
            return isGzip(file.path()) ? bytes / 8 : bytes / 100;
        } catch (java.io.IOException ex) {
            return 0;
        }
    }

    /** A file's name in lower case, without a trailing {@code .gz}. */
    static String plainName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return isGzip(path) ? name.substring(0, name.length() - 3) : name;
    }

    /** The syntax of a file by its extension (a trailing {@code .gz} is looked through), or null. */
    public static Lang langOf(Path path) {
        String name = plainName(path);
        int dot = name.lastIndexOf('.');
        if (dot < 0)
            return null;
        return BY_EXTENSION.get(name.substring(dot + 1));
    }

    /**
     * Expands files and folders into the RDF files to load, in a stable order.
     * A folder is searched recursively and files it holds that are not RDF are passed over;
     * a file named explicitly must be RDF.
     */
    public static List<SourceFile> expand(List<Path> paths, Path root) {
        List<SourceFile> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                        .filter(f -> langOf(f) != null)
                        .sorted()
                        .forEach(f -> out.add(sourceFile(f, root)));
                } catch (IOException ex) {
                    throw new EntenteException("Cannot read folder " + p + ": " + ex.getMessage(), ex);
                }
            } else if (Files.isRegularFile(p)) {
                if (langOf(p) == null)
                    throw new EntenteException(p + ": unknown RDF syntax (expected .ttl, .nt, .nq, .trig, .rdf, .owl, .jsonld, optionally .gz)");
                out.add(sourceFile(p, root));
            } else {
                throw new EntenteException(p + ": no such file or folder");
            }
        }
        return out;
    }

    private static SourceFile sourceFile(Path file, Path root) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        String key = abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
        return new SourceFile(abs, langOf(abs), key);
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new EntenteException("No SHA-256 in this JVM", ex);
        }
    }

    /** The SHA-256 of a file's bytes, in lower-case hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;)
                md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException ex) {
            throw new EntenteException("Cannot read " + file + ": " + ex.getMessage(), ex);
        } catch (NoSuchAlgorithmException ex) {
            throw new EntenteException("No SHA-256 in this JVM", ex);
        }
    }

    /** The SHA-256 of a string's UTF-8 bytes, in lower-case hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The SHA-256 of some bytes, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new EntenteException("No SHA-256 in this JVM", ex);
        }
    }
}
