package org.entente.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.entente.sys.EntenteException;

/** Latency of HTTP requests sent by 1 or more concurrent clients: p50 and p99 in milliseconds. */
final class Latency {
    private Latency() {}

    /** One request and a name to group its timing under. */
    record Call(String group, HttpRequest request) {}

    /** The result: overall p50/p99 and p50 per group over the answered requests, and how many were not answered 200. */
    record Result(double p50, double p99, Map<String, Double> p50ByGroup, int n, int failed) {}

    static Result run(List<Call> calls, int clients) throws Exception {
        record Timed(String group, double ms) {}
        List<Timed> times = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> lastFailure = new java.util.concurrent.atomic.AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        java.net.http.HttpClient http = Procs.client();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (Call c : calls)
                jobs.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(c.request(), HttpResponse.BodyHandlers.ofByteArray());
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (r.statusCode() != 200) {
                        // A query over its time limit (503) is an outcome to report, not a reason to stop.
                        failed.incrementAndGet();
                        lastFailure.set(c.group() + " answered " + r.statusCode() + ": "
                                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse(""));
                        return null;
                    }
                    times.add(new Timed(c.group(), ms));
                    return null;
                }));
            for (Future<?> f : jobs)
                f.get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        if (times.isEmpty())
            throw new EntenteException("no request was answered; the last: " + lastFailure.get());
        List<Double> all = new ArrayList<>();
        Map<String, List<Double>> byGroup = new LinkedHashMap<>();
        for (Timed t : times) {
            all.add(t.ms());
            byGroup.computeIfAbsent(t.group(), k -> new ArrayList<>()).add(t.ms());
        }
        Map<String, Double> p50s = new LinkedHashMap<>();
        byGroup.forEach((g, l) -> p50s.put(g, round3(percentile(l, 50))));
        return new Result(round3(percentile(all, 50)), round3(percentile(all, 99)), p50s, all.size(), failed.get());
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty())
            return Double.NaN;
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    static double round3(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
