package org.entente.browse.view;

/** The words of the states index, in the reader's language (keys {@code states.*}). */
public record StatesWords(String title, String intro, String unMember, String otherRegion) {}
