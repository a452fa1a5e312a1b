package org.entente.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.entente.generate.Generator;
import org.entente.sys.EntenteException;

/**
 * Benchmarks, side by side in one run, as ratios (these shared machines drift): our loader against
 * Jena's {@code tdb2.tdbloader}; our server against stock Fuseki (the same Jena version) over identical copies of the same
 * TDB2 store, with our look-up mix and the Berlin SPARQL Benchmark's explore mix; our pages and named
 * queries at 1 and 8 clients; an upload into the running server; the server's memory. At one size, or
 * as a growth series with charts. Each contender runs in its own JVM.
 * <pre>
 *   java -cp 'bench/target/entente-bench.jar:bench/target/lib/*:target/entente.jar' org.entente.bench.Bench \
 *        --triples 300000 --out bench/results --jar target/entente.jar \
 *        --fuseki bench/target/bench-tools/jena-fuseki-server.jar --bsbm bench/target/bench-tools/bsbm
 *   ... --growth [--with-10m]      (0.1M and 1M, and 10M; --triples picks the size the headline figures come from)
 * </pre>
 */
public final class Bench {

    private final List<Long> sizes;
    private final long primary;
    private final Path out;
    private final Path work;
    private final Path jar;
    private final Path fuseki;
    private final Path bsbmTools;
    private final Path queries;
    private final Path rdf4jLib;

    private Bench(Map<String, String> a, List<Long> sizes, long primary) {
        this.sizes = sizes;
        this.primary = primary;
        this.out = Path.of(a.getOrDefault("--out", "bench/results"));
        this.work = out.resolve("work").toAbsolutePath();
        this.jar = Path.of(a.getOrDefault("--jar", "target/entente.jar")).toAbsolutePath();
        this.fuseki = Path.of(a.getOrDefault("--fuseki", "bench/target/bench-tools/jena-fuseki-server.jar")).toAbsolutePath();
        this.bsbmTools = Path.of(a.getOrDefault("--bsbm", "bench/target/bench-tools/bsbm")).toAbsolutePath();
        this.queries = Path.of(a.getOrDefault("--queries", "queries")).toAbsolutePath();
        this.rdf4jLib = Path.of(a.getOrDefault("--rdf4j", "bench/target/bench-tools/rdf4j")).toAbsolutePath();
    }

    public static void main(String... args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--growth") || args[i].equals("--with-10m"))
                a.put(args[i], "true");
            else if (i + 1 < args.length && args[i].startsWith("--"))
                a.put(args[i], args[++i]);
            else
                throw new EntenteException("usage: Bench [--triples N] [--out DIR] [--growth [--with-10m]] [--jar F] [--fuseki F] [--bsbm DIR] [--queries DIR] [--rdf4j DIR]");
        }
        long n = Long.parseLong(a.getOrDefault("--triples", "1000000"));
        List<Long> sizes = new ArrayList<>();
        if (a.containsKey("--growth")) {
            sizes.addAll(List.of(100_000L, 1_000_000L));
            if (a.containsKey("--with-10m"))
                sizes.add(10_000_000L);
            if (!sizes.contains(n))
                sizes.add(n);
            sizes.sort(null);
        } else {
            sizes.add(n);
        }
        new Bench(a, sizes, n).run();
    }

    void run() throws Exception {
        Procs.deleteTree(work);
        Files.createDirectories(work);
        Bsbm bsbm = new Bsbm(bsbmTools, jar);
        List<Map<String, Object>> growth = new ArrayList<>();
        for (long size : sizes) {
            say("---- %,d triples", size);
            growth.add(oneSize(size, bsbm));
            Report.write(out, machine(), sizes, primary, growth, false);
        }
        Map<String, String> charts = Charts.drawAll(out, growth);
        Report.write(out, machine(), sizes, primary, growth, true);
        say("charts: %s", charts.keySet());
        say("wrote %s and %s", out.resolve("results.json"), out.resolve("report.md"));
        Procs.deleteTree(work);
    }

    private Map<String, Object> oneSize(long size, Bsbm bsbm) throws Exception {
        Path dir = work.resolve("size-" + size);
        Files.createDirectories(dir);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("triples_requested", size);
        Path data = dir.resolve("gen.nq");
        long quads = Generator.create().triples(size).seed(42).build().write(data);
        r.put("triples", quads);
        say("generated %,d quads", quads);

        LoadBench loads = new LoadBench(jar, fuseki, dir);
        Path store = dir.resolve("ours-store");
        Map<String, Object> load = loads.ours(data, quads, size >= 5_000_000 ? 1 : 2, store);
        r.put("load", load);
        say("load: entente %,d t/s with the SHACL gate (%,d without), tdb2.tdbloader %,d t/s: ratio %s (%s without the gate)",
            load.get("entente_tps"), load.get("entente_no_validate_tps"), load.get("tdb2_tdbloader_tps"), load.get("ratio"), load.get("ratio_no_validate"));

        ServerBench servers = new ServerBench(jar, fuseki, dir, queries, quads, rdf4jLib);
        servers.generated(store, data, quads, r);
        say("query: entente %,d QMpH, stock Fuseki %,d QMpH: ratio %s", sec(r, "query").get("entente_qmph"), sec(r, "query").get("fuseki_qmph"),
            sec(r, "query").get("ratio"));
        say("pages: p50 %s ms, p99 %s ms (1 client); p50 %s ms, p99 %s ms (8 clients); p50 by kind %s; any request (ASK {}) takes %s ms here",
            sec(r, "page").get("p50_ms"), sec(r, "page").get("p99_ms"), sec(r, "page").get("p50_ms_8_clients"), sec(r, "page").get("p99_ms_8_clients"),
            sec(r, "page").get("p50_ms_by_kind"), sec(r, "page").get("http_floor_ms_fuseki"));
        say("named queries: p50 %s ms, p99 %s ms (1 client); p50 %s ms, p99 %s ms (8 clients)", sec(r, "competency").get("p50_ms"),
            sec(r, "competency").get("p99_ms"), sec(r, "competency").get("p50_ms_8_clients"), sec(r, "competency").get("p99_ms_8_clients"));
        say("upload into the running server: %,d t/s; query p50 %s ms idle, %s ms during (p99 %s ms)", sec(r, "incremental").get("tps"),
            sec(r, "incremental").get("query_p50_ms_idle"), sec(r, "incremental").get("query_p50_ms_during"), sec(r, "incremental").get("query_p99_ms_during"));
        say("engines side by side (look-up mix): %s", Peers.summary(sec(r, "peers")));
        say("memory: serve peak RSS %s MB, peak heap in use %s MB of 512 (garbage included), %s MB live after a full GC",
            sec(r, "memory").get("serve_peak_rss_mb"), sec(r, "memory").get("serve_peak_heap_mb"), sec(r, "memory").get("serve_live_heap_mb"));
        Procs.deleteTree(store);
        Files.delete(data);

        Path bsbmDir = dir.resolve("bsbm");
        Path bsbmData = bsbm.generate(size, bsbmDir);
        long bsbmTriples;
        try (Stream<String> lines = Files.lines(bsbmData)) {
            bsbmTriples = lines.filter(l -> !l.isBlank()).count();
        }
        Path bsbmStore = dir.resolve("bsbm-store");
        Map<String, Object> bsbmLoad = loads.bsbm(bsbmData, bsbmTriples, bsbmStore);
        bsbmLoad.put("triples", bsbmTriples);
        r.put("bsbm_load", bsbmLoad);
        say("BSBM load (%,d triples): entente %,d t/s, tdb2.tdbloader %,d t/s: ratio %s", bsbmTriples, bsbmLoad.get("entente_tps"),
            bsbmLoad.get("tdb2_tdbloader_tps"), bsbmLoad.get("ratio"));
        Map<String, Object> bq = servers.bsbm(bsbm, bsbmStore, bsbmDir, bsbmTriples);
        r.put("bsbm", bq);
        say("BSBM explore: entente %,d QMpH, stock Fuseki %,d QMpH: ratio %s; peers: %s", bq.get("entente_qmph"), bq.get("fuseki_qmph"), bq.get("ratio"),
            Peers.summary(sec(bq, "peers")));
        Procs.deleteTree(dir);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sec(Map<String, Object> r, String key) {
        return (Map<String, Object>) r.get(key);
    }

    static String machine() {
        String cpu = "unknown cpu";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) {
            // Not Linux: the cpu stays unknown.
        }
        long memMb = -1;
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            memMb = lines.filter(l -> l.startsWith("MemTotal:")).findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
        } catch (IOException | NumberFormatException ignored) {
            // Not Linux: memory unknown.
        }
        return String.format("%s, %d cores, %,d MB RAM, Java %s (%s %s), %s", cpu, Runtime.getRuntime().availableProcessors(), memMb,
                             System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"),
                             System.getProperty("java.vm.name"));
    }

    static void say(String fmt, Object... args) {
        System.out.printf("bench: " + fmt + "%n", args);
    }
}
