package org.entente.browse.view;

/**
 * One piece of a sentence: words, or a linked thing.
 *
 * @param text words; empty for a link
 * @param link the thing; null for words
 */
public record Part(String text, Link link) {

    /** Words. */
    public static Part text(String text) {
        return new Part(text, null);
    }

    /** A linked thing. */
    public static Part link(Link link) {
        return new Part("", link);
    }
}
