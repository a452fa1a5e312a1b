package org.entente.browse;

import org.apache.jena.shared.PrefixMapping;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/** The prefixes data documents are written with: they also make the JSON-LD {@code @context}. */
final class BrowsePrefixes {
    private BrowsePrefixes() {}

    static final PrefixMapping MAPPING = PrefixMapping.Factory.create()
        .setNsPrefix(ENT.PREFIX, ENT.NS)
        .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
        .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
        .setNsPrefix("owl", "http://www.w3.org/2002/07/owl#")
        .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
        .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
        .setNsPrefix("dct", "http://purl.org/dc/terms/")
        .setNsPrefix("schema", "https://schema.org/")
        .setNsPrefix("wd", EntenteSys.WIKIDATA_ENTITY)
        .setNsPrefix("id", EntenteSys.ID_BASE)
        .setNsPrefix("person", EntenteSys.ID_BASE + "person/")
        .setNsPrefix("state", EntenteSys.ID_BASE + "state/")
        .setNsPrefix("event", EntenteSys.ID_BASE + "event/")
        .setNsPrefix("source", EntenteSys.ID_BASE + "source/")
        .lock();
}
