package org.entente.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entente.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the benchmark on tiny data: every figure is produced and sane (not how fast it is). */
class BenchIT {

    @TempDir
    Path tmp;

    @Test
    void tinyBenchmarkProducesEveryFigure() throws Exception {
        Path fuseki = Path.of(System.getProperty("entente.fuseki.jar", "target/bench-tools/jena-fuseki-server-5.6.0.jar"));
        assertTrue(Files.isRegularFile(fuseki), "stock Fuseki jar missing: " + fuseki);
        Bench.main("--triples", "10000", "--out", tmp.toString(), "--jar", JarRunner.jar().toString(), "--fuseki", fuseki.toString());
        String json = Files.readString(tmp.resolve("results.json"));
        for (String key : new String[] { "entente_tps", "tdb2_tdbloader_tps", "entente_qmph", "fuseki_qmph", "p50_ms", "p99_ms", "serve_peak_rss_mb" }) {
            Matcher m = Pattern.compile("\"" + key + "\":([0-9.]+)").matcher(json);
            assertTrue(m.find(), key + " missing in " + json);
            assertTrue(Double.parseDouble(m.group(1)) > 0, key + " is not positive in " + json);
        }
        for (String ratio : new String[] { "\"load\":\\{[^}]*\"ratio\":([0-9.]+)", "\"query\":\\{[^}]*\"ratio\":([0-9.]+)" }) {
            Matcher m = Pattern.compile(ratio).matcher(json);
            assertTrue(m.find(), ratio + " in " + json);
            double r = Double.parseDouble(m.group(1));
            assertTrue(r > 0.01 && r < 100, "an absurd ratio " + r);
        }
        assertTrue(json.contains("\"machine\":\""), "the machine is described");
        assertTrue(Files.readString(tmp.resolve("report.md")).contains("load.ratio"));
    }
}
