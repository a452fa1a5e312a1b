package org.entente.ingest.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.entente.ingest.text.Token;

/**
 * How sure a sentence is of what a cue states, read from the words between the subject and the cue
 * (or across a clause with no cue verb): negation, hedges, plans, expectations, confirmation and the
 * past tense, as a status and a certainty of the participation scheme.
 */
final class ModalityReader {
    private final List<Token> t;

    ModalityReader(List<Token> tokens) {
        this.t = tokens;
    }

    /** Status from a clause with no cue verb: its hedges, its future, or its past tense; null when it says nothing. */
    Modality clause(int from, int to) {
        boolean past = false, future = false, hedge = false, not = false;
        for (int j = Math.max(0, from); j <= Math.min(to, t.size() - 1); j++) {
            String w = t.get(j).lower();
            if (Set.of("could", "may", "might", "possible", "possibly", "proposed", "sought").contains(w)) hedge = true;
            if (Set.of("will", "planned", "set", "scheduled", "due").contains(w)) future = true;
            if (Set.of("not", "no", "never").contains(w)) not = true;
            if ((t.get(j).pos().startsWith("V") || t.get(j).pos().equals("AUX")) && (w.endsWith("ed") || Set.of("broke", "met", "held", "began", "ended", "took", "was", "were").contains(w)))
                past = true;
        }
        if (hedge)
            return new Modality("possible", "possible");
        if (future)
            return new Modality("announced", "stated");
        if (not)
            return null;
        return past ? new Modality("attended", "stated") : null;
    }

    /** The status and certainty of a cue at {@code cue}, from the words starting at {@code from}; {@code defaultStatus} when they say nothing. */
    Modality of(int from, int cue, String defaultStatus) {
        Set<String> w = new LinkedHashSet<>();
        for (int j = Math.max(0, from); j <= Math.min(cue + 1, t.size() - 1); j++)
            w.add(t.get(j).lower());
        String certainty = w.contains("reportedly") || w.contains("reported") ? "reported" : "stated";
        boolean not = w.contains("not") || w.contains("n't") || w.contains("never");
        if (not && (w.contains("did") || w.contains("does")) && Cues.PARTICIPATE.contains(t.get(cue).lemma()))
            return new Modality("declined", certainty);
        if (not && (w.contains("expected") || w.contains("likely")))
            return new Modality("not-expected", "expected");
        if (not)
            return new Modality("not-expected", certainty.equals("reported") ? certainty : "expected");
        if (w.contains("declined") || w.contains("decline") || w.contains("declines") || w.contains("refused"))
            return new Modality("declined", certainty);
        if (w.contains("could") || w.contains("may") || w.contains("might") || w.contains("possible") || w.contains("potential")
            || w.contains("considering") || w.contains("considers"))
            return new Modality("possible", "possible");
        if (defaultStatus.equals("invited"))
            return new Modality("invited", certainty);
        if (w.contains("confirmed"))
            return new Modality("confirmed", "officially-confirmed");
        if (w.contains("expected") || w.contains("likely") || beDue(from, cue))
            return new Modality("expected", "expected");
        if (w.contains("will") || w.contains("set") || w.contains("plans") || w.contains("plan") || w.contains("scheduled")
            || w.contains("due") || w.contains("to") && cue > 0 && t.get(cue - 1).lower().equals("to"))
            return new Modality("announced", certainty);
        Token c = t.get(cue);
        if (c.lower().endsWith("ing") && cue > 0 && Set.of("was", "were").contains(t.get(cue - 1).lower()))
            return new Modality("attended", certainty);
        if (c.lower().endsWith("ed") || Set.of("met", "held", "went", "took").contains(c.lower()))
            return new Modality("attended", certainty);
        return new Modality(defaultStatus, certainty);
    }

    /** "is due to meet": expected (a bare "due to tensions" is a cause, not a plan). */
    private boolean beDue(int from, int cue) {
        for (int j = Math.max(1, from); j < Math.min(cue, t.size() - 1); j++)
            if (t.get(j).lower().equals("due") && t.get(j - 1).lemma().equals("be") && t.get(j + 1).lower().equals("to"))
                return true;
        return false;
    }
}
