package org.entente.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.TestLib;
import org.entente.load.LoadReport;
import org.entente.load.Loader;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated data is deterministic, about the size asked, and passes the SHACL gate. */
class GeneratorTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedSameBytesOtherSeedOtherData() throws Exception {
        Path a = tmp.resolve("a.nq"), b = tmp.resolve("b.nq"), c = tmp.resolve("c.nq");
        Generator.create().triples(20_000).seed(7).build().write(a);
        Generator.create().triples(20_000).seed(7).build().write(b);
        Generator.create().triples(20_000).seed(8).build().write(c);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
    }

    @Test
    void aFolderOfTheOutputThatDoesNotExistYetIsMade() {
        Path nq = tmp.resolve("new/folder/data.nq.gz");
        Path gdelt = tmp.resolve("other/new/20250301.export.CSV.zip");
        assertTrue(Generator.create().triples(1_000).seed(1).build().write(nq) > 0);
        assertEquals(100, GdeltGenerator.create().events(100).seed(1).build().write(gdelt));
        assertTrue(Files.isRegularFile(nq) && Files.isRegularFile(gdelt));
    }

    @Test
    void generatedDataLoadsThroughTheGateWithOneGraphPerSource() {
        Path file = tmp.resolve("gen.nq.gz");
        long n = Generator.create().triples(10_000).seed(1).build().write(file);
        assertTrue(n >= 10_000 && n < 10_500, "about the size asked: " + n);
        DatasetGraph dsg = TestLib.seededStore(tmp.resolve("store"));
        try {
            LoadReport r = Loader.create().dataset(dsg).build().load(List.of(file));
            assertEquals(n, r.triples());
            Set<String> graphs = new HashSet<>();
            Txn.executeRead(dsg, () -> dsg.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI())));
            assertTrue(graphs.stream().filter(g -> g.contains("/source/gen-article-")).count() > 50, "many sources, each its own graph");
            assertTrue(graphs.contains("https://w3id.org/entente/id/source/gen-reference"));
        } finally {
            StoreLib.close(dsg);
        }
    }
}
