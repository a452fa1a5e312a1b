package org.entente.browse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.browse.view.Link;
import org.entente.browse.view.SearchResult;
import org.entente.browse.view.SearchView;

/** The view of the search page: the hits, each by its label in the reader's languages. Build inside a read transaction. */
final class SearchPageBuilder {
    private SearchPageBuilder() {}

    static SearchView build(DatasetGraph dsg, IriScheme iris, LabelCache.Snapshot labelCache, List<String> languages, String query,
                            List<SearchIndex.Hit> hits, boolean indexCurrent) {
        Set<Node> nodes = new LinkedHashSet<>();
        hits.forEach(h -> nodes.add(h.resource()));
        Linker linker = new Linker(Labels.load(dsg, nodes, languages, labelCache), iris);
        Messages m = Messages.forReader(languages);
        List<SearchResult> results = hits.stream().map(h -> {
            Link thing = linker.link(h.resource());
            return new SearchResult(thing, h.match().equals(thing.label()) ? "" : h.match());
        }).toList();
        String nothing = query.isEmpty() ? m.format(Phrase.NOTHING_FOUND) : m.format(Phrase.NOTHING_FOUND_FOR, query);
        return new SearchView(m.frame(m.format(Phrase.SEARCH_TITLE), "", query), m.format(Phrase.SEARCH_HEADING, query), nothing, results,
                              indexCurrent ? "" : m.format(Phrase.SEARCH_BEHIND));
    }
}
