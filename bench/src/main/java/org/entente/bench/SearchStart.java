package org.entente.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.generate.Generator;
import org.entente.sys.EntenteException;

/**
 * The search index kept on disk: {@code serve} (under the footprint's 512 MiB heap) started twice over
 * one store. The first start finds no index and builds it (the first search waits for that build); the
 * second opens the index on disk, and its first search is timed from the moment the server answers.
 * Writes {@code search-start.json}, and is also run by the footprint check over its store.
 * <pre>
 *   java -cp 'bench/target/entente-bench.jar:bench/target/lib/*:target/entente.jar' org.entente.bench.SearchStart \
 *        --triples 1000000 --out bench/results --jar target/entente.jar
 * </pre>
 */
public final class SearchStart {
    private SearchStart() {}

    public static void main(String... args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2)
            a.put(args[i], args[i + 1]);
        long triples = Long.parseLong(a.getOrDefault("--triples", "1000000"));
        Path out = Path.of(a.getOrDefault("--out", "bench/results"));
        Path jar = Path.of(a.getOrDefault("--jar", "target/entente.jar")).toAbsolutePath();
        Path work = out.resolve("search-start-work").toAbsolutePath();
        Procs.deleteTree(work);
        Files.createDirectories(work);

        Path data = work.resolve("gen.nq");
        long quads = Generator.create().triples(triples).seed(42).build().write(data);
        Path store = work.resolve("store");
        double loadSecs = Procs.timed(Procs.java("-Xmx2g", "-jar", jar.toString(), "load", "--no-validate", "--store", store.toString(), data.toString()), work);
        Files.delete(data);
        Bench.say("search start: %,d quads loaded in %.0f s", quads, loadSecs);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("machine", Bench.machine());
        r.put("triples", quads);
        r.putAll(measure(jar, store, work, quads));
        Files.createDirectories(out);
        Files.writeString(out.resolve("search-start.json"), Json.write(r) + "\n");
        Bench.say("search start: %s", Json.write(r));
        Procs.deleteTree(work);
    }

    /**
     * Two starts of {@code serve} over a store: the first builds the index if there is none (its figures
     * are reported only then), the second must open it from disk. Figures in milliseconds, with the
     * server's CPU time beside the wall time and the load average, since the machine is shared.
     */
    static Map<String, Object> measure(Path jar, Path store, Path work, long quads) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        Path manifest = store.resolve("search-index").resolve("manifest.properties");
        boolean hadIndex = Files.isRegularFile(manifest);
        int states = Generator.stateCount(quads);
        Start first = start(jar, store, work, "first", "Leader " + (states / 2));
        if (!hadIndex) {
            r.put("first_start_first_search_ms", first.firstSearchMs());
            r.put("first_start_serve_cpu_ms", first.cpuMs());
        }
        String built = Files.readString(manifest);
        r.put("first_build_ms", Long.parseLong(property(built, "buildMillis")));
        r.put("labels_indexed", Long.parseLong(property(built, "labels")));
        Start again = start(jar, store, work, "restart", "Leader " + (states / 3));
        r.put("first_search_after_start_ms", again.firstSearchMs());
        r.put("start_to_first_search_ms", again.launchToSearchMs());
        r.put("restart_serve_cpu_ms", again.cpuMs());
        r.put("search_p50_ms_warm", again.warmP50Ms());
        r.put("first_search_after_start_found", again.found());
        r.put("rebuilt_at_restart", !Files.readString(manifest).equals(built));
        r.put("index_mb", Procs.sizeOnDiskMb(store.resolve("search-index")));
        r.put("load_average", loadAverage());
        r.put("search_start_note", "serve -Xmx512m started twice over the store; first_search_after_start_ms is the first /search "
                                   + "answered after the restarted server first answers, from the index on disk; first_build_ms is "
                                   + "the build of the index from the store (in the first start, or in the footprint's run)");
        return r;
    }

    /** One start: the time of its first search (from when the server answers), 20 more searches, its CPU time. */
    private record Start(long firstSearchMs, long launchToSearchMs, long warmP50Ms, long cpuMs, boolean found) {}

    private static Start start(Path jar, Path store, Path work, String name, String query) throws Exception {
        int port = Procs.freePort();
        long launched = System.nanoTime();
        Process serve = Procs.java(ServerBench.HEAP, "-jar", jar.toString(), "serve", "--no-seed", "--store", store.toString(),
                                   "--port", Integer.toString(port))
                             .redirectOutput(work.resolve("serve-" + name + ".log").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        try {
            Procs.awaitUp(base + "/$/ping", serve);
            long up = System.nanoTime();
            boolean found = search(base, query);
            long answered = System.nanoTime();
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                search(base, "Leader " + i);
                warm.add((System.nanoTime() - t0) / 1_000_000);
            }
            warm.sort(null);
            return new Start((answered - up) / 1_000_000, (answered - launched) / 1_000_000, warm.get(warm.size() / 2),
                             Procs.cpuMillis(serve.pid()), found);
        } finally {
            Procs.stop(serve);
        }
    }

    /** One search; whether it found anything. */
    private static boolean search(String base, String q) throws Exception {
        HttpResponse<String> r = Procs.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                                            .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200)
            throw new EntenteException("search for " + q + " answered " + r.statusCode());
        return r.body().contains("<ol class=\"results\">");
    }

    private static String property(String properties, String name) {
        for (String line : properties.split("\n"))
            if (line.startsWith(name + "="))
                return line.substring(name.length() + 1).strip();
        throw new EntenteException("no " + name + " in the search index manifest");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException ex) {
            return "unknown";
        }
    }
}
