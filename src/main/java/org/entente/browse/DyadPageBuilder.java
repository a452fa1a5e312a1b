package org.entente.browse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.browse.view.DyadView;
import org.entente.browse.view.DyadView.Bar;
import org.entente.browse.view.DyadView.Chart;
import org.entente.browse.view.DyadView.Kind;
import org.entente.browse.view.DyadView.Month;
import org.entente.browse.view.DyadView.Reported;
import org.entente.browse.view.DyadView.Tick;
import org.entente.browse.view.DyadWords;
import org.entente.browse.view.Link;
import org.entente.sys.EntenteSys;

/**
 * The view of a pair of territories' page from its figures ({@link DyadData}): the chart laid out
 * here, as numbers the template draws, so the page needs no script. Build inside a read transaction.
 */
final class DyadPageBuilder {
    private DyadPageBuilder() {}

    private static final String CAMEO = EntenteSys.ID_BASE + "concept/cameo/";
    private static final int WIDTH = 720, COLUMN_MAX = 40, COUNT_HEIGHT = 120, GOLD_HEIGHT = 60, MARGIN = 30;

    static DyadView build(DatasetGraph dsg, IriScheme iris, LabelCache.Snapshot labelCache, List<String> languages,
                          Node a, Node b, DyadData data) {
        List<Node> related = BrowseLib.select(dsg, BrowseLib.query("dyad-ties"), Map.of("a", a, "b", b)).stream()
                                      .map(r -> r.get("s")).toList();
        Set<Node> nodes = new LinkedHashSet<>(List.of(a, b));
        nodes.addAll(related);
        data.kinds().forEach(k -> nodes.add(NodeFactory.createURI(CAMEO + k.getKey())));
        data.top().forEach(t -> {
            nodes.add(t.event());
            nodes.add(NodeFactory.createURI(CAMEO + t.code()));
        });
        Linker linker = new Linker(Labels.load(dsg, nodes, languages, labelCache), iris);
        Messages m = Messages.forReader(languages);
        DyadWords words = m.words(DyadWords.class);
        Link la = linker.link(a), lb = linker.link(b);
        String title = la.label() + " – " + lb.label();
        List<Month> months = new ArrayList<>();
        data.months().forEach((month, f) -> months.add(new Month(month, (long) f[0], String.format(Locale.ROOT, "%.1f", f[1]))));
        String summary = data.events() == 0 ? words.noEvents()
                         : m.format(Phrase.DYAD_SUMMARY, Long.toString(data.events()), data.months().firstKey(), data.months().lastKey());
        return new DyadView(m.frame(title, "", ""), words, la, lb, summary, data.events() == 0 ? null : chart(months, words),
                            months,
                            data.kinds().stream().map(k -> new Kind(linker.link(NodeFactory.createURI(CAMEO + k.getKey())), k.getValue())).toList(),
                            data.top().stream().map(t -> new Reported(t.date(), linker.link(t.event()),
                                                                      linker.label(NodeFactory.createURI(CAMEO + t.code())), t.mentions(), safeUrl(t.url())))
                                .toList(),
                            related.stream().map(linker::link).toList());
    }

    /** Lays out one column a month: counts above the first axis, the Goldstein sum about the second. */
    static Chart chart(List<Month> months, DyadWords words) {
        int n = months.size();
        int column = Math.max(2, Math.min(COLUMN_MAX, (WIDTH - 2 * MARGIN) / Math.max(1, n)));
        long maxCount = months.stream().mapToLong(Month::events).max().orElse(1);
        double maxGold = months.stream().mapToDouble(mo -> Math.abs(Double.parseDouble(mo.goldstein()))).max().orElse(1);
        int countAxis = MARGIN + COUNT_HEIGHT, goldAxis = countAxis + MARGIN + GOLD_HEIGHT;
        List<Bar> counts = new ArrayList<>(), golds = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        int every = Math.max(1, n / 12);
        for (int i = 0; i < n; i++) {
            Month mo = months.get(i);
            int x = MARGIN + i * column;
            int h = (int) Math.round(COUNT_HEIGHT * (double) mo.events() / Math.max(1, maxCount));
            counts.add(new Bar(x, countAxis - h, column - 1, h, mo.month() + ": " + mo.events() + " " + words.events(), false));
            double g = Double.parseDouble(mo.goldstein());
            int gh = maxGold == 0 ? 0 : (int) Math.round(GOLD_HEIGHT * Math.abs(g) / maxGold);
            golds.add(new Bar(x, g >= 0 ? goldAxis - gh : goldAxis, column - 1, gh, mo.month() + ": " + words.goldstein() + " " + mo.goldstein(), g < 0));
            if (i % every == 0)
                ticks.add(new Tick(x, goldAxis + GOLD_HEIGHT + 16, mo.month()));
        }
        return new Chart(WIDTH, goldAxis + GOLD_HEIGHT + 24, countAxis, goldAxis, counts, golds, ticks);
    }

    /** Only http(s) addresses become links. */
    private static String safeUrl(String url) {
        return url.startsWith("http://") || url.startsWith("https://") ? url : "";
    }
}
