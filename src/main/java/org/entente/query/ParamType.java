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
    IRI("iri", null),
    STRING("xsd:string", XSDDatatype.XSDstring),
    DATE("xsd:date", XSDDatatype.XSDdate),
    DATETIME("xsd:dateTime", XSDDatatype.XSDdateTime),
    YEAR("xsd:gYear", XSDDatatype.XSDgYear),
    INTEGER("xsd:integer", XSDDatatype.XSDinteger),
    DECIMAL("xsd:decimal", XSDDatatype.XSDdecimal),
    BOOLEAN("xsd:boolean", XSDDatatype.XSDboolean);

    private final String label;
    private final RDFDatatype datatype;

    ParamType(String label, RDFDatatype datatype) {
        this.label = label;
        this.datatype = datatype;
    }

    public String label() {
        return label;
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
                throw new EntenteException("Parameter '" + param + "': not an absolute IRI: " + value);
            return NodeFactory.createURI(v);
        }
        if (!datatype.isValid(value))
            throw new EntenteException("Parameter '" + param + "': '" + value + "' is not a valid " + label);
        return NodeFactory.createLiteralDT(value, datatype);
    }
}
