package org.entente.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.entente.TestLib;
import org.entente.sys.EntenteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The W3C RDF 1.1 syntax suites run through our loader: every negative syntax test is refused with a
 * position and leaves the store unchanged, and every positive one (syntax and evaluation tests) loads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class W3cSyntaxSuiteTest {

    private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final String RDFT = "http://www.w3.org/ns/rdftest#";
    /** "file:LINE:COL: message" as the loader reports a parse error. */
    private static final Pattern POSITION = Pattern.compile(":-?\\d+:-?\\d+: ");

    @TempDir
    static Path tmp;

    DatasetGraph dsg;

    @BeforeAll
    void open() {
        dsg = StoreLib.open(tmp.resolve("store"));
        loader().load(List.of(TestLib.home().resolve("src/test/resources/load/good.ttl")));
    }

    @AfterAll
    void close() {
        StoreLib.close(dsg);
    }

    private Loader loader() {
        return Loader.create().dataset(dsg).validate(false).progressEvery(0).build();
    }

    @TestFactory
    Stream<DynamicTest> turtle() {
        return suite("rdf-turtle");
    }

    @TestFactory
    Stream<DynamicTest> ntriples() {
        return suite("rdf-n-triples");
    }

    @TestFactory
    Stream<DynamicTest> nquads() {
        return suite("rdf-n-quads");
    }

    @TestFactory
    Stream<DynamicTest> trig() {
        return suite("rdf-trig");
    }

    @TestFactory
    Stream<DynamicTest> rdfxml() {
        return suite("rdf-xml");
    }

    private Stream<DynamicTest> suite(String name) {
        return TestLib.w3cSuite(name, suites -> suite(suites, name));
    }

    private Stream<DynamicTest> suite(Path suites, String name) {
        Path dir = suites.resolve(name);
        Model manifest = RDFDataMgr.loadModel(dir.resolve("manifest.ttl").toUri().toString());
        Resource root = manifest.listSubjectsWithProperty(RDF.type, manifest.createResource(MF + "Manifest")).next();
        RDFList entries = root.getPropertyResourceValue(manifest.createProperty(MF + "entries")).as(RDFList.class);
        List<DynamicTest> tests = new ArrayList<>();
        for (RDFNode n : entries.asJavaList()) {
            Resource test = n.asResource();
            String type = test.getPropertyResourceValue(RDF.type).getURI().replace(RDFT, "");
            Path action = Path.of(java.net.URI.create(test.getPropertyResourceValue(manifest.createProperty(MF + "action")).getURI()));
            String label = type + " " + action.getFileName();
            if (type.contains("Negative"))
                tests.add(DynamicTest.dynamicTest(label, () -> refused(action)));
            else
                tests.add(DynamicTest.dynamicTest(label, () -> loads(action)));
        }
        assertTrue(tests.size() > 40, name + ": too few tests found in the manifest");
        return tests.stream();
    }

    private long size() {
        return Txn.calculateRead(dsg, () -> dsg.stream().count());
    }

    private void refused(Path file) {
        long before = size();
        EntenteException ex = assertThrows(EntenteException.class, () -> loader().load(List.of(file)),
                                           "accepted a file the W3C suite says is invalid: " + file);
        assertTrue(ex.getMessage().startsWith(file.toString()) || ex.getMessage().contains(file.getFileName().toString()),
                   "no file name in: " + ex.getMessage());
        assertTrue(POSITION.matcher(ex.getMessage()).find(), "no line and column in: " + ex.getMessage());
        assertEquals(before, size(), "a refused load changed the store");
    }

    private void loads(Path file) {
        loader().load(List.of(file));
    }
}
