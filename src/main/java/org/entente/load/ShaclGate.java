package org.entente.load;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathWriter;
import org.entente.sys.EntenteException;

/**
 * The SHACL gate of the loader: checks the subjects a load wrote against the shapes of
 * {@code ontology/shapes.ttl}, seeing them together with the rest of the store and the ontology
 * (so that {@code sh:class} finds types given in other graphs, and subclasses count).
 */
public final class ShaclGate {

    /** Resources on the classpath that hold the shapes and the ontology. */
    public static final String SHAPES_RESOURCE = "ontology/shapes.ttl";
    public static final List<String> ONTOLOGY_RESOURCES = List.of("ontology/entente.ttl", "ontology/concepts.ttl");

    /** How many violations a report lists before it says "and N more". */
    private static final int REPORT_LIMIT = 50;

    private final Shapes shapes;
    private final Graph ontology;
    private final PrefixMap prefixes;
    private final org.apache.jena.shared.PrefixMapping prefixMapping;

    private ShaclGate(Graph shapesGraph, Graph ontology) {
        this.shapes = Shapes.parse(shapesGraph);
        this.ontology = ontology;
        this.prefixMapping = shapesGraph.getPrefixMapping();
        this.prefixes = PrefixMapFactory.create(prefixMapping);
    }

    /** The gate with the shapes and ontology shipped in the jar. */
    public static ShaclGate standard() {
        Graph shapesGraph = readResource(SHAPES_RESOURCE);
        Graph ontology = GraphFactory.createDefaultGraph();
        ONTOLOGY_RESOURCES.forEach(r -> readResource(r).find().forEachRemaining(ontology::add));
        return new ShaclGate(shapesGraph, ontology);
    }

    /** A gate with the given shapes and ontology graphs. */
    public static ShaclGate of(Graph shapesGraph, Graph ontology) {
        return new ShaclGate(shapesGraph, ontology);
    }

    private static Graph readResource(String name) {
        try (InputStream in = ShaclGate.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null)
                throw new EntenteException("Missing resource " + name + " (is the jar built from this project?)");
            return RDFParser.source(in).lang(Lang.TURTLE).toGraph();
        } catch (java.io.IOException ex) {
            throw new EntenteException("Cannot read resource " + name, ex);
        }
    }

    /**
     * Validates the given focus nodes against the shapes, over the union of the dataset's named graphs
     * and the ontology. Call inside a transaction. Throws {@link ValidationException} on any violation.
     */
    public void check(DatasetGraph dsg, Collection<Node> focusNodes) {
        Graph data = new Union(dsg.getUnionGraph(), ontology);
        ShaclValidator validator = ShaclValidator.get();
        List<ReportEntry> violations = new ArrayList<>();
        for (Node focus : focusNodes) {
            ValidationReport report = validator.validate(shapes, data, focus);
            if (!report.conforms())
                violations.addAll(report.getEntries());
        }
        if (!violations.isEmpty())
            throw new ValidationException(format(violations), violations.size());
    }

    private String format(List<ReportEntry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("SHACL validation failed: ").append(entries.size()).append(entries.size() == 1 ? " violation" : " violations");
        entries.stream().limit(REPORT_LIMIT).forEach(e -> {
            sb.append("\n  focus node: ").append(NodeFmtLib.str(e.focusNode(), prefixes));
            if (e.resultPath() != null)
                sb.append("\n    path: ").append(PathWriter.asString(e.resultPath(), new org.apache.jena.sparql.core.Prologue(prefixMapping)));
            if (e.value() != null)
                sb.append("\n    value: ").append(NodeFmtLib.str(e.value(), prefixes));
            sb.append("\n    message: ").append(e.message());
        });
        if (entries.size() > REPORT_LIMIT)
            sb.append("\n  ... and ").append(entries.size() - REPORT_LIMIT).append(" more");
        return sb.toString();
    }

    /** A load refused by the SHACL gate; the message is the readable report. */
    public static final class ValidationException extends EntenteException {
        private final int violations;

        ValidationException(String report, int violations) {
            super(report);
            this.violations = violations;
        }

        /** How many violations the report found. */
        public int violations() {
            return violations;
        }
    }
}
