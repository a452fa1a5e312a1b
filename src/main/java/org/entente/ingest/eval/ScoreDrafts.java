package org.entente.ingest.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.load.StoreLib;
import org.entente.sys.EntenteException;

/**
 * Scores the drafts in a folder (as {@code entente ingest --out DIR} writes them, {@code {slug}.trig})
 * against the gold corpus and prints the table of each split in markdown, then what was missed.
 * <pre>
 *   bin/entente ingest --published 2018-06-12 bench/ingest/corpus/dev/2018-06-trump-kim-singapore-summit.txt --out /tmp/d
 *   java -cp target/entente.jar org.entente.ingest.eval.ScoreDrafts /tmp/d dev heldout seed
 *   java -cp target/entente.jar org.entente.ingest.eval.ScoreDrafts --store store /tmp/d dev
 * </pre>
 * With {@code --store DIR}, the types and dates of events a draft names only by IRI are read from that
 * store. The project root is the working directory, or the {@code entente.home} system property.
 */
public final class ScoreDrafts {
    private ScoreDrafts() {}

    public static void main(String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        Path store = null;
        if (rest.size() >= 2 && rest.get(0).equals("--store")) {
            store = Path.of(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty()) {
            System.err.println("usage: ScoreDrafts [--store DIR] DRAFT_DIR [dev|heldout|seed]...");
            System.exit(2);
        }
        Path drafts = Path.of(rest.get(0));
        if (!Files.isDirectory(drafts))
            throw new EntenteException("No folder of drafts " + drafts);
        List<Split> splits = rest.size() == 1 ? List.of(Split.values())
            : rest.subList(1, rest.size()).stream().map(ScoreDrafts::split).toList();
        String homeProp = System.getProperty("entente.home");
        Path home = (homeProp == null ? Path.of("") : Path.of(homeProp)).toAbsolutePath();
        DatasetGraph background = store == null ? null : StoreLib.open(store);
        try {
            System.out.print(report(home, drafts, splits, background));
        } finally {
            if (background != null)
                StoreLib.close(background);
        }
    }

    /** The markdown report: one table per split, then the statements missed or proposed wrongly. */
    public static String report(Path home, Path drafts, List<Split> splits, DatasetGraph background) {
        IngestScorer scorer = IngestScorer.create().background(background).build();
        StringBuilder sb = new StringBuilder();
        List<ScoreReport> all = new ArrayList<>();
        for (Split split : splits) {
            List<Article> articles = CorpusLib.articles(home, split);
            ScoreReport r = scorer.scoreAll(split.folder(), articles, a -> CorpusLib.draft(drafts, a));
            all.add(r);
            sb.append("## ").append(split.folder()).append(" (").append(articles.size()).append(" articles)\n\n")
              .append(r.toMarkdown()).append('\n');
        }
        sb.append("## Unmatched statements\n\n");
        all.forEach(r -> sb.append(r.missesAsMarkdown()));
        return sb.toString();
    }

    private static Split split(String name) {
        for (Split s : Split.values())
            if (s.folder().equals(name))
                return s;
        throw new EntenteException("No split '" + name + "': dev, heldout or seed");
    }
}
