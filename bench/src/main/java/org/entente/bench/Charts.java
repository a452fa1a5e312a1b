package org.entente.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG charts of the growth series: each figure by data size (a log scale), one line per contender. */
final class Charts {
    private Charts() {}

    /** A line: its name and how to read its value from one size's results (null when absent). */
    record Line(String name, Function<Map<String, Object>, Number> value) {}

    static Line line(String name, String section, String key) {
        return new Line(name, r -> r.get(section) instanceof Map<?, ?> m && m.get(key) instanceof Number n ? n : null);
    }

    /** Draws the chart; returns false (and draws nothing) when no line has a value. */
    static boolean draw(Path file, String title, String yLabel, boolean logY, List<Map<String, Object>> sizes, List<Line> lines) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line l : lines) {
            XYSeries series = new XYSeries(l.name());
            for (Map<String, Object> r : sizes) {
                Number v = l.value().apply(r);
                if (v != null && v.doubleValue() > 0)
                    series.add(((Number) r.get("triples")).doubleValue(), v.doubleValue());
            }
            if (series.getItemCount() > 0)
                data.addSeries(series);
        }
        if (data.getSeriesCount() == 0)
            return false;
        LogarithmicAxis x = axis("triples (log scale)");
        x.setRange(data.getDomainLowerBound(false) / 2, data.getDomainUpperBound(false) * 2);
        ValueAxis y;
        if (logY) {
            LogarithmicAxis ly = axis(yLabel + " (log scale)");
            ly.setRange(data.getRangeLowerBound(false) / 2, data.getRangeUpperBound(false) * 2);
            y = ly;
        } else {
            NumberAxis ny = new NumberAxis(yLabel);
            ny.setNumberFormatOverride(new DecimalFormat("#,##0"));
            ny.setRange(0, data.getRangeUpperBound(false) * 1.15);
            y = ny;
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colours = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b) };
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours[i % colours.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 480);
        return true;
    }

    /** A log axis labelled in plain numbers (100,000 rather than 10^5). */
    private static LogarithmicAxis axis(String label) {
        LogarithmicAxis a = new LogarithmicAxis(label);
        a.setExpTickLabelsFlag(false);
        a.setLog10TickLabelsFlag(false);
        a.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        return a;
    }

    private record Spec(String file, String title, String yLabel, boolean logY, List<Line> lines) {}

    /** The report's four charts; returns the file names drawn, with their captions. */
    static Map<String, String> drawAll(Path dir, List<Map<String, Object>> sizes) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, String> drawn = new LinkedHashMap<>();
        List<Spec> specs = List.of(
            new Spec("load.png", "Load throughput", "triples per second", false, List.of(
                line("entente load (SHACL gate)", "load", "entente_tps"), line("entente load --no-validate", "load", "entente_no_validate_tps"),
                line("tdb2.tdbloader", "load", "tdb2_tdbloader_tps"), line("upload into a running server", "incremental", "tps"))),
            new Spec("query.png", "Query throughput", "query mixes per hour", true, List.of(
                line("entente, look-up mix", "query", "entente_qmph"), line("stock Fuseki, look-up mix", "query", "fuseki_qmph"),
                line("entente, BSBM explore", "bsbm", "entente_qmph"), line("stock Fuseki, BSBM explore", "bsbm", "fuseki_qmph"))),
            new Spec("latency.png", "Latency (1 client)", "milliseconds", true, List.of(
                line("entity page p50", "page", "p50_ms"), line("entity page p99", "page", "p99_ms"),
                line("named query p50", "competency", "p50_ms"), line("named query p99", "competency", "p99_ms"))),
            new Spec("memory.png", "Memory of serve", "MB", false, List.of(
                line("serve peak RSS", "memory", "serve_peak_rss_mb"), line("serve peak heap in use", "memory", "serve_peak_heap_mb"), line("serve live heap after GC", "memory", "serve_live_heap_mb"),
                line("stock Fuseki peak RSS", "memory", "fuseki_peak_rss_mb"))));
        for (Spec s : specs)
            if (draw(dir.resolve(s.file()), s.title(), s.yLabel(), s.logY(), sizes, s.lines()))
                drawn.put(s.file(), s.title());
        Map<String, Map<String, Object>> engines = engines(sizes.get(sizes.size() - 1));
        if (engines != null) {
            String at = String.format("%,d triples", ((Number) sizes.get(sizes.size() - 1).get("triples")).longValue());
            if (bars(dir.resolve("engines.png"), "Look-up mix, every engine, " + at, "query mixes per hour (wall clock)", engines, "qmph"))
                drawn.put("engines.png", "Look-up mix throughput by engine");
            if (bars(dir.resolve("engines-cpu.png"), "Server CPU per look-up mix, every engine, " + at, "CPU ms per mix (lower is better)", engines, "cpu_ms_per_mix"))
                drawn.put("engines-cpu.png", "Server CPU per mix by engine");
        }
        return drawn;
    }

    /** The engines of one size's side-by-side section, by name, or null when it has none. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> engines(Map<String, Object> size) {
        return size.get("peers") instanceof Map<?, ?> p && p.get("engines") instanceof Map<?, ?> e ? (Map<String, Map<String, Object>>) e : null;
    }

    /** A bar per engine of one figure; false (and nothing drawn) when no engine has it. */
    static boolean bars(Path file, String title, String yLabel, Map<String, Map<String, Object>> engines, String key) throws IOException {
        org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
        engines.forEach((name, m) -> {
            if (m.get(key) instanceof Number n)
                data.addValue(n.doubleValue(), yLabel, name);
        });
        if (data.getColumnCount() == 0)
            return false;
        JFreeChart chart = org.jfree.chart.ChartFactory.createBarChart(title, "engine", yLabel, data);
        chart.removeLegend();
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((org.jfree.chart.renderer.category.BarRenderer) chart.getCategoryPlot().getRenderer()).setSeriesPaint(0, new Color(0x1f77b4));
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 480);
        return true;
    }
}
