package org.entente.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.entente.generate.Generator;

/**
 * The footprint check: {@code serve} over a large store under a fixed heap ({@code -Xmx512m}), with
 * pages, look-ups, named queries and a search at 1 and 8 clients, sampling the heap. Writes
 * {@code footprint.json}. Much quicker than the full benchmark at the same size: no second loader,
 * no stock server, no BSBM.
 * <pre>
 *   java -cp 'bench/target/entente-bench.jar:bench/target/lib/*:target/entente.jar' org.entente.bench.Footprint \
 *        --triples 10000000 --out bench/results --jar target/entente.jar
 * </pre>
 */
public final class Footprint {
    private Footprint() {}

    public static void main(String... args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2)
            a.put(args[i], args[i + 1]);
        long triples = Long.parseLong(a.getOrDefault("--triples", "10000000"));
        Path out = Path.of(a.getOrDefault("--out", "bench/results"));
        Path jar = Path.of(a.getOrDefault("--jar", "target/entente.jar")).toAbsolutePath();
        Path queries = Path.of(a.getOrDefault("--queries", "queries")).toAbsolutePath();
        Path work = out.resolve("footprint-work").toAbsolutePath();
        Procs.deleteTree(work);
        Files.createDirectories(work);

        Path data = work.resolve("gen.nq");
        long quads = Generator.create().triples(triples).seed(42).build().write(data);
        Bench.say("footprint: generated %,d quads", quads);
        Path store = work.resolve("store");
        double loadSecs = Procs.timed(Procs.java("-Xmx2g", "-jar", jar.toString(), "load", "--no-validate", "--store", store.toString(), data.toString()), work);
        Files.delete(data);
        Bench.say("footprint: loaded in %.0f s", loadSecs);

        int port = Procs.freePort();
        Process serve = Procs.java(ServerBench.HEAP, "-jar", jar.toString(), "serve", "--no-seed", "--store", store.toString(), "--port", Integer.toString(port))
                             .redirectOutput(work.resolve("serve.log").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("machine", Bench.machine());
        r.put("triples", quads);
        r.put("serve_heap_max_mb", 512);
        try (Procs.HeapSampler heap = new Procs.HeapSampler(serve.pid())) {
            Procs.awaitUp(base + "/$/ping", serve);
            List<Latency.Call> calls = new ArrayList<>();
            SplittableRandom rnd = new SplittableRandom(5);
            int states = Generator.stateCount(quads), articles = Generator.articlesAtLeast(quads);
            for (int i = 0; i < 200; i++) {
                int st = rnd.nextInt(states);
                calls.add(get("page", base + "/page/" + Generator.statePath(st)));
                calls.add(get("page", base + "/page/" + Generator.personPath(st, rnd.nextInt(Generator.PERSONS_PER_STATE))));
                calls.add(get("page", base + "/page/event/gen-" + rnd.nextInt(articles)));
                calls.add(get("search", base + "/search?q=" + URLEncoder.encode("Leader " + st, StandardCharsets.UTF_8)));
            }
            for (String q : QueryMix.mix(rnd, articles))
                calls.add(get("look-up", base + "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
            calls.addAll(Competency.calls(queries, base + "/kg/sparql", quads, 60, 13));
            Latency.Result one = Latency.run(calls, 1);
            Latency.Result eight = Latency.run(calls, 8);
            r.put("requests", one.n() + eight.n());
            r.put("not_answered", one.failed() + eight.failed());
            r.put("p50_ms_by_kind", one.p50ByGroup());
            r.put("serve_alive", serve.isAlive());
            r.put("serve_peak_heap_mb", heap.peak());
            r.put("serve_live_heap_mb", Procs.liveHeapMb(serve.pid()));
            r.put("serve_peak_rss_mb", Procs.peakRssMb(serve.pid()));
            r.put("store_mb", Procs.sizeOnDiskMb(store));
        } finally {
            Procs.stop(serve);
        }
        r.putAll(SearchStart.measure(jar, store, work, quads));
        boolean oom = Files.readString(work.resolve("serve.log")).contains("OutOfMemoryError");
        r.put("out_of_memory", oom);
        r.put("note", "serve -Xmx512m over the store; pages (states, persons, events), searches, look-ups and the named queries, "
                      + "1 client then 8; heap sampled every second (garbage included), live heap after a full GC at the end");
        Files.createDirectories(out);
        Files.writeString(out.resolve("footprint.json"), Json.write(r) + "\n");
        Bench.say("footprint: %s", Json.write(r));
        Procs.deleteTree(work);
    }

    private static Latency.Call get(String group, String url) {
        return new Latency.Call(group, HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html, application/sparql-results+json").header("Cache-Control", "no-cache").build());
    }
}
