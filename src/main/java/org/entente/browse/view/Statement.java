package org.entente.browse.view;

import java.util.List;

/**
 * An n-ary statement read as a sentence, with where it comes from and how sure its source is.
 *
 * @param kind        the statement's class ({@code Participation})
 * @param parts       the sentence
 * @param href        the statement's own page; empty when it has none
 * @param source      the source (named graph) that makes it; null when unknown
 * @param certainty   how sure the source is; empty when it does not say
 * @param attribution whom the source attributes it to ("per Ministry of ..."); empty when no one
 * @param quotes      the source's words
 */
public record Statement(String kind, List<Part> parts, String href, Link source, String certainty, List<Part> attribution,
                        List<String> quotes) {

    /** Whether the source attributes the statement to someone. */
    public boolean attributed() {
        return !attribution.isEmpty();
    }
}
