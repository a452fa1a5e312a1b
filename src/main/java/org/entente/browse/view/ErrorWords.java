package org.entente.browse.view;

/** The words of an error page, in the reader's language (keys {@code error.*}). */
public record ErrorWords(String back) {}
