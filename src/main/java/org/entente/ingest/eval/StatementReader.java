package org.entente.ingest.eval;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.entente.query.QueryLib;
import org.entente.sys.EntenteException;
import org.entente.sys.QueryResources;
import org.entente.vocab.ENT;

/**
 * Reads the participations, stances and ties of a dataset (every graph of it, default and named)
 * as {@link Statement}s with their keys, by the queries in {@code ingest/eval/*.rq}. Facts about
 * events (types, dates) are looked up in the dataset and, when given, a background dataset such as
 * the store the draft links to.
 */
public final class StatementReader {
    private StatementReader() {}

    private static final String DIR = "ingest/eval/";
    private static final Var EVENT = Var.alloc("event");

    /** The classes below ent:Event in the shipped ontology (ent:Event itself excluded), read on first use. */
    private static final class EventClasses {
        static final Set<Node> ALL = readEventClasses();
    }

    /** The statements of a dataset, in the order the queries give them. */
    public static List<Statement> read(DatasetGraph dsg) {
        return read(dsg, null);
    }

    /** The statements of a dataset, with event facts also looked up in the background (may be null). */
    public static List<Statement> read(DatasetGraph dsg, DatasetGraph background) {
        return inRead(dsg, () -> background == null ? readAll(dsg, null) : inRead(background, () -> readAll(dsg, background)));
    }

    private static <T> T inRead(DatasetGraph dsg, Supplier<T> action) {
        return dsg.supportsTransactions() && !dsg.isInTransaction() ? Txn.calculateRead(dsg, action) : action.get();
    }

    private static List<Statement> readAll(DatasetGraph dsg, DatasetGraph background) {
        Graph own = new Union(dsg.getDefaultGraph(), dsg.getUnionGraph());
        DatasetGraph data = DatasetGraphFactory.wrap(own);
        DatasetGraph facts = background == null ? data
            : DatasetGraphFactory.wrap(new Union(own, new Union(background.getDefaultGraph(), background.getUnionGraph())));
        Qualifiers qualifiers = qualifiers(data);
        List<Partial> partials = new ArrayList<>();
        Set<Node> events = new LinkedHashSet<>();

        for (Binding row : rows(data, "participations.rq")) {
            Node event = row.get("event");
            if (event != null)
                events.add(event);
            partials.add(new Partial(Kind.PARTICIPATION, row.get("statement"), row.get("participant"), row.get("status"), event, Set.of()));
        }
        for (Binding row : rows(data, "stances.rq")) {
            Node toward = row.get("toward");
            if (toward != null && toward.isURI())
                events.add(toward);
            partials.add(new Partial(Kind.STANCE, row.get("statement"), row.get("from"), row.get("stanceType"), toward, Set.of()));
        }
        Map<Node, Partial> ties = new LinkedHashMap<>();
        for (Binding row : rows(data, "ties.rq")) {
            Node s = row.get("statement");
            Partial p = ties.computeIfAbsent(s, k -> new Partial(Kind.TIE, k, null, row.get("tieType"), null, new HashSet<>()));
            if (row.get("party") != null)
                p.parties().add(row.get("party"));
        }
        partials.addAll(ties.values());

        Map<Node, EventSignature> signatures = signatures(facts, events);
        List<Statement> out = new ArrayList<>();
        for (Partial p : partials) {
            StatementKey key = switch (p.kind()) {
                case PARTICIPATION -> StatementKey.participation(p.actor(), p.type(), signatureOrBare(signatures, p.object()));
                case STANCE -> {
                    EventSignature sig = p.object() == null ? null : signatures.get(p.object());
                    yield sig != null && !sig.types().isEmpty()
                        ? StatementKey.stanceTowardEvent(p.actor(), p.type(), sig)
                        : StatementKey.stance(p.actor(), p.type(), p.object());
                }
                case TIE -> StatementKey.tie(p.parties(), p.type());
            };
            out.add(new Statement(p.node(), key,
                                  qualifiers.get(p.node(), ENT.role.asNode()),
                                  qualifiers.get(p.node(), ENT.certainty.asNode()),
                                  qualifiers.get(p.node(), ENT.attributedTo.asNode()),
                                  qualifiers.get(p.node(), ENT.quote.asNode()).stream()
                                            .filter(Node::isLiteral).map(Node::getLiteralLexicalForm).sorted().toList()));
        }
        return out;
    }

    /** A participation whose event has no IRI (or none at all) still gets a signature, which matches only by type. */
    private static EventSignature signatureOrBare(Map<Node, EventSignature> signatures, Node event) {
        EventSignature sig = event == null ? null : signatures.get(event);
        return sig != null ? sig : new EventSignature(event, Set.of(), Set.of());
    }

    /** The signatures of the given resources: types below ent:Event and years, from the facts graph. */
    private static Map<Node, EventSignature> signatures(DatasetGraph facts, Set<Node> events) {
        Map<Node, Set<Node>> types = new HashMap<>();
        Map<Node, Set<Integer>> years = new HashMap<>();
        if (!events.isEmpty()) {
            Query q = QueryLib.valuesFirst(QueryResources.get(DIR + "event-facts.rq"), List.of(EVENT),
                                           events.stream().map(e -> BindingFactory.binding(EVENT, e)).toList());
            Set<Node> eventClasses = EventClasses.ALL;
            for (Binding row : QueryLib.rows(facts, q, Map.of())) {
                Node e = row.get("event");
                Node type = row.get("type");
                if (type != null && eventClasses.contains(type))
                    types.computeIfAbsent(e, k -> new HashSet<>()).add(type);
                Integer year = EventSignature.yearOf(row.get("when"));
                if (year != null)
                    years.computeIfAbsent(e, k -> new HashSet<>()).add(year);
            }
        }
        Map<Node, EventSignature> out = new HashMap<>();
        for (Node e : events)
            out.put(e, new EventSignature(e, types.getOrDefault(e, Set.of()), years.getOrDefault(e, Set.of())));
        return out;
    }

    private static Qualifiers qualifiers(DatasetGraph data) {
        Map<Node, Map<Node, Set<Node>>> values = new HashMap<>();
        for (Binding row : rows(data, "qualifiers.rq"))
            values.computeIfAbsent(row.get("statement"), k -> new HashMap<>())
                  .computeIfAbsent(row.get("property"), k -> new LinkedHashSet<>())
                  .add(row.get("value"));
        return new Qualifiers(values);
    }

    private static List<Binding> rows(DatasetGraph data, String query) {
        return QueryLib.rows(data, QueryResources.get(DIR + query), Map.of());
    }

    private static Set<Node> readEventClasses() {
        Graph onto = GraphFactory.createDefaultGraph();
        try (InputStream in = StatementReader.class.getClassLoader().getResourceAsStream("ontology/entente.ttl")) {
            if (in == null)
                throw new EntenteException("Missing resource ontology/entente.ttl (is the jar built from this project?)");
            RDFParser.source(in).lang(Lang.TURTLE).parse(onto);
        } catch (IOException ex) {
            throw new EntenteException("Cannot read resource ontology/entente.ttl", ex);
        }
        Set<Node> out = new HashSet<>();
        QueryLib.rows(DatasetGraphFactory.wrap(onto), QueryResources.get(DIR + "event-classes.rq"), Map.of())
                .forEach(row -> out.add(row.get("class")));
        return Set.copyOf(out);
    }

    /** A statement's key parts as read, before its event is resolved to a signature. */
    private record Partial(Kind kind, Node node, Node actor, Node type, Node object, Set<Node> parties) {}

    /** The values of role, certainty, attribution and quote, per statement. */
    private record Qualifiers(Map<Node, Map<Node, Set<Node>>> values) {
        Set<Node> get(Node statement, Node property) {
            return values.getOrDefault(statement, Map.of()).getOrDefault(property, Set.of());
        }
    }
}
