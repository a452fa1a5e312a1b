package org.entente.ingest.eval;

import java.time.LocalDate;

/** What {@code {slug}.meta.properties} says of an article: when it was published, its title and publisher. */
public record ArticleMeta(LocalDate published, String title, String publisher) {}
