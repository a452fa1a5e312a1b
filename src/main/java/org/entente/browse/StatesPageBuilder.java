package org.entente.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.entente.browse.view.Link;
import org.entente.browse.view.StatesView;
import org.entente.browse.view.StatesView.RegionGroup;
import org.entente.browse.view.StatesView.SubregionGroup;
import org.entente.browse.view.StatesView.TerritoryEntry;
import org.entente.browse.view.StatesWords;

/**
 * The view of the states index: every territory by region and sub-region, names in the reader's
 * language and sorted by that language's collation. Build inside a read transaction.
 */
final class StatesPageBuilder {
    private StatesPageBuilder() {}

    private record Row(Node territory, String code, Node region, Node subregion, boolean un) {}

    static StatesView build(DatasetGraph dsg, IriScheme iris, LabelCache.Snapshot labelCache, List<String> languages) {
        List<Row> rows = new ArrayList<>();
        for (Binding b : BrowseLib.select(dsg, BrowseLib.query("states"), Map.of())) {
            Node alpha3 = b.get("alpha3");
            rows.add(new Row(b.get("t"), (alpha3 != null ? alpha3 : b.get("code")).getLiteralLexicalForm(), b.get("region"),
                             b.get("subregion"), "true".equals(b.get("un").getLiteralLexicalForm())));
        }
        Set<Node> nodes = new LinkedHashSet<>();
        for (Row r : rows) {
            nodes.add(r.territory());
            if (r.region() != null)
                nodes.add(r.region());
            if (r.subregion() != null)
                nodes.add(r.subregion());
        }
        Linker linker = new Linker(Labels.load(dsg, nodes, languages, labelCache), iris);
        Messages m = Messages.forReader(languages);
        Collator collator = Collator.getInstance(new ULocale(languages.isEmpty() ? "en" : languages.get(0)));
        Comparator<Link> byName = Comparator.comparing(Link::label, collator::compare);

        Map<Link, Map<Link, List<TerritoryEntry>>> grouped = new TreeMap<>(nullsLast(byName));
        for (Row r : rows)
            grouped.computeIfAbsent(linker.linkOrNull(r.region()), k -> new TreeMap<>(nullsLast(byName)))
                   .computeIfAbsent(linker.linkOrNull(r.subregion()), k -> new ArrayList<>())
                   .add(new TerritoryEntry(linker.link(r.territory()), r.code(), r.un()));
        List<RegionGroup> regions = new ArrayList<>();
        grouped.forEach((region, subs) -> {
            List<SubregionGroup> subregions = new ArrayList<>();
            subs.forEach((sub, entries) -> {
                entries.sort(Comparator.comparing(TerritoryEntry::territory, byName));
                subregions.add(new SubregionGroup(sub, entries));
            });
            regions.add(new RegionGroup(region, subregions));
        });
        StatesWords words = m.words(StatesWords.class);
        long un = rows.stream().filter(Row::un).count();
        return new StatesView(m.frame(words.title(), "", ""), words, m.format(Phrase.STATES_SUMMARY, Integer.toString(rows.size()), Long.toString(un)), regions);
    }

    private static Comparator<Link> nullsLast(Comparator<Link> c) {
        return Comparator.nullsLast(c);
    }
}
