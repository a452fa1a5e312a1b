package org.entente.ingest.extract;

/** Words of the article a statement rests on, by Java {@code String} offsets (begin inclusive, end exclusive). */
public record Quote(int begin, int end) {}
