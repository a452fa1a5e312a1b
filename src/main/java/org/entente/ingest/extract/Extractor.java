package org.entente.ingest.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.ingest.link.Gazetteer;
import org.entente.ingest.link.Mention;
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
 * <p>
 * This class reads each sentence's agents ("Russia's Vladimir Putin" as Putin representing Russia) and
 * the words that refer back ("he", "the two leaders", "the organisation", through {@link ReferenceMemory}),
 * then hands each word to the cues: {@link EventNouns} and {@link EventCues} for events and taking part,
 * {@link RelationCues} for stances and ties, all over one {@link SentenceGrammar} per sentence and all
 * proposing into the article's {@link Proposals}.
 * <pre>
 * Extraction x = new Extractor(gazetteer, LocalDate.parse("2025-08-28")).extract(parsed, mentions);
 * </pre>
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
            EventNouns nouns = EventNouns.read(g, proposals);
            EventCues events = new EventCues(g, nouns, proposals, gazetteer);
            RelationCues relations = new RelationCues(g, nouns, proposals, memory);
            for (int k = 0; k < t.size(); k++) {
                cue(k, events, relations);
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

        /** "Russia's Vladimir Putin", "US President Donald Trump", "Chinese President Xi Jinping". */
        private boolean modifies(Mention state, Mention person) {
            int k = state.lastToken() + 1;
            if (k < t.size() && t.get(k).possessive())
                k++;
            while (k < person.firstToken() && (t.get(k).capitalized() || Set.of("leader", "president", "prime", "minister", "foreign").contains(t.get(k).lower())))
                k++;
            return k == person.firstToken() && person.firstToken() - state.lastToken() <= 4;
        }

        /** Proposes what the word at k is a cue for. */
        private void cue(int k, EventCues events, RelationCues relations) {
            Token x = t.get(k);
            String l = x.lemma();
            boolean verb = x.pos().startsWith("V") || x.pos().equals("AUX") || x.lower().endsWith("ing") || x.lower().endsWith("ed")
                           || Set.of("met", "held", "meets", "visits", "hosts", "attends", "invites").contains(x.lower());
            if (verb && (Cues.PARTICIPATE.contains(l) || Cues.VISIT.contains(l) || Cues.INVITE.contains(l) || Cues.DECLINE.contains(l)
                         || Cues.HOST.contains(l)))
                events.participation(k, l);
            else if (verb && Cues.MEET.contains(l) && !interestBefore(k))
                events.meetingByVerb(k, "Meeting");
            else if (l.equals("talks") && k > 0 && Set.of("hold", "held", "holding", "holds").contains(t.get(k - 1).lower()))
                events.meetingByVerb(k, "Meeting");
            else if (l.equals("meeting") && !interestBefore(k))
                events.meetingByNoun(k);
            if (l.equals("interest") || l.equals("want") || l.equals("like") && k > 0 && t.get(k - 1).lower().equals("would") || l.equals("seek") && k + 2 < t.size() && t.get(k + 2).lemma().equals("meeting"))
                events.interest(k);
            if (l.equals("seek") && k + 2 < t.size() && Set.of("deal", "agreement").contains(t.get(k + 2).lemma()))
                relations.stance(k, "pursuit-of-deal");
            if (verb && Cues.STANCE.containsKey(l))
                relations.stance(k, Cues.STANCE.get(l));
            if (verb && Set.of("call", "regard", "describe", "brand", "label").contains(l))
                relations.insult(k);
            if (Cues.TIE.containsKey(l) && x.pos().startsWith("N"))
                relations.tie(k, Cues.TIE.get(l));
            if (l.equals("agree") && verb)
                relations.agreement(k);
            if (l.equals("among") && k + 2 < t.size() && Set.of("leader", "participant", "guest", "attendee").contains(t.get(k + 2).lemma()))
                events.presence(k);
            if (l.equals("for") && k + 2 < t.size())
                events.presence(k);
        }

        /** "expressed interest in meeting", "would like to meet": a meeting sought, not held. */
        private boolean interestBefore(int k) {
            for (int j = Math.max(0, k - 3); j < k; j++)
                if (Set.of("interest", "want", "seek", "like").contains(t.get(j).lemma()))
                    return true;
            return false;
        }
    }
}
