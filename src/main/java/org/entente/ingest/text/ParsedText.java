package org.entente.ingest.text;

import java.util.List;

/** An article split into sentences and words. */
public record ParsedText(String text, List<Sentence> sentences) {}
