package org.entente.browse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.entente.sys.EntenteSys;
import org.entente.browse.view.DataLink;
import org.entente.browse.view.PageView;
import org.entente.browse.view.PageWords;

/**
 * The view of one resource's page: loads the labels the page needs, in the reader's languages, and
 * hands each part of the page to its builder. Build inside a read transaction.
 * <pre>
 *   PageView view = Txn.calculateRead(dsg, () ->
 *       new PageBuilder(dsg, iris, labelCache.begin()).build(resource, "person/kim-jong-un", window, List.of("ko", "en")));
 * </pre>
 */
final class PageBuilder {

    private final DatasetGraph dsg;
    private final IriScheme iris;
    private final LabelCache.Snapshot labelCache;

    PageBuilder(DatasetGraph dsg, IriScheme iris, LabelCache.Snapshot labelCache) {
        this.dsg = dsg;
        this.iris = iris;
        this.labelCache = labelCache;
    }

    /**
     * The page of a resource.
     *
     * @param resource  the resource
     * @param localPath its path after {@code /page/}
     * @param window    what the page shows of its description
     * @param languages the reader's languages, best first
     */
    PageView build(Node resource, String localPath, Describer.Window window, List<String> languages) {
        List<Binding> offices = BrowseLib.select(dsg, BrowseLib.query("timeline"), Map.of("this", resource));
        Set<Node> toLabel = Labels.mentioned(window.description());
        offices.forEach(b -> toLabel.add(b.get("target")));
        CodedEventBuilder.Rows coded = CodedEventBuilder.read(dsg, new Description(resource, window.description(), null));
        toLabel.addAll(coded.toLabel());
        Labels labels = Labels.load(dsg, toLabel, languages, labelCache);
        Description d = new Description(resource, window.description(), labels);
        Linker linker = new Linker(labels, iris);
        Messages m = Messages.forReader(languages);
        SentenceBuilder sentences = new SentenceBuilder(d, linker, m);
        String title = labels.of(resource);
        return new PageView(m.frame(title, "/data/" + localPath + ".ttl", ""), m.words(PageWords.class), title, resource.getURI(),
                            LanguageLinkBuilder.build(localPath, m),
                            PropertyBuilder.types(d, linker),
                            PropertyBuilder.wikidata(d),
                            EntenteSys.EDITOR_QUERY + "?query=" + URLEncoder.encode("DESCRIBE <" + resource.getURI() + ">", StandardCharsets.UTF_8),
                            dataLinks(localPath),
                            ParticipantBuilder.build(d, linker, sentences, m),
                            PagerBuilder.build(window, localPath, m),
                            StatementBuilder.build(d, linker, sentences),
                            TimelineBuilder.build(dsg, offices, d, linker, m),
                            PropertyBuilder.properties(d, linker),
                            IncomingBuilder.build(d, linker, m),
                            NeighbourhoodBuilder.build(d, linker, m),
                            PairLinkBuilder.build(d, linker),
                            CodedEventBuilder.build(coded, d, linker, m));
    }

    private static List<DataLink> dataLinks(String localPath) {
        return List.of(RdfFormat.values()).stream().filter(f -> f != RdfFormat.HTML)
            .map(f -> new DataLink(f.extension(), "/data/" + localPath + "." + f.extension(), f.mediaType())).toList();
    }
}
