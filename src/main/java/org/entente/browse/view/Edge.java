package org.entente.browse.view;

/**
 * A line from the resource to a neighbour, labelled in its middle.
 *
 * @param x1    the resource's end
 * @param y1    the resource's end
 * @param x2    the neighbour's end
 * @param y2    the neighbour's end
 * @param mx    where the label goes
 * @param my    where the label goes
 * @param label how the two are linked, shortened to fit
 */
public record Edge(int x1, int y1, int x2, int y2, int mx, int my, String label) {}
