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
    private final Path rdf4jLib;
    /** How many requests a measurement sends: a quarter for smoke runs on tiny data. */
    private final int scale;

    ServerBench(Path jar, Path fuseki, Path work, Path queries, long triples, Path rdf4jLib) {
        this.rdf4jLib = rdf4jLib;
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
            // The project's home, for the named queries served at /api/ (--no-seed: its ontology/ and data/ are not loaded).
            ours = Procs.java(HEAP, "-Dentente.home=" + queries.toAbsolutePath().getParent(), "-jar", jar.toString(), "serve", "--no-seed", "--store", store.toString(), "--port", Integer.toString(p1),
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
    void generated(Path store, Path data, long triples, Map<String, Object> into) throws Exception {
        try (Pair s = new Pair(store, "gen")) {
            into.put("query", queryMix(s, triples));
            Map<String, Object> page = pages(s.a, triples);
            page.put("http_floor_ms_entente", floor(s.a));
            page.put("http_floor_ms_fuseki", floor(s.b));
            into.put("page", page);
            into.put("competency", competency(s.a, triples));
            into.put("repeated", repeated(s));
            // Before the upload, which adds to our store only.
            into.put("peers", peers(s, data, triples));
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

    // ---- every engine side by side

    /**
     * Our look-up mix on every engine: ours, stock Fuseki, and the peers that can be had (each loaded
     * with the same N-Quads file). Row counts are checked against ours first; then alternating blocks,
     * one client, wall-clock QMpH, the server's CPU per mix, p50/p99 per query, peak RSS.
     */
    private Map<String, Object> peers(Pair s, Path data, long triples) throws Exception {
        Peers peers = new Peers(work, rdf4jLib);
        List<Peers.Engine> started = peers.start("gen", data, triples, null);
        try {
            List<Peers.Engine> engines = new ArrayList<>(List.of(new Peers.Engine("entente", s.a + "/kg/sparql", s.ours, Map.of()),
                                                                  new Peers.Engine("fuseki", s.b + "/kg/sparql", s.stock, Map.of())));
            engines.addAll(started);
            List<String> mix = new ArrayList<>();
            SplittableRandom rnd = new SplittableRandom(23);
            int articles = Generator.articlesAtLeast(triples);
            for (int i = 0; i < 60 * scale; i++)
                mix.addAll(QueryMix.mix(rnd, articles));
            Map<String, Map<String, Object>> by = new LinkedHashMap<>();
            List<Peers.Engine> timed = new ArrayList<>();
            java.net.http.HttpClient http = Procs.client();
            for (Peers.Engine e : engines) {
                Map<String, Object> m = new LinkedHashMap<>();
                List<String> off = e.name().equals("entente") ? List.of() : Peers.disagreements(http, s.a + "/kg/sparql", e.sparql(), mix.subList(0, 10 * QueryMix.SIZE));
                m.put("agrees", off.isEmpty());
                if (!off.isEmpty())
                    m.put("disagreements", off);
                else
                    timed.add(e);
                if (!e.load().isEmpty())
                    m.put("load", e.load());
                by.put(e.name(), m);
            }
            Map<String, List<Double>> lat = new LinkedHashMap<>();
            Map<String, double[]> secsCpu = new LinkedHashMap<>();
            for (Peers.Engine e : timed) {
                for (String q : mix.subList(0, 10 * QueryMix.SIZE))
                    Peers.send(http, e.sparql(), q);
                lat.put(e.name(), new ArrayList<>());
                secsCpu.put(e.name(), new double[2]);
            }
            int blocks = 8, per = mix.size() / blocks;
            for (int k = 0; k < blocks; k++) {
                List<String> block = mix.subList(k * per, (k + 1) * per);
                for (Peers.Engine e : timed) {
                    long c0 = Procs.cpuMillis(e.process().pid());
                    java.net.http.HttpClient client = Procs.client();
                    long t0 = System.nanoTime();
                    for (String q : block) {
                        long q0 = System.nanoTime();
                        Peers.send(client, e.sparql(), q);
                        lat.get(e.name()).add((System.nanoTime() - q0) / 1e6);
                    }
                    secsCpu.get(e.name())[0] += (System.nanoTime() - t0) / 1e9;
                    secsCpu.get(e.name())[1] += Procs.cpuMillis(e.process().pid()) - c0;
                }
            }
            double mixes = blocks * per / (double) QueryMix.SIZE;
            for (Peers.Engine e : timed) {
                Map<String, Object> m = by.get(e.name());
                m.put("qmph", Math.round(mixes / (secsCpu.get(e.name())[0] / 3600)));
                m.put("cpu_ms_per_mix", Latency.round3(secsCpu.get(e.name())[1] / mixes));
                m.put("p50_ms", Latency.round3(Latency.percentile(lat.get(e.name()), 50)));
                m.put("p99_ms", Latency.round3(Latency.percentile(lat.get(e.name()), 99)));
                m.put("peak_rss_mb", Procs.peakRssMb(e.process().pid()));
            }
            Map<String, Object> ours = by.get("entente");
            for (Peers.Engine e : timed)
                if (!e.name().equals("entente")) {
                    Map<String, Object> m = by.get(e.name());
                    m.put("entente_qmph_ratio", Latency.round3(((Number) ours.get("qmph")).doubleValue() / ((Number) m.get("qmph")).doubleValue()));
                    m.put("entente_cpu_ratio", Latency.round3(((Number) m.get("cpu_ms_per_mix")).doubleValue()
                                                              / Math.max(0.001, ((Number) ours.get("cpu_ms_per_mix")).doubleValue())));
                }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("engines", by);
            out.put("skipped", new ArrayList<>(peers.skipped()));
            out.put("note", "our look-up mix (" + (int) mixes + " mixes, 8 alternating blocks, one client, a new connection a block) on every engine, "
                            + "each loaded with the same N-Quads file; row counts of the first 10 mixes checked against ours before timing; "
                            + "entente_qmph_ratio = our QMpH over theirs, entente_cpu_ratio = their CPU per mix over ours (above 1: we do better)");
            return out;
        } finally {
            Peers.stop(started);
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
            m.put("peers", bsbmPeers(tool, s, bsbmDir, triples, runs, oq, oursCpu / served));
            return m;
        }
    }

    /**
     * Aggregates over BSBM's data, in its graph (GRAPH_IRI), whose row counts every engine must match ours
     * on before the driver runs. In its graph only: our store also holds the load's catalog record, and
     * Virtuoso graphs of its own, which no BSBM query reaches.
     */
    private static final List<String> BSBM_CHECKS = List.of(
        "SELECT ?type (COUNT(?p) AS ?n) WHERE { GRAPH <GRAPH_IRI> { ?p a ?type } } GROUP BY ?type",
        "SELECT ?vendor (COUNT(?o) AS ?n) WHERE { GRAPH <GRAPH_IRI> { ?o <http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/vocabulary/vendor> ?vendor } } GROUP BY ?vendor",
        "SELECT ?product (COUNT(?r) AS ?n) WHERE { GRAPH <GRAPH_IRI> { ?r <http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/vocabulary/reviewFor> ?product } } GROUP BY ?product",
        "SELECT DISTINCT ?f WHERE { GRAPH <GRAPH_IRI> { ?p <http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/vocabulary/productFeature> ?f } }");

    /**
     * BSBM's explore mix on the peers, each loaded with the same N-Triples into the same named graph:
     * the data checked to agree with ours first (row counts of {@link #BSBM_CHECKS}), then the driver's
     * rounds after one warm-up run, with the server's CPU per mix.
     */
    private Map<String, Object> bsbmPeers(Bsbm tool, Pair s, Path bsbmDir, long triples, int runs, double oursQmph, double oursCpuPerMix)
        throws Exception {
        Path data = bsbmDir.resolve("bsbm.nt");
        Peers peers = new Peers(work, rdf4jLib);
        String graph = org.entente.load.Loader.graphFor(data).getURI();
        List<String> checks = BSBM_CHECKS.stream().map(q -> q.replace("GRAPH_IRI", graph)).toList();
        List<Peers.Engine> started = peers.start("bsbm", data, triples, graph);
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            java.net.http.HttpClient http = Procs.client();
            for (Peers.Engine e : started) {
                Map<String, Object> m = new LinkedHashMap<>();
                List<String> off = Peers.disagreements(http, s.a + "/kg/sparql", e.sparql(), checks);
                m.put("agrees", off.isEmpty());
                m.put("load", e.load());
                out.put(e.name(), m);
                if (!off.isEmpty()) {
                    m.put("disagreements", off);
                    continue;
                }
                // Two rounds (the first with the driver's longer warm-up, as ours); CPU from the second only.
                double mixes = 0, secs = 0;
                long cpu = 0;
                for (int round = 0; round < 2; round++) {
                    long c0 = Procs.cpuMillis(e.process().pid());
                    Bsbm.Run r = tool.drive(e.sparql(), runs, round == 0 ? 10 : 2, bsbmDir);
                    if (round > 0)
                        cpu += Procs.cpuMillis(e.process().pid()) - c0;
                    mixes += r.mixes();
                    secs += r.seconds();
                }
                double q = mixes / (secs / 3600), c = cpu / (runs + 2.0);
                m.put("qmph", Math.round(q));
                m.put("cpu_ms_per_mix", Latency.round3(c));
                m.put("peak_rss_mb", Procs.peakRssMb(e.process().pid()));
                m.put("entente_qmph_ratio", Latency.round3(oursQmph / q));
                m.put("entente_cpu_ratio", Latency.round3(c / Math.max(0.001, oursCpuPerMix)));
            }
            out.put("skipped", new ArrayList<>(peers.skipped()));
            return out;
        } finally {
            Peers.stop(started);
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
     * is ({@link KeepAlive}): what any SPARQL request costs on this machine, before any work. The
     * warm-up is long (2,000 requests, about a second or two) so that the JIT has compiled the path.
     */
    private double floor(String base) throws Exception {
        return KeepAlive.time(URI.create(base + "/kg/sparql?query=ASK%7B%7D"), "application/sparql-results+json", 2_000, 1_000).p50();
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
            // Rendered every time (no-cache passes the response cache by): what a page costs; the cache's effect is in `repeated`.
            calls.add(new Latency.Call(kind[0], HttpRequest.newBuilder(URI.create(base + "/page/" + kind[1])).header("Accept", "text/html")
                                                           .header("Cache-Control", "no-cache").build()));
        }
        return latencies(calls, "entity pages (states, persons, events in turn)");
    }

    /** A named query and a page asked again and again: in full, from the response cache, revalidated; see {@link RepeatedBench}. */
    private Map<String, Object> repeated(Pair s) throws Exception {
        return RepeatedBench.run(s.a, s.ours.pid(), scale);
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
