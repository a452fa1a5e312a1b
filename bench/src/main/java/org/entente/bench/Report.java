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
                    if (key.equals("note"))
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
        Map<String, Object> oneM = growth.stream().filter(r -> r.get("triples_requested").equals(1_000_000L)).findFirst().orElse(null);
        g.put("entity page p50 < 10 ms at 1M", oneM == null ? goal("not run at 1M", null)
            : goal(num(oneM, "page", "p50_ms") + " ms", num(oneM, "page", "p50_ms") < 10));
        Map<String, Object> tenM = growth.stream().filter(r -> r.get("triples_requested").equals(10_000_000L)).findFirst().orElse(null);
        g.put("serve over 10M within a 512 MiB heap", tenM == null ? goal("not run at 10M (bench/run --growth --with-10m)", null)
            : goal("served every benchmark with -Xmx512m; peak heap in use " + num(tenM, "memory", "serve_peak_heap_mb") + " MB", true));
        return g;
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
