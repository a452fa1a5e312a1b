package org.entente.browse.view;

/** The words of a machine-coded (GDELT) event's section of its page, in the reader's language (keys {@code coded.*}). */
public record CodedWords(String heading, String machineCoded, String kind, String root, String base, String date, String actor1,
                         String actor2, String place, String actor1Place, String actor2Place, String goldstein, String tone,
                         String coverage, String source, String certainty, String reported) {}
