package org.entente.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.entente.ingest.link.Gazetteer;
import org.entente.ingest.link.Mention;
import org.entente.ingest.link.Thing;
import org.entente.ingest.text.Token;

/**
 * The cues of one sentence that tell of events: verbs of taking part, hosting, visiting, inviting and
 * declining (with the event they are about), meetings told by a verb ("met", "held talks") or a noun ("a
 * meeting with Kim"), interest in meeting, and presence without a verb of taking part ("was among the
 * leaders at the summit"). Each proposes participations through {@link Proposals}.
 */
final class EventCues {
    private final SentenceGrammar g;
    private final List<Token> t;
    private final EventNouns nouns;
    private final Proposals proposals;
    private final Gazetteer gazetteer;

    EventCues(SentenceGrammar g, EventNouns nouns, Proposals proposals, Gazetteer gazetteer) {
        this.g = g;
        this.t = g.t;
        this.nouns = nouns;
        this.proposals = proposals;
        this.gazetteer = gazetteer;
    }

    /** "X attended", "was attended by X", "X hosted Y", "invited X", "X declined": participations in the event the cue is about. */
    void participation(int k, String lemma) {
        boolean passive = g.passive(k);
        int by = g.byAfter(k);
        List<Mention> who;
        List<Mention> also = List.of();
        if (passive && by > 0)
            who = g.objects(by);
        else
            who = g.subject(k);
        if (lemma.equals("host")) {
            also = g.objects(k).stream().filter(m -> m.thing().kind().equals("person") || m.thing().kind().equals("state")).toList();
        }
        if (Cues.INVITE.contains(lemma) && !passive) {
            List<Mention> invitees = g.objects(k);
            if (!invitees.isEmpty())
                who = invitees;
        }
        if (who.isEmpty())
            return;
        ArticleEvent event = eventFor(k, who);
        if (event == null)
            return;
        String defaultStatus = Cues.INVITE.contains(lemma) ? "invited" : Cues.DECLINE.contains(lemma) ? "declined" : "announced";
        int from = passive && by > 0 ? g.clauseStart(k) : Math.min(g.clauseStart(k), who.get(0).firstToken());
        from = Math.max(from, who.get(0).firstToken() < k ? Math.min(who.get(0).firstToken(), k) : g.clauseStart(k));
        Modality mod = g.modalities.of(from, k, defaultStatus);
        Mention said = who.get(0).firstToken() < k ? g.speaker(who.get(0).firstToken()) : null;
        String status = mod.status();
        String certainty = mod.certainty();
        if (said != null && t.subList(said.lastToken() + 1, who.get(0).firstToken()).stream().anyMatch(y -> y.lemma().equals("confirm"))
            && !status.equals("possible") && !status.equals("not-expected")) {
            status = "confirmed";
            certainty = "officially-confirmed";
        }
        String role = lemma.equals("host") ? "host" : "attendee";
        int qb = Math.min(said != null ? said.firstToken() : k, Math.min(who.get(0).firstToken(), k));
        int qe = Math.max(k, who.get(who.size() - 1).lastToken());
        Integer ek = nouns.tokenOf(event);
        if (ek != null && Math.abs(ek - k) < 12)
            qe = Math.max(qe, ek);
        Quote q = g.quote(qb, qe);
        for (Mention m : who)
            proposals.addParticipation(m, g.namedState(m), event, role, new Modality(status, certainty), q, said);
        if (lemma.equals("host"))
            for (Mention m : also)
                proposals.addParticipation(m, g.namedState(m), event, "attendee", new Modality(status, certainty), q, said);
    }

    /** The event a participation cue at k is about. */
    private ArticleEvent eventFor(int k, List<Mention> who) {
        int end = t.size();
        for (int j = k + 1; j < t.size(); j++)
            if (g.boundary(t.get(j)) || t.get(j).text().equals(",")) {
                end = j;
                break;
            }
        for (Map.Entry<Integer, ArticleEvent> n : nouns.byToken.entrySet())
            if (n.getKey() > k && n.getKey() < end)
                return n.getValue();
        ArticleEvent before = null;
        for (Map.Entry<Integer, ArticleEvent> n : nouns.byToken.entrySet())
            if (n.getKey() < k && n.getKey() >= g.clauseStart(k) - 8)
                before = n.getValue();
        if (before != null)
            return before;
        if (t.get(k).lemma().equals("visit")) {
            List<Mention> obj = g.objects(k);
            Thing host = obj.isEmpty() ? null : obj.get(0).thing();
            if (host == null)
                return null;
            TimeExpr time = g.times.isEmpty() ? null : g.times.get(0);
            ArticleEvent e = proposals.findOrCreate("StateVisit", "visit of " + who.get(0).thing().label() + " to " + host.label(), time, null);
            e.host = host.kind().equals("place") ? gazetteer.stateOf(host.iri()).flatMap(gazetteer::thing).orElse(null) : host;
            return e;
        }
        // "hosted the meeting", "attended the talks": the article's meeting, even when a later noun took the salience
        if (k + 2 < t.size() && t.get(k + 1).lower().equals("the") && Set.of("meeting", "talks", "summit").contains(t.get(k + 2).lemma()))
            for (int i = proposals.events.size() - 1; i >= 0; i--) {
                ArticleEvent e = proposals.events.get(i);
                if (!e.namesake && (e.types.contains("Summit") || e.types.contains("Meeting")) && (proposals.salient == null || !proposals.salient.types.contains("Meeting")))
                    return e;
            }
        if (proposals.salient == null)
            return null;
        Integer named = nouns.tokenOf(proposals.salient);
        if (named != null && named > k && proposals.salientBefore != null)
            return proposals.salientBefore;
        int clauseEnd = end < t.size() ? t.get(end).begin() : g.s.end();
        for (TimeExpr time : g.times)
            if (time.year() != null && proposals.salient.year != null && !time.year().equals(proposals.salient.year) && time.precision().equals("year")
                && time.begin() < clauseEnd)
                return proposals.namesake(proposals.salient, time);
        return proposals.salient;
    }

    /** "X met Y", "X will meet Y", "X and Y held talks": a meeting of the two. */
    void meetingByVerb(int k, String type) {
        List<Mention> subj = g.subject(k);
        List<Mention> obj = g.objects(k);
        List<Mention> parties = new ArrayList<>(subj);
        parties.addAll(obj);
        if (parties.size() < 2)
            return;
        Modality mod = g.modalities.of(Math.min(g.clauseStart(k), parties.get(0).firstToken()), k, "announced");
        meeting(type, parties, mod, g.quote(Math.min(parties.get(0).firstToken(), k), Math.max(k, parties.get(parties.size() - 1).lastToken())),
                "attendee", "attendee");
    }

    /** "a meeting with Kim": a meeting of the sentence's subject and those after "with". */
    void meetingByNoun(int k) {
        if (k + 1 >= t.size() || !t.get(k + 1).lower().equals("with"))
            return;
        List<Mention> obj = g.objects(k + 1);
        Mention first = null;
        for (int a = 0; a < g.agents.size(); a++)
            if (!g.object[a] && g.agents.get(a).lastToken() < k) {
                first = g.agents.get(a);
                break;
            }
        if (obj.isEmpty() || first == null)
            return;
        List<Mention> parties = new ArrayList<>(List.of(first));
        parties.addAll(obj);
        Modality mod = g.modalities.of(g.clauseStart(k), k, "announced");
        meeting("Meeting", parties, mod, g.quote(Math.max(g.clauseStart(k), 0), obj.get(obj.size() - 1).lastToken()), "attendee", "attendee");
    }

    /**
     * A meeting of the parties, the first in {@code firstRole}: the article's meeting of the same parties, else the summit
     * the article is about (unless the meeting is only sought or hedged, or of another year), else a new one, dated by the
     * sentence's first time.
     */
    private ArticleEvent meeting(String type, List<Mention> parties, Modality mod, Quote q, String firstRole, String otherRole) {
        ArticleEvent e = null;
        TimeExpr when = g.times.isEmpty() ? null : g.times.get(0);
        if (!firstRole.equals("proposer") && proposals.salient != null && proposals.salient.types.contains("Summit") && !mod.status().equals("possible")
            && (when == null || proposals.salient.year == null || when.year() == null || when.year().equals(proposals.salient.year))) {
            proposals.salient.types.add("Meeting");
            e = proposals.salient;
        }
        Set<String> iris = new LinkedHashSet<>();
        parties.forEach(p -> iris.add(p.thing().iri()));
        for (ArticleEvent old : proposals.events)
            if (old.types.contains(type) && old.parties.stream().map(Thing::iri).collect(Collectors.toSet()).equals(iris))
                e = old;
        if (e == null) {
            e = new ArticleEvent(type, null);
            for (Mention p : parties)
                if (e.parties.stream().noneMatch(x -> x.iri().equals(p.thing().iri())))
                    e.parties.add(p.thing());
            TimeExpr time = when;
            if (time != null && time.precision().equals("day") || time != null && !mod.status().equals("possible") && time.year() != null
                && !g.sentenceText().toLowerCase().contains("since")) {
                e.time = time;
                e.year = time.year();
            }
            proposals.events.add(e);
        }
        e.quotes.add(q);
        for (int i = 0; i < parties.size(); i++)
            proposals.addParticipation(parties.get(i), g.namedState(parties.get(i)), e, i == 0 ? firstRole : otherRole, mod, q, null);
        return e;
    }

    /** "X has expressed interest in meeting Y": a stance, and the meeting X seeks. */
    void interest(int k) {
        int meet = -1;
        for (int j = k + 1; j < Math.min(t.size(), k + 4); j++)
            if (t.get(j).lemma().equals("meet") || t.get(j).lemma().equals("meeting"))
                meet = j;
        if (meet < 0)
            return;
        List<Mention> subj = g.subject(k);
        List<Mention> obj = g.objects(t.get(meet + 1 < t.size() ? meet + 1 : meet).lower().equals("with") ? meet + 1 : meet);
        if (subj.isEmpty() || obj.isEmpty())
            return;
        Mention said = g.speaker(subj.get(0).firstToken());
        Modality mod = g.modalities.of(subj.get(0).firstToken(), k, "announced");
        Quote q = g.quote(subj.get(0).firstToken(), obj.get(obj.size() - 1).lastToken());
        String certainty = mod.certainty().equals("reported") ? "reported" : "stated";
        proposals.addStance(subj.get(0), obj.get(0).thing(), null, "interest-in-meeting", certainty, said, q);
        List<Mention> parties = new ArrayList<>(subj.subList(0, 1));
        parties.add(obj.get(0));
        meeting("Meeting", parties, new Modality("possible", "possible"), q, "proposer", "counterpart");
    }

    /**
     * Presence at an event without a verb of taking part: "Putin was also among the leaders at the summit", "Xi was in
     * California for the summit", "is expected to stay on in China for the parade". The verb of being or going must open the
     * clause's predicate and the event noun follow within a few words.
     */
    void presence(int k) {
        Integer at = nouns.nounAfter(k);
        if (at == null)
            return;
        ArticleEvent event = nouns.byToken.get(at);
        int v = -1;
        for (int j = k - 1; j >= Math.max(0, k - 8) && !g.boundary(t.get(j)) && !t.get(j).text().equals(","); j--)
            if (Set.of("be", "stay", "remain", "arrive", "travel", "fly", "go", "come").contains(t.get(j).lemma())
                || Set.of("was", "were", "is", "are", "stayed", "arrived", "travelled", "traveled", "flew", "went", "came").contains(t.get(j).lower())) {
                v = j;
                break;
            }
        if (v < 0)
            return;
        List<Mention> who = g.subject(v);
        if (who.isEmpty() || g.crossesClause(who.get(who.size() - 1).lastToken(), v))
            return;
        for (int j = who.get(who.size() - 1).lastToken() + 1; j < v; j++)
            if (t.get(j).pos().startsWith("V") && !Set.of("be", "expect").contains(t.get(j).lemma()) && !t.get(j).lower().equals("to"))
                return;
        Modality mod = g.modalities.of(who.get(0).firstToken(), v, "announced");
        String status = mod.status();
        String low = t.get(v).lower();
        if (status.equals("announced") && !t.subList(who.get(0).firstToken(), v).stream().anyMatch(y -> Set.of("will", "to").contains(y.lower()))
            && (Set.of("was", "were", "flew", "went", "came").contains(low) || low.endsWith("ed")))
            status = "attended";
        if (status.equals("announced") && Set.of("is", "are").contains(low))
            return;
        if (status.equals("not-expected") && !t.subList(who.get(0).firstToken(), v + 1).stream().anyMatch(y -> y.lemma().equals("expect")))
            return;
        Quote q = g.quote(who.get(0).firstToken(), Math.min(t.size() - 1, Math.max(k + 2, nouns.tokenOf(event) != null ? nouns.tokenOf(event) : k)));
        for (Mention m : who)
            proposals.addParticipation(m, g.namedState(m), event, "attendee", new Modality(status, mod.certainty()), q, null);
    }
}
