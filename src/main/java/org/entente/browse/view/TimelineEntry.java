package org.entente.browse.view;

/**
 * A dated entry on a timeline.
 *
 * @param date   the date, as the data gives it
 * @param what   what happened ("took office", a participation's status)
 * @param target what it happened with (the office, the event, the tie's type)
 */
public record TimelineEntry(String date, String what, Link target) {}
