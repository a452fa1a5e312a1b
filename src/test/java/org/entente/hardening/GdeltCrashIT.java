package org.entente.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.entente.JarRunner;
import org.entente.gdelt.GdeltImporter;
import org.entente.generate.GdeltGenerator;
import org.entente.load.StoreLib;
import org.entente.vocab.ENT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during {@code entente import gdelt}, in child JVMs running the packaged jar: after
 * every kill the store opens, the file imported before is untouched, and the file being imported is
 * either all there or not there at all.
 */
class GdeltCrashIT {
    static final int EVENTS = 20_000;

    @TempDir
    Path tmp;

    static long events(Path store, Node graph) {
        DatasetGraph dsg = StoreLib.open(store);
        try {
            return Txn.calculateRead(dsg, () -> dsg.stream(graph, Node.ANY, RDF.type.asNode(), ENT.node(ENT.CodedEvent)).count());
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void importKilledAtRandomMomentsLeavesTheStoreAsItWasOrWhole() throws Exception {
        Path store = tmp.resolve("store");
        Path before = tmp.resolve("20250228.export.CSV");
        Path big = tmp.resolve("20250301.export.CSV.zip");
        GdeltGenerator.create().events(500).seed(1).firstId(1).build().write(before);
        GdeltGenerator.create().events(EVENTS).seed(2).firstId(1_000_000).build().write(big);
        DatasetGraph dsg = StoreLib.open(store);
        try {
            GdeltImporter.create().dataset(dsg).build().importFiles(List.of(before));
        } finally {
            StoreLib.close(dsg);
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int killed = 0;
        for (int round = 0; round < 6; round++) {
            Process p = JarRunner.java("import", "gdelt", "--store", store.toString(), big.toString())
                                 .redirectOutput(tmp.resolve("import-" + round + ".log").toFile()).start();
            long delay = 1_000 + random.nextInt(8_000);
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                killed++;
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String when = "round " + round + " (seed " + seed + ", kill after " + delay + " ms)";
            assertEquals(500, events(store, GdeltImporter.graphFor(before)), when + ": the earlier file");
            long n = events(store, GdeltImporter.graphFor(big));
            assertTrue(n == 0 || n == EVENTS, when + ": " + n + " of " + EVENTS + " events");
        }
        assertTrue(killed >= 3, "most rounds must kill an import under way, killed " + killed + " (seed " + seed + ")");
    }
}
