package org.entente.browse.view;

import java.util.List;

/**
 * The page of a pair of territories: how their relations move over time in machine-coded news
 * events (GDELT), the kinds of event, the most reported ones, and what else the graph says of the pair.
 *
 * @param frame     the head and foot
 * @param words     the page's words
 * @param a         one territory
 * @param b         the other
 * @param summary   "1,234 events from 2025-01 to 2025-03" or the words for none
 * @param chart     the picture by month (null when there are no events)
 * @param months    the same figures as a table
 * @param kinds     the most frequent kinds of event (CAMEO root codes) with their counts
 * @param reported  the most reported events, with their sources
 * @param related   the ties and stances between the two, linked
 */
public record DyadView(Frame frame, DyadWords words, Link a, Link b, String summary, Chart chart, List<Month> months,
                       List<Kind> kinds, List<Reported> reported, List<Link> related) {

    public boolean hasEvents() {
        return chart != null;
    }

    public boolean hasRelated() {
        return !related.isEmpty();
    }

    /** A month's figures: events and the sum of their Goldstein scores (cooperation above zero, conflict below). */
    public record Month(String month, long events, String goldstein) {}

    /** A kind of event and how many of the pair's events are of it. */
    public record Kind(Link kind, long events) {}

    /** One much reported event: when, what, how many mentions, the article it was coded from. */
    public record Reported(String date, Link event, String what, long mentions, String url) {
        public boolean hasUrl() {
            return !url.isEmpty();
        }
    }

    /**
     * An SVG picture laid out by the server: one column a month, event counts as bars above the axis,
     * the Goldstein sum as a bar above (cooperation) or below (conflict) a second axis.
     */
    public record Chart(int width, int height, int countAxis, int goldAxis, List<Bar> counts, List<Bar> golds, List<Tick> ticks) {}

    /** A bar: where, how big, its tooltip, and whether it stands for conflict. */
    public record Bar(int x, int y, int width, int height, String title, boolean conflict) {}

    /** A month's label under the chart. */
    public record Tick(int x, int y, String label) {}
}
