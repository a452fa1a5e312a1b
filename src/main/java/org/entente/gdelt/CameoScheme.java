package org.entente.gdelt;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.SKOS;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteSys;

/**
 * The CAMEO event codes of {@code ontology/cameo.ttl} (read once from the classpath): which codes
 * there are, their labels, and the IRIs of the code and quad-class concepts.
 */
public final class CameoScheme {
    /** Where the concepts live: {@code .../id/concept/cameo/{code}} and {@code .../cameo/quad-{n}}. */
    public static final String NS = EntenteSys.ID_BASE + "concept/cameo/";
    private static final String RESOURCE = "ontology/cameo.ttl";
    private static final Map<String, String> LABELS = read();

    private CameoScheme() {}

    /** Every event code (root, base and finer), as GDELT writes them ("04", "042", "0871"). */
    public static Set<String> codes() {
        return LABELS.keySet();
    }

    /** The label of an event code, or the code itself if there is none. */
    public static String label(String code) {
        return LABELS.getOrDefault(code, code);
    }

    public static Node code(String code) {
        return NodeFactory.createURI(NS + code);
    }

    public static Node quadClass(int n) {
        return NodeFactory.createURI(NS + "quad-" + n);
    }

    private static Map<String, String> read() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = CameoScheme.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new EntenteException("Missing resource " + RESOURCE);
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException ex) {
            throw new EntenteException("Cannot read " + RESOURCE + ": " + ex.getMessage(), ex);
        }
        Map<String, String> labels = new HashMap<>();
        g.find(Node.ANY, SKOS.notation.asNode(), Node.ANY).forEach(t -> {
            String iri = t.getSubject().getURI();
            if (!iri.startsWith(NS + "quad-")) {
                String code = t.getObject().getLiteralLexicalForm();
                g.find(t.getSubject(), SKOS.prefLabel.asNode(), Node.ANY).forEach(l -> labels.put(code, l.getObject().getLiteralLexicalForm()));
            }
        });
        return Map.copyOf(labels);
    }
}
