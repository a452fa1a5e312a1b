package org.entente.browse.view;

import java.util.List;

/**
 * Someone who takes part in an event.
 *
 * @param who         the participant
 * @param role        their roles, joined
 * @param certainty   how sure the source is; empty when it does not say
 * @param attribution whom the source attributes the participation to; empty when no one
 * @param source      the source (named graph) that states it; null when unknown
 */
public record Participant(Link who, String role, String certainty, List<Part> attribution, Link source) {

    /** Whether the source attributes the participation to someone. */
    public boolean attributed() {
        return !attribution.isEmpty();
    }
}
