package org.entente.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.entente.ingest.link.Mention;
import org.entente.ingest.link.Thing;
import org.entente.ingest.text.Token;

/**
 * The cues of one sentence that tell of relations between agents: stances ("criticised", "praised",
 * "called X a dictator", "seeks a deal with"), ties ("friendship", "relations broke down", "the two
 * countries' cooperation") and agreements to cooperate ("agreed to restore contacts"). Each proposes
 * through {@link Proposals}; ties are between states, a person standing for the state they represent.
 */
final class RelationCues {
    private final SentenceGrammar g;
    private final List<Token> t;
    private final EventNouns nouns;
    private final Proposals proposals;
    private final ReferenceMemory memory;

    RelationCues(SentenceGrammar g, EventNouns nouns, Proposals proposals, ReferenceMemory memory) {
        this.g = g;
        this.t = g.t;
        this.nouns = nouns;
        this.proposals = proposals;
        this.memory = memory;
    }

    /** "X criticised Y", "X praised the parade": a stance of the cue's subject toward the agent or event after it. */
    void stance(int k, String type) {
        List<Mention> subj = g.subject(k);
        if (subj.isEmpty())
            return;
        int after = k;
        if (type.equals("pursuit-of-deal"))
            for (int j = k + 1; j < Math.min(t.size(), k + 5); j++)
                if (t.get(j).lower().equals("with"))
                    after = j;
        Thing toward = null;
        ArticleEvent towardEvent = null;
        int end = k;
        Integer at = nouns.nounAfter(k);
        if (at != null) {
            towardEvent = nouns.byToken.get(at);
            end = at;
        }
        if (towardEvent == null) {
            List<Mention> obj = g.objects(after);
            if (!obj.isEmpty()) {
                toward = obj.get(0).thing();
                end = obj.get(0).lastToken();
            }
        }
        if (toward == null && towardEvent == null)
            return;
        Modality mod = g.modalities.of(subj.get(0).firstToken(), k, "announced");
        String certainty = mod.certainty().equals("reported") ? "reported" : mod.status().equals("possible") ? "possible"
            : mod.status().equals("announced") && t.subList(subj.get(0).lastToken(), k).stream().anyMatch(y -> y.lower().equals("will")) ? "expected"
            : "stated";
        Mention said = g.speaker(subj.get(0).firstToken());
        for (Mention m : subj)
            proposals.addStance(m, toward, towardEvent, type, certainty, said, g.quote(subj.get(0).firstToken(), Math.max(end, k)));
    }

    /** "called Xi a dictator", "regarded Xi as a dictator": criticism. */
    void insult(int k) {
        if (insultAfter(k))
            stance(k, "criticism");
    }

    /** Whether an insulting noun stands right after the named object of the cue at k. */
    private boolean insultAfter(int k) {
        List<Mention> obj = g.objects(k);
        if (obj.isEmpty() || obj.get(0).firstToken() > k + 3)
            return false;
        for (int j = obj.get(0).lastToken() + 1; j < Math.min(t.size(), obj.get(0).lastToken() + 5); j++)
            if (Cues.INSULTS.contains(t.get(j).lemma()))
                return true;
        return false;
    }

    /** A tie noun at k ("friendship", "relations", "partner"): a tie of this type (or one the words around make of it) between two agents. */
    void tie(int k, String type) {
        List<Mention> parties = new ArrayList<>();
        String tieType = type;
        // "a strategic partnership treaty": the name of a document, whose contents are no statement
        if (k + 1 < t.size() && Cues.DOCUMENTS.contains(t.get(k + 1).lemma()))
            return;
        if (type.equals("traditional-friendship") && (k == 0 || !t.get(k - 1).lower().equals("traditional")))
            tieType = "closeness";
        if (type.equals("diplomatic-relations")) {
            boolean broke = false;
            for (int j = k + 1; j < Math.min(t.size(), k + 4); j++)
                if (Set.of("break", "broke", "sever", "cut", "collapse", "collapsed").contains(t.get(j).lemma()))
                    broke = true;
            if (broke)
                tieType = "breakdown";
        }
        if (Set.of("relationship", "relations").contains(t.get(k).lemma()) || tieType.equals("diplomatic-relations")) {
            for (int j = Math.max(0, k - 4); j < Math.min(t.size(), k + 9); j++)
                if (Cues.HARM.contains(t.get(j).lemma()))
                    tieType = "tension";
        }
        if (tieType.equals("closeness-if-warm")) {
            tieType = t.subList(k, Math.min(t.size(), k + 7)).stream().anyMatch(y -> Cues.WARM.contains(y.lower()))
                ? "closeness" : null;
            if (tieType == null)
                return;
        }
        if (type.equals("cooperation") && t.get(k).lemma().equals("partner")
            && t.subList(Math.max(0, k - 12), k).stream().anyMatch(y -> y.lemma().equals("enemy")))
            tieType = "closeness";
        if (tieType.equals("diplomatic-relations") && !breakdownOrEstablished(k))
            return;
        parties.addAll(twoStates(k));
        if (parties.isEmpty()) {
            List<Mention> subj = g.subject(k);
            if (subj.size() >= 2 && !g.crossesClause(subj.get(subj.size() - 1).lastToken(), k))
                parties.addAll(subj);
        }
        if (parties.isEmpty() && tieType.equals("closeness") && t.get(k).lemma().equals("partner"))
            for (Mention m : g.agents)
                if (m.lastToken() < k && !has(parties, m))
                    parties.add(m);
        // "Pyongyang's continued closeness", "North Korea's ... friendship"
        for (int j = k - 1; j >= Math.max(0, k - 5) && parties.size() < 2; j--)
            if (t.get(j).possessive() && j > 0) {
                Mention p = g.agentEndingAt(j - 1);
                if (p != null)
                    parties.add(p);
                break;
            }
        // "with China", "between X and Y"
        for (int j = k + 1; j < Math.min(t.size(), k + 3) && parties.size() < 2; j++)
            if (Set.of("with", "between").contains(t.get(j).lower())) {
                for (Mention m : g.objects(j))
                    if (parties.stream().noneMatch(p -> p.thing().iri().equals(m.thing().iri())))
                        parties.add(m);
                break;
            }
        if (parties.size() < 2) {
            // The sentence's subject, then the agent nearest the cue.
            for (int a = 0; a < g.agents.size() && parties.size() < 2; a++)
                if (!g.object[a] && !has(parties, g.agents.get(a)))
                    parties.add(0, g.agents.get(a));
            Mention nearest = null;
            for (Mention m : g.agents)
                if (!has(parties, m) && (nearest == null || Math.abs(m.firstToken() - k) < Math.abs(nearest.firstToken() - k)))
                    nearest = m;
            if (parties.size() < 2 && nearest != null)
                parties.add(nearest);
        }
        if (tieType.equals("breakdown") || tieType.equals("diplomatic-relations"))
            parties = parties.stream().map(m -> proposals.asState(m, g.namedState(m))).filter(Objects::nonNull).toList();
        List<Thing> things = new ArrayList<>();
        for (Mention m : parties)
            if (things.stream().noneMatch(x -> x.iri().equals(m.thing().iri())))
                things.add(m.thing());
        if (things.size() < 2)
            return;
        things = things.subList(0, 2);
        int qb = Math.min(k, parties.stream().mapToInt(Mention::firstToken).min().orElse(k));
        int qe = Math.max(k, parties.stream().mapToInt(Mention::lastToken).max().orElse(k));
        if (qe - qb > 25)
            qb = Math.max(qb, k - 12);
        Modality mod = g.modalities.of(Math.max(qb, k - 3), k, "announced");
        String certainty = mod.certainty().equals("reported") ? "reported" : mod.status().equals("possible") ? "possible" : "stated";
        TimeExpr since = null;
        for (TimeExpr te : g.times)
            if (te.begin() > t.get(k).begin() && te.year() != null)
                since = te;
        Quote q = g.quote(qb, Math.max(qe, k + 1 < t.size() && t.get(k + 1).lower().equals("broke") ? Math.min(t.size() - 1, k + 2) : qe));
        proposals.addTie(tieType, things, certainty, since, q, parties);
    }

    /** "the two countries", "the two neighbours" near the cue at k: the two states named last. */
    private List<Mention> twoStates(int k) {
        for (int j = 0; j + 2 < t.size() && j <= k + 4; j++)
            if (t.get(j).lower().equals("the") && t.get(j + 1).lower().equals("two")
                && Cues.STATE_GROUPS.contains(t.get(j + 2).lower())
                && !memory.lastTwoStates().isEmpty()) {
                Token w = t.get(j + 2);
                List<Mention> out = new ArrayList<>();
                for (Thing st : memory.lastTwoStates())
                    out.add(new Mention(g.s.index(), j, j + 2, t.get(j).begin(), w.end(), "the two " + w.text(), st, List.of(), 0.7, "group"));
                return out;
            }
        return List.of();
    }

    /** "diplomatic relations", "established relations", relations that broke down or were damaged: a tie; bare "relations" is not. */
    private boolean breakdownOrEstablished(int k) {
        return k > 0 && (t.get(k - 1).lower().equals("diplomatic") || t.get(k - 1).lemma().equals("establish"));
    }

    /** "X and Y agreed to restore contacts", "agreed to work together": cooperation between the subject's states. */
    void agreement(int k) {
        if (k + 2 >= t.size() || !t.get(k + 1).lower().equals("to") || !Set.of("restore", "resume", "cooperate", "work").contains(t.get(k + 2).lemma()))
            return;
        if (t.get(k + 2).lemma().equals("work") && (k + 3 >= t.size() || !t.get(k + 3).lower().equals("together")))
            return;
        if (t.subList(g.clauseStart(k), k).stream().anyMatch(y -> Set.of("not", "n't", "never", "could", "may", "might").contains(y.lower())))
            return;
        List<Mention> subj = g.subject(k);
        List<Thing> things = new ArrayList<>();
        List<Mention> parties = new ArrayList<>();
        for (Mention m : subj) {
            Mention st = proposals.asState(m, g.namedState(m));
            if (st != null && things.stream().noneMatch(x -> x.iri().equals(st.thing().iri()))) {
                things.add(st.thing());
                parties.add(st);
            }
        }
        if (things.size() < 2)
            return;
        Quote q = g.quote(subj.get(0).firstToken(), Math.min(t.size() - 1, k + 4));
        proposals.addTie("cooperation", things, "stated", null, q, parties);
    }

    private boolean has(List<Mention> list, Mention m) {
        return list.stream().anyMatch(p -> p.thing().iri().equals(m.thing().iri()));
    }
}
