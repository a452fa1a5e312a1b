package org.entente.ingest.link;

import java.util.Set;

/** An event the store knows: its types (local names below ent:Event) and its day, month or year, if given. */
public record StoreEvent(String iri, Set<String> types, String when) {}
