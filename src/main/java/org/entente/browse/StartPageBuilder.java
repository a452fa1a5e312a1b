package org.entente.browse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.entente.browse.view.ClassCount;
import org.entente.browse.view.DatedLink;
import org.entente.browse.view.StartView;
import org.entente.browse.view.StartWords;

/** The view of the start page: each class with its count, the events by date, the sources. Build inside a read transaction. */
final class StartPageBuilder {
    private StartPageBuilder() {}

    static StartView build(DatasetGraph dsg, IriScheme iris, LabelCache.Snapshot labelCache, List<String> languages) {
        List<Binding> classes = BrowseLib.select(dsg, BrowseLib.query("summary"), Map.of());
        List<Binding> events = BrowseLib.select(dsg, BrowseLib.query("events"), Map.of());
        List<Binding> sources = BrowseLib.select(dsg, BrowseLib.query("sources"), Map.of());
        Set<Node> nodes = new LinkedHashSet<>();
        classes.forEach(b -> nodes.add(b.get("class")));
        events.forEach(b -> nodes.add(b.get("e")));
        sources.forEach(b -> nodes.add(b.get("source")));
        Linker linker = new Linker(Labels.load(dsg, nodes, languages, labelCache), iris);
        Messages m = Messages.forReader(languages);
        return new StartView(m.frame("Entente", "", ""), m.words(StartWords.class),
                             classes.stream().map(b -> new ClassCount(linker.link(b.get("class")), b.get("n").getLiteralLexicalForm())).toList(),
                             events.stream().map(b -> new DatedLink(b.get("date").getLiteralLexicalForm(), linker.link(b.get("e")))).toList(),
                             sources.stream().map(b -> linker.link(b.get("source"))).toList());
    }
}
