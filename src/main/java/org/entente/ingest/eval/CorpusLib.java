package org.entente.ingest.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.entente.sys.EntenteException;

/**
 * The gold corpus of article ingestion, in {@code bench/ingest/corpus}: for each split a folder of
 * articles, each as {@code {slug}.txt} (the text), {@code {slug}.meta.properties} (published, title,
 * publisher) and {@code {slug}.gold.trig} (the statements the text makes).
 * The seed split holds only a meta file, whose {@code text} and {@code gold} keys name the hand-made
 * files under {@code data/} (paths from the project root; {@code gold} may list several, comma-separated).
 * <pre>
 *   for (Article a : CorpusLib.articles(home, Split.DEV))
 *       report = report.plus("dev", scorer.score(a.slug(), draftOf(a.text(), a.meta()), a.gold()));
 * </pre>
 */
public final class CorpusLib {
    private CorpusLib() {}

    /** The corpus folder under the project root. */
    public static Path root(Path home) {
        return home.resolve("bench/ingest/corpus");
    }

    /** The articles of a split, by slug. */
    public static List<Article> articles(Path home, Split split) {
        Path dir = root(home).resolve(split.folder());
        if (!Files.isDirectory(dir))
            throw new EntenteException("No corpus folder " + dir);
        List<Path> metas;
        try (Stream<Path> files = Files.list(dir)) {
            metas = files.filter(f -> f.getFileName().toString().endsWith(META)).sorted().toList();
        } catch (IOException ex) {
            throw new EntenteException("Cannot list " + dir + ": " + ex.getMessage(), ex);
        }
        List<Article> out = new ArrayList<>();
        for (Path meta : metas)
            out.add(article(home, split, meta));
        return out;
    }

    /** Every article: the seed, then the development set, then the held-out set. */
    public static List<Article> all(Path home) {
        List<Article> out = new ArrayList<>();
        for (Split s : Split.values())
            out.addAll(articles(home, s));
        return out;
    }

    private static final String META = ".meta.properties";

    private static Article article(Path home, Split split, Path metaFile) {
        String name = metaFile.getFileName().toString();
        String slug = name.substring(0, name.length() - META.length());
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException ex) {
            throw new EntenteException(metaFile + ": " + ex.getMessage(), ex);
        }
        ArticleMeta meta = new ArticleMeta(date(metaFile, p), required(metaFile, p, "title"), required(metaFile, p, "publisher"));
        Path dir = metaFile.getParent();
        Path text = p.containsKey("text") ? home.resolve(p.getProperty("text").strip()) : dir.resolve(slug + ".txt");
        List<Path> gold = p.containsKey("gold")
            ? Stream.of(p.getProperty("gold").split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(home::resolve).toList()
            : List.of(dir.resolve(slug + ".gold.trig"));
        return new Article(slug, split, text, meta, gold);
    }

    private static LocalDate date(Path file, Properties p) {
        String v = required(file, p, "published");
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException ex) {
            throw new EntenteException(file + ": published: not a date YYYY-MM-DD: " + v, ex);
        }
    }

    private static String required(Path file, Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank())
            throw new EntenteException(file + ": missing " + key);
        return v.strip();
    }
}
