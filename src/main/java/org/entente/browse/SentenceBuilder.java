package org.entente.browse;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Property;
import org.entente.browse.view.Part;
import org.entente.vocab.ENT;

/**
 * N-ary statements read as sentences of words and linked things, in the reader's language: a
 * participation ("Kim Jong Un — attendee — Victory Day parade 2025 — for North Korea — status:
 * confirmed"), a tenure, a membership, a diplomatic tie, a stance and an assessment. The words and their order come
 * from the {@link Phrase}s of the language; anything else reads as its label.
 */
final class SentenceBuilder {

    private final Description d;
    private final Linker linker;
    private final Messages m;

    SentenceBuilder(Description d, Linker linker, Messages m) {
        this.d = d;
        this.linker = linker;
        this.m = m;
    }

    /** The sentence of a statement of a class (null when it has none). */
    List<Part> sentence(Node n, Node cls) {
        if (cls == null)
            return List.of(Part.text(d.labels().of(n)));
        List<Part> p = new ArrayList<>();
        if (cls.equals(ENT.node(ENT.Participation))) {
            String roles = String.join(m.format(Phrase.LIST_SEPARATOR), d.all(n, ENT.node(ENT.role)).stream().map(d.labels()::of).toList());
            p.addAll(phrase(Phrase.PARTICIPATION, thing(n, ENT.participant), words(roles), thing(n, ENT.event)));
            Node rep = d.first(n, ENT.node(ENT.representing));
            if (rep != null)
                p.addAll(phrase(Phrase.PARTICIPATION_FOR, link(rep)));
            p.addAll(phrase(Phrase.PARTICIPATION_STATUS, thing(n, ENT.status)));
        } else if (cls.equals(ENT.node(ENT.Tenure))) {
            p.addAll(phrase(Phrase.TENURE, thing(n, ENT.holder), thing(n, ENT.office), words(Description.lexical(d.first(n, ENT.node(ENT.startDate))))));
            Node end = d.first(n, ENT.node(ENT.endDate));
            p.addAll(end == null ? phrase(Phrase.TENURE_CURRENT) : phrase(Phrase.TENURE_TO, words(Description.lexical(end))));
        } else if (cls.equals(ENT.node(ENT.Membership))) {
            p.addAll(phrase(Phrase.MEMBERSHIP, thing(n, ENT.member), thing(n, ENT.membershipRole), thing(n, ENT.organization)));
            Node from = d.first(n, ENT.node(ENT.startDate));
            if (from != null)
                p.addAll(phrase(Phrase.MEMBERSHIP_FROM, words(Description.lexical(from))));
            Node to = d.first(n, ENT.node(ENT.endDate));
            if (to != null)
                p.addAll(phrase(Phrase.MEMBERSHIP_TO, words(Description.lexical(to))));
        } else if (cls.equals(ENT.node(ENT.DiplomaticTie))) {
            p.addAll(phrase(Phrase.TIE_PARTIES, joined(d.all(n, ENT.node(ENT.party)), Phrase.TIE_AND), thing(n, ENT.tieType)));
            Node topic = d.first(n, ENT.node(ENT.topic));
            if (topic != null)
                p.addAll(phrase(Phrase.TIE_TOPIC, words(Description.lexical(topic))));
            Node about = d.first(n, ENT.node(ENT.concerns));
            if (about != null)
                p.addAll(phrase(Phrase.TIE_CONCERNS, link(about)));
            Node since = d.first(n, ENT.node(ENT.startDate));
            if (since != null)
                p.addAll(phrase(Phrase.TIE_SINCE, words(Description.lexical(since))));
        } else if (cls.equals(ENT.node(ENT.Stance))) {
            p.addAll(phrase(Phrase.STANCE, thing(n, ENT.from), thing(n, ENT.stanceType), thing(n, ENT.toward)));
            Node reason = d.first(n, ENT.node(ENT.reason));
            if (reason != null)
                p.addAll(phrase(Phrase.STANCE_REASON, words(Description.lexical(reason))));
        } else if (cls.equals(ENT.node(ENT.Assessment))) {
            p.addAll(phrase(Phrase.ASSESSMENT, words(Description.lexical(d.first(n, ENT.node(ENT.text)))),
                            joined(d.all(n, ENT.node(ENT.concerns)), Phrase.LIST_SEPARATOR)));
        } else {
            p.add(Part.text(d.labels().of(n)));
        }
        return p;
    }

    /** "per Ministry of Foreign Affairs of China": whom a source attributes a statement to, linked. */
    List<Part> attribution(Node by) {
        return by == null ? List.of() : phrase(Phrase.PER, link(by));
    }

    /** Whom a source attributes a statement to, as words. */
    List<Part> attributionText(Node by) {
        return by == null ? List.of() : phrase(Phrase.PER, words(d.labels().of(by)));
    }

    @SafeVarargs
    private List<Part> phrase(Phrase phrase, List<Part>... values) {
        return m.fill(phrase, Part::text, i -> values[i]);
    }

    private List<Part> thing(Node n, Property property) {
        return link(d.first(n, ENT.node(property)));
    }

    private List<Part> link(Node n) {
        return n == null ? List.of() : List.of(Part.link(linker.link(n)));
    }

    private static List<Part> words(String s) {
        return List.of(Part.text(s));
    }

    /** Things linked, with a phrase's words between each two. */
    private List<Part> joined(List<Node> things, Phrase between) {
        List<Part> out = new ArrayList<>();
        for (Node t : things) {
            if (!out.isEmpty())
                out.add(Part.text(m.format(between)));
            out.add(Part.link(linker.link(t)));
        }
        return out;
    }
}
