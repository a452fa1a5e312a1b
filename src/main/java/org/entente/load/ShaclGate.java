package org.entente.load;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
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
    /** How many subjects' types the gate keeps at hand while it checks. */
    private static final int TYPE_CACHE = 100_000;

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
        GateGraph data = GateGraph.overStore(dsg, ontology, TYPE_CACHE);
        Run run = new Run();
        for (Node g : graphs)
            forEachCandidate(dsg, g, focus -> checkNode(data, focus, run));
        run.throwIfAny();
    }

    /**
     * Validates an in-memory copy of everything a load into an empty store wrote (so the copy is the
     * whole store), together with the ontology. The same verdict as {@link #check(DatasetGraph, Collection)}
     * on that store, without reading back from disk, spread over up to {@code threads} threads.
     * Throws {@link ValidationException} on any violation.
     */
    public void check(Graph copy, int threads) {
        Set<Node> focusNodes = new LinkedHashSet<>();
        copy.find(Node.ANY, byClassOnly ? RDF.type.asNode() : Node.ANY, Node.ANY).forEachRemaining(t -> focusNodes.add(t.getSubject()));
        List<Node> all = new ArrayList<>(focusNodes);
        focusNodes.clear();
        int workers = Math.max(1, Math.min(threads, all.size() / 1000 + 1));
        Run run = new Run();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "shacl-gate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                List<Node> share = all.subList(all.size() * w / workers, all.size() * (w + 1) / workers);
                jobs.add(pool.submit(() -> {
                    GateGraph data = GateGraph.overGraph(copy, ontology);
                    for (Node focus : share) {
                        if (Thread.currentThread().isInterrupted())
                            return;
                        checkNode(data, focus, run);
                    }
                }));
            }
            for (Future<?> job : jobs)
                job.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EntenteException("SHACL gate interrupted", ex);
        } catch (ExecutionException ex) {
            throw EntenteException.fromWorker("SHACL gate", ex.getCause());
        } finally {
            pool.shutdownNow();
        }
        run.throwIfAny();
    }

    /** Checks one node against the shapes that target it. */
    private void checkNode(GateGraph data, Node focus, Run run) {
        if (!byClassOnly) {
            run.add(ShaclValidator.get().validate(shapes, data, focus));
            return;
        }
        data.focus(focus);
        // Only the shapes that target one of the node's classes (or a superclass) apply.
        Set<Shape> applicable = new LinkedHashSet<>();
        for (Triple t : data.typesOf(focus))
            applicable.addAll(run.shapesByType.computeIfAbsent(t.getObject(), c -> shapesTargeting(data, c)));
        // A context per node, so that memory holds only this node's findings.
        ValidationContext vCxt = ValidationContext.create(shapes, data);
        applicable.forEach(shape -> VLib.validateShape(vCxt, data, shape, focus));
        if (vCxt.hasViolation())
            run.add(vCxt.generateReport());
    }

    /**
     * One check's state, thread-safe: the shapes that apply to instances of each class (worked out once
     * per class, from the subclass axioms the data holds), and the violations found so far, each once,
     * the first few kept for the report.
     */
    private final class Run {
        final Map<Node, List<Shape>> shapesByType = new ConcurrentHashMap<>();
        private final Set<String> seen = new HashSet<>();
        private final List<ReportEntry> kept = new ArrayList<>();
        private int total = 0;

        synchronized void add(ValidationReport report) {
            if (report.conforms())
                return;
            for (ReportEntry e : report.getEntries()) {
                // A node typed twice is checked twice: report each violation once.
                if (seen.add(e.focusNode() + " " + e.resultPath() + " " + e.value() + " " + e.message())) {
                    total++;
                    if (kept.size() < REPORT_LIMIT)
                        kept.add(e);
                }
            }
        }

        synchronized void throwIfAny() {
            if (total > 0)
                throw new ValidationException(format(kept, total), total);
        }
    }

    /** The shapes whose sh:targetClass is the class or one of its superclasses, as the data graph says. */
    private List<Shape> shapesTargeting(Graph data, Node cls) {
        Set<Node> classes = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(cls));
        while (!todo.isEmpty()) {
            Node c = todo.pop();
            if (classes.add(c))
                data.find(c, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> todo.push(t.getObject()));
        }
        List<Shape> out = new ArrayList<>();
        for (Shape shape : shapes.getTargetShapes())
            if (!shape.deactivated() && shape.getTargets().stream().anyMatch(t -> classes.contains(t.getObject())))
                out.add(shape);
        return out;
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
