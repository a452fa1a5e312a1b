package org.entente.ingest.text;

import java.util.List;

/** A sentence of the article: where it is (Java {@code String} offsets) and its words. */
public record Sentence(int index, int begin, int end, List<Token> tokens) {

    /** The sentence's words as the article writes them. */
    public String text(String article) {
        return article.substring(begin, end);
    }
}
