package org.entente.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's output: {@code results.json} (machine-readable) and {@code report.md} (with the charts). */
final class Report {
    private Report() {}

    static void write(Path out, String machine, List<Long> sizes, long primary, List<Map<String, Object>> growth, boolean charts) throws IOException {
        Files.createDirectories(out);
        Map<String, Object> head = growth.stream().filter(r -> r.get("triples_requested").equals(primary)).findFirst().orElse(growth.get(growth.size() - 1));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine);
        results.put("sizes", sizes);
        results.put("triples_requested", head.get("triples_requested"));
        head.forEach((k, v) -> {
            if (!k.equals("triples_requested"))
                results.put(k, v);
        });
        results.put("goals", goals(growth));
        results.put("growth", growth);
        Files.writeString(out.resolve("results.json"), Json.write(results) + "\n");

        StringBuilder md = new StringBuilder("# Entente benchmark\n\n");
        md.append("Machine: ").append(machine).append("\n\n");
        md.append("Sizes run: ").append(sizes.stream().map(s -> String.format("%,d", s)).toList())
          .append(" triples requested of `entente generate --seed 42`. Headline figures at ")
          .append(String.format("%,d", (Long) head.get("triples"))).append(" triples. How to read this: `bench/README.md`.\n\n");
        md.append("## Goals\n\n| goal | measured | met |\n|---|---|---|\n");
        goals(growth).forEach((k, v) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> g = (Map<String, Object>) v;
            md.append("| ").append(k).append(" | ").append(g.get("measured")).append(" | ").append(g.get("met")).append(" |\n");
        });
        Map<String, Map<String, Object>> engines = Charts.engines(head);
        if (engines != null) {
            md.append("\n## Every engine side by side\n\n")
              .append(String.format("Our look-up mix at %,d triples; each engine loaded from the same N-Quads file, its answers checked against ours first.%n%n", (Long) head.get("triples")));
            md.append("| engine | answers agree | load t/s | QMpH (wall) | CPU ms per mix | p50 ms | p99 ms | peak RSS MB | Entente QMpH ratio | Entente CPU ratio |\n")
              .append("|---|---|---|---|---|---|---|---|---|---|\n");
            engines.forEach((name, m) -> md.append("| ").append(name).append(" | ").append(m.get("agrees")).append(" | ")
                .append(m.get("load") instanceof Map<?, ?> l ? String.valueOf(l.get("tps")) : "see load").append(" | ")
                .append(cell(m, "qmph")).append(" | ").append(cell(m, "cpu_ms_per_mix")).append(" | ").append(cell(m, "p50_ms")).append(" | ")
                .append(cell(m, "p99_ms")).append(" | ").append(cell(m, "peak_rss_mb")).append(" | ").append(cell(m, "entente_qmph_ratio")).append(" | ")
                .append(cell(m, "entente_cpu_ratio")).append(" |\n"));
            if (head.get("bsbm") instanceof Map<?, ?> b) {
                md.append(String.format("%nBSBM explore (%,d triples, the driver's own figures; the data checked to agree by aggregate row counts first):%n%n",
                                        head.get("bsbm_load") instanceof Map<?, ?> bl ? ((Number) bl.get("triples")).longValue() : 0L));
                md.append("| engine | load t/s | QMpH (wall) | CPU ms per mix | Entente QMpH ratio | Entente CPU ratio |\n|---|---|---|---|---|---|\n");
                md.append("| entente | ").append(head.get("bsbm_load") instanceof Map<?, ?> bl ? bl.get("entente_tps") : "-").append(" | ")
                  .append(b.get("entente_qmph")).append(" | ").append(b.get("entente_cpu_ms_per_mix")).append(" | | |\n");
                md.append("| fuseki | ").append(head.get("bsbm_load") instanceof Map<?, ?> bl ? bl.get("tdb2_tdbloader_tps") : "-").append(" | ")
                  .append(b.get("fuseki_qmph")).append(" | ").append(b.get("fuseki_cpu_ms_per_mix")).append(" | ").append(b.get("ratio")).append(" | ")
                  .append(b.get("cpu_ratio")).append(" |\n");
                if (b.get("peers") instanceof Map<?, ?> bp)
                    bp.forEach((name, v) -> {
                        if (v instanceof Map<?, ?> m)
                            md.append("| ").append(name).append(" | ").append(m.get("load") instanceof Map<?, ?> l ? l.get("tps") : "-").append(" | ")
                              .append(Boolean.TRUE.equals(m.get("agrees")) ? m.get("qmph") : "answers differ: not timed").append(" | ")
                              .append(m.get("cpu_ms_per_mix")).append(" | ").append(m.get("entente_qmph_ratio")).append(" | ")
                              .append(m.get("entente_cpu_ratio")).append(" |\n");
                    });
            }
            if (head.get("peers") instanceof Map<?, ?> p && p.get("skipped") instanceof List<?> skipped && !skipped.isEmpty())
                md.append("\nSkipped: ").append(String.join("; ", skipped.stream().map(String::valueOf).toList())).append("\n");
            if (charts)
                for (String png : List.of("engines.png", "engines-cpu.png"))
                    if (Files.exists(out.resolve(png)))
                        md.append("\n![").append(png.replace(".png", "")).append("](").append(png).append(")\n");
        }
        if (charts) {
            md.append("\n## Growth\n\n");
            for (String png : List.of("load.png", "query.png", "latency.png", "memory.png"))
                if (Files.exists(out.resolve(png)))
                    md.append("![").append(png.replace(".png", "")).append("](").append(png).append(")\n\n");
        }
        md.append("\n## Figures by size\n\n| measure |");
        for (Map<String, Object> r : growth)
            md.append(' ').append(String.format("%,d", (Long) r.get("triples"))).append(" |");
        md.append("\n|---|").append("---|".repeat(growth.size())).append('\n');
        for (Map.Entry<String, Object> e : growth.get(growth.size() - 1).entrySet())
            if (e.getValue() instanceof Map<?, ?> m)
                for (Object key : m.keySet()) {
                    if (key.equals("note") || m.get(key) instanceof Map<?, ?> || m.get(key) instanceof List<?>)
                        continue;
                    md.append("| ").append(e.getKey()).append('.').append(key).append(" |");
                    for (Map<String, Object> r : growth)
                        md.append(' ').append(r.get(e.getKey()) instanceof Map<?, ?> rm ? String.valueOf(rm.get(key)) : "").append(" |");
                    md.append('\n');
                }
        md.append("\n## Method notes\n\n");
        for (Map.Entry<String, Object> e : head.entrySet())
            if (e.getValue() instanceof Map<?, ?> m && m.get("note") != null)
                md.append("- **").append(e.getKey()).append("**: ").append(m.get("note")).append('\n');
        Files.writeString(out.resolve("report.md"), md.toString());
    }

    /** The goals, each with what was measured and whether it was met (null when not measured). */
    static Map<String, Object> goals(List<Map<String, Object>> growth) {
        Map<String, Object> g = new LinkedHashMap<>();
        StringBuilder load = new StringBuilder(), query = new StringBuilder(), bsbm = new StringBuilder();
        boolean loadMet = true, queryMet = true, bsbmMet = true;
        for (Map<String, Object> r : growth) {
            String at = String.format("%,d: ", (Long) r.get("triples"));
            double l = num(r, "load", "ratio"), q = num(r, "query", "ratio"), b = num(r, "bsbm", "ratio");
            load.append(load.isEmpty() ? "" : "; ").append(at).append(l);
            query.append(query.isEmpty() ? "" : "; ").append(at).append(q);
            bsbm.append(bsbm.isEmpty() ? "" : "; ").append(at).append(b);
            loadMet &= l >= 1.0;
            queryMet &= q >= 1.0;
            bsbmMet &= b >= 1.0;
        }
        g.put("load ratio >= 1.0 (SHACL gate on)", goal(load.toString(), loadMet));
        g.put("query ratio >= 1.0 (look-up mix)", goal(query.toString(), queryMet));
        g.put("query ratio >= 1.0 (BSBM explore)", goal(bsbm.toString(), bsbmMet));
        StringBuilder floor = new StringBuilder(), cpu = new StringBuilder();
        boolean floorMet = true, cpuMet = true;
        for (Map<String, Object> r : growth) {
            String at = String.format("%,d: ", (Long) r.get("triples"));
            double f = num(r, "page", "http_floor_ms_entente"), cq = num(r, "query", "cpu_ratio"), cb = num(r, "bsbm", "cpu_ratio");
            floor.append(floor.isEmpty() ? "" : "; ").append(at).append(f).append(" ms (stock Fuseki ").append(num(r, "page", "http_floor_ms_fuseki")).append(" ms)");
            cpu.append(cpu.isEmpty() ? "" : "; ").append(at).append("look-up ").append(cq).append(", BSBM ").append(cb);
            floorMet &= f <= 1.0;
            cpuMet &= cq >= 1.0 && cb >= 1.0;
        }
        g.put("ASK {} p50 <= 1 ms on one keep-alive connection", goal(floor.toString(), floorMet));
        g.put("CPU per mix ratio >= 1.0 (stock Fuseki's CPU over ours)", goal(cpu.toString(), cpuMet));
        Map<String, Object> oneM = growth.stream().filter(r -> r.get("triples_requested").equals(1_000_000L)).findFirst().orElse(null);
        g.put("entity page p50 < 10 ms at 1M", oneM == null ? goal("not run at 1M", null)
            : goal(num(oneM, "page", "p50_ms") + " ms", num(oneM, "page", "p50_ms") < 10));
        StringBuilder repeated = new StringBuilder();
        boolean repeatedMet = true;
        for (Map<String, Object> r : growth) {
            double cached = num(r, "repeated", "p50_ms_cached"), ask = num(r, "page", "http_floor_ms_entente");
            repeated.append(repeated.isEmpty() ? "" : "; ").append(String.format("%,d: ", (Long) r.get("triples"))).append(cached)
                    .append(" ms from the cache, ").append(num(r, "repeated", "p50_ms_full")).append(" ms in full (ASK {} ").append(ask).append(" ms)");
            repeatedMet &= cached <= ask;
        }
        g.put("repeated named query from the cache p50 <= the HTTP floor (ASK {})", goal(repeated.toString(), repeatedMet));
        Map<String, Object> tenM = growth.stream().filter(r -> r.get("triples_requested").equals(10_000_000L)).findFirst().orElse(null);
        g.put("serve over 10M within a 512 MiB heap", tenM == null ? goal("not run at 10M (bench/run --growth --with-10m)", null)
            : goal("served every benchmark with -Xmx512m; peak heap in use " + num(tenM, "memory", "serve_peak_heap_mb") + " MB", true));
        return g;
    }

    private static String cell(Map<String, Object> m, String key) {
        return m.containsKey(key) ? String.valueOf(m.get(key)) : "-";
    }

    private static Map<String, Object> goal(String measured, Boolean met) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measured", measured);
        m.put("met", met == null ? "not measured" : met ? "yes" : "no");
        return m;
    }

    private static double num(Map<String, Object> r, String section, String key) {
        return r.get(section) instanceof Map<?, ?> m && m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
