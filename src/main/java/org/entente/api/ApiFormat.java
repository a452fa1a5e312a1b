package org.entente.api;

import java.util.Arrays;
import java.util.List;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.web.HttpSC;

/**
 * The formats of an answer, each with its {@code ?format=} name and media type: rows (and yes/no) as
 * plain JSON, SPARQL JSON, CSV, TSV, SPARQL XML or an HTML table; graphs as RDF.
 */
enum ApiFormat {
    JSON("json", "application/json"),
    SPARQL_JSON("sparql-json", "application/sparql-results+json"),
    CSV("csv", "text/csv"),
    TSV("tsv", "text/tab-separated-values"),
    XML("xml", "application/sparql-results+xml"),
    HTML("html", "text/html"),
    TURTLE("turtle", "text/turtle"),
    JSONLD("jsonld", "application/ld+json"),
    NTRIPLES("ntriples", "application/n-triples"),
    RDFXML("rdfxml", "application/rdf+xml");

    /** What a SELECT or ASK answers in; the first is the default. */
    static final List<ApiFormat> ROWS = List.of(JSON, SPARQL_JSON, CSV, TSV, XML, HTML);
    /** What a CONSTRUCT or DESCRIBE answers in; the first is the default. */
    static final List<ApiFormat> GRAPH = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML);

    final String name;
    final String mediaType;

    ApiFormat(String name, String mediaType) {
        this.name = name;
        this.mediaType = mediaType;
    }

    /** The RDF syntax of a graph format. */
    Lang lang() {
        return RDFLanguages.contentTypeToLang(mediaType);
    }

    static List<String> names(List<ApiFormat> offers) {
        return offers.stream().map(f -> f.name).toList();
    }

    /**
     * The format of an answer: {@code ?format=} when given (one of the offers, else {@code 400}), else
     * the best offer for the {@code Accept} header (the first offer when there is none), else {@code 406}.
     */
    static ApiFormat choose(String format, String accept, List<ApiFormat> offers) {
        if (format != null)
            return offers.stream().filter(f -> f.name.equals(format)).findFirst().orElseThrow(
                () -> ApiErrors.badRequest("Parameter 'format': '" + format + "' is not one of " + String.join(", ", names(offers))));
        if (accept == null || accept.isBlank())
            return offers.get(0);
        AcceptList offered = AcceptList.create(offers.stream().map(f -> f.mediaType).toArray(String[]::new));
        MediaType best = AcceptList.match(new AcceptList(accept), offered);
        if (best == null)
            throw ApiErrors.status(HttpSC.NOT_ACCEPTABLE_406, "Nothing here fits Accept: " + accept + "; this answer comes as "
                                                              + String.join(", ", offers.stream().map(f -> f.mediaType).toList()));
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(best.getContentTypeStr())).findFirst().orElseThrow();
    }
}
