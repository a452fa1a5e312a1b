package org.entente.ingest.extract;

import java.util.ArrayList;
import java.util.List;

import org.entente.ingest.link.Mention;
import org.entente.ingest.link.Thing;

/**
 * What an article has named so far, for the words that refer back: the last person ("he", "she"),
 * the persons and states in order of last mention ("the two leaders", "the two countries") and the
 * last organisation ("the organisation").
 */
final class ReferenceMemory {
    private Mention lastPerson;
    private final List<Thing> states = new ArrayList<>();
    private final List<Thing> persons = new ArrayList<>();
    private Thing lastOrganization;

    /** Notes the agents of a finished sentence; a group or definite description, or a person the linker only guessed, names no one new. */
    void noteAgents(List<Mention> agents) {
        for (Mention m : agents) {
            if (m.thing().kind().equals("person")) {
                lastPerson = m;
                if (!m.via().equals("group") && !m.via().equals("new"))
                    moveToEnd(persons, m.thing());
            }
            if (m.thing().kind().equals("organization") && !m.via().equals("definite"))
                lastOrganization = m.thing();
        }
    }

    /** Notes a state as named now. */
    void noteState(Thing state) {
        moveToEnd(states, state);
    }

    Mention lastPerson() {
        return lastPerson;
    }

    Thing lastOrganization() {
        return lastOrganization;
    }

    /** The persons named so far, the last named last. */
    List<Thing> persons() {
        return new ArrayList<>(persons);
    }

    /** The two states named last, or none when fewer were named. */
    List<Thing> lastTwoStates() {
        return states.size() < 2 ? List.of() : List.copyOf(states.subList(states.size() - 2, states.size()));
    }

    static void moveToEnd(List<Thing> list, Thing thing) {
        list.removeIf(x -> x.iri().equals(thing.iri()));
        list.add(thing);
    }
}
