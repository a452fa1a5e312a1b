package org.entente.browse.view;

import java.util.List;

/**
 * The things that point to the resource by one property.
 *
 * @param predicate how they point to it ("is capital of")
 * @param subjects  the things
 */
public record IncomingGroup(String predicate, List<Link> subjects) {}
