package org.entente.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.ingest.link.Mention;
import org.entente.ingest.link.Thing;
import org.entente.ingest.text.Token;

/**
 * The event nouns of one sentence ("the parade", "the Victory Day parade", "the event"), each found or
 * made as an article event with its host, place and time; the last one that names no meeting becomes the
 * event the article is about. The parties after a noun ("talks with Modi", "a summit between Trump and
 * Kim") take part in its event.
 */
final class EventNouns {
    private final SentenceGrammar g;
    private final List<Token> t;
    private final Proposals proposals;
    /** The event each noun names, by the noun's token, in order of the words. */
    final Map<Integer, ArticleEvent> byToken = new LinkedHashMap<>();

    private EventNouns(SentenceGrammar g, Proposals proposals) {
        this.g = g;
        this.t = g.t;
        this.proposals = proposals;
    }

    /** The event nouns of a sentence, read (proposing the events and the participations they name). */
    static EventNouns read(SentenceGrammar g, Proposals proposals) {
        EventNouns nouns = new EventNouns(g, proposals);
        proposals.salientBefore = proposals.salient;
        nouns.readNouns();
        return nouns;
    }

    /** Resolves each event noun to an article event; the last one that names no meeting becomes the salient one. */
    private void readNouns() {
        for (int k = 0; k < t.size(); k++) {
            Token x = t.get(k);
            String type = Cues.EVENT_NOUNS.get(x.lemma());
            if (type == null && Cues.EVENT_ANAPHORA.contains(x.lemma()) && proposals.salient != null && k > 0
                && t.subList(Math.max(0, k - 3), k).stream().anyMatch(y -> Set.of("the", "this", "that").contains(y.lower()))) {
                byToken.put(k, proposals.salient);
                continue;
            }
            if (Cues.EVENT_ANAPHORA.contains(x.lemma()) && proposals.salient != null && x.lemma().equals("attendance")) {
                byToken.put(k, proposals.salient);
                continue;
            }
            if (type == null || type.equals("War") || type.equals("Meeting") && !x.lemma().equals("talks") || !x.pos().startsWith("N"))
                continue;
            if (type.equals("StateVisit") && t.stream().noneMatch(y -> y.lemma().equals("state")) && !x.lemma().equals("visit"))
                continue;
            int b = k;
            while (b > 0 && t.get(b - 1).capitalized() && !t.get(b - 1).possessive() && g.agentAt(b - 1) == null)
                b--;
            String name = g.text(t.get(b).begin(), x.end());
            if (b == k)
                name = x.text().toLowerCase();
            Thing host = null;
            if (b >= 2 && t.get(b - 1).possessive()) {
                Mention h = g.agentEndingAt(b - 2);
                if (h != null)
                    host = h.thing();
            }
            Thing place = g.placeAfter(k);
            TimeExpr time = g.nearestTime(x.begin());
            ArticleEvent e = proposals.findOrCreate(type, name, time, place);
            if (host != null && e.host == null)
                e.host = host;
            if (place != null && e.place == null)
                e.place = place;
            if (g.sentenceText().toLowerCase().matches(".*(anniversary|commemorat|victory day|memorial).*") && type.equals("MilitaryParade"))
                e.types.add("Commemoration");
            e.quotes.add(new Quote(t.get(b).begin(), x.end()));
            byToken.put(k, e);
            nounParties(k, e);
            if (!type.equals("Meeting"))
                proposals.salient = e;
        }
    }

    /** "a summit between Trump and Kim", "talks with Modi": the parties take part, with the clause's tense and hedges. */
    private void nounParties(int k, ArticleEvent e) {
        if (k + 1 >= t.size() || !Set.of("between", "with").contains(t.get(k + 1).lower()))
            return;
        List<Mention> parties = new ArrayList<>(g.objects(k + 1));
        if (t.get(k + 1).lower().equals("with")) {
            List<Mention> subj = g.subject(k);
            if (!subj.isEmpty())
                parties.addAll(0, subj);
        }
        if (parties.isEmpty())
            return;
        int end = t.size() - 1;
        for (int j = k + 1; j < t.size(); j++)
            if (g.boundary(t.get(j))) {
                end = j;
                break;
            }
        Modality mod = g.modalities.clause(g.clauseStart(k), end);
        if (mod == null)
            return;
        Quote q = g.quote(Math.min(k, parties.get(0).firstToken()), Math.max(k, parties.get(parties.size() - 1).lastToken()));
        for (Mention m : parties)
            proposals.addParticipation(m, g.namedState(m), e, "attendee", mod, q, null);
    }

    Integer tokenOf(ArticleEvent e) {
        for (Map.Entry<Integer, ArticleEvent> n : byToken.entrySet())
            if (n.getValue() == e)
                return n.getKey();
        return null;
    }

    /** The first event noun within six words after k, in the same clause, or null. */
    Integer nounAfter(int k) {
        for (Integer at : byToken.keySet())
            if (at > k && at <= k + 6 && !g.crossesClause(k, at))
                return at;
        return null;
    }
}
