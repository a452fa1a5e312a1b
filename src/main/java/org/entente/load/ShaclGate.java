package org.entente.load;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
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
    /** Whether every shape targets by class, so that only typed subjects need checking. */
    private final boolean byClassOnly;
    private final PrefixMap prefixes;
    private final org.apache.jena.shared.PrefixMapping prefixMapping;

    private ShaclGate(Graph shapesGraph, Graph ontology) {
        this.shapes = Shapes.parse(shapesGraph);
        this.ontology = ontology;
        this.byClassOnly = shapes.getTargetShapes().stream()
            .allMatch(s -> s.getTargets().stream().allMatch(t -> t.getTargetType() == TargetType.targetClass));
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
     * Validates what a load wrote to the given graphs, seen over the union of the dataset's named graphs
     * and the ontology. Call inside a transaction. Streams: the candidates are read from the store's
     * indexes in order, so memory does not grow with the size of the load.
     * Throws {@link ValidationException} on any violation.
     */
    public void check(DatasetGraph dsg, Collection<Node> graphs) {
        Graph data = new Union(dsg.getUnionGraph(), ontology);
        ShaclValidator validator = ShaclValidator.get();
        Set<String> seen = new HashSet<>();
        List<ReportEntry> violations = new ArrayList<>();
        int[] total = {0};
        for (Node g : graphs) {
            forEachCandidate(dsg, g, focus -> {
                ValidationReport report = validator.validate(shapes, data, focus);
                if (report.conforms())
                    return;
                for (ReportEntry e : report.getEntries()) {
                    // A node typed twice is checked twice: report each violation once.
                    if (seen.add(e.focusNode() + " " + e.resultPath() + " " + e.value() + " " + e.message())) {
                        total[0]++;
                        if (violations.size() < REPORT_LIMIT)
                            violations.add(e);
                    }
                }
            });
        }
        if (total[0] > 0)
            throw new ValidationException(format(violations, total[0]), total[0]);
    }

    /**
     * Calls the action once for each node of a graph that a shape may target, with runs of the same
     * node merged. When every shape targets by class, only typed subjects can be targets.
     */
    private void forEachCandidate(DatasetGraph dsg, Node g, java.util.function.Consumer<Node> action) {
        Node type = byClassOnly ? RDF.type.asNode() : Node.ANY;
        Node[] last = {null};
        dsg.find(g, Node.ANY, type, Node.ANY).forEachRemaining(q -> {
            Node s = q.getSubject();
            if (!s.equals(last[0])) {
                last[0] = s;
                action.accept(s);
            }
        });
    }

    private String format(List<ReportEntry> entries, int total) {
        StringBuilder sb = new StringBuilder();
        sb.append("SHACL validation failed: ").append(total).append(total == 1 ? " violation" : " violations");
        entries.forEach(e -> {
            sb.append("\n  focus node: ").append(NodeFmtLib.str(e.focusNode(), prefixes));
            if (e.resultPath() != null)
                sb.append("\n    path: ").append(PathWriter.asString(e.resultPath(), new org.apache.jena.sparql.core.Prologue(prefixMapping)));
            if (e.value() != null)
                sb.append("\n    value: ").append(NodeFmtLib.str(e.value(), prefixes));
            sb.append("\n    message: ").append(e.message());
        });
        if (total > entries.size())
            sb.append("\n  ... and ").append(total - entries.size()).append(" more");
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
