package org.entente.browse.view;

import java.util.List;

/**
 * The start page: what is in the graph, its events by date, its sources.
 *
 * @param frame   the head and foot
 * @param words   the page's own words
 * @param classes each class with its number of instances, most first
 * @param events  the events with a date, in date order
 * @param sources the sources whose graphs hold statements
 */
public record StartView(Frame frame, StartWords words, List<ClassCount> classes, List<DatedLink> events, List<Link> sources) {}
