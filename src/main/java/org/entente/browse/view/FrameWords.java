package org.entente.browse.view;

/** The words of the head and foot every page shares, in the reader's language (keys {@code frame.*}). */
public record FrameWords(String searchPlaceholder, String searchLabel, String searchButton, String tagline, String sparqlEndpoint,
                         String states) {}
