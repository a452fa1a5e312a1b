package org.entente.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.entente.sys.EntenteException;

/**
 * Benchmarks, side by side in one run, as ratios (these shared machines drift): our loader against
 * Jena's {@code tdb2.tdbloader}, our server against stock Fuseki over identical copies of the same
 * TDB2 store, page latencies, and the server's peak memory. Each contender runs in its own JVM.
 * <pre>
 *   java -cp entente.jar org.entente.bench.Bench --triples 300000 --out bench/results \
 *        --jar target/entente.jar --fuseki jena-fuseki-server-5.6.0.jar
 * </pre>
 */
public final class Bench {

    private final long triples;
    private final Path out;
    private final Path jar;
    private final Path fuseki;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Object> results = new LinkedHashMap<>();

    private Bench(long triples, Path out, Path jar, Path fuseki) {
        this.triples = triples;
        this.out = out;
        this.jar = jar.toAbsolutePath();
        this.fuseki = fuseki.toAbsolutePath();
        this.work = out.resolve("work");
    }

    public static void main(String... args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2)
            a.put(args[i], args[i + 1]);
        long n = Long.parseLong(a.getOrDefault("--triples", "1000000"));
        Bench b = new Bench(n, Path.of(a.getOrDefault("--out", "bench/results")), Path.of(a.getOrDefault("--jar", "target/entente.jar")),
                            Path.of(a.getOrDefault("--fuseki", "target/bench-tools/jena-fuseki-server-5.6.0.jar")));
        b.run();
    }

    void run() throws Exception {
        deleteTree(work);
        Files.createDirectories(work);
        results.put("machine", machine());
        results.put("triples_requested", triples);
        Path data = work.resolve("gen.nq");
        long quads = Generator.create().triples(triples).seed(42).build().write(data);
        results.put("triples", quads);
        say("generated %,d quads", quads);

        load(data, quads);
        query();
        write();
    }

    // ---- load: ours (with the SHACL gate, and without) against tdb2.tdbloader, alternating, fresh stores

    private void load(Path data, long quads) throws Exception {
        List<Double> ours = new ArrayList<>(), oursNoGate = new ArrayList<>(), tdb = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            ours.add(quads / timed(java("-Xmx2g", "-jar", jar.toString(), "load", "--store", work.resolve("ours-" + round).toString(), data.toString())));
            tdb.add(quads / timed(java("-Xmx2g", "-cp", fuseki.toString(), "tdb2.tdbloader", "--loc", work.resolve("tdb-" + round).toString(), data.toString())));
            oursNoGate.add(quads / timed(java("-Xmx2g", "-jar", jar.toString(), "load", "--no-validate", "--store",
                                              work.resolve("nogate-" + round).toString(), data.toString())));
        }
        double o = Collections.max(ours), t = Collections.max(tdb), ng = Collections.max(oursNoGate);
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("entente_tps", Math.round(o));
        load.put("entente_no_validate_tps", Math.round(ng));
        load.put("tdb2_tdbloader_tps", Math.round(t));
        load.put("ratio", round3(o / t));
        load.put("ratio_no_validate", round3(ng / t));
        load.put("note", "best of 2 alternating runs each, whole process (JVM start included), fresh store each time; tdb2.tdbloader with its default loader");
        results.put("load", load);
        say("load: entente %,.0f t/s (no gate %,.0f), tdb2.tdbloader %,.0f t/s, ratio %.2f", o, ng, t, o / t);
    }

    // ---- query: the same mix over HTTP against our server and stock Fuseki, on identical store copies

    private void query() throws Exception {
        Path ourStore = work.resolve("nogate-0"), stockStore = work.resolve("stock-copy");
        copyTree(ourStore, stockStore);
        int p1 = freePortHint(), p2 = p1 + 1;
        Process ours = java("-Xmx1g", "-jar", jar.toString(), "serve", "--no-seed", "--store", ourStore.toString(), "--port", Integer.toString(p1))
            .redirectOutput(work.resolve("serve.log").toFile()).start();
        Process stock = java("-Xmx1g", "-jar", fuseki.toString(), "--loc", stockStore.toString(), "--port", Integer.toString(p2), "/kg")
            .redirectOutput(work.resolve("fuseki.log").toFile()).start();
        try {
            String a = "http://127.0.0.1:" + p1, b = "http://127.0.0.1:" + p2;
            awaitUp(a + "/$/ping");
            awaitUp(b + "/$/ping");
            List<String> mix = new ArrayList<>();
            SplittableRandom rnd = new SplittableRandom(7);
            int articles = (int) Math.max(1, triples / 60);
            for (int i = 0; i < 400; i++)
                mix.addAll(QueryMix.mix(rnd, articles));
            runMix(a, mix.subList(0, 50));
            runMix(b, mix.subList(0, 50));
            double oursSecs = 0, stockSecs = 0;
            int blocks = 4, per = mix.size() / blocks;
            for (int k = 0; k < blocks; k++) {
                List<String> block = mix.subList(k * per, (k + 1) * per);
                oursSecs += runMix(a, block);
                stockSecs += runMix(b, block);
            }
            double mixes = mix.size() / (double) QueryMix.SIZE;
            double oq = mixes / (oursSecs / 3600), sq = mixes / (stockSecs / 3600);
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("entente_qmph", Math.round(oq));
            q.put("fuseki_qmph", Math.round(sq));
            q.put("ratio", round3(oq / sq));
            q.put("note", QueryMix.SIZE + " queries a mix, " + (int) mixes + " mixes, one client, alternating blocks, after a warm-up");
            results.put("query", q);
            say("query: entente %,.0f QMpH, stock Fuseki %,.0f QMpH, ratio %.2f", oq, sq, oq / sq);

            Map<String, Object> page = new LinkedHashMap<>();
            List<String> pages = new ArrayList<>();
            for (int i = 0; i < 400; i++)
                pages.add(a + "/page/state/gen-" + Generator.code(rnd.nextInt(Math.max(10, (int) Math.min(400, triples / 2500)))).toLowerCase(Locale.ROOT));
            latencies(pages.subList(0, 40), 1);
            double[] one = latencies(pages.subList(0, 200), 1), eight = latencies(pages, 8);
            page.put("p50_ms", round3(one[0]));
            page.put("p99_ms", round3(one[1]));
            page.put("p50_ms_8_clients", round3(eight[0]));
            page.put("p99_ms_8_clients", round3(eight[1]));
            results.put("page", page);
            say("pages: p50 %.1f ms, p99 %.1f ms (1 client); p50 %.1f ms, p99 %.1f ms (8 clients)", one[0], one[1], eight[0], eight[1]);

            Map<String, Object> mem = new LinkedHashMap<>();
            mem.put("serve_peak_rss_mb", peakRssMb(ours.pid()));
            mem.put("fuseki_peak_rss_mb", peakRssMb(stock.pid()));
            mem.put("serve_heap_max", "-Xmx1g");
            results.put("memory", mem);
        } finally {
            ours.destroy();
            stock.destroy();
            ours.waitFor(30, TimeUnit.SECONDS);
            stock.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private double runMix(String base, List<String> queries) throws Exception {
        long t0 = System.nanoTime();
        for (String q : queries) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200)
                throw new EntenteException(base + " answered " + r.statusCode() + " to " + q + ": " + r.body());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private double[] latencies(List<String> urls, int clients) throws Exception {
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (String u : urls)
                jobs.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(u)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200)
                        throw new EntenteException(u + " answered " + r.statusCode());
                    ms.add((System.nanoTime() - t0) / 1e6);
                    return null;
                }));
            for (Future<?> f : jobs)
                f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return new double[] { sorted.get(sorted.size() / 2), sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) };
    }

    // ---- output

    private void write() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"), Json.write(results) + "\n");
        StringBuilder md = new StringBuilder("# Entente benchmark\n\n");
        md.append("Machine: ").append(results.get("machine")).append("\n\n");
        md.append("Data: ").append(String.format("%,d", (Long) results.get("triples"))).append(" quads from `entente generate --seed 42`.\n\n");
        md.append("| measure | value |\n|---|---|\n");
        for (Map.Entry<String, Object> e : results.entrySet())
            if (e.getValue() instanceof Map<?, ?> m)
                for (Map.Entry<?, ?> f : m.entrySet())
                    md.append("| ").append(e.getKey()).append('.').append(f.getKey()).append(" | ").append(f.getValue()).append(" |\n");
        Files.writeString(out.resolve("report.md"), md.toString());
        say("wrote %s and %s", out.resolve("results.json"), out.resolve("report.md"));
    }

    // ---- helpers

    private ProcessBuilder java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    private double timed(ProcessBuilder pb) throws Exception {
        Path log = Files.createTempFile(work, "run-", ".log");
        long t0 = System.nanoTime();
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0)
            throw new EntenteException("failed: " + pb.command() + "\n" + Files.readString(log));
        return (System.nanoTime() - t0) / 1e9;
    }

    private void awaitUp(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                    return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new EntenteException(url + " never came up");
    }

    /** A port base for the two servers: this process's pid spreads parallel runs apart. */
    private static int freePortHint() {
        return 20_000 + (int) (ProcessHandle.current().pid() % 20_000);
    }

    private static long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
                if (line.startsWith("VmHWM:"))
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        } catch (IOException | NumberFormatException ex) {
            return -1;
        }
        return -1;
    }

    private static String machine() {
        String cpu = "unknown cpu";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) {
            // Not Linux: the cpu stays unknown.
        }
        long memMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return String.format("%s, %d cores, Java %s (%s), bench JVM heap %d MB", cpu, Runtime.getRuntime().availableProcessors(),
                             System.getProperty("java.version"), System.getProperty("os.name"), memMb);
    }

    private static double round3(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    private static void say(String fmt, Object... args) {
        System.out.printf("bench: " + fmt + "%n", args);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p))
                    Files.createDirectories(target);
                else if (!p.getFileName().toString().equals("tdb.lock"))
                    Files.copy(p, target);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir))
            return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList())
                Files.delete(p);
        }
    }
}
