package org.entente.ingest;

import java.time.LocalDate;
import java.util.concurrent.CancellationException;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.ingest.draft.DraftWriter;
import org.entente.ingest.draft.ReviewPage;
import org.entente.ingest.extract.Extraction;
import org.entente.ingest.extract.Extractor;
import org.entente.ingest.link.Gazetteer;
import org.entente.ingest.link.Linker;
import org.entente.ingest.text.Nlp;
import org.entente.ingest.text.ParsedText;
import org.entente.sys.EntenteSys;

/**
 * From a news report's text to a draft for review: sentences and words (OpenNLP), mentions linked to
 * the store ({@link Linker}), proposals from cue words ({@link Extractor}), the draft TriG
 * ({@link DraftWriter}) and its review page ({@link ReviewPage}). Writes nothing anywhere.
 * <pre>
 *   Ingester in = Ingester.create().gazetteer(Gazetteer.of(dsg)).published(LocalDate.of(2025, 8, 28)).build();
 *   Draft d = in.ingest("2025-08-victory-day-parade", text, null);
 * </pre>
 */
public final class Ingester {
    private final Gazetteer gazetteer;
    private final LocalDate published;
    private final String title, url, publisher;

    private Ingester(Builder b) {
        this.gazetteer = b.gazetteer;
        this.published = b.published;
        this.title = b.title;
        this.url = b.url;
        this.publisher = b.publisher;
    }

    public static Builder create() {
        return new Builder();
    }

    /** The draft of one article, with {@code slug} naming its source; {@code localCopy} is the file it came from, if any. */
    public Draft ingest(String slug, String text, String localCopy) {
        return ingest(slug, slug, text, localCopy);
    }

    /** The draft of one article whose source is named {@code slug} and whose draft is written to {@code file}.trig. */
    public Draft ingest(String slug, String file, String text, String localCopy) {
        LocalDate day = published != null ? published : LocalDate.now();
        ParsedText parsed = Nlp.get().parse(text);
        stopIfCancelled();
        var mentions = new Linker(gazetteer, day).link(parsed);
        stopIfCancelled();
        Extraction x = new Extractor(gazetteer, day).extract(parsed, mentions);
        stopIfCancelled();
        String source = EntenteSys.ID_BASE + "source/" + slug;
        DatasetGraph quads = DraftWriter.write(source, x, new DraftWriter.Meta(title, url, publisher, published, localCopy));
        String html = ReviewPage.html(source, slug, file, x);
        return new Draft(slug, source, quads, html, x);
    }

    /** Stops the pipeline between its steps when the thread running it was interrupted (a request past its time limit). */
    private static void stopIfCancelled() {
        if (Thread.currentThread().isInterrupted())
            throw new CancellationException("Ingestion cancelled");
    }

    /** Settings of an {@link Ingester}. */
    public static final class Builder {
        private Gazetteer gazetteer;
        private LocalDate published;
        private String title, url, publisher;

        public Builder gazetteer(Gazetteer g) { this.gazetteer = g; return this; }
        public Builder published(LocalDate d) { this.published = d; return this; }
        public Builder title(String t) { this.title = t; return this; }
        public Builder url(String u) { this.url = u; return this; }
        public Builder publisher(String p) { this.publisher = p; return this; }

        public Ingester build() {
            if (gazetteer == null)
                throw new IllegalStateException("An ingester needs a gazetteer");
            return new Ingester(this);
        }
    }
}
