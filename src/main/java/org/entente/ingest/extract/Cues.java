package org.entente.ingest.extract;

import java.util.Map;
import java.util.Set;

/**
 * The cue words of diplomatic reporting, by lemma: the verbs that make a participation, a stance or a
 * tie, the nouns that name events and ties, the words that say how sure the text is, and the verbs of
 * saying that attribute what follows to someone.
 */
final class Cues {
    private Cues() {}

    /** Verbs of taking part in an event. */
    static final Set<String> PARTICIPATE = Set.of("attend", "participate", "join");
    static final Set<String> VISIT = Set.of("visit", "tour");
    static final Set<String> HOST = Set.of("host");
    static final Set<String> MEET = Set.of("meet", "talk");
    static final Set<String> INVITE = Set.of("invite");
    static final Set<String> DECLINE = Set.of("decline", "boycott", "skip", "snub");

    /** Verbs of a stance, and its type (a concept of the stance-type scheme). */
    static final Map<String, String> STANCE = Map.ofEntries(
        Map.entry("criticize", "criticism"), Map.entry("criticise", "criticism"), Map.entry("condemn", "criticism"),
        Map.entry("denounce", "criticism"), Map.entry("slam", "criticism"), Map.entry("rebuke", "criticism"),
        Map.entry("discourage", "discouragement"), Map.entry("praise", "praise"), Map.entry("hail", "praise"),
        Map.entry("commend", "praise"), Map.entry("welcome", "praise"), Map.entry("monitor", "close-monitoring"),
        Map.entry("urge", "urging"), Map.entry("warn", "warning"), Map.entry("accuse", "criticism"), Map.entry("thank", "praise"),
        Map.entry("back", "support"), Map.entry("support", "support"));

    /** Nouns of ties, and the tie type. */
    static final Map<String, String> TIE = Map.ofEntries(
        Map.entry("friendship", "traditional-friendship"), Map.entry("closeness", "closeness"),
        Map.entry("cooperation", "cooperation"), Map.entry("collaboration", "cooperation"), Map.entry("partnership", "cooperation"),
        Map.entry("alliance", "alliance"), Map.entry("tension", "tension"), Map.entry("rift", "tension"),
        Map.entry("relations", "diplomatic-relations"), Map.entry("partner", "cooperation"),
        Map.entry("relationship", "closeness-if-warm"));

    /** Event nouns and the class each names. */
    static final Map<String, String> EVENT_NOUNS = Map.ofEntries(
        Map.entry("parade", "MilitaryParade"), Map.entry("summit", "Summit"), Map.entry("talks", "Meeting"),
        Map.entry("negotiation", "Negotiation"), Map.entry("visit", "StateVisit"), Map.entry("trip", "StateVisit"),
        Map.entry("meeting", "Meeting"), Map.entry("commemoration", "Commemoration"), Map.entry("ceremony", "Commemoration"),
        Map.entry("war", "War"));

    /** Words that refer back to the event the article is about. */
    static final Set<String> EVENT_ANAPHORA = Set.of("event", "celebration", "festivity", "occasion", "attendance", "participation", "outcome");

    /** Verbs of saying that attribute what follows. */
    static final Set<String> SPEECH = Set.of("confirm", "say", "announce", "state", "tell", "report", "declare", "add", "note", "claim");

    /** "the two countries": plural nouns that refer back to the two states named last. */
    static final Set<String> STATE_GROUPS = Set.of("countries", "nations", "neighbours", "neighbors", "states", "koreas");
    /** "the two leaders": plural nouns that refer back to the two persons named last. */
    static final Set<String> PERSON_GROUPS = Set.of("leaders", "men", "presidents");
    /** "Kim's father": relatives, whose owner is no object of the cue. */
    static final Set<String> KIN = Set.of("father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "uncle", "grandfather");
    /** Verbs that turn relations into tension ("relations were damaged"). */
    static final Set<String> HARM = Set.of("damage", "strain", "sour", "worsen", "deteriorate");
    /** Words that make a relationship closeness ("described his relationship with Kim as warm"). */
    static final Set<String> WARM = Set.of("warm", "close", "excellent", "good");
    /** Document nouns: a tie noun naming one ("partnership treaty") states no tie. */
    static final Set<String> DOCUMENTS = Set.of("treaty", "agreement", "pact", "accord", "charter");

    /** Nouns that make naming someone a criticism ("called X a dictator"). */
    static final Set<String> INSULTS = Set.of("dictator", "tyrant", "thug", "murderer", "liar", "criminal", "butcher", "despot");

    /** Prepositions after which an agent is an object, not a subject. */
    static final Set<String> PREPOSITIONS = Set.of("with", "by", "to", "for", "of", "in", "on", "about", "over", "alongside", "against",
                                                   "toward", "towards", "from", "at", "between", "among", "than",
                                                   "into", "onto", "across", "inside");

    /** Status precedence when two sentences speak of the same participation: the stronger wins. */
    static final java.util.List<String> STATUS_ORDER = java.util.List.of(
        "confirmed", "attended", "declined", "not-expected", "invited", "announced", "expected", "possible", "discouraged");
}
