package org.entente.browse.view;

import java.util.List;

/**
 * A property of the resource and its values.
 *
 * @param predicate    the property's label
 * @param predicateIri the property's IRI
 * @param values       its values, those in the reader's languages first
 */
public record PropertyRow(String predicate, String predicateIri, List<PropertyValue> values) {}
