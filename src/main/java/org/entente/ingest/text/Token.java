package org.entente.ingest.text;

/** A word of the article: its text, its place in the article (Java {@code String} offsets), part of speech and lemma. */
public record Token(String text, int begin, int end, String pos, String lemma) {

    /** Whether the word starts with a capital letter. */
    public boolean capitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    /** The word in lower case. */
    public String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this is the possessive {@code 's} (straight or curly apostrophe). */
    public boolean possessive() {
        return text.equals("'s") || text.equals("\u2019s") || text.equals("'") || text.equals("\u2019");
    }
}
