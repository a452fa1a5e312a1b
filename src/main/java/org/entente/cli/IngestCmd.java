package org.entente.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.ingest.ArticleInput;
import org.entente.ingest.Draft;
import org.entente.ingest.Ingester;
import org.entente.ingest.draft.DraftWriter;
import org.entente.ingest.link.Gazetteer;
import org.entente.ingest.link.Linker;
import org.entente.load.SeedLib;
import org.entente.load.StoreLib;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteSys;
import org.entente.world.CldrWorld;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente ingest}: English news reports to draft TriG and review pages, for a person to review and then load. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
         description = "Read English news reports and write, for each, DIR/{slug}.trig (the proposed statements with their evidence)"
                       + " and DIR/{slug}.review.html (the page to review them). Nothing is written to the store.")
final class IngestCmd implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD", description = "The day the articles were published: relative dates resolve against it (default: today).")
    String published;

    @Option(names = "--title", paramLabel = "T", description = "The article's title.")
    String title;

    @Option(names = "--url", paramLabel = "URL", description = "Where the article was published.")
    String url;

    @Option(names = "--publisher", paramLabel = "NAME", description = "Who published it.")
    String publisher;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the drafts and review pages.")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "FILE.txt")
    List<Path> files;

    @Override
    public Integer call() {
        LocalDate day = parseDay();
        // Read and check every article before anything is opened or written.
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException ex) {
                throw new EntenteException(f + ": cannot read: " + ex.getMessage(), ex);
            }
            texts.put(f, ArticleInput.text(f.toString(), bytes));
        }
        DatasetGraph dsg = StoreLib.open(store.store);
        Gazetteer gazetteer;
        Map<Path, String> sourceSlugs = new LinkedHashMap<>();
        try {
            boolean empty = Txn.calculateRead(dsg, () -> dsg.isEmpty());
            Path home = EntenteSys.home();
            if (empty && EntenteSys.isHome(home))
                SeedLib.sync(dsg, home, List.of(CldrWorld.create()));
            gazetteer = Gazetteer.of(dsg);
            for (Path f : texts.keySet())
                sourceSlugs.put(f, sourceSlug(dsg, fileSlug(f)));
        } finally {
            StoreLib.close(dsg);
        }
        Ingester ingester = Ingester.create().gazetteer(gazetteer).published(day).title(title).url(url).publisher(publisher).build();
        List<Draft> drafts = new ArrayList<>();
        Map<Draft, String> fileSlugs = new java.util.IdentityHashMap<>();
        for (Map.Entry<Path, String> e : texts.entrySet()) {
            Draft d = ingester.ingest(sourceSlugs.get(e.getKey()), fileSlug(e.getKey()), e.getValue(), e.getKey().toString());
            drafts.add(d);
            fileSlugs.put(d, fileSlug(e.getKey()));
        }
        try {
            Files.createDirectories(out);
            for (Draft d : drafts) {
                String name = fileSlugs.get(d);
                if (!name.equals(d.slug()))
                    System.err.printf("%s: the store already holds a source <%s> that is not a draft of this command;"
                                      + " this draft's source is <%s>%n", name, EntenteSys.ID_BASE + "source/" + name, d.source());
                write(out.resolve(name + ".trig"), os -> RDFDataMgr.write(os, d.quads(), Lang.TRIG));
                write(out.resolve(name + ".review.html"), os -> os.write(d.reviewHtml().getBytes(StandardCharsets.UTF_8)));
                var x = d.extraction();
                System.out.printf("%s: %d participations, %d stances, %d ties -> %s, %s%n", name, x.participations().size(),
                                  x.stances().size(), x.ties().size(), out.resolve(name + ".trig"), out.resolve(name + ".review.html"));
            }
        } catch (IOException ex) {
            throw new EntenteException("Cannot write to " + out + ": " + ex.getMessage(), ex);
        }
        return 0;
    }

    private static String fileSlug(Path f) {
        return Linker.slug(f.getFileName().toString().replaceFirst("\\.[A-Za-z0-9]+$", ""));
    }

    /**
     * The slug of an article's source: the file's, unless the store already holds a source of that IRI that is not an
     * earlier draft of this command (a hand-made graph such as the seed article's), which loading the draft would merge
     * into; then the file's slug with {@code -ingested}. An earlier draft (its source carries its text as
     * {@code nif:isString}) keeps the name, so a re-ingested article stays one source.
     */
    private static String sourceSlug(DatasetGraph dsg, String slug) {
        Node graph = NodeFactory.createURI(EntenteSys.ID_BASE + "source/" + slug);
        Node isString = NodeFactory.createURI(DraftWriter.NIF + "isString");
        boolean taken = Txn.calculateRead(dsg, () -> dsg.containsGraph(graph) && !dsg.contains(graph, graph, isString, Node.ANY));
        return taken ? slug + "-ingested" : slug;
    }

    private LocalDate parseDay() {
        if (published == null)
            return null;
        try {
            return LocalDate.parse(published);
        } catch (DateTimeParseException ex) {
            throw new EntenteException("--published " + published + ": not a day as YYYY-MM-DD");
        }
    }

    private interface Body {
        void write(OutputStream os) throws IOException;
    }

    /** Writes a file whole or not at all: to a temporary file beside it, then renamed over it. */
    private static void write(Path file, Body body) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                body.write(os);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
