package org.entente.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entente.generate.GdeltGenerator;
import org.entente.sys.EntenteException;

/**
 * The GDELT benchmark: GDELT 2.0 files made by the project's generator ({@link GdeltGenerator}, rows
 * as GDELT's codebook lays them out), each imported into a fresh store by the real command,
 * {@code entente import gdelt}, in a process of its own; then the page of a pair of states with about
 * 100,000 events between them, served by {@code entente serve}, first request and repeated ones.
 * Writes {@code gdelt.json}.
 * <pre>
 *   bench/run --gdelt [--out DIR]
 * </pre>
 * Figures: wall seconds of the whole command (JVM start included) and the import's own seconds as it
 * reports them, events per second of each, the CPU seconds the process used (from the kernel), the
 * quads per event; the page's first request (which computes the pair's figures) and the p50 and p99
 * of the requests after it (figures kept for the store's generation).
 */
public final class GdeltBench {
    private static final Pattern IMPORTED = Pattern.compile("Imported ([\\d,]+) triples in ([\\d.]+) s");

    private GdeltBench() {}

    public static void main(String... args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2)
            a.put(args[i], args[i + 1]);
        Path out = Path.of(a.getOrDefault("--out", "bench/results"));
        Path jar = Path.of(a.getOrDefault("--jar", "target/entente.jar")).toAbsolutePath();
        long day = Long.parseLong(a.getOrDefault("--day-events", "150000"));
        long pairEvents = Long.parseLong(a.getOrDefault("--pair-events", "100000"));
        Path work = out.resolve("gdelt-work").toAbsolutePath();
        Procs.deleteTree(work);
        Files.createDirectories(work);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("machine", Bench.machine());
        r.put("load_average_at_start", loadAverage());
        r.put("update_15_minutes", importOne(jar, work, "20250301121500.export.CSV.zip", 2_500, 0, null));
        r.put("day", importOne(jar, work, "20250301.export.CSV.zip", day, 0, null));
        r.put("dyad_page", dyad(jar, work, pairEvents));
        r.put("load_average_at_end", loadAverage());
        r.put("note", "generated GDELT 2.0 files (entente generate gdelt), each imported into a fresh store by entente import gdelt"
                      + " in its own JVM (default heap, as bin/entente); wall = the whole command, import = the importer's own timing; cpu = user+system"
                      + " seconds of the process; the machine is shared, so see the load averages");
        Files.createDirectories(out);
        Files.writeString(out.resolve("gdelt.json"), Json.write(r) + "\n");
        Bench.say("gdelt: %s", Json.write(r));
        Procs.deleteTree(work);
    }

    /** Generates a file and imports it into a fresh store; the figures. */
    private static Map<String, Object> importOne(Path jar, Path work, String name, long events, double pairShare, String[] pair)
            throws Exception {
        Path file = work.resolve(name);
        GdeltGenerator.Builder g = GdeltGenerator.create().events(events).seed(42);
        if (pair != null)
            g.pair(pair[0], pair[1], pairShare).days(730);
        g.build().write(file);
        Path store = work.resolve("store-" + name.substring(0, name.indexOf('.')));
        Procs.deleteTree(store);
        Path log = work.resolve(name + ".log");
        // The process's CPU time is read from /proc while it runs, so the figure is the import's and not the bench's.
        long t0 = System.nanoTime();
        // The JVM's default heap, as bin/entente runs it: the SHACL gate then checks an in-memory copy of a
        // day's quads while the writes go on (with -Xmx2g it would read them back from the store after).
        Process p = Procs.java("-jar", jar.toString(), "import", "gdelt",
                               "--store", store.toString(), file.toString())
                         .redirectOutput(log.toFile()).start();
        long pid = p.pid();
        double cpu = -1;
        while (!p.waitFor(200, TimeUnit.MILLISECONDS))
            cpu = Math.max(cpu, cpuSeconds(pid));
        double wall = (System.nanoTime() - t0) / 1e9;
        String text = Files.readString(log);
        if (p.exitValue() != 0)
            throw new EntenteException("import failed:\n" + Procs.tail(log, 30));
        Matcher m = IMPORTED.matcher(text);
        if (!m.find())
            throw new EntenteException("no timing in the import's output:\n" + Procs.tail(log, 10));
        long quads = Long.parseLong(m.group(1).replace(",", ""));
        double importSecs = Double.parseDouble(m.group(2));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("events", events);
        r.put("file_mb", Math.round(Files.size(file) / 1e5) / 10.0);
        r.put("quads", quads);
        r.put("quads_per_event", Latency.round3((double) quads / events));
        r.put("wall_s", Latency.round3(wall));
        r.put("import_s", Latency.round3(importSecs));
        r.put("events_per_s_wall", Math.round(events / wall));
        r.put("events_per_s_import", Math.round(events / importSecs));
        r.put("cpu_s_at_least", Latency.round3(cpu));
        r.put("store_mb", Procs.sizeOnDiskMb(store));
        Bench.say("gdelt: %s: %s", name, r);
        return r;
    }

    /** A pair of states with many events between them: the page's first request and the p50 and p99 of the next ones. */
    private static Map<String, Object> dyad(Path jar, Path work, long pairEvents) throws Exception {
        // 95% of the rows are between China and North Korea, spread over two years.
        long rows = Math.round(pairEvents / 0.95);
        Map<String, Object> imported = importOne(jar, work, "20250302.export.CSV.zip", rows, 0.95, new String[] { "CHN", "PRK" });
        Path store = work.resolve("store-20250302");
        int port = Procs.freePort();
        Process serve = Procs.java(ServerBench.HEAP, "-jar", jar.toString(), "serve", "--store", store.toString(), "--port",
                                   Integer.toString(port))
                             .redirectOutput(work.resolve("serve-dyad.log").toFile()).start();
        String url = "http://127.0.0.1:" + port + "/page/dyad/chn/prk";
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("import", imported);
        try {
            Procs.awaitUp("http://127.0.0.1:" + port + "/$/ping", serve);
            // The seed (the states among it) loads after the server starts listening: wait for the page.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (get(url).statusCode() != 200)
                if (System.nanoTime() > deadline)
                    throw new EntenteException(url + " never answered 200");
                else
                    Thread.sleep(500);
            // The seed's commit came after the first answer may have been computed: one request to recompute.
            Thread.sleep(2_000);
            long t0 = System.nanoTime();
            HttpResponse<String> first = get(url);
            r.put("first_request_ms", Latency.round3((System.nanoTime() - t0) / 1e6));
            r.put("page_kb", first.body().length() / 1024);
            r.put("draws_chart", first.body().contains("<svg"));
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long t = System.nanoTime();
                if (get(url).statusCode() != 200)
                    throw new EntenteException(url + " failed on a repeated request");
                ms.add((System.nanoTime() - t) / 1e6);
            }
            r.put("repeated_requests", ms.size());
            r.put("p50_ms", Latency.round3(Latency.percentile(ms, 50)));
            r.put("p99_ms", Latency.round3(Latency.percentile(ms, 99)));
        } finally {
            Procs.stop(serve);
        }
        Bench.say("gdelt: dyad page: %s", r);
        return r;
    }

    /** The page made afresh each time (no-cache passes the response cache by): what is timed is the page from the pair's kept figures. */
    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return Procs.HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").header("Cache-Control", "no-cache").build(),
                               HttpResponse.BodyHandlers.ofString());
    }

    /** User and system CPU seconds of a live process so far (from /proc), or -1. */
    private static double cpuSeconds(long pid) {
        try {
            String[] f = Files.readString(Path.of("/proc", Long.toString(pid), "stat")).replaceAll(".*\\) ", "").trim().split(" ");
            // Fields 14 and 15 of stat (utime, stime), counted after the command's closing parenthesis from field 3.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException ex) {
            return "";
        }
    }
}
