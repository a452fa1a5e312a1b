package org.entente.browse.view;

import java.util.List;

/**
 * A small SVG picture of the resource in the middle and its direct neighbours around it.
 *
 * @param width     the picture's size
 * @param height    the picture's size
 * @param cx        where the resource is
 * @param cy        where the resource is
 * @param center    the resource's label, shortened to fit
 * @param ariaLabel what the picture shows, for screen readers
 * @param nodes     the neighbours
 * @param edges     the lines to them
 */
public record Neighbourhood(int width, int height, int cx, int cy, String center, String ariaLabel, List<NeighbourNode> nodes,
                            List<Edge> edges) {

    /** Whether there is anything to draw. */
    public boolean drawn() {
        return !nodes.isEmpty();
    }
}
