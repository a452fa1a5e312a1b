package org.entente.browse.view;

/**
 * A page saying what went wrong.
 *
 * @param frame   the head and foot
 * @param words   the page's own words
 * @param status  the HTTP status
 * @param title   what went wrong, in a few words ("Not found")
 * @param message what went wrong, in a sentence
 */
public record ErrorView(Frame frame, ErrorWords words, int status, String title, String message) {}
