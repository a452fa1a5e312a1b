package org.entente.browse.view;

import java.util.List;

/**
 * A resource's page.
 *
 * @param frame         the head and foot
 * @param words         the page's own words
 * @param title         the resource's label
 * @param iri           the resource's IRI
 * @param languages     the same page in each language
 * @param types         the resource's classes
 * @param wikidata      the Wikidata items it is the same as
 * @param sparqlHref    the SPARQL editor with a DESCRIBE of the resource
 * @param dataLinks     its data in each RDF syntax
 * @param byStatus      for an event: its participants by status
 * @param pager         where this window of linked statements lies
 * @param statements    the n-ary statements it takes part in, as sentences
 * @param timeline      dated entries: offices, events, ties
 * @param properties    its own statements by property
 * @param incoming      what points to it, by property
 * @param neighbourhood the picture of its neighbours
 * @param pairs         the pages of the pairs of territories it involves
 * @param coded         for a machine-coded (GDELT) event: its codes, sides, places, scores and article; else null
 */
public record PageView(Frame frame, PageWords words, String title, String iri, List<LanguageLink> languages, List<Link> types,
                       List<WikidataLink> wikidata, String sparqlHref, List<DataLink> dataLinks, List<StatusGroup> byStatus, Pager pager,
                       List<Statement> statements, List<TimelineEntry> timeline, List<PropertyRow> properties,
                       List<IncomingGroup> incoming, Neighbourhood neighbourhood, List<Link> pairs,
                       CodedEventView coded) {

    /** Whether the page links to pages of pairs of territories. */
    public boolean hasPairs() {
        return !pairs.isEmpty();
    }

    /** Whether the resource is an event with participants to list. */
    public boolean hasByStatus() {
        return !byStatus.isEmpty();
    }

    /** Whether there are n-ary statements to show. */
    public boolean hasStatements() {
        return !statements.isEmpty();
    }

    /** Whether there are dated entries to show. */
    public boolean hasTimeline() {
        return !timeline.isEmpty();
    }

    /** Whether there are things pointing to the resource, besides statements. */
    public boolean hasIncoming() {
        return !incoming.isEmpty();
    }
}
