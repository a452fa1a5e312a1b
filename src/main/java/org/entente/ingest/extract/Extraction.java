package org.entente.ingest.extract;

import java.util.List;

import org.entente.ingest.link.Mention;
import org.entente.ingest.text.ParsedText;

/** What the extractor proposes for one article, with the parsed text and the mentions it rests on. */
public record Extraction(ParsedText text, List<List<Mention>> mentions, List<ArticleEvent> events,
                         List<ParticipationDraft> participations, List<StanceDraft> stances, List<TieDraft> ties) {}
