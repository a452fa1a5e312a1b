package org.entente.browse.view;

/**
 * One value of a property, with the source that states it.
 *
 * @param literal the literal's text; empty when the value is a resource
 * @param langTag the literal's language tag; empty when it has none
 * @param link    the resource; null when the value is a literal
 * @param source  the source (named graph) that states it
 */
public record PropertyValue(String literal, String langTag, Link link, Link source) {}
