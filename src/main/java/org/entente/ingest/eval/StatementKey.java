package org.entente.ingest.eval;

import java.util.Objects;
import java.util.Set;

import org.apache.jena.graph.Node;

/**
 * What a statement must get right to count as found, by the scoring contract:
 * <ul>
 * <li>participation: participant, status and the event's signature;</li>
 * <li>stance: who takes it, its type, and what it is toward (the same IRI, or, when both targets
 *     are events, matching event signatures);</li>
 * <li>tie: the parties as an unordered set, and the tie's type.</li>
 * </ul>
 * Role, certainty, attribution and quotes are not part of the key; the scorer reports them apart.
 */
public record StatementKey(Kind kind, Node actor, Node type, Node target, EventSignature event, Set<Node> parties) {

    public StatementKey {
        Objects.requireNonNull(kind, "kind");
        parties = parties == null ? Set.of() : Set.copyOf(parties);
    }

    /** A participation's key: who, with which status, in which event. */
    public static StatementKey participation(Node participant, Node status, EventSignature event) {
        return new StatementKey(Kind.PARTICIPATION, participant, status, null, event, Set.of());
    }

    /** A stance toward an actor or anything else that is no event. */
    public static StatementKey stance(Node from, Node stanceType, Node toward) {
        return new StatementKey(Kind.STANCE, from, stanceType, toward, null, Set.of());
    }

    /** A stance toward an event, compared by the event's IRI or else by its signature. */
    public static StatementKey stanceTowardEvent(Node from, Node stanceType, EventSignature toward) {
        return new StatementKey(Kind.STANCE, from, stanceType, toward.event(), toward, Set.of());
    }

    /** A tie between parties (order does not matter) of a type. */
    public static StatementKey tie(Set<Node> parties, Node tieType) {
        return new StatementKey(Kind.TIE, null, tieType, null, null, parties);
    }

    /** Whether a draft statement with this key finds a gold statement with the other. */
    public boolean matches(StatementKey other) {
        if (kind != other.kind || !Objects.equals(type, other.type) || !Objects.equals(actor, other.actor))
            return false;
        if (!parties.equals(other.parties))
            return false;
        return switch (kind) {
            case TIE -> true;
            // The same target IRI, typed as an event on one side only (a draft that links to the
            // store's event without restating its types), still matches.
            case STANCE -> Objects.equals(target, other.target)
                           || (event != null && other.event != null && event.matches(other.event));
            case PARTICIPATION -> event == null || other.event == null
                                  ? event == null && other.event == null
                                  : event.matches(other.event);
        };
    }

    /** Whether the match is exact: the same event IRI where the key has an event. Exact pairs are matched first. */
    public boolean matchesExactly(StatementKey other) {
        if (!matches(other))
            return false;
        return kind == Kind.STANCE ? Objects.equals(target, other.target) : event == null || event.sameIri(other.event);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PARTICIPATION -> NodeText.of(actor) + " " + NodeText.of(type) + " in " + event;
            case STANCE -> NodeText.of(actor) + " " + NodeText.of(type) + " toward "
                           + (event != null ? event.toString() : NodeText.of(target));
            case TIE -> NodeText.of(type) + " between " + String.join(", ", parties.stream().map(NodeText::of).sorted().toList());
        };
    }
}
