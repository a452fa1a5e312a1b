package org.entente.browse.view;

/** The words of the page of a pair of territories, in the reader's language (keys {@code dyad.*}). */
public record DyadWords(String chartTitle, String events, String goldstein, String month, String kinds, String reported,
                        String mentions, String related, String machineCoded, String noEvents, String article) {}
