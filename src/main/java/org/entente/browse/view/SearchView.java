package org.entente.browse.view;

import java.util.List;

/**
 * The search page.
 *
 * @param frame   the head and foot (its {@code query} is what was searched for)
 * @param heading the page's heading ("Search: kim")
 * @param nothing what to say when nothing matches
 * @param results the matches, best first
 */
public record SearchView(Frame frame, String heading, String nothing, List<SearchResult> results) {

    /** Whether anything matched. */
    public boolean hasResults() {
        return !results.isEmpty();
    }
}
