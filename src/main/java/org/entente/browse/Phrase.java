package org.entente.browse;

/**
 * The patterns of {@code browse/messages_*.properties} that take values: {@code {0}}, {@code {1}}, ...
 * stand for what is filled in, in the order the language needs ("{0} — {1} — from {2}" in English,
 * "{0} — {1} — {2}부터" in Korean).
 */
enum Phrase {
    LIST_SEPARATOR("list.separator", 0),
    PER("phrase.per", 1),
    PAGER("page.pager", 3),
    INCOMING("page.incoming", 1),
    NEIGHBOURHOOD("page.neighbourhoodLabel", 1),
    TOOK_OFFICE("timeline.tookOffice", 0),
    LEFT_OFFICE("timeline.leftOffice", 0),
    TIE("timeline.tie", 0),
    SEARCH_TITLE("search.title", 0),
    SEARCH_HEADING("search.heading", 1),
    NOTHING_FOUND("search.nothing", 0),
    NOTHING_FOUND_FOR("search.nothingFor", 1),
    SEARCH_BEHIND("search.behind", 0),
    STATES_SUMMARY("states.summary", 2),
    DYAD_SUMMARY("dyad.summary", 3),
    PARTICIPATION("sentence.participation", 3),
    PARTICIPATION_FOR("sentence.participation.for", 1),
    PARTICIPATION_STATUS("sentence.participation.status", 1),
    TENURE("sentence.tenure", 3),
    MEMBERSHIP("sentence.membership", 3),
    MEMBERSHIP_FROM("sentence.membership.from", 1),
    MEMBERSHIP_TO("sentence.membership.to", 1),
    TENURE_TO("sentence.tenure.to", 1),
    TENURE_CURRENT("sentence.tenure.current", 0),
    TIE_PARTIES("sentence.tie", 2),
    TIE_AND("sentence.tie.and", 0),
    TIE_TOPIC("sentence.tie.topic", 1),
    TIE_CONCERNS("sentence.tie.concerns", 1),
    TIE_SINCE("sentence.tie.since", 1),
    STANCE("sentence.stance", 3),
    STANCE_REASON("sentence.stance.reason", 1),
    ASSESSMENT("sentence.assessment", 2),
    ERROR_BAD_REQUEST("error.badRequest", 0),
    ERROR_NOT_FOUND("error.notFound", 0),
    ERROR_SERVER("error.serverError", 0),
    NO_SUCH_PAGE("error.noSuchPage", 0),
    PAGE_FAILED("error.pageFailed", 0),
    UNKNOWN_FORMAT("error.unknownFormat", 0),
    BAD_PAGE_NUMBER("error.badPageNumber", 1),
    PAGE_PAST_END("error.pagePastEnd", 1),
    PLAIN_SEGMENTS("error.plainSegments", 0),
    UNKNOWN_RESOURCE("error.unknownResource", 1);

    private final String key;
    private final int arity;

    Phrase(String key, int arity) {
        this.key = key;
        this.arity = arity;
    }

    /** The key in the message bundles. */
    String key() {
        return key;
    }

    /** How many values the pattern takes: {@code {0}} to {@code {arity-1}}, each exactly once. */
    int arity() {
        return arity;
    }
}
