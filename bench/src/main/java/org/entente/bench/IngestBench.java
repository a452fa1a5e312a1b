package org.entente.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.entente.ingest.Draft;
import org.entente.ingest.Ingester;
import org.entente.ingest.link.Gazetteer;
import org.entente.load.SeedLib;
import org.entente.world.CldrWorld;

/**
 * Article ingestion speed: one article of about 800 words, warm (median of 20 runs after 5 to warm up),
 * and a folder of 100 articles drafted and written (TriG and review page) one after the other. The
 * articles are the project's own: the seed article and the gold corpus, joined to reach 800 words, and
 * cycled to make 100. Writes {@code ingest.md} to the output folder.
 * <pre>
 *   bench/run --ingest [--out DIR]
 * </pre>
 */
public final class IngestBench {
    private IngestBench() {}

    public static void main(String... args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2)
            a.put(args[i], args[i + 1]);
        Path home = Path.of(a.getOrDefault("--home", ".")).toAbsolutePath();
        Path out = Path.of(a.getOrDefault("--out", "bench/results"));
        Files.createDirectories(out);

        long t0 = System.nanoTime();
        DatasetGraph store = DatasetGraphFactory.createTxnMem();
        SeedLib.sync(store, home, List.of(CldrWorld.create()));
        double seedS = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Gazetteer gazetteer = Gazetteer.of(store);
        double gazetteerS = (System.nanoTime() - t0) / 1e9;

        List<String> texts = new ArrayList<>();
        texts.add(Files.readString(home.resolve("data/sources/2025-08-victory-day-parade.txt")));
        try (Stream<Path> s = Files.walk(home.resolve("bench/ingest/corpus"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList())
                texts.add(Files.readString(p));
        }
        StringBuilder long800 = new StringBuilder();
        for (int i = 0; words(long800.toString()) < 800; i++)
            long800.append(texts.get(i % texts.size())).append('\n');
        String article = long800.toString();
        Ingester in = Ingester.create().gazetteer(gazetteer).published(LocalDate.of(2025, 8, 28)).build();

        t0 = System.nanoTime();
        in.ingest("cold", article, null);
        double coldMs = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < 5; i++)
            in.ingest("warm", article, null);
        double[] runs = new double[20];
        for (int i = 0; i < runs.length; i++) {
            long s = System.nanoTime();
            in.ingest("warm", article, null);
            runs[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(runs);
        double medianMs = (runs[9] + runs[10]) / 2;

        Path folder = Files.createTempDirectory("entente-ingest-bench");
        t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            Draft d = in.ingest("article-" + i, texts.get(i % texts.size()), null);
            try (var os = Files.newOutputStream(folder.resolve(d.slug() + ".trig"))) {
                RDFDataMgr.write(os, d.quads(), Lang.TRIG);
            }
            Files.writeString(folder.resolve(d.slug() + ".review.html"), d.reviewHtml());
        }
        double folderS = (System.nanoTime() - t0) / 1e9;

        String report = String.format(Locale.ROOT, """
            # Article ingestion speed

            | measure | value | goal |
            |---|---:|---|
            | seeding the in-memory store (ontology, data, CLDR world) | %.1f s | |
            | building the gazetteer (label index, tenures, events) | %.1f s | |
            | one article of %d words, first run (models loaded) | %.0f ms | |
            | one article of %d words, warm (median of 20) | %.0f ms | under 1 s |
            | 100 articles drafted and written (TriG and review page) | %.1f s | under 60 s |
            """, seedS, gazetteerS, words(article), coldMs, words(article), medianMs, folderS);
        Files.writeString(out.resolve("ingest.md"), report);
        System.out.print(report);
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.trim().split("\\s+").length;
    }
}
