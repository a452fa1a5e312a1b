package org.entente.browse.view;

/**
 * A neighbour in the neighbourhood picture.
 *
 * @param href    where it links; empty when it cannot be linked
 * @param caption its label, shortened to fit
 * @param x       where it is drawn
 * @param y       where it is drawn
 */
public record NeighbourNode(String href, String caption, int x, int y) {}
