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

/**
 * What one article has proposed so far, kept one of each: its events (found again by type, time and
 * place, linked to the store's event of that day, or a namesake in another year), one participation
 * per participant and event, one stance per holder, type and target, one tie per type and pair. A later
 * sentence about the same thing adds its words, and a participation may take the stronger status.
 */
final class Proposals {
    private final Gazetteer gazetteer;
    private final LocalDate published;
    final List<ArticleEvent> events = new ArrayList<>();
    private final Map<String, ParticipationDraft> participations = new LinkedHashMap<>();
    private final Map<String, StanceDraft> stances = new LinkedHashMap<>();
    private final Map<String, TieDraft> ties = new LinkedHashMap<>();
    /** The event the article is about so far: the last event noun read that names no meeting. */
    ArticleEvent salient;
    /** The salient event before the current sentence's event nouns were read. */
    ArticleEvent salientBefore;

    Proposals(Gazetteer gazetteer, LocalDate published) {
        this.gazetteer = gazetteer;
        this.published = published;
    }

    /** The proposals made, with the text and mentions they rest on. */
    Extraction extraction(ParsedText text, List<List<Mention>> mentions) {
        return new Extraction(text, mentions, List.copyOf(events), List.copyOf(participations.values()),
                              List.copyOf(stances.values()), List.copyOf(ties.values()));
    }

    /** The article event of this type and time (and place, when both name one), or a new one. */
    ArticleEvent findOrCreate(String type, String name, TimeExpr time, Thing place) {
        Integer year = time != null ? time.year() : null;
        if (year == null && salient != null && salient.types.contains(type) && samePlace(salient, place))
            return salient;
        for (int i = events.size() - 1; i >= 0; i--) {
            ArticleEvent e = events.get(i);
            if (e.types.contains(type) && e.parties.isEmpty() && !(year == null && e.namesake) && (year == null || e.year == null || year.equals(e.year))
                && samePlace(e, place)) {
                if (e.time == null && time != null) {
                    e.time = time;
                    e.year = year;
                    link(e);
                }
                if (e.name == null || e.name.equals(e.primaryType().toLowerCase()) || !Character.isUpperCase(e.name.charAt(0)) && Character.isUpperCase(name.charAt(0)))
                    e.name = name;
                return e;
            }
        }
        ArticleEvent e = new ArticleEvent(type, name);
        e.time = time;
        e.year = year;
        link(e);
        events.add(e);
        return e;
    }

    /** "the summit in New Delhi" is not the summit in San Francisco: two events whose places are both known must share it. */
    private static boolean samePlace(ArticleEvent e, Thing place) {
        return place == null || e.place == null || e.place.iri().equals(place.iri());
    }

    /** The same kind of event as {@code like}, in another year ("compared to 2015"). */
    ArticleEvent namesake(ArticleEvent like, TimeExpr time) {
        for (ArticleEvent e : events)
            if (e != like && e.types.containsAll(like.types) && time.year() != null && time.year().equals(e.year))
                return e;
        ArticleEvent e = new ArticleEvent(like.primaryType(), like.name);
        e.namesake = true;
        e.types.addAll(like.types);
        e.time = new TimeExpr(time.begin(), time.end(), time.words(), time.from(), time.to(), "year");
        e.year = time.year();
        e.host = like.host;
        link(e);
        events.add(e);
        return e;
    }

    /** Links an article event to the store's event of the same type whose day falls in the time the text gives. */
    private void link(ArticleEvent e) {
        if (e.time == null || !e.parties.isEmpty())
            return;
        List<String> found = new ArrayList<>();
        for (StoreEvent se : gazetteer.events()) {
            if (!se.types().contains(e.primaryType()) || se.when() == null)
                continue;
            String w = se.when();
            boolean match = w.length() >= 10 ? within(LocalDate.parse(w.substring(0, 10)), e.time)
                : w.length() >= 4 && e.time.year() != null && Integer.parseInt(w.substring(0, 4)) == e.time.year();
            if (match)
                found.add(se.iri());
        }
        if (!found.isEmpty()) {
            e.linked = found.get(0);
            e.linkConfidence = found.size() == 1 ? 0.9 : 0.5;
        }
    }

    private static boolean within(LocalDate d, TimeExpr time) {
        if (time.precision().equals("year"))
            return time.year() != null && d.getYear() == time.year();
        return !d.isBefore(time.from()) && !d.isAfter(time.to());
    }

    /**
     * Proposes that {@code m} took part in {@code event}, or adds to the participation already proposed. {@code named} is
     * the state the sentence names beside the person ("Russia's Vladimir Putin"), if any; {@code said} who said so.
     */
    void addParticipation(Mention m, Thing named, ArticleEvent event, String role, Modality mod, Quote q, Mention said) {
        Thing rep = represented(m, named);
        if (rep != null && !gazetteer.isState(rep.iri()))
            rep = null;
        String key = m.thing().iri() + " " + System.identityHashCode(event);
        List<Mention> ms = new ArrayList<>(List.of(m));
        if (said != null)
            ms.add(said);
        Thing attributed = said == null ? null : said.thing();
        double conf = round(m.confidence() * (event.linked() ? 0.95 : 0.8));
        ParticipationDraft old = participations.get(key);
        if (old == null) {
            participations.put(key, new ParticipationDraft(m.thing(), event, new LinkedHashSet<>(Set.of(role)), mod.status(), mod.certainty(),
                                                           attributed, rep, new ArrayList<>(List.of(q)), conf, ms));
            return;
        }
        boolean stronger = Cues.STATUS_ORDER.indexOf(mod.status()) < Cues.STATUS_ORDER.indexOf(old.status());
        old.roles().add(role);
        if (!old.quotes().contains(q))
            old.quotes().add(q);
        old.mentions().addAll(ms);
        participations.put(key, new ParticipationDraft(old.participant(), event, old.roles(), stronger ? mod.status() : old.status(),
            stronger ? mod.certainty() : old.certainty(), old.attributedTo() != null ? old.attributedTo() : attributed,
            old.representing() != null ? old.representing() : rep, old.quotes(), Math.max(conf, old.confidence()), old.mentions()));
    }

    /** Proposes a stance of {@code from} toward a thing or an event, or adds the words to the stance already proposed. */
    void addStance(Mention from, Thing toward, ArticleEvent towardEvent, String type, String certainty, Mention said, Quote q) {
        if (toward != null && toward.iri().equals(from.thing().iri()))
            return;
        String key = from.thing().iri() + " " + type + " " + (toward != null ? toward.iri() : System.identityHashCode(towardEvent));
        if (stances.containsKey(key)) {
            StanceDraft old = stances.get(key);
            if (!old.quotes().contains(q))
                old.quotes().add(q);
            return;
        }
        List<Mention> ms = new ArrayList<>(List.of(from));
        if (said != null)
            ms.add(said);
        double conf = round(from.confidence() * 0.9);
        stances.put(key, new StanceDraft(from.thing(), toward, towardEvent, type, certainty, said == null ? null : said.thing(),
                                         new ArrayList<>(List.of(q)), conf, ms));
    }

    /** Proposes a tie of this type between two things, or adds the words to the tie already proposed. */
    void addTie(String type, List<Thing> things, String certainty, TimeExpr since, Quote q, List<Mention> parties) {
        String key = type + " " + things.stream().map(Thing::iri).sorted().toList();
        if (ties.containsKey(key)) {
            if (!ties.get(key).quotes().contains(q))
                ties.get(key).quotes().add(q);
            return;
        }
        double conf = round(parties.stream().mapToDouble(Mention::confidence).min().orElse(0.5) * 0.75);
        ties.put(key, new TieDraft(things, type, certainty, null, since, new ArrayList<>(List.of(q)), conf, new ArrayList<>(parties)));
    }

    /** A person as the state they represent that day (relations are between states); any other agent as itself. */
    Mention asState(Mention m, Thing named) {
        if (!m.thing().kind().equals("person"))
            return m;
        Thing rep = represented(m, named);
        return rep == null ? null : new Mention(m.sentence(), m.firstToken(), m.lastToken(), m.begin(), m.end(), m.surface(), rep,
                                                List.of(), m.confidence() * 0.9, "represents");
    }

    /** The state named beside a person, else the state the person served on the article's date; null for others. */
    private Thing represented(Mention m, Thing named) {
        if (named != null || !m.thing().kind().equals("person"))
            return named;
        return gazetteer.statesOf(m.thing().iri(), published).stream().findFirst().flatMap(gazetteer::thing).orElse(null);
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
