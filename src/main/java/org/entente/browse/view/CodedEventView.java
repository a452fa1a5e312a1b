package org.entente.browse.view;

import java.util.List;

/**
 * The section of a machine-coded (GDELT) event's page: what happened in CAMEO's words, who, where,
 * the scores and the article it was coded from.
 *
 * @param words     the section's words
 * @param kind      the CAMEO event code in words, with the code
 * @param root      its root code (two digits), in words
 * @param base      its base code (three digits), in words
 * @param quadClass the quad class (verbal or material, cooperation or conflict)
 * @param date      the day of the event
 * @param actors    the two sides, as coded
 * @param places    where the action happened, and where each side was placed
 * @param goldstein the Goldstein score
 * @param tone      the articles' average tone
 * @param coverage  mentions, sources and articles
 * @param source    the article, linked when its address is http(s)
 */
public record CodedEventView(CodedWords words, Link kind, Link root, Link base, Link quadClass, String date, List<Actor> actors,
                             List<Place> places, String goldstein, String tone, String coverage, Link source) {

    /** One side: its node (a state, or a coded actor), CAMEO code, country and type codes. */
    public record Actor(String role, Link who, String code, Link country, String types) {}

    /** A place: its name, FIPS country code and coordinates. */
    public record Place(String role, String name, String fips, String coordinates) {}
}
