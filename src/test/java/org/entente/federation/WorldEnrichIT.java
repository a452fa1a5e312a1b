package org.entente.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.JarRunner;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enrich --world} killed ({@code destroyForcibly}) in a child JVM running the packaged jar, at the
 * moment it starts writing: the store opens afterwards and holds the previous world graph, or (when the
 * commit won the race) the whole new one, never a part.
 */
class WorldEnrichIT {

    @TempDir
    Path tmp;

    static final int ROUNDS = 6;

    static int run(Path log, String... args) throws Exception {
        Process p = JarRunner.java(args).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "enrich did not finish: " + Files.readString(log));
        return p.exitValue();
    }

    static Graph world(Path store) {
        DatasetGraph dsg = StoreLib.open(store);
        try {
            return WorldEnricherTest.world(dsg);
        } finally {
            StoreLib.close(dsg);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f))
                    Files.createDirectories(target);
                else
                    Files.copy(f, target);
            }
        }
    }

    @Test
    void enrichKilledWhileItWritesLeavesThePreviousWorld() throws Exception {
        FusekiServer standIn = WorldEnricherTest.standIn(null);
        try {
            String endpoint = WorldEnricherTest.url(standIn);
            Path template = tmp.resolve("template");
            StoreLib.close(WorldEnricherTest.worldStore(template));
            // The previous world: Vietnam's part only.
            assertEquals(0, run(tmp.resolve("previous.log"), "enrich", "--world", "--state", "VN", "--store", template.toString(),
                                "--wikidata-endpoint", endpoint, "--pause", "0"));
            Graph previous = world(template);
            // A whole run, for the size of the new world.
            Path whole = tmp.resolve("whole");
            copy(template, whole);
            assertEquals(0, run(tmp.resolve("whole.log"), "enrich", "--world", "--store", whole.toString(), "--wikidata-endpoint", endpoint, "--pause", "0"));
            long wholeSize = world(whole).size();
            assertTrue(wholeSize > previous.size());

            Random random = new Random();
            int killedMidWrite = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Path store = tmp.resolve("round-" + round);
                copy(template, store);
                Path log = tmp.resolve("round-" + round + ".log");
                Process p = JarRunner.java("enrich", "--world", "--store", store.toString(), "--wikidata-endpoint", endpoint, "--pause", "0")
                                     .redirectOutput(log.toFile()).start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (p.isAlive() && System.nanoTime() < deadline && !Files.readString(log).contains("Writing "))
                    Thread.sleep(5);
                Thread.sleep(random.nextInt(40 * (round + 1)));
                boolean wasAlive = p.isAlive();
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                Graph after = world(store);
                boolean unchanged = after.isIsomorphicWith(previous);
                assertTrue(unchanged || after.size() == wholeSize,
                           "round " + round + ": the world graph has " + after.size() + " triples, neither the previous "
                           + previous.size() + " nor the new " + wholeSize + "\n" + Files.readString(log));
                if (wasAlive && unchanged)
                    killedMidWrite++;
            }
            assertTrue(killedMidWrite >= 1, "no round killed enrich while it wrote");
        } finally {
            standIn.stop();
        }
    }
}
