package org.entente;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
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

    /** The W3C RDF 1.1 test suites (they come with {@code ../shared}; no Maven artifact ships them). */
    public static Path w3cRdfTests() {
        return shared().resolve("w3c-rdf-tests/rdf/rdf11");
    }

    /**
     * The tests of a W3C suite read from {@code ../shared}; without it, one test that says it was skipped
     * and why, so the summary shows the skip (a bare abort would show no test at all). On CI a missing
     * suite fails.
     */
    public static Stream<DynamicTest> w3cSuite(String name, Function<Path, Stream<DynamicTest>> tests) {
        Path dir = w3cRdfTests();
        if (Files.isDirectory(dir))
            return tests.apply(dir);
        String why = "W3C suite " + name + " not run: its files are not at " + dir + " (they come with ../shared beside the project)";
        if ("true".equals(System.getenv("CI")))
            throw new AssertionError(why);
        return Stream.of(DynamicTest.dynamicTest("skipped: " + name, () -> Assumptions.abort(why)));
    }

    /** Checks data, together with the ontology and concept schemes, against {@code ontology/shapes.ttl}; prints the report on failure. */
    public static void assertConformsWithTheOntology(org.apache.jena.graph.Graph data, String what) {
        for (String f : java.util.List.of("ontology/entente.ttl", "ontology/concepts.ttl"))
            org.apache.jena.riot.RDFDataMgr.read(data, home().resolve(f).toString());
        org.apache.jena.shacl.Shapes shapes = org.apache.jena.shacl.Shapes.parse(
            org.apache.jena.riot.RDFDataMgr.loadGraph(home().resolve("ontology/shapes.ttl").toString()));
        org.apache.jena.shacl.ValidationReport report = org.apache.jena.shacl.ShaclValidator.get().validate(shapes, data);
        if (!report.conforms())
            org.apache.jena.shacl.lib.ShLib.printReport(report);
        org.junit.jupiter.api.Assertions.assertTrue(report.conforms(), what + " violates ontology/shapes.ttl");
    }

    /** A TDB2 store in a folder, with the project's ontology and data loaded (not the generated world). */
    public static DatasetGraph seededStore(Path dir) {
        DatasetGraph dsg = StoreLib.open(dir);
        SeedLib.sync(dsg, home());
        return dsg;
    }

    /** A TDB2 store seeded as {@code serve} seeds it: ontology, data and every territory from CLDR. */
    public static DatasetGraph worldStore(Path dir) {
        DatasetGraph dsg = StoreLib.open(dir);
        SeedLib.sync(dsg, home(), java.util.List.of(org.entente.world.CldrWorld.create()));
        return dsg;
    }
}
