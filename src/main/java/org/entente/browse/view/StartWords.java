package org.entente.browse.view;

/** The words of the start page, in the reader's language (keys {@code start.*}). */
public record StartWords(String intro, String openEditor, String endpoint, String classes, String events, String sources) {}
