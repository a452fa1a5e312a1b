package org.entente.browse.view;

import java.util.List;

/**
 * The participants of an event who share a status.
 *
 * @param status the status's label ({@code confirmed})
 * @param people the participants
 */
public record StatusGroup(String status, List<Participant> people) {}
