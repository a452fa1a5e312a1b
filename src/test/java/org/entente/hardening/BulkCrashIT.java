package org.entente.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.JarRunner;
import org.entente.TestLib;
import org.entente.gdelt.GdeltImporter;
import org.entente.generate.GdeltGenerator;
import org.entente.load.Loader;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments of a bulk load and of a bulk GDELT import ({@code --bulk}: TDB2's
 * bulk loader into a database beside the store, switched in by a rename), in child JVMs running the
 * packaged jar: after every kill the store opens as it was or wholly loaded, what was there before is
 * untouched, and a database left half-built beside the store is deleted when the store opens, never used.
 * The kills land after the new database has appeared (JVM start and what precedes the build are the
 * transactional kill tests' ground), at random within the next seconds: while it is built, checked, or
 * switched in, or after.
 */
class BulkCrashIT {
    static final int GRAPHS = 3;
    static final int PER_GRAPH = 50_000;

    @TempDir
    Path tmp;

    /** The store's database folders as they are on disk, before anything opens the store. */
    static List<String> folders(Path store) throws IOException {
        try (Stream<Path> s = Files.list(store)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Kills the process at a random moment once the new database has appeared beside the store (what
     * comes before, JVM start and reading the shapes, the transactional kill tests cover), unless it
     * ends first. Returns whether it was killed while a half-built database was there.
     */
    static boolean killWhileBuilding(Process p, Path store, long delay) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (p.isAlive() && System.nanoTime() < deadline && folders(store).stream().noneMatch(f -> f.endsWith("-tmp")))
            Thread.sleep(20);
        if (p.waitFor(delay, TimeUnit.MILLISECONDS))
            return false;
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return folders(store).stream().anyMatch(f -> f.endsWith("-tmp"));
    }

    static void assertOneDatabaseAfterOpen(Path store, String when) throws IOException {
        DatasetGraph dsg = StoreLib.open(store);
        StoreLib.close(dsg);
        List<String> after = folders(store);
        assertEquals(1, after.stream().filter(f -> f.matches("Data-\\d+")).count(), when + ": " + after);
        assertTrue(after.stream().noneMatch(f -> f.endsWith("-tmp")), when + ": a half-built database survived an open: " + after);
    }

    @Test
    void bulkLoadKilledAtRandomMomentsLeavesTheStoreAsItWasOrWhole() throws Exception {
        Path store = tmp.resolve("store");
        Path trig = tmp.resolve("crash.trig");
        try (Writer w = Files.newBufferedWriter(trig)) {
            for (int g = 0; g < GRAPHS; g++) {
                w.write("<" + CrashIT.graph(g) + "> {\n");
                for (int i = 0; i < PER_GRAPH; i++)
                    w.write("<http://example.org/crash/s" + i + "> <http://example.org/p> \"" + g + "-" + i + "\" .\n");
                w.write("}\n");
            }
        }
        Path before = TestLib.home().resolve("src/test/resources/load/good.ttl");
        DatasetGraph dsg = StoreLib.open(store);
        long beforeSize;
        try {
            beforeSize = Loader.create().dataset(dsg).validate(false).build().load(List.of(before)).triples();
        } finally {
            StoreLib.close(dsg);
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int halfBuilt = 0;
        for (int round = 0; round < 6; round++) {
            Process p = CrashIT.java(tmp.resolve("load-" + round + ".log"), "load", "--bulk", "--no-validate", "--store", store.toString(),
                                     trig.toString()).start();
            long delay = random.nextInt(6000);
            if (killWhileBuilding(p, store, delay))
                halfBuilt++;
            String when = "round " + round + " (seed " + seed + ", kill " + delay + " ms after the new database appeared)";
            CrashIT.assertWholeOrAbsent(store, GRAPHS, PER_GRAPH, when);
            DatasetGraph after = StoreLib.open(store);
            try {
                assertEquals(beforeSize, (long) Txn.calculateRead(after, () -> after.getGraph(Loader.graphFor(before)).size()), when);
            } finally {
                StoreLib.close(after);
            }
            assertOneDatabaseAfterOpen(store, when);
        }
        assertTrue(halfBuilt >= 3, "some kill must land while the new database is being built, " + halfBuilt + " did (seed " + seed + ")");
    }

    @Test
    void bulkGdeltImportKilledAtRandomMomentsLeavesTheStoreAsItWasOrWhole() throws Exception {
        Path store = tmp.resolve("store");
        Path earlier = tmp.resolve("20250228.export.CSV");
        Path big = tmp.resolve("20250301.export.CSV.zip");
        GdeltGenerator.create().events(500).seed(1).firstId(1).build().write(earlier);
        GdeltGenerator.create().events(GdeltCrashIT.EVENTS).seed(2).firstId(1_000_000).build().write(big);
        DatasetGraph dsg = StoreLib.open(store);
        try {
            GdeltImporter.create().dataset(dsg).build().importFiles(List.of(earlier));
        } finally {
            StoreLib.close(dsg);
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int halfBuilt = 0;
        for (int round = 0; round < 4; round++) {
            Process p = JarRunner.java("import", "gdelt", "--bulk", "--store", store.toString(), big.toString())
                                 .redirectOutput(tmp.resolve("import-" + round + ".log").toFile()).start();
            long delay = random.nextInt(8_000);
            if (killWhileBuilding(p, store, delay))
                halfBuilt++;
            String when = "round " + round + " (seed " + seed + ", kill " + delay + " ms after the new database appeared)";
            assertEquals(500, GdeltCrashIT.events(store, GdeltImporter.graphFor(earlier)), when + ": the earlier file");
            long n = GdeltCrashIT.events(store, GdeltImporter.graphFor(big));
            assertTrue(n == 0 || n == GdeltCrashIT.EVENTS, when + ": " + n + " of " + GdeltCrashIT.EVENTS + " events");
            assertOneDatabaseAfterOpen(store, when);
        }
        assertTrue(halfBuilt >= 2, "some kill must land while the new database is being built, " + halfBuilt + " did (seed " + seed + ")");
    }
}
