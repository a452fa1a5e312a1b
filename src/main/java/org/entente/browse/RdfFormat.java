package org.entente.browse;

import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/** The formats a resource is offered in: its page, and its data in every common RDF syntax. */
public enum RdfFormat {
    HTML("html", "text/html", null, null),
    TURTLE("ttl", "text/turtle", Lang.TURTLE, RDFFormat.TURTLE_PRETTY),
    NTRIPLES("nt", "application/n-triples", Lang.NTRIPLES, RDFFormat.NTRIPLES),
    JSONLD("jsonld", "application/ld+json", Lang.JSONLD, RDFFormat.JSONLD11_PRETTY),
    RDFXML("rdf", "application/rdf+xml", Lang.RDFXML, RDFFormat.RDFXML_PRETTY),
    TRIG("trig", "application/trig", Lang.TRIG, RDFFormat.TRIG_PRETTY),
    NQUADS("nq", "application/n-quads", Lang.NQUADS, RDFFormat.NQUADS);

    private final String extension;
    private final String mediaType;
    private final Lang lang;
    private final RDFFormat format;

    RdfFormat(String extension, String mediaType, Lang lang, RDFFormat format) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.lang = lang;
        this.format = format;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public Lang lang() {
        return lang;
    }

    public RDFFormat format() {
        return format;
    }

    /** Whether the syntax carries the graph of each statement. */
    public boolean isQuads() {
        return this == TRIG || this == NQUADS;
    }

    /** The format of a {@code ?format=} value or a file extension. */
    public static Optional<RdfFormat> byExtension(String ext) {
        if (ext == null)
            return Optional.empty();
        String e = ext.toLowerCase(Locale.ROOT);
        for (RdfFormat f : values())
            if (f.extension.equals(e))
                return Optional.of(f);
        return Optional.empty();
    }
}
