package org.entente.ingest.eval;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;

/**
 * What the scorer knows of an event when it compares statements: its IRI, its types below
 * {@code ent:Event} and the years its dates or time description give.
 * <p>
 * Two signatures match when they name the same IRI, or when they share a type and their years
 * agree wherever both give one. A draft that mints its own IRI for the Singapore summit still
 * matches the gold's, as long as both call it an {@code ent:Summit} of 2018.
 */
public record EventSignature(Node event, Set<Node> types, Set<Integer> years) {

    /** A four-digit year from 1800 to 2099, alone or at the start of a date. */
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])");

    public EventSignature {
        types = Set.copyOf(types);
        years = Set.copyOf(years);
    }

    /** Whether this signature and another stand for the same event, by the scoring contract. */
    public boolean matches(EventSignature other) {
        if (event != null && event.equals(other.event))
            return true;
        if (types.stream().noneMatch(other.types::contains))
            return false;
        return years.isEmpty() || other.years.isEmpty() || years.stream().anyMatch(other.years::contains);
    }

    /** Whether both name the same IRI: the strongest match, preferred when there is a choice. */
    public boolean sameIri(EventSignature other) {
        return event != null && event.equals(other.event);
    }

    /** The year at the start of a date literal, or the first year a time description mentions; null if none. */
    static Integer yearOf(Node when) {
        if (when == null || !when.isLiteral())
            return null;
        Matcher m = YEAR.matcher(when.getLiteralLexicalForm());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(NodeText.of(event));
        sb.append(" [");
        sb.append(String.join(" ", types.stream().map(NodeText::of).sorted().toList()));
        if (!years.isEmpty())
            sb.append(" ").append(years.stream().sorted().map(String::valueOf).toList());
        return sb.append("]").toString();
    }
}
