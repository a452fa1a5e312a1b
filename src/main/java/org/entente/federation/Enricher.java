package org.entente.federation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.entente.sys.QueryResources;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;
import org.entente.sys.EntenteSys;
import org.entente.vocab.ENT;

/**
 * Copies what users ask of Wikidata about our linked items into a named graph of its own, so that it
 * answers with no network: labels in five languages, the English description, and a few facts.
 * Running it again replaces the graph. The graph describes itself as a source: where the facts came
 * from (the endpoint) and when.
 * <pre>
 *   Enricher.Result r = new Enricher(new RemoteSparql(policy)).enrich(dsg);
 * </pre>
 */
public final class Enricher {

    /** The named graph (and source) of facts copied from Wikidata. */
    public static final String GRAPH = EntenteSys.ID_BASE + "source/wikidata";
    /** How many items go in one remote query. */
    static final int BATCH = 50;

    private static final Node PROV_GENERATED = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");
    private static final Node PROV_DERIVED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final String WD = EntenteSys.WIKIDATA_ENTITY + "Q";

    private final RemoteSparql remote;

    /** What an enrichment did. */
    public record Result(int items, long triples) {}

    public Enricher(RemoteSparql remote) {
        this.remote = remote;
    }

    /** Fetches facts for every linked item and replaces the Wikidata graph with them. */
    public Result enrich(DatasetGraph dsg) {
        Query linked = QueryResources.get("federation/linked-items.rq");
        List<Node> items = Txn.calculateRead(dsg, () -> {
            List<Node> out = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(dsg).query(linked).build()) {
                qe.select().forEachRemaining(b -> out.add(b.get("item")));
            }
            return out;
        });
        String endpoint = remote.policy().route(ServicePolicy.WIKIDATA)
                                .orElseThrow(() -> new EntenteException("No Wikidata endpoint configured"));
        List<Triple> facts = fetch(endpoint, QueryResources.get("federation/enrich-facts.rq"), items);
        Set<Node> pointedTo = new LinkedHashSet<>();
        for (Triple t : facts)
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(WD) && !items.contains(t.getObject()))
                pointedTo.add(t.getObject());
        facts.addAll(fetch(endpoint, QueryResources.get("federation/enrich-labels.rq"), new ArrayList<>(pointedTo)));

        Node g = NodeFactory.createURI(GRAPH);
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            facts.forEach(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
            dsg.add(g, g, RDF.type.asNode(), ENT.node(ENT.Source));
            dsg.add(g, g, RDFS.label.asNode(), NodeFactory.createLiteralLang("Facts copied from Wikidata", "en"));
            dsg.add(g, g, PROV_DERIVED, NodeFactory.createURI("https://www.wikidata.org/"));
            dsg.add(g, g, DCTerms.source.asNode(), NodeFactory.createURI(endpoint));
            dsg.add(g, g, DCTerms.license.asNode(), NodeFactory.createURI("https://creativecommons.org/publicdomain/zero/1.0/"));
            dsg.add(g, g, ENT.node(ENT.certainty), NodeFactory.createURI(EntenteSys.ID_BASE + "concept/certainty/reference"));
            dsg.add(g, g, PROV_GENERATED, NodeFactory.createLiteralDT(OffsetDateTime.now(ZoneOffset.UTC).toString(), XSDDatatype.XSDdateTime));
        });
        EntenteLog.loadLog.info("Enriched {} Wikidata items from {}: {} triples in <{}>", items.size(), endpoint, facts.size(), GRAPH);
        return new Result(items.size(), facts.size());
    }

    /** Runs a query over batches of items, each batch set as the query's VALUES block, and keeps ?item ?p ?o as triples. */
    private List<Triple> fetch(String endpoint, Query template, List<Node> items) {
        List<Triple> out = new ArrayList<>();
        Var item = Var.alloc("item");
        for (int i = 0; i < items.size(); i += BATCH) {
            Query q = template.cloneQuery();
            List<Binding> rows = new ArrayList<>();
            for (Node n : items.subList(i, Math.min(items.size(), i + BATCH)))
                rows.add(BindingFactory.binding(item, n));
            q.setValuesDataBlock(List.of(item), rows);
            RemoteSparql.Rows answer = remote.select(endpoint, q.serialize());
            for (Binding b : answer.bindings()) {
                Node s = b.get("item"), p = b.get("p"), o = b.get("o");
                if (s != null && p != null && o != null && s.isURI() && p.isURI())
                    out.add(Triple.create(s, p, o));
            }
        }
        return out;
    }
}
