package org.entente.federation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.entente.load.Loader;
import org.entente.load.SourceFile;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/**
 * Copies from Wikidata, for every territory of the store with an ISO 3166-1 alpha-2 code, its heads of
 * state and of government over time, its diplomatic relations with the other territories, its current
 * capital and its memberships of the organisations Entente follows, each statement with Wikidata's
 * references and the day it was read, into one named graph written through the {@link Loader} (SHACL
 * gate, one transaction): running again replaces the graph, and a run that fails or is killed leaves the
 * previous one as it was.
 * <pre>
 *   WorldEnricher.Result r = WorldEnricher.create(new RemoteSparql(policy)).states(List.of("KP")).build().run(dsg);
 * </pre>
 * A run limited to some territories ({@link Builder#states}) fetches only theirs and keeps what the
 * previous graph says of the others.
 */
public final class WorldEnricher {

    /** The named graph (and source) of the world facts copied from Wikidata. */
    public static final String GRAPH = EntenteSys.ID_BASE + "source/wikidata-world";
    /** How many territories (or items) go in one remote query. */
    public static final int BATCH = 50;

    private final RemoteSparql remote;
    private final List<String> states;
    private final Duration pause;
    private final Clock clock;

    /** What a run did: territories asked about and matched, requests sent, what was written. */
    public record Result(int territories, int matched, List<String> unmatched, int requests, Duration remoteTime,
                         long triples, int leftOut, Map<String, Long> counts) {}

    private WorldEnricher(Builder b) {
        this.remote = b.remote;
        this.states = List.copyOf(b.states);
        this.pause = b.pause;
        this.clock = b.clock;
    }

    public static Builder create(RemoteSparql remote) {
        return new Builder(remote);
    }

    /** Fetches, builds the graph and writes it; a remote failure writes nothing. */
    public Result run(DatasetGraph dsg) {
        Node world = NodeFactory.createURI(GRAPH);
        List<WorldStore.Territory> all = Txn.calculateRead(dsg, () -> WorldStore.territories(dsg, world));
        Map<Node, WorldStore.Organization> organizations = Txn.calculateRead(dsg, () -> WorldStore.organizations(dsg));
        List<WorldStore.Territory> selected = select(all);

        WorldFetch fetch = new WorldFetch(remote, pause, BATCH);
        Map<Node, WorldStore.Territory> byItem;
        WorldBuilder.Answers answers;
        try {
            byItem = match(fetch, all);
            List<Node> items = byItem.entrySet().stream().filter(e -> selected.contains(e.getValue())).map(Map.Entry::getKey).toList();
            List<Claim> heads = Claim.group(fetch.select("federation/world-heads.rq", "item", items));
            List<Claim> ties = Claim.group(fetch.select("federation/world-ties.rq", "item", items));
            List<Claim> capitals = Claim.group(fetch.select("federation/world-capitals.rq", "item", items));
            List<Claim> memberships = Claim.group(fetch.select("federation/world-memberships.rq", "item", items));
            List<Node> named = new ArrayList<>();
            heads.forEach(c -> named.add(c.value()));
            capitals.forEach(c -> named.add(c.value()));
            answers = new WorldBuilder.Answers(heads, ties, capitals, memberships, labels(fetch, named));
        } catch (RemoteSparql.RemoteException ex) {
            throw new EntenteException("enrich --world stopped, nothing written: " + ex.getMessage(), ex);
        }
        Map<Node, WorldStore.Territory> selectedByItem = new LinkedHashMap<>();
        byItem.forEach((item, t) -> {
            if (selected.contains(t))
                selectedByItem.put(item, t);
        });

        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        WorldGraph out = new WorldGraph(WorldGraph.date(LocalDate.now(clock)));
        int[] leftOut = new int[1];
        Graph graph = Txn.calculateRead(dsg, () -> {
            Set<Node> named = new java.util.HashSet<>();
            answers.heads().forEach(c -> named.add(c.value()));
            answers.capitals().forEach(c -> named.add(c.value()));
            Map<Node, WorldStore.Linked> linked = WorldStore.linked(dsg, named.stream().filter(WikidataLib::isItem).toList(), world);
            selectedByItem.forEach((item, t) -> out.sameAs(t, item));
            WorldBuilder builder = new WorldBuilder(out, byItem, answers);
            builder.tenures(new Minter("person", linked, iri -> WorldStore.used(dsg, iri)));
            builder.ties();
            builder.capitals(new Minter("place", linked, iri -> WorldStore.used(dsg, iri)));
            builder.memberships(organizations);
            leftOut[0] = builder.leftOut();
            boolean limited = !states.isEmpty();
            out.source(world, fetch.endpoint(), NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime), scope(selected, all, limited));
            if (!limited)
                return out.graph();
            return WorldMerge.merge(WorldStore.previous(dsg, world), selected.stream().map(WorldStore.Territory::iri).toList(), world, out.graph());
        });
        long triples = write(dsg, graph);
        Result r = new Result(selected.size(), selectedByItem.size(), unmatched(selected, selectedByItem.values()), fetch.requests(),
                              fetch.remoteTime(), triples, leftOut[0], counts(out.graph()));
        EntenteLog.loadLog.info("World facts of {} territories ({} matched) from {}: {} requests, {} triples in <{}>",
                                r.territories(), r.matched(), fetch.endpoint(), r.requests(), r.triples(), GRAPH);
        return r;
    }

    /** The territories a run covers: all, or those named by alpha-2 or alpha-3 code. */
    private List<WorldStore.Territory> select(List<WorldStore.Territory> all) {
        if (states.isEmpty())
            return all;
        List<WorldStore.Territory> out = new ArrayList<>();
        for (String s : states) {
            String code = s.strip().toUpperCase(Locale.ROOT);
            WorldStore.Territory t = all.stream().filter(x -> code.equals(x.alpha2()) || code.equals(x.alpha3())).findFirst()
                .orElseThrow(() -> new EntenteException("No territory with ISO 3166-1 code " + s + " (and an alpha-2 code) in the store"));
            if (!out.contains(t))
                out.add(t);
        }
        return out;
    }

    /**
     * The item of each territory, by its alpha-2 code (P297): only a code exactly one item carries
     * matches, and never against a different item that another graph already links the territory to.
     */
    private static Map<Node, WorldStore.Territory> match(WorldFetch fetch, List<WorldStore.Territory> territories) {
        Map<String, WorldStore.Territory> byCode = new LinkedHashMap<>();
        territories.forEach(t -> byCode.put(t.alpha2(), t));
        List<Node> codes = byCode.keySet().stream().map(NodeFactory::createLiteralString).toList();
        Map<String, Set<Node>> items = new TreeMap<>();
        for (Binding b : fetch.select("federation/world-items.rq", "code", codes))
            if (b.get("code") != null && b.get("code").isLiteral() && WikidataLib.isItem(b.get("item")))
                items.computeIfAbsent(b.get("code").getLiteralLexicalForm(), k -> new java.util.TreeSet<>(java.util.Comparator.comparing(Node::getURI)))
                     .add(b.get("item"));
        Map<Node, WorldStore.Territory> out = new LinkedHashMap<>();
        items.forEach((code, found) -> {
            WorldStore.Territory t = byCode.get(code);
            if (t == null)
                return;
            if (found.size() != 1) {
                EntenteLog.loadLog.warn("{} is carried by {} Wikidata items {}: no match", code, found.size(), found);
                return;
            }
            Node item = found.iterator().next();
            if (!t.items().isEmpty() && !t.items().contains(item)) {
                EntenteLog.loadLog.warn("{} matches {} on Wikidata, but the store links <{}> to {}: no match", code, item, t.iri().getURI(), t.items());
                return;
            }
            out.put(item, t);
        });
        return out;
    }

    /** The labels (in the five languages) of items, sorted, by item. */
    private static Map<Node, List<Node>> labels(WorldFetch fetch, Collection<Node> items) {
        List<Node> wanted = items.stream().filter(WikidataLib::isItem).distinct().toList();
        Map<Node, List<Node>> out = new LinkedHashMap<>();
        for (Binding b : fetch.select("federation/enrich-labels.rq", "item", wanted))
            if (b.get("o") != null && b.get("o").isLiteral() && !b.get("o").getLiteralLanguage().isEmpty())
                out.computeIfAbsent(b.get("item"), k -> new ArrayList<>()).add(b.get("o"));
        out.replaceAll((k, v) -> v.stream().distinct().sorted(java.util.Comparator.comparing(Node::toString)).toList());
        return out;
    }

    private static String scope(List<WorldStore.Territory> selected, List<WorldStore.Territory> all, boolean limited) {
        if (!limited)
            return "This run covered all " + all.size() + " territories of the store with an ISO 3166-1 alpha-2 code.";
        return "This run refreshed " + selected.stream().map(WorldStore.Territory::alpha2).collect(Collectors.joining(", "))
               + " only; what it says of other territories was kept from the previous run (each statement's ent:retrieved gives the day it was read).";
    }

    /** Writes the graph through the loader, replacing the previous one in one transaction; returns its size. */
    private static long write(DatasetGraph dsg, Graph graph) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("entente-world-", ".nt");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                RDFDataMgr.write(out, graph, Lang.NTRIPLES);
            }
            EntenteLog.loadLog.info("Writing {} triples into <{}> in one transaction", graph.size(), GRAPH);
            Loader.create().dataset(dsg).graph(GRAPH).build().loadFiles(List.of(new SourceFile(tmp, Lang.NTRIPLES, GRAPH)));
            return graph.size();
        } catch (IOException ex) {
            throw new EntenteException("Cannot write the world graph to a temporary file: " + ex.getMessage(), ex);
        } finally {
            if (tmp != null)
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ex) {
                    EntenteLog.loadLog.warn("Cannot delete {}: {}", tmp, ex.getMessage());
                }
        }
    }

    private static List<String> unmatched(List<WorldStore.Territory> selected, Collection<WorldStore.Territory> matched) {
        return selected.stream().filter(t -> !matched.contains(t)).map(WorldStore.Territory::alpha2).toList();
    }

    /** How many things of each kind the fresh statements hold. */
    private static Map<String, Long> counts(Graph g) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (var type : List.of(ENT.Office, ENT.Tenure, ENT.Person, ENT.DiplomaticTie, ENT.Place, ENT.Membership, ENT.Reference))
            out.put(type.getLocalName(), g.find(Node.ANY, RDF.type.asNode(), ENT.node(type)).toList().stream().count());
        out.put("capital", (long) g.find(Node.ANY, ENT.node(ENT.capital), Node.ANY).toList().size());
        return out;
    }

    /** Settings of a {@link WorldEnricher}. */
    public static final class Builder {
        private final RemoteSparql remote;
        private final List<String> states = new ArrayList<>();
        private Duration pause = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();

        private Builder(RemoteSparql remote) {
            this.remote = Objects.requireNonNull(remote, "remote");
        }

        /** Limits the run to territories named by ISO 3166-1 alpha-2 or alpha-3 code (any case). */
        public Builder states(List<String> codes) {
            this.states.addAll(codes);
            return this;
        }

        /** The pause between two requests to Wikidata (default 1 s): one request at a time, never a burst. */
        public Builder pause(Duration d) {
            this.pause = Objects.requireNonNull(d);
            return this;
        }

        /** The clock that dates the run (for tests: a fixed one makes two runs give the same graph). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        public WorldEnricher build() {
            return new WorldEnricher(this);
        }
    }
}
