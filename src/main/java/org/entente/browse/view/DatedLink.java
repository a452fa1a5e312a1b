package org.entente.browse.view;

/**
 * A thing with its date, such as an event.
 *
 * @param date  the date, as the data gives it
 * @param thing the thing
 */
public record DatedLink(String date, Link thing) {}
