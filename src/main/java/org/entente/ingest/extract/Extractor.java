package org.entente.ingest.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.ingest.link.Gazetteer;
import org.entente.ingest.link.Mention;
import org.entente.ingest.link.StoreEvent;
import org.entente.ingest.link.Thing;
import org.entente.ingest.text.ParsedText;
import org.entente.ingest.text.Sentence;
import org.entente.ingest.text.Token;

/**
 * Proposes participations, stances and ties from the cue words of each sentence and the linked
 * mentions around them.
 * <p>
 * For a cue verb, the subject is the nearest agent before it that is not itself an object (after a
 * preposition or another cue), with those joined to it by "and"; a passive cue ("attended by") takes
 * the agents after "by". The event is the event noun after the cue, else before it, else the event
 * the article is about (or its namesake in another year when the sentence names that year). How sure
 * the text is comes from the words between subject and cue ("is set to", "not expected", "could",
 * "reportedly"); a verb of saying before the subject ("the foreign ministry confirmed that") attributes
 * the statement and can confirm it. One participation per participant and event: a later sentence
 * adds its words and may strengthen the status ("confirmed" over "set to attend").
 */
public final class Extractor {
    private final Gazetteer gazetteer;
    private final LocalDate published;
    private final TimeResolver times;

    public Extractor(Gazetteer gazetteer, LocalDate published) {
        this.gazetteer = gazetteer;
        this.published = published;
        this.times = new TimeResolver(published);
    }

    /** The proposals for one article. */
    public Extraction extract(ParsedText text, List<List<Mention>> mentions) {
        Run run = new Run(text);
        for (Sentence s : text.sentences())
            run.sentence(s, mentions.get(s.index()));
        return run.proposals.extraction(text, mentions);
    }

    /** The state of reading one article. */
    private final class Run {
        final ParsedText text;
        final Proposals proposals = new Proposals(gazetteer, published);
        /** The last person named before the current word (for "he", "she"), and the states named so far, in order of last mention. */
        final ReferenceMemory memory = new ReferenceMemory();

        // Per sentence
        Sentence s;
        List<Token> t;
        List<Mention> agents;
        SentenceGrammar g;

        Run(ParsedText text) {
            this.text = text;
        }

        void sentence(Sentence sentence, List<Mention> all) {
            s = sentence;
            t = sentence.tokens();
            agents = new ArrayList<>();
            Map<Integer, Thing> representing = new LinkedHashMap<>();
            List<Mention> outer = all.stream().filter(m -> all.stream().noneMatch(o -> o != m && o.begin() <= m.begin() && o.end() >= m.end()
                                                                                         && (o.end() - o.begin()) > (m.end() - m.begin()))).toList();
            for (int k = 0; k < outer.size(); k++) {
                Mention m = outer.get(k);
                if (!m.thing().agent())
                    continue;
                Mention next = k + 1 < outer.size() ? outer.get(k + 1) : null;
                if (m.thing().kind().equals("state") && next != null && next.thing().kind().equals("person") && modifies(m, next)) {
                    representing.put(next.firstToken(), m.thing());
                    continue;
                }
                if (m.modifier())
                    continue;
                agents.add(m);
            }
            resolvePronouns();
            boolean future = t.stream().anyMatch(x -> Set.of("will", "next", "plan", "set", "expect", "tomorrow").contains(x.lemma()));
            List<TimeExpr> sentenceTimes = times.find(text.text().substring(s.begin(), s.end()), s.begin(), future);
            g = new SentenceGrammar(text.text(), s, all, agents, representing, sentenceTimes);
            proposals.salientBefore = proposals.salient;
            eventNouns();
            for (int k = 0; k < t.size(); k++) {
                cue(k);
                noteStatesAt(k);
            }
            memory.noteAgents(agents);
        }

        /** "He", "she" as the subject of a clause: the person named last before it (in this sentence or an earlier one). */
        private void resolvePronouns() {
            for (int k = 0; k < t.size(); k++) {
                Token x = t.get(k);
                if (x.lower().equals("the") && k + 2 < t.size() && t.get(k + 1).lower().equals("two")
                    && Cues.PERSON_GROUPS.contains(t.get(k + 2).lower())) {
                    groupOfPersons(k);
                    continue;
                }
                if (x.lower().equals("the") && k + 1 < t.size() && Set.of("organisation", "organization", "bloc").contains(t.get(k + 1).lower())
                    && memory.lastOrganization() != null && SentenceGrammar.agentAt(agents, k + 1) == null) {
                    Token w = t.get(k + 1);
                    insertAgent(new Mention(s.index(), k + 1, k + 1, w.begin(), w.end(), w.text(), memory.lastOrganization(), List.of(), 0.6, "definite"));
                    continue;
                }
                if (!Set.of("he", "she").contains(x.lower()))
                    continue;
                Mention antecedent = memory.lastPerson();
                for (Mention m : agents)
                    if (m.lastToken() < k && m.thing().kind().equals("person"))
                        antecedent = m;
                if (antecedent == null)
                    continue;
                insertAgent(new Mention(s.index(), k, k, x.begin(), x.end(), x.text(), antecedent.thing(), List.of(),
                                        Proposals.round(antecedent.confidence() * 0.8), "pronoun"));
            }
        }

        /** "the two leaders", "the two men": the two persons named last, as two agents at the same words. */
        private void groupOfPersons(int k) {
            List<Thing> named = memory.persons();
            for (Mention m : agents)
                if (m.lastToken() < k && m.thing().kind().equals("person") && !m.via().equals("new"))
                    ReferenceMemory.moveToEnd(named, m.thing());
            if (named.size() < 2)
                return;
            Token w = t.get(k + 2);
            for (Thing p : named.subList(named.size() - 2, named.size()))
                insertAgent(new Mention(s.index(), k + 1, k + 2, t.get(k + 1).begin(), w.end(), "two " + w.text(), p, List.of(), 0.7, "group"));
        }

        private void insertAgent(Mention m) {
            int at = 0;
            while (at < agents.size() && agents.get(at).firstToken() <= m.firstToken())
                at++;
            agents.add(at, m);
        }

        /** Keeps the states named up to token k, the state a person represents counting as named. */
        private void noteStatesAt(int k) {
            for (Mention m : agents) {
                if (m.lastToken() != k)
                    continue;
                Mention st = m.thing().kind().equals("state") ? m : proposals.asState(m, g.namedState(m));
                if (st == null || !gazetteer.isState(st.thing().iri()))
                    continue;
                memory.noteState(st.thing());
            }
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
                        out.add(new Mention(s.index(), j, j + 2, t.get(j).begin(), w.end(), "the two " + w.text(), st, List.of(), 0.7, "group"));
                    return out;
                }
            return List.of();
        }

        /** "Russia's Vladimir Putin", "US President Donald Trump", "Chinese President Xi Jinping". */
        private boolean modifies(Mention state, Mention person) {
            int k = state.lastToken() + 1;
            if (k < t.size() && t.get(k).possessive())
                k++;
            while (k < person.firstToken() && (t.get(k).capitalized() || Set.of("leader", "president", "prime", "minister", "foreign").contains(t.get(k).lower())))
                k++;
            return k == person.firstToken() && person.firstToken() - state.lastToken() <= 4;
        }

        // ---- Events named by nouns

        /** Event nouns of the sentence, each resolved to an article event; the last one not a meeting becomes the salient one. */
        final Map<Integer, ArticleEvent> nounEvents = new LinkedHashMap<>();

        private void eventNouns() {
            nounEvents.clear();
            for (int k = 0; k < t.size(); k++) {
                Token x = t.get(k);
                String type = Cues.EVENT_NOUNS.get(x.lemma());
                if (type == null && Cues.EVENT_ANAPHORA.contains(x.lemma()) && proposals.salient != null && k > 0
                    && t.subList(Math.max(0, k - 3), k).stream().anyMatch(y -> Set.of("the", "this", "that").contains(y.lower()))) {
                    nounEvents.put(k, proposals.salient);
                    continue;
                }
                if (Cues.EVENT_ANAPHORA.contains(x.lemma()) && proposals.salient != null && x.lemma().equals("attendance")) {
                    nounEvents.put(k, proposals.salient);
                    continue;
                }
                if (type == null || type.equals("War") || type.equals("Meeting") && !x.lemma().equals("talks") || !x.pos().startsWith("N"))
                    continue;
                if (type.equals("StateVisit") && t.stream().noneMatch(y -> y.lemma().equals("state")) && !x.lemma().equals("visit"))
                    continue;
                int b = k;
                while (b > 0 && t.get(b - 1).capitalized() && !t.get(b - 1).possessive() && g.agentAt(b - 1) == null)
                    b--;
                String name = text.text().substring(t.get(b).begin(), x.end());
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
                nounEvents.put(k, e);
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



        // ---- Agents around a cue

        // ---- Attribution

        // ---- Cues

        private void cue(int k) {
            Token x = t.get(k);
            String l = x.lemma();
            boolean verb = x.pos().startsWith("V") || x.pos().equals("AUX") || x.lower().endsWith("ing") || x.lower().endsWith("ed")
                           || Set.of("met", "held", "meets", "visits", "hosts", "attends", "invites").contains(x.lower());
            if (verb && (Cues.PARTICIPATE.contains(l) || Cues.VISIT.contains(l) || Cues.INVITE.contains(l) || Cues.DECLINE.contains(l)
                         || Cues.HOST.contains(l)))
                participationCue(k, l);
            else if (verb && Cues.MEET.contains(l) && !interestBefore(k))
                meetingCue(k, "Meeting");
            else if (l.equals("talks") && k > 0 && Set.of("hold", "held", "holding", "holds").contains(t.get(k - 1).lower()))
                meetingCue(k, "Meeting");
            else if (l.equals("meeting") && !interestBefore(k))
                meetingNoun(k);
            if (l.equals("interest") || l.equals("want") || l.equals("like") && k > 0 && t.get(k - 1).lower().equals("would") || l.equals("seek") && k + 2 < t.size() && t.get(k + 2).lemma().equals("meeting"))
                interestCue(k);
            if (l.equals("seek") && k + 2 < t.size() && Set.of("deal", "agreement").contains(t.get(k + 2).lemma()))
                stanceCue(k, "pursuit-of-deal");
            if (verb && Cues.STANCE.containsKey(l))
                stanceCue(k, Cues.STANCE.get(l));
            if (verb && Set.of("call", "regard", "describe", "brand", "label").contains(l) && insultAfter(k))
                stanceCue(k, "criticism");
            if (Cues.TIE.containsKey(l) && x.pos().startsWith("N"))
                tieCue(k, Cues.TIE.get(l));
            if (l.equals("agree") && verb)
                agreementCue(k);
            if (l.equals("among") && k + 2 < t.size() && Set.of("leader", "participant", "guest", "attendee").contains(t.get(k + 2).lemma()))
                presenceCue(k);
            if (l.equals("for") && k + 2 < t.size())
                presenceCue(k);
        }

        /** "called Xi a dictator", "regarded Xi as a dictator": an insulting noun right after the named object. */
        private boolean insultAfter(int k) {
            List<Mention> obj = g.objects(k);
            if (obj.isEmpty() || obj.get(0).firstToken() > k + 3)
                return false;
            for (int j = obj.get(0).lastToken() + 1; j < Math.min(t.size(), obj.get(0).lastToken() + 5); j++)
                if (Cues.INSULTS.contains(t.get(j).lemma()))
                    return true;
            return false;
        }

        private boolean interestBefore(int k) {
            for (int j = Math.max(0, k - 3); j < k; j++)
                if (Set.of("interest", "want", "seek", "like").contains(t.get(j).lemma()))
                    return true;
            return false;
        }

        private void participationCue(int k, String lemma) {
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
            Thing attributed = said == null ? null : said.thing();
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
            Integer ek = eventToken(event);
            if (ek != null && Math.abs(ek - k) < 12)
                qe = Math.max(qe, ek);
            Quote q = g.quote(qb, qe);
            for (Mention m : who)
                proposals.addParticipation(m, g.namedState(m), event, role, new Modality(status, certainty), q, said);
            if (lemma.equals("host"))
                for (Mention m : also)
                    proposals.addParticipation(m, g.namedState(m), event, "attendee", new Modality(status, certainty), q, said);
        }

        private Integer eventToken(ArticleEvent e) {
            for (Map.Entry<Integer, ArticleEvent> n : nounEvents.entrySet())
                if (n.getValue() == e)
                    return n.getKey();
            return null;
        }

        /** The event a participation cue at k is about. */
        private ArticleEvent eventFor(int k, List<Mention> who) {
            int end = t.size();
            for (int j = k + 1; j < t.size(); j++)
                if (g.boundary(t.get(j)) || t.get(j).text().equals(",")) {
                    end = j;
                    break;
                }
            for (Map.Entry<Integer, ArticleEvent> n : nounEvents.entrySet())
                if (n.getKey() > k && n.getKey() < end)
                    return n.getValue();
            ArticleEvent before = null;
            for (Map.Entry<Integer, ArticleEvent> n : nounEvents.entrySet())
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
            Integer named = eventToken(proposals.salient);
            if (named != null && named > k && proposals.salientBefore != null)
                return proposals.salientBefore;
            int clauseEnd = end < t.size() ? t.get(end).begin() : s.end();
            for (TimeExpr time : g.times)
                if (time.year() != null && proposals.salient.year != null && !time.year().equals(proposals.salient.year) && time.precision().equals("year")
                    && time.begin() < clauseEnd)
                    return proposals.namesake(proposals.salient, time);
            return proposals.salient;
        }

        /** "X met Y", "X will meet Y", "X and Y held talks": a meeting of the two. */
        private void meetingCue(int k, String type) {
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
        private void meetingNoun(int k) {
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
                if (old.types.contains(type) && old.parties.stream().map(Thing::iri).collect(java.util.stream.Collectors.toSet()).equals(iris))
                    e = old;
            if (e == null && !firstRole.equals("proposer"))
                for (ArticleEvent old : proposals.events)
                    if (old.types.contains(type) && old.parties.stream().map(Thing::iri).collect(java.util.stream.Collectors.toSet()).equals(iris))
                        e = old;
            if (e == null) {
                e = new ArticleEvent(type, null);
                for (Mention p : parties)
                    if (e.parties.stream().noneMatch(x -> x.iri().equals(p.thing().iri())))
                        e.parties.add(p.thing());
                TimeExpr time = g.times.isEmpty() ? null : g.times.get(0);
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
        private void interestCue(int k) {
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

        private void stanceCue(int k, String type) {
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
            for (Map.Entry<Integer, ArticleEvent> n : nounEvents.entrySet())
                if (n.getKey() > k && n.getKey() <= k + 6 && !g.crossesClause(k, n.getKey())) {
                    towardEvent = n.getValue();
                    end = n.getKey();
                    break;
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

        private void tieCue(int k, String type) {
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
                parties = parties.stream().map(m -> proposals.asState(m, g.namedState(m))).filter(java.util.Objects::nonNull).toList();
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

        /** "diplomatic relations", "established relations", relations that broke down or were damaged: a tie; bare "relations" is not. */
        private boolean breakdownOrEstablished(int k) {
            return k > 0 && (t.get(k - 1).lower().equals("diplomatic") || t.get(k - 1).lemma().equals("establish"));
        }

        /** "X and Y agreed to restore contacts", "agreed to work together": cooperation between the subject's states. */
        private void agreementCue(int k) {
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

        /**
         * Presence at an event without a verb of taking part: "Putin was also among the leaders at the summit", "Xi was in
         * California for the summit", "is expected to stay on in China for the parade". The verb of being or going must open the
         * clause's predicate and the event noun follow within a few words.
         */
        private void presenceCue(int k) {
            ArticleEvent event = null;
            for (Map.Entry<Integer, ArticleEvent> n : nounEvents.entrySet())
                if (n.getKey() > k && n.getKey() <= k + 6 && !g.crossesClause(k, n.getKey())) {
                    event = n.getValue();
                    break;
                }
            if (event == null)
                return;
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
            Quote q = g.quote(who.get(0).firstToken(), Math.min(t.size() - 1, Math.max(k + 2, eventToken(event) != null ? eventToken(event) : k)));
            for (Mention m : who)
                proposals.addParticipation(m, g.namedState(m), event, "attendee", new Modality(status, mod.certainty()), q, null);
        }

        private boolean has(List<Mention> list, Mention m) {
            return list.stream().anyMatch(p -> p.thing().iri().equals(m.thing().iri()));
        }

    }

}
