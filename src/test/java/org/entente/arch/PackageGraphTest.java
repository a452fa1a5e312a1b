package org.entente.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.entente.TestLib;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code src/main/java} depend one way: a package uses only packages of a lower
 * layer, never one of its own layer or above, so there is no cycle and a reader can take the code
 * bottom-up. Every use counts, imports and fully qualified names alike.
 */
class PackageGraphTest {

    /**
     * The layers, lowest first: base (names, vocabulary), intake (files into the loader), the store,
     * what reads the store (queries, HTTP helpers over the store's generation, the data generator),
     * server modules (operations and replication among them), the server and the local cluster (which
     * runs servers as processes), the command line.
     */
    static final List<List<String>> LAYERS = List.of(
        List.of("sys", "vocab"),
        List.of("load"),
        List.of("store"),
        List.of("query", "http", "generate", "world", "gdelt"),
        List.of("browse", "federation", "api", "ops", "ingest", "replication"),
        List.of("server", "cluster"),
        List.of("cli"));

    private static final Pattern USE = Pattern.compile("\\borg\\.entente\\.([a-z]+)\\.");

    @Test
    void packagesDependOnlyOnLowerLayers() throws IOException {
        Map<String, TreeSet<String>> graph = graph(TestLib.home().resolve("src/main/java/org/entente"));
        assertFalse(graph.isEmpty(), "found the sources");
        assertEquals(List.of(), violations(graph), "package dependencies that go sideways or up");
    }

    @Test
    void theCheckCatchesACycleAndAnUnknownPackage() {
        Map<String, TreeSet<String>> cyclic = new TreeMap<>();
        cyclic.put("query", new TreeSet<>(List.of("federation", "sys")));
        cyclic.put("federation", new TreeSet<>(List.of("query")));
        cyclic.put("gadgets", new TreeSet<>());
        List<String> found = violations(cyclic);
        assertTrue(found.contains("query -> federation"), found.toString());
        assertTrue(found.contains("gadgets: not in any layer"), found.toString());
        assertFalse(found.contains("federation -> query"), "down is allowed: " + found);
    }

    /** Each top package of a source tree with the other Entente top packages its files use. */
    static Map<String, TreeSet<String>> graph(Path root) throws IOException {
        Map<String, TreeSet<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                // A sub-package (browse.view) belongs to its top package's layer.
                String pkg = root.relativize(f.getParent()).getName(0).toString();
                TreeSet<String> uses = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find())
                    if (!m.group(1).equals(pkg))
                        uses.add(m.group(1));
            }
        }
        return graph;
    }

    /** Every use of a package of the same or a higher layer, and every package no layer names. */
    static List<String> violations(Map<String, TreeSet<String>> graph) {
        List<String> out = new ArrayList<>();
        graph.forEach((pkg, uses) -> {
            int from = layer(pkg);
            if (from < 0) {
                out.add(pkg + ": not in any layer");
                return;
            }
            for (String used : uses)
                if (layer(used) < 0 || layer(used) >= from)
                    out.add(pkg + " -> " + used);
        });
        return out;
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++)
            if (LAYERS.get(i).contains(pkg))
                return i;
        return -1;
    }
}
