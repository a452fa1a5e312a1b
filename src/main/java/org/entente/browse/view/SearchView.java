package org.entente.browse.view;

import java.util.List;

/**
 * The search page.
 *
 * @param frame   the head and foot (its {@code query} is what was searched for)
 * @param heading the page's heading ("Search: kim")
 * @param nothing what to say when nothing matches
 * @param results the matches, best first
 * @param behind  a note that the index has not yet caught up with the latest write, or "" when it has
 */
public record SearchView(Frame frame, String heading, String nothing, List<SearchResult> results, String behind) {

    /** Whether the index is behind the store, so the page says so. */
    public boolean hasBehind() {
        return !behind.isEmpty();
    }

    /** Whether anything matched. */
    public boolean hasResults() {
        return !results.isEmpty();
    }
}
