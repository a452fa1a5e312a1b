package org.entente.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the benchmark on tiny data: every figure is produced and sane (not how fast it is). */
class BenchIT {

    @TempDir
    Path tmp;

    private static double number(String json, String section, String key) {
        // The section's own keys, past any map nested one level inside it (p50_ms_by_kind).
        Matcher m = Pattern.compile("\"" + section + "\":\\{(?:[^{}]|\\{[^{}]*\\})*?\"" + key + "\":([0-9.Ee+-]+)").matcher(json);
        assertTrue(m.find(), section + "." + key + " missing in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void tinyBenchmarkProducesEveryFigure() throws Exception {
        Bench.main("--triples", "10000", "--out", tmp.toString(), "--jar", BenchTestLib.jar().toString(), "--fuseki",
                   BenchTestLib.fusekiJar().toString(), "--bsbm", BenchTestLib.bsbmTools().toString(), "--rdf4j", BenchTestLib.rdf4jLib().toString(), "--queries",
                   BenchTestLib.home().resolve("queries").toString());
        String json = Files.readString(tmp.resolve("results.json"));

        String[][] positive = { { "load", "entente_tps" }, { "load", "tdb2_tdbloader_tps" }, { "load", "entente_no_validate_tps" },
            { "query", "entente_qmph" }, { "query", "fuseki_qmph" }, { "bsbm", "entente_qmph" }, { "bsbm", "fuseki_qmph" },
            { "bsbm_load", "entente_tps" }, { "bsbm_load", "tdb2_tdbloader_tps" },
            { "page", "p50_ms" }, { "page", "p99_ms" }, { "page", "p50_ms_8_clients" }, { "page", "http_floor_ms_fuseki" },
            { "competency", "p50_ms" }, { "competency", "p99_ms_8_clients" },
            { "incremental", "tps" }, { "incremental", "query_p50_ms_during" },
            { "repeated", "p50_ms_full" }, { "repeated", "p50_ms_cached" }, { "repeated", "page_p50_ms_cached" },
            { "memory", "serve_peak_rss_mb" }, { "memory", "serve_peak_heap_mb" } };
        for (String[] f : positive)
            assertTrue(number(json, f[0], f[1]) > 0, f[0] + "." + f[1] + " is not positive in " + json);
        for (String section : new String[] { "load", "query", "bsbm" }) {
            double r = number(json, section, "ratio");
            assertTrue(r > 0.01 && r < 100, "an absurd " + section + " ratio " + r);
        }
        assertTrue(number(json, "page", "p50_ms") <= number(json, "page", "p99_ms"), "p50 above p99");
        for (String[] f : new String[][] { { "query", "entente_cpu_ms_per_mix" }, { "query", "fuseki_cpu_ms_per_mix" },
            { "bsbm", "entente_cpu_ms_per_mix" }, { "bsbm", "fuseki_cpu_ms_per_mix" } })
            assertTrue(number(json, f[0], f[1]) >= 0, f[0] + "." + f[1] + " is missing in " + json);

        // Every engine side by side: ours and stock Fuseki always; RDF4J LMDB (its class path is built with the
        // harness); Virtuoso when the machine has it, else skipped with the reason. Answers agree before timing.
        assertTrue(json.contains("\"entente\":{\"agrees\":true"), json);
        assertTrue(json.contains("\"fuseki\":{\"agrees\":true"), json);
        assertTrue(json.contains("\"rdf4j_lmdb\":{\"agrees\":true"), json);
        boolean virtuoso = Peers.onPath("virtuoso-t").isPresent();
        assertTrue(virtuoso ? json.contains("\"virtuoso\":{\"agrees\":true") : json.contains("Virtuoso: virtuoso-t or isql-vt not on the PATH"), json);
        assertTrue(number(json, "rdf4j_lmdb", "qmph") > 0 && number(json, "rdf4j_lmdb", "cpu_ms_per_mix") >= 0, json);
        // BSBM on the peers: the data agrees in BSBM's graph, and the driver ran.
        // results.json holds the headline size twice: at the top and in the growth series.
        assertEquals(4, json.split("\"rdf4j_lmdb\":\\{\"agrees\":true", -1).length - 1, "RDF4J agrees with us on our mix and on BSBM's data: " + json);
        assertTrue(number(json, "memory", "serve_peak_heap_mb") <= 512, "the heap is capped at 512 MB");
        assertTrue(json.contains("\"machine\":\"") && json.contains("cores"), "the machine is described");
        assertTrue(json.contains("\"goals\":{") && json.contains("\"growth\":[{"), "goals and the growth series");

        String report = Files.readString(tmp.resolve("report.md"));
        assertTrue(report.contains("load.ratio") && report.contains("bsbm.ratio") && report.contains("## Goals"), report);
        assertTrue(report.contains("## Every engine side by side") && report.contains("| rdf4j_lmdb | true |"), report);
        byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
        for (String chart : new String[] { "load.png", "query.png", "latency.png", "memory.png", "engines.png", "engines-cpu.png" }) {
            Path file = tmp.resolve(chart);
            assertTrue(Files.size(file) > 2_000, chart + " is too small to hold a chart");
            assertArrayEquals(png, Arrays.copyOf(Files.readAllBytes(file), 4), chart + " is not a PNG");
            assertTrue(report.contains("(" + chart + ")"), "the report shows " + chart);
        }
        assertTrue(!Files.exists(tmp.resolve("work")), "the stores and data of the run are cleaned up");
    }

    @Test
    void footprintCheckServesUnderTheHeapCapAndSaysSo() throws Exception {
        Footprint.main("--triples", "5000", "--out", tmp.toString(), "--jar", BenchTestLib.jar().toString(),
                       "--queries", BenchTestLib.home().resolve("queries").toString());
        String json = Files.readString(tmp.resolve("footprint.json"));
        for (String key : new String[] { "serve_peak_heap_mb", "serve_live_heap_mb", "serve_peak_rss_mb", "requests" }) {
            Matcher m = Pattern.compile("\"" + key + "\":([0-9]+)").matcher(json);
            assertTrue(m.find() && Long.parseLong(m.group(1)) > 0, key + " in " + json);
        }
        assertTrue(json.contains("\"serve_alive\":true") && json.contains("\"out_of_memory\":false"), json);
        assertTrue(json.contains("\"not_answered\":0"), "every request answered at this size: " + json);
        assertTrue(!Files.exists(tmp.resolve("footprint-work")), "the store is cleaned up");
    }
}
