package org.entente.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The report's charts: drawn from the growth series, one line per contender, nothing for no data. */
class ChartsTest {

    private static Map<String, Object> size(long triples, double scale) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("triples_requested", triples);
        r.put("triples", triples + 17);
        r.put("load", Map.of("entente_tps", 30_000 * scale, "entente_no_validate_tps", 33_000 * scale, "tdb2_tdbloader_tps", 29_000 * scale));
        r.put("query", Map.of("entente_qmph", 60_000, "fuseki_qmph", 58_000));
        r.put("page", Map.of("p50_ms", 7.5, "p99_ms", 30.0));
        r.put("memory", Map.of("serve_peak_rss_mb", 900, "serve_peak_heap_mb", 200));
        return r;
    }

    @Test
    void drawsEveryChartThatHasDataAsAPicture() throws Exception {
        Path dir = Path.of("target", "chart-test");
        Files.createDirectories(dir);
        Map<String, String> drawn = Charts.drawAll(dir, List.of(size(100_000, 1), size(1_000_000, 0.9), size(10_000_000, 0.8)));
        assertEquals(List.of("load.png", "query.png", "latency.png", "memory.png"), List.copyOf(drawn.keySet()));
        for (String f : drawn.keySet()) {
            BufferedImage img = ImageIO.read(dir.resolve(f).toFile());
            assertEquals(800, img.getWidth());
            assertEquals(480, img.getHeight());
            // Not a blank canvas: some pixels are the lines' colours.
            boolean coloured = false;
            for (int x = 0; x < img.getWidth() && !coloured; x += 2)
                for (int y = 0; y < img.getHeight() && !coloured; y += 2) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    coloured = rgb == 0x1f77b4 || rgb == 0xd62728;
                }
            assertTrue(coloured, f + " shows no line");
        }
    }

    @Test
    void aChartWithoutDataIsNotDrawn(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("triples_requested", 1000L);
        empty.put("triples", 1000L);
        assertTrue(Charts.drawAll(tmp, List.of(empty)).isEmpty());
        assertFalse(Files.exists(tmp.resolve("load.png")));
    }
}
