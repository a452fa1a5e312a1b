package org.entente.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.entente.http.HttpLib;
import org.entente.generate.Generator;
import org.entente.sys.EntenteException;

/**
 * What a server does, side by side: our server and stock Fuseki of the same Jena version, each in its own JVM with the same
 * heap, over identical copies of the same TDB2 store. Query mixes in alternating blocks; BSBM's explore
 * mix; our pages and named queries at 1 and 8 clients; an upload into the running server with queries
 * going on; the server's peak memory.
 */
final class ServerBench {
    static final String HEAP = "-Xmx512m";
    private static final String USER = "bench", PASSWORD = "bench-only";

    private final Path jar;
    private final Path fuseki;
    private final Path work;
    private final Path queries;
    /** How many requests a measurement sends: a quarter for smoke runs on tiny data. */
    private final int scale;

    ServerBench(Path jar, Path fuseki, Path work, Path queries, long triples) {
        this.jar = jar;
        this.fuseki = fuseki;
        this.work = work;
        this.queries = queries;
        this.scale = triples < 50_000 ? 1 : 4;
    }

    /** Two running servers over copies of one store, and our server's memory samplers. */
    private final class Pair implements AutoCloseable {
        final Process ours, stock;
        final String a, b;
        final Procs.HeapSampler heap;

        Pair(Path store, String name) throws Exception {
            Path copy = work.resolve(name + "-stock-copy");
            Procs.deleteTree(copy);
            Procs.copyTree(store, copy);
            Path passwd = work.resolve("passwd");
            Files.writeString(passwd, USER + ": " + PASSWORD + "\n");
            int[] ports = Procs.freePorts(2);
            int p1 = ports[0], p2 = ports[1];
            ours = Procs.java(HEAP, "-jar", jar.toString(), "serve", "--no-seed", "--store", store.toString(), "--port", Integer.toString(p1),
                              "--passwd", passwd.toString(), "--max-body", "4000000000")
                        .redirectOutput(work.resolve(name + "-serve.log").toFile()).start();
            // Stock Fuseki makes its base area, run/, in its working directory: here, not wherever the harness runs
            // (in bench/, run is the script).
            stock = Procs.java(HEAP, "-jar", fuseki.toString(), "--loc", copy.toString(), "--set", "tdb:unionDefaultGraph=true",
                               "--port", Integer.toString(p2), "/kg")
                         .directory(work.toFile())
                         .redirectOutput(work.resolve(name + "-fuseki.log").toFile()).start();
            a = "http://127.0.0.1:" + p1;
            b = "http://127.0.0.1:" + p2;
            try {
                Procs.awaitUp(a + "/$/ping", ours);
                Procs.awaitUp(b + "/$/ping", stock);
            } catch (Exception ex) {
                Procs.stop(ours);
                Procs.stop(stock);
                throw new EntenteException(ex.getMessage() + "\n--- our server:\n" + Procs.tail(work.resolve(name + "-serve.log"), 15)
                                           + "\n--- stock Fuseki:\n" + Procs.tail(work.resolve(name + "-fuseki.log"), 15), ex);
            }
            heap = new Procs.HeapSampler(ours.pid());
        }

        @Override
        public void close() throws InterruptedException {
            heap.close();
            Procs.stop(ours);
            Procs.stop(stock);
        }
    }

    /** Everything over our generated data; fills {@code into} with query, page, competency, incremental and memory. */
    void generated(Path store, long triples, Map<String, Object> into) throws Exception {
        try (Pair s = new Pair(store, "gen")) {
            into.put("query", queryMix(s, triples));
            Map<String, Object> page = pages(s.a, triples);
            page.put("http_floor_ms_entente", floor(s.a));
            page.put("http_floor_ms_fuseki", floor(s.b));
            into.put("page", page);
            into.put("competency", competency(s.a, triples));
            into.put("incremental", incremental(s.a, triples));
            Map<String, Object> mem = new LinkedHashMap<>();
            mem.put("serve_peak_rss_mb", Procs.peakRssMb(s.ours.pid()));
            mem.put("serve_peak_heap_mb", s.heap.peak());
            mem.put("serve_heap_max_mb", 512);
            mem.put("serve_live_heap_mb", Procs.liveHeapMb(s.ours.pid()));
            mem.put("fuseki_peak_rss_mb", Procs.peakRssMb(s.stock.pid()));
            mem.put("store_mb", Procs.sizeOnDiskMb(store));
            into.put("memory", mem);
        }
    }

    /** BSBM's explore mix against both servers, alternating. */
    Map<String, Object> bsbm(Bsbm tool, Path store, Path bsbmDir, long triples) throws Exception {
        try (Pair s = new Pair(store, "bsbm")) {
            // More, shorter rounds: each driver run keeps one connection, and connections differ (see Procs.client).
            int runs = triples >= 5_000_000 ? 10 : 6 * scale, rounds = 4;
            double oursMixes = 0, oursSecs = 0, stockMixes = 0, stockSecs = 0;
            long oursCpu = 0, stockCpu = 0;
            for (int round = 0; round < rounds; round++) {
                int warm = round == 0 ? 10 : 2;
                long c0 = Procs.cpuMillis(s.ours.pid());
                Bsbm.Run o = tool.drive(s.a + "/kg/sparql", runs, warm, bsbmDir);
                long c1 = Procs.cpuMillis(s.ours.pid()), c2 = Procs.cpuMillis(s.stock.pid());
                Bsbm.Run f = tool.drive(s.b + "/kg/sparql", runs, warm, bsbmDir);
                long c3 = Procs.cpuMillis(s.stock.pid());
                oursMixes += o.mixes();
                oursSecs += o.seconds();
                stockMixes += f.mixes();
                stockSecs += f.seconds();
                // The driver's warm-up mixes are served too: CPU is shared over every mix the server ran.
                if (round > 0) {
                    oursCpu += c1 - c0;
                    stockCpu += c3 - c2;
                }
            }
            double oq = oursMixes / (oursSecs / 3600), sq = stockMixes / (stockSecs / 3600);
            double served = (rounds - 1) * (runs + 2.0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entente_qmph", Math.round(oq));
            m.put("fuseki_qmph", Math.round(sq));
            m.put("ratio", Latency.round3(oq / sq));
            m.put("entente_cpu_ms_per_mix", Latency.round3(oursCpu / served));
            m.put("fuseki_cpu_ms_per_mix", Latency.round3(stockCpu / served));
            m.put("cpu_ratio", Latency.round3(stockCpu / (double) Math.max(1, oursCpu)));
            m.put("note", "BSBM explore use case (bsbm-core test driver), one client, " + rounds + " alternating rounds of " + runs
                          + " mixes each per server, after the driver's warm-up; QMpH over all rounds; CPU per mix: the server process's user+system time"
                          + " over rounds 2 on (warm-up mixes included), from /proc; cpu_ratio is Fuseki's CPU over ours (above 1: we spend less)");
            return m;
        }
    }

    // ---- our query mix

    private Map<String, Object> queryMix(Pair s, long triples) throws Exception {
        List<String> mix = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(7);
        int articles = Generator.articlesAtLeast(triples);
        for (int i = 0; i < 100 * scale; i++)
            mix.addAll(QueryMix.mix(rnd, articles));
        runMix(s.a, mix.subList(0, 25 * scale));
        runMix(s.b, mix.subList(0, 25 * scale));
        double oursSecs = 0, stockSecs = 0;
        long oursCpu = 0, stockCpu = 0;
        int blocks = 16, per = mix.size() / blocks;
        for (int k = 0; k < blocks; k++) {
            List<String> block = mix.subList(k * per, (k + 1) * per);
            long c0 = Procs.cpuMillis(s.ours.pid());
            oursSecs += runMix(s.a, block);
            long c1 = Procs.cpuMillis(s.ours.pid()), c2 = Procs.cpuMillis(s.stock.pid());
            stockSecs += runMix(s.b, block);
            oursCpu += c1 - c0;
            stockCpu += Procs.cpuMillis(s.stock.pid()) - c2;
        }
        double mixes = mix.size() / (double) QueryMix.SIZE;
        double oq = mixes / (oursSecs / 3600), sq = mixes / (stockSecs / 3600);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("entente_qmph", Math.round(oq));
        q.put("fuseki_qmph", Math.round(sq));
        q.put("ratio", Latency.round3(oq / sq));
        q.put("entente_cpu_ms_per_mix", Latency.round3(oursCpu / mixes));
        q.put("fuseki_cpu_ms_per_mix", Latency.round3(stockCpu / mixes));
        q.put("cpu_ratio", Latency.round3(stockCpu / (double) Math.max(1, oursCpu)));
        q.put("note", QueryMix.SIZE + " look-ups a mix, " + (int) mixes + " mixes, one client, 16 alternating blocks after a warm-up, a new connection for each block; "
                      + "CPU per mix: the server process's user+system time over the blocks, from /proc; cpu_ratio is Fuseki's CPU over ours");
        return q;
    }

    private static double runMix(String base, List<String> queries) throws Exception {
        return runMix(Procs.client(), base, queries);
    }

    private static double runMix(java.net.http.HttpClient http, String base, List<String> queries) throws Exception {
        long t0 = System.nanoTime();
        for (String q : queries) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200)
                throw new EntenteException(base + " answered " + r.statusCode() + " to " + q + ": " + r.body());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    // ---- pages and named queries

    /**
     * The p50 of {@code ASK {}} over HTTP on one keep-alive connection, with the thinnest client there
     * is ({@link KeepAlive}): what any SPARQL request costs on this machine, before any work.
     */
    private double floor(String base) throws Exception {
        return KeepAlive.time(URI.create(base + "/kg/sparql?query=ASK%7B%7D"), "application/sparql-results+json", 250 * scale, 500 * scale).p50();
    }

    private Map<String, Object> pages(String base, long triples) throws Exception {
        SplittableRandom rnd = new SplittableRandom(11);
        int states = Generator.stateCount(triples);
        int articles = Generator.articlesAtLeast(triples);
        List<Latency.Call> calls = new ArrayList<>();
        for (int i = 0; i < 150 * scale; i++) {
            int st = rnd.nextInt(states);
            String[] kind = switch (i % 3) {
                case 0 -> new String[] { "state", Generator.statePath(st) };
                case 1 -> new String[] { "person", Generator.personPath(st, rnd.nextInt(Generator.PERSONS_PER_STATE)) };
                default -> new String[] { "event", "event/gen-" + rnd.nextInt(articles) };
            };
            calls.add(new Latency.Call(kind[0], HttpRequest.newBuilder(URI.create(base + "/page/" + kind[1])).header("Accept", "text/html").build()));
        }
        return latencies(calls, "entity pages (states, persons, events in turn)");
    }

    private Map<String, Object> competency(String base, long triples) throws Exception {
        List<Latency.Call> calls = Competency.calls(queries, base + "/kg/sparql", triples, 150 * scale, 13);
        return latencies(calls, "the local named queries of queries/, in turn, with parameters drawn from the data");
    }

    private static Map<String, Object> latencies(List<Latency.Call> calls, String what) throws Exception {
        int warm = calls.size() / 6;
        Latency.run(calls.subList(0, warm), 1);
        Latency.Result one = Latency.run(calls.subList(warm, calls.size() * 2 / 3), 1);
        Latency.Result eight = Latency.run(calls, 8);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50_ms", one.p50());
        m.put("p99_ms", one.p99());
        m.put("p50_ms_8_clients", eight.p50());
        m.put("p99_ms_8_clients", eight.p99());
        m.put("p50_ms_by_kind", new LinkedHashMap<String, Object>(one.p50ByGroup()));
        m.put("not_answered", one.failed() + eight.failed());
        m.put("note", what + "; " + one.n() + " requests with 1 client, " + eight.n() + " with 8, after " + warm + " warm-up requests");
        return m;
    }

    // ---- an upload into the running server, with a client querying all along

    private Map<String, Object> incremental(String base, long triples) throws Exception {
        long size = Math.max(2_000, triples / 20);
        Path inc = work.resolve("increment.nq");
        long quads = Generator.create().triples(size).seed(99).firstArticle(1_000_000_000L).build().write(inc);
        SplittableRandom rnd = new SplittableRandom(17);
        List<String> mix = new ArrayList<>();
        for (int i = 0; i < 4000; i++)
            mix.addAll(QueryMix.mix(rnd, Generator.articlesAtLeast(triples)));
        List<Double> idle = timeEach(base, mix.subList(0, 50 * scale));
        List<Double> during = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean uploading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            int i = 50 * scale;
            try {
                while (uploading.get())
                    during.addAll(timeEach(base, List.of(mix.get(i++ % mix.size()))));
            } catch (Exception ex) {
                throw new EntenteException("query during upload failed: " + ex.getMessage(), ex);
            }
        }, "bench-reader");
        reader.start();
        long t0 = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = Procs.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/kg/data"))
                .header("Content-Type", "application/n-quads")
                .header("Authorization", HttpLib.basicAuth(USER, PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofFile(inc)).build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            uploading.set(false);
            reader.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() / 100 != 2)
            throw new EntenteException("upload answered " + r.statusCode() + ": " + r.body());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("triples", quads);
        m.put("tps", Math.round(quads / secs));
        m.put("query_p50_ms_idle", Latency.round3(Latency.percentile(idle, 50)));
        m.put("query_p50_ms_during", Latency.round3(Latency.percentile(during, 50)));
        m.put("query_p99_ms_during", Latency.round3(Latency.percentile(during, 99)));
        m.put("queries_during", during.size());
        m.put("note", "N-Quads POSTed to /kg/data (one transaction) while one client runs the query mix; "
                      + "queries read the last committed state throughout");
        return m;
    }

    private static List<Double> timeEach(String base, List<String> queries) throws Exception {
        List<Double> out = new ArrayList<>();
        java.net.http.HttpClient http = Procs.client();
        for (String q : queries) {
            long t0 = System.nanoTime();
            runMix(http, base, List.of(q));
            out.add((System.nanoTime() - t0) / 1e6);
        }
        return out;
    }
}
