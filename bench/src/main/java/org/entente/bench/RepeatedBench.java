package org.entente.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.generate.Generator;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteSys;

/**
 * Repeated reads: one named query and one page, each asked again and again on one keep-alive
 * connection ({@link KeepAlive}), four ways in alternating blocks: answered in full (the client says
 * {@code Cache-Control: no-cache}, so the server's response cache is passed by and the query runs),
 * answered from the response cache (the same request without that header), revalidated by a client
 * that holds the answer ({@code If-None-Match}: a 304), and {@code /$/ping} as the floor. Wall-clock
 * p50/p99 of each, and the server's CPU per request from {@code /proc/PID/stat}, which the machine's
 * stalls do not touch. Also a command, to measure a running server by hand:
 * <pre>
 *   java -cp bench/target/entente-bench.jar:target/entente.jar org.entente.bench.RepeatedBench http://127.0.0.1:3030 PID /page/state/chn [SCALE]
 * </pre>
 */
final class RepeatedBench {

    /**
     * The named query asked: a leader's timeline (offices and events), a typical look-up that has rows
     * in the generated data at every size (the parade of the seed data is not in it).
     */
    static final String QUERY = "/api/person-timeline?person="
                                + URLEncoder.encode(EntenteSys.ID_BASE + Generator.personPath(0, 0), StandardCharsets.UTF_8);
    /** How many blocks each way is measured in, alternating with the other ways. */
    private static final int ROUNDS = 5;

    /** One way of asking: extra header lines and the status expected. */
    private record Way(String name, String headers, int expected) {}

    private RepeatedBench() {}

    /** Both targets, on the server at {@code base} (process {@code pid}); {@code scale} multiplies the requests. */
    static Map<String, Object> run(String base, long pid, int scale) throws IOException {
        return run(base, pid, "/page/" + Generator.statePath(0), scale);
    }

    static Map<String, Object> run(String base, long pid, String page, int scale) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("load_average_before", loadAverage());
        m.putAll(target(base, pid, QUERY, "application/json", scale));
        // Flat keys (page_p50_ms_full...), so that report.md's table of figures shows them.
        target(base, pid, page, "text/html", scale).forEach((k, v) -> m.put("page_" + k, v));
        m.put("load_average_after", loadAverage());
        m.put("note", "GET " + QUERY + " and GET " + page + " on one keep-alive connection, in " + ROUNDS + " alternating blocks: "
                      + "in full (Cache-Control: no-cache passes the response cache by), from the response cache, revalidated "
                      + "with the ETag (304); /$/ping in the same server as the floor; cpu_ms_per_request from /proc/PID/stat of the server");
        return m;
    }

    private static Map<String, Object> target(String base, long pid, String path, String accept, int scale) throws IOException {
        int warm = 250 * scale, block = 50 * scale;
        URI uri = URI.create(base + path);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", path);
        try (KeepAlive c = KeepAlive.to(uri)) {
            KeepAlive.Answer first = c.get(path, accept, "Cache-Control: no-cache\r\n");
            if (first.status() != 200 || first.etag() == null)
                throw new EntenteException(uri + " answered " + first.status() + (first.etag() == null ? " without an ETag" : ""));
            c.get(path, accept);
            KeepAlive.Answer kept = c.get(path, accept);
            if (!Arrays.equals(first.body(), kept.body()))
                throw new EntenteException(uri + ": the answer from the cache is not the answer made afresh");
            out.put("bytes", first.body().length);
            List<Way> ways = List.of(new Way("full", "Cache-Control: no-cache\r\n", 200), new Way("cached", "", 200),
                                     new Way("revalidated", "If-None-Match: " + first.etag() + "\r\n", 304), new Way("ping", "", 200));
            Map<String, List<Double>> ms = new LinkedHashMap<>();
            Map<String, Long> cpu = new LinkedHashMap<>();
            for (Way w : ways) {
                ms.put(w.name(), new ArrayList<>());
                cpu.put(w.name(), 0L);
                block(c, w, path, accept, warm, null);
            }
            for (int r = 0; r < ROUNDS; r++) {
                for (Way w : ways) {
                    long cpu0 = Procs.cpuMillis(pid);
                    block(c, w, path, accept, block, ms.get(w.name()));
                    cpu.merge(w.name(), Procs.cpuMillis(pid) - cpu0, Long::sum);
                }
            }
            for (Way w : ways) {
                List<Double> l = ms.get(w.name());
                out.put("p50_ms_" + w.name(), Latency.round3(Latency.percentile(l, 50)));
                out.put("p99_ms_" + w.name(), Latency.round3(Latency.percentile(l, 99)));
                out.put("cpu_ms_per_request_" + w.name(), pid > 0 ? Latency.round3((double) cpu.get(w.name()) / l.size()) : -1);
            }
            out.put("requests_per_way", ROUNDS * block);
        }
        return out;
    }

    private static void block(KeepAlive c, Way w, String path, String accept, int n, List<Double> into) throws IOException {
        String pq = w.name().equals("ping") ? "/$/ping" : path;
        String acc = w.name().equals("ping") ? "text/plain" : accept;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            KeepAlive.Answer a = c.get(pq, acc, w.headers());
            double d = (System.nanoTime() - t0) / 1e6;
            if (a.status() != w.expected())
                throw new EntenteException(pq + " (" + w.name() + ") answered " + a.status() + ": " + a.text());
            if (into != null)
                into.add(d);
        }
    }

    /** The 1-minute load average of the machine, or -1 where /proc does not tell. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    public static void main(String... args) throws IOException {
        String page = args.length > 2 ? args[2] : "/page/" + Generator.statePath(0);
        int scale = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        System.out.println(Json.write(run(args[0], Long.parseLong(args[1]), page, scale)));
    }
}
