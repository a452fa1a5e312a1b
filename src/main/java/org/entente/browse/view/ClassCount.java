package org.entente.browse.view;

/**
 * A class and how many things in the graph belong to it.
 *
 * @param kind  the class
 * @param count how many
 */
public record ClassCount(Link kind, String count) {}
