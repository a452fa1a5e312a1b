package org.entente.load;

import java.nio.file.Path;

import org.apache.jena.riot.Lang;

/**
 * One file to load: where it is, its RDF syntax, the key it is known by in the catalog (its path
 * relative to the loader's root, or absolute when it lies outside it), and the digest the catalog keeps
 * to tell whether it changed: the SHA-256 of its content, or for a generated seed the digest of what it
 * was generated from, so that an unchanged seed need not be generated to be recognised.
 */
public record SourceFile(Path path, Lang lang, String key, String digest) {
    /** A file whose digest is the SHA-256 of its content. */
    public SourceFile(Path path, Lang lang, String key) {
        this(path, lang, key, null);
    }

    /** The digest the catalog keeps for this file. */
    public String sha256() {
        return digest != null ? digest : SourceFileLib.sha256(path);
    }
}
