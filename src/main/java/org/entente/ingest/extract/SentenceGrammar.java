package org.entente.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.ingest.link.Mention;
import org.entente.ingest.link.Thing;
import org.entente.ingest.text.Sentence;
import org.entente.ingest.text.Token;

/**
 * The grammar of one sentence as the cues need it: its agents in order and which of them are objects
 * (after a preposition, a verb or another cue), the subject and objects of a cue, clause bounds, the
 * speaker of a verb of saying, the passive, the words a statement rests on, and the nearest time and the
 * place after an event noun. Made once per sentence, after its agents and pronouns are read.
 */
final class SentenceGrammar {
    private final String text;
    final Sentence s;
    final List<Token> t;
    /** Every linked mention of the sentence, agents or not. */
    final List<Mention> mentions;
    /** The agents, in order of their words. */
    final List<Mention> agents;
    /** Which of {@link #agents} are objects, never subjects. */
    final boolean[] object;
    /** The time expressions of the sentence. */
    final List<TimeExpr> times;
    final ModalityReader modalities;
    /** The state named before a person ("Russia's Vladimir Putin"), by the person's first token. */
    private final Map<Integer, Thing> representing;

    SentenceGrammar(String text, Sentence s, List<Mention> mentions, List<Mention> agents, Map<Integer, Thing> representing,
                    List<TimeExpr> times) {
        this.text = text;
        this.s = s;
        this.t = s.tokens();
        this.mentions = mentions;
        this.agents = agents;
        this.representing = representing;
        this.times = times;
        this.modalities = new ModalityReader(t);
        this.object = new boolean[agents.size()];
        for (int a = 0; a < agents.size(); a++) {
            int f = agents.get(a).firstToken();
            int p = f - 1;
            while (p >= 0 && (t.get(p).lower().equals("the") || representing.containsKey(f) && p >= firstModifier(f)))
                p--;
            if (p >= 0 && (Cues.PREPOSITIONS.contains(t.get(p).lower()) || isCue(t.get(p))
                           || t.get(p).pos().startsWith("V") && (!Cues.SPEECH.contains(t.get(p).lemma()) || t.get(p).lemma().equals("tell"))))
                object[a] = true;
            if (p >= 0 && (t.get(p).lower().equals("and") || t.get(p).text().equals(",")) && a > 0 && object[a - 1]
                && agents.get(a - 1).lastToken() >= p - 2)
                object[a] = true;
        }
    }

    private static boolean isCue(Token x) {
        String l = x.lemma();
        return Cues.PARTICIPATE.contains(l) || Cues.VISIT.contains(l) || Cues.HOST.contains(l) || Cues.MEET.contains(l)
               || l.equals("meeting") || Cues.INVITE.contains(l) || Cues.STANCE.containsKey(l);
    }

    /** The state the sentence names before this person, or null. */
    Thing namedState(Mention person) {
        return representing.get(person.firstToken());
    }

    /** The article's text between two offsets. */
    String text(int begin, int end) {
        return text.substring(begin, end);
    }

    String sentenceText() {
        return text(s.begin(), s.end());
    }

    /** The first token of a state named just before the person starting at {@code personFirst} (its modifier), else that token. */
    int firstModifier(int personFirst) {
        for (Mention m : mentions)
            if (m.thing().kind().equals("state") && m.lastToken() < personFirst && m.lastToken() >= personFirst - 4)
                return m.firstToken();
        return personFirst;
    }

    /** The agent whose words include token k, or null. */
    Mention agentAt(int k) {
        return agentAt(agents, k);
    }

    /** The agent among {@code agents} whose words include token k, or null. */
    static Mention agentAt(List<Mention> agents, int k) {
        for (Mention m : agents)
            if (m.firstToken() <= k && m.lastToken() >= k)
                return m;
        return null;
    }

    /** The agent, or else any agent-like mention, whose last word is token k. */
    Mention agentEndingAt(int k) {
        for (Mention m : agents)
            if (m.lastToken() == k)
                return m;
        for (Mention m : mentions)
            if (m.lastToken() == k && m.thing().agent())
                return m;
        return null;
    }

    /** Whether a word ends a clause ("while", "which", "but", a semicolon, a dash). */
    boolean boundary(Token x) {
        return Set.of(";", ":", "while", "which", "but", "however", "whereas", "although", "though", "when").contains(x.lower())
               || x.text().equals("\u2014");
    }

    /** Whether a boundary or a comma stands between two tokens. */
    boolean crossesClause(int from, int to) {
        for (int j = from + 1; j < to; j++)
            if (boundary(t.get(j)) || t.get(j).text().equals(","))
                return true;
        return false;
    }

    /** The first token of the clause holding token k: after the last boundary or comma before it. */
    int clauseStart(int k) {
        for (int j = k - 1; j >= 0; j--)
            if (boundary(t.get(j)) || t.get(j).text().equals(","))
                return j + 1;
        return 0;
    }

    /** The subject of a cue at k: the nearest agent before it that is not an object, with those "and" joins to it. */
    List<Mention> subject(int k) {
        List<Mention> out = new ArrayList<>();
        // "Vietnam, which hosted the talks", "Moon Jae-in, who hosted Trump": the agent the relative clause hangs on
        if (k >= 3 && Set.of("which", "who").contains(t.get(k - 1).lower()) && t.get(k - 2).text().equals(",")) {
            Mention head = agentEndingAt(k - 3);
            if (head != null)
                return List.of(head);
        }
        for (int a = agents.size() - 1; a >= 0; a--) {
            Mention m = agents.get(a);
            if (m.lastToken() >= k || object[a])
                continue;
            out.add(0, m);
            if (m.via().equals("group")) {
                for (int g = a - 1; g >= 0 && agents.get(g).via().equals("group") && agents.get(g).firstToken() == m.firstToken(); g--)
                    out.add(0, agents.get(g));
                return out;
            }
            int b = a - 1;
            while (b >= 0 && !object[b] && coordinated(agents.get(b), m)) {
                out.add(0, agents.get(b));
                m = agents.get(b);
                b--;
            }
            return out;
        }
        // "By hosting Kim and Putin, Xi reinforces ...": the subject after the opening phrase.
        int comma = -1;
        for (int j = k + 1; j < t.size(); j++)
            if (t.get(j).text().equals(",")) {
                comma = j;
                break;
            }
        if (comma > 0 && k <= 2)
            for (Mention m : agents)
                if (m.firstToken() == comma + 1)
                    return List.of(m);
        return out;
    }

    /** "Joe Biden and Chinese President Xi Jinping": two agents joined by "and" (or a comma), titles and modifiers aside. */
    private boolean coordinated(Mention first, Mention second) {
        int j = first.lastToken() + 1;
        if (j >= second.firstToken() || !Set.of("and", ",").contains(t.get(j).lower()))
            return false;
        int start = representing.containsKey(second.firstToken()) ? firstModifier(second.firstToken()) : second.firstToken();
        for (int x = j + 1; x < start; x++)
            if (!t.get(x).capitalized() && !t.get(x).lower().equals("the"))
                return false;
        return start - j <= 4;
    }

    /** The agents after position k up to the end of the clause, joined by "and" or commas. */
    List<Mention> objects(int k) {
        List<Mention> out = new ArrayList<>();
        int last = k;
        for (Mention m : agents) {
            if (m.firstToken() <= k || m.via().equals("pronoun"))
                continue;
            // "Kim's father": a relative stands in for the owner, who is no object of the cue
            if (m.lastToken() + 2 < t.size() && t.get(m.lastToken() + 1).possessive()
                && Cues.KIN.contains(t.get(m.lastToken() + 2).lower()))
                continue;
            int before = m.firstToken() - 1;
            while (before > k && (t.get(before).lower().equals("the") || representing.containsKey(m.firstToken()) && before >= firstModifier(m.firstToken())))
                before--;
            if (before > k && Set.of("in", "at", "from", "into", "near", "inside", "outside").contains(t.get(before).lower()))
                continue;
            boolean stop = false;
            for (int j = last + 1; j < m.firstToken(); j++)
                if (boundary(t.get(j)) || (!out.isEmpty() && !Set.of("and", ",", "the").contains(t.get(j).lower())
                                           && !representing.containsKey(m.firstToken())) || t.get(j).text().equals(",") && out.isEmpty())
                    stop = true;
            if (stop && !(out.isEmpty() && !crossesClause(last, m.firstToken())))
                break;
            out.add(m);
            last = m.lastToken();
        }
        return out;
    }

    /** A verb of saying before the subject ("China's foreign ministry confirmed that ..."): who said it, or null. */
    Mention speaker(int subjectFirst) {
        for (int j = subjectFirst - 1; j >= 0; j--) {
            if (Cues.SPEECH.contains(t.get(j).lemma()) && t.get(j).pos().startsWith("V")) {
                for (int a = agents.size() - 1; a >= 0; a--)
                    if (agents.get(a).lastToken() < j)
                        return agents.get(a);
                return null;
            }
            if (boundary(t.get(j)))
                return null;
        }
        return null;
    }

    /** "was attended", "has been invited": a form of "be" shortly before a cue ending in -ed. */
    boolean passive(int k) {
        boolean be = false;
        for (int j = Math.max(0, k - 3); j < k; j++)
            if (t.get(j).lemma().equals("be") || t.get(j).lower().equals("been") || t.get(j).lower().equals("being"))
                be = true;
        return be && t.get(k).lower().endsWith("ed");
    }

    /** The token of "by" within two words after k, or -1. */
    int byAfter(int k) {
        for (int j = k + 1; j < Math.min(t.size(), k + 3); j++)
            if (t.get(j).lower().equals("by"))
                return j;
        return -1;
    }

    /** The words from one token to another, trimmed of a trailing comma. */
    Quote quote(int firstToken, int lastToken) {
        int a = Math.max(0, Math.min(firstToken, t.size() - 1));
        int b = Math.max(a, Math.min(lastToken, t.size() - 1));
        while (b > a && Set.of(",", ";").contains(t.get(b).text()))
            b--;
        return new Quote(t.get(a).begin(), t.get(b).end());
    }

    /** The time expression nearest to a place in the sentence, within twelve words' distance. */
    TimeExpr nearestTime(int at) {
        TimeExpr best = null;
        for (TimeExpr te : times) {
            int d = te.begin() >= at ? te.begin() - at : at - te.end();
            if (d < 80 && (best == null || d < (best.begin() >= at ? best.begin() - at : at - best.end())))
                best = te;
        }
        return best;
    }

    /** "the parade in Beijing": a place named right after the event noun. */
    Thing placeAfter(int k) {
        if (k + 2 >= t.size() || !Set.of("in", "at").contains(t.get(k + 1).lower()))
            return null;
        for (Mention m : mentions)
            if (m.firstToken() == k + 2 && m.thing().kind().equals("place"))
                return m.thing();
        return null;
    }
}
