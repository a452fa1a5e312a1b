package org.entente.browse.view;

/**
 * A resource that matches a search.
 *
 * @param thing the resource
 * @param match the label that matched, when it is not the one shown; else empty
 */
public record SearchResult(Link thing, String match) {}
