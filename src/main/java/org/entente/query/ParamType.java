package org.entente.query;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.shared.PrefixMapping;
import org.entente.sys.EntenteException;

/** The types a query parameter may declare, and how text becomes an RDF term of that type. */
public enum ParamType {
    IRI("iri", null, "string", "iri"),
    STRING("xsd:string", XSDDatatype.XSDstring, "string", null),
    DATE("xsd:date", XSDDatatype.XSDdate, "string", "date"),
    DATETIME("xsd:dateTime", XSDDatatype.XSDdateTime, "string", "date-time"),
    YEAR("xsd:gYear", XSDDatatype.XSDgYear, "string", null),
    INTEGER("xsd:integer", XSDDatatype.XSDinteger, "integer", null),
    DECIMAL("xsd:decimal", XSDDatatype.XSDdecimal, "number", null),
    BOOLEAN("xsd:boolean", XSDDatatype.XSDboolean, "boolean", null);

    private final String label;
    private final RDFDatatype datatype;
    private final String jsonType;
    private final String jsonFormat;

    ParamType(String label, RDFDatatype datatype, String jsonType, String jsonFormat) {
        this.label = label;
        this.datatype = datatype;
        this.jsonType = jsonType;
        this.jsonFormat = jsonFormat;
    }

    public String label() {
        return label;
    }

    /** The JSON Schema type of a value of this type, as OpenAPI documents it: string, integer, number or boolean. */
    public String jsonType() {
        return jsonType;
    }

    /** The JSON Schema format (date, date-time, iri), or null when the type has none. */
    public String jsonFormat() {
        return jsonFormat;
    }

    static ParamType of(String label, String where) {
        for (ParamType t : values())
            if (t.label.equals(label))
                return t;
        throw new EntenteException(where + ": unknown parameter type '" + label + "'");
    }

    /**
     * The RDF term for a value. An IRI may be written in full, in angle brackets, or as a prefixed
     * name with the query's prefixes; a literal must be valid for its datatype.
     */
    Node toNode(String value, PrefixMapping prefixes, String param) {
        if (this == IRI) {
            String v = value.strip();
            if (v.startsWith("<") && v.endsWith(">"))
                v = v.substring(1, v.length() - 1);
            else if (!v.contains("://")) {
                String expanded = prefixes.expandPrefix(v);
                if (!expanded.equals(v))
                    v = expanded;
            }
            if (!IRIs.check(v) || !IRIs.reference(v).isAbsolute())
                throw new EntenteException("Parameter '" + param + "': '" + value + "' is not a valid " + label
                                           + " (an absolute IRI, <IRI> or prefixed name)");
            return NodeFactory.createURI(v);
        }
        if (!datatype.isValid(value))
            throw new EntenteException("Parameter '" + param + "': '" + value + "' is not a valid " + label);
        return NodeFactory.createLiteralDT(value, datatype);
    }
}
