package org.entente.ingest.link;

/**
 * Something a mention may stand for: a thing the store has (its IRI), or one the article names and
 * the store does not ({@code proposed}, under the usual IRI scheme, for a person to review).
 *
 * @param kind state, person, organization, group, place or event
 */
public record Thing(String iri, String kind, String label, boolean proposed) {

    /** Whether the thing can take part in events and hold stances (a state, person, organisation or group). */
    public boolean agent() {
        return kind.equals("state") || kind.equals("person") || kind.equals("organization") || kind.equals("group");
    }

    /** The last segment of the IRI, as used to mint IRIs of statements about the thing. */
    public String slug() {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
