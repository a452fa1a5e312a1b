package org.entente.load;

import java.nio.file.Path;

import org.apache.jena.riot.Lang;

/**
 * One file to load: where it is, its RDF syntax, and the key it is known by in the catalog
 * (its path relative to the loader's root, or absolute when it lies outside it).
 */
public record SourceFile(Path path, Lang lang, String key) {}
