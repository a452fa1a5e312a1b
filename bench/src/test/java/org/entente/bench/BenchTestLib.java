package org.entente.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmark's tests find the product and the tools: the bench project's pom passes the
 * project root ({@code entente.home}), the product's fat jar ({@code entente.jar}) and stock Fuseki
 * ({@code entente.fuseki.jar}, with the BSBM tools in {@code bsbm/} beside it).
 */
final class BenchTestLib {
    private BenchTestLib() {}

    /** The product's project root, the folder above {@code bench/}. */
    static Path home() {
        return Path.of(System.getProperty("entente.home", "..")).toAbsolutePath().normalize();
    }

    /** The product's fat jar, built by the top-level pom. */
    static Path jar() {
        return existing(Path.of(System.getProperty("entente.jar", home().resolve("target/entente.jar").toString())),
                        "the product's jar (build it first: mvn package at the top)");
    }

    /** The stock Fuseki server jar the bench project fetched. */
    static Path fusekiJar() {
        return existing(Path.of(System.getProperty("entente.fuseki.jar", "target/bench-tools/jena-fuseki-server.jar")),
                        "stock Fuseki jar");
    }

    /** The BSBM generator and driver with what they need, beside stock Fuseki. */
    static Path bsbmTools() {
        Path dir = fusekiJar().resolveSibling("bsbm");
        assertTrue(Files.isDirectory(dir), "BSBM tools missing: " + dir);
        return dir;
    }

    /** RDF4J's LMDB store and what it needs (the peer's class path), beside stock Fuseki. */
    static Path rdf4jLib() {
        Path dir = fusekiJar().resolveSibling("rdf4j");
        assertTrue(Files.isDirectory(dir), "RDF4J class path missing: " + dir);
        return dir;
    }

    private static Path existing(Path file, String what) {
        assertTrue(Files.isRegularFile(file), what + " missing: " + file);
        return file.toAbsolutePath();
    }
}
