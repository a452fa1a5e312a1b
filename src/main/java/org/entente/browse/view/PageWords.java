package org.entente.browse.view;

/** The words of a resource's page, in the reader's language (keys {@code page.*}). */
public record PageWords(String sameAs, String querySparql, String data, String participants, String source, String pagerLabel,
                        String previous, String next, String statements, String timeline, String properties, String linkedFrom,
                        String neighbourhood, String pairs) {}
