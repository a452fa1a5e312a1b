package org.entente;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.load.SeedLib;
import org.entente.load.StoreLib;

/** Where the project and the shared test material are, and a seeded store to test against. */
public final class TestLib {
    private TestLib() {}

    /** The project root (surefire sets {@code entente.home}; else the working directory). */
    public static Path home() {
        String p = System.getProperty("entente.home");
        return (p == null ? Path.of("") : Path.of(p)).toAbsolutePath().normalize();
    }

    /** The shared folder beside the project: the article and the W3C test suites. */
    public static Path shared() {
        return home().resolve("../shared").normalize();
    }

    /** The W3C RDF 1.1 test suites; fails if they are missing on CI, skips with a reason elsewhere. */
    public static Path w3cRdfTests() {
        Path dir = shared().resolve("w3c-rdf-tests/rdf/rdf11");
        if (!Files.isDirectory(dir)) {
            String why = "W3C test suites not found at " + dir + " (they come with ../shared)";
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError(why);
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        return dir;
    }

    /** A TDB2 store in a folder, with the project's ontology and data loaded. */
    public static DatasetGraph seededStore(Path dir) {
        DatasetGraph dsg = StoreLib.open(dir);
        SeedLib.sync(dsg, home());
        return dsg;
    }
}
