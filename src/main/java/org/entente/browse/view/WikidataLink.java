package org.entente.browse.view;

/**
 * The Wikidata item a resource is the same as.
 *
 * @param id   the item's id ({@code Q56226})
 * @param href the item's page on Wikidata
 */
public record WikidataLink(String id, String href) {}
