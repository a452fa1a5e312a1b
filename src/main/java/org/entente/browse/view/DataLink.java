package org.entente.browse.view;

/**
 * A link to the resource's data in one RDF syntax.
 *
 * @param name the file extension ({@code ttl})
 * @param href the data document
 * @param type its media type
 */
public record DataLink(String name, String href, String type) {}
