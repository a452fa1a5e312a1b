package org.entente.ingest;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.ingest.extract.Extraction;

/** The draft of one article: its slug and source IRI, the proposed quads, the review page, and what the extractor found. */
public record Draft(String slug, String source, DatasetGraph quads, String reviewHtml, Extraction extraction) {}
