package org.entente.load;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;

/**
 * One file to load: where it is, its RDF syntax, the key it is known by in the catalog (its path
 * relative to the loader's root, or absolute when it lies outside it), and the digest the catalog keeps
 * to tell whether it changed: the SHA-256 of its content, or for a generated seed the digest of what it
 * was generated from, so that an unchanged seed need not be generated to be recognised.
 * <p>
 * A source in a format that is not RDF (a GDELT file) has a {@code producer}: the loader calls it,
 * on its parser thread, with the stream to send the statements to, instead of parsing the file.
 */
public record SourceFile(Path path, Lang lang, String key, String digest, Consumer<StreamRDF> producer) {
    /** A file whose digest is the SHA-256 of its content. */
    public SourceFile(Path path, Lang lang, String key) {
        this(path, lang, key, null, null);
    }

    /** An RDF file known by the given digest. */
    public SourceFile(Path path, Lang lang, String key, String digest) {
        this(path, lang, key, digest, null);
    }

    /** A file that {@code producer} turns into RDF, sending it to the stream it is given; known by the given digest. */
    public static SourceFile produced(Path path, String key, String digest, Consumer<StreamRDF> producer) {
        return new SourceFile(path, Lang.NQUADS, key, digest, producer);
    }

    /** The digest the catalog keeps for this file. */
    public String sha256() {
        return digest != null ? digest : SourceFileLib.sha256(path);
    }
}
