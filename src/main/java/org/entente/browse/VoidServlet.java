package org.entente.browse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.web.HttpSC;
import org.entente.store.GenerationCache;
import org.entente.store.StoreGeneration;
import org.entente.vocab.ENT;

/**
 * {@code /.well-known/void}: a VoID description of the dataset (RFC 5785 well-known location): its
 * SPARQL endpoint, URI space, vocabulary, size, class partitions and the sources it holds.
 */
final class VoidServlet extends HttpServlet {
    private static final String VOID = "http://rdfs.org/ns/void#";
    private static final List<RdfFormat> OFFERS = List.of(RdfFormat.TURTLE, RdfFormat.JSONLD, RdfFormat.NTRIPLES, RdfFormat.RDFXML);

    private final IriScheme iris;
    private final GenerationCache<Counts> counts;

    /** What the description says of the store's contents, counted once per store generation. */
    private record Counts(long triples, List<Binding> classes, List<Node> sources) {}

    VoidServlet(DatasetGraph dsg, StoreGeneration generation, IriScheme iris) {
        this.iris = iris;
        this.counts = new GenerationCache<>("void", generation, () -> Txn.calculateRead(dsg, () -> new Counts(
            dsg.stream().count(),
            BrowseLib.select(dsg, BrowseLib.query("summary"), Map.of()),
            BrowseLib.select(dsg, BrowseLib.query("sources"), Map.of()).stream().map(b -> b.get("source")).toList())));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RdfFormat f = Negotiation.choose(req.getHeader("Accept"), OFFERS).orElse(null);
        resp.setHeader("Vary", "Accept");
        if (f == null) {
            resp.sendError(HttpSC.NOT_ACCEPTABLE_406);
            return;
        }
        String server = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("void", VOID).setNsPrefix("dct", DCTerms.NS).setNsPrefixes(BrowsePrefixes.MAPPING);
        Node ds = NodeFactory.createURI(server + "/.well-known/void#dataset");
        add(g, ds, RDF.type.asNode(), uri(VOID + "Dataset"));
        add(g, ds, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Entente: a knowledge graph of international relations", "en"));
        add(g, ds, uri(VOID + "sparqlEndpoint"), uri(server + "/kg/sparql"));
        add(g, ds, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(iris.base()));
        add(g, ds, uri(VOID + "vocabulary"), uri(ENT.NS));
        add(g, ds, uri(VOID + "rootResource"), uri(server + "/"));
        add(g, ds, uri(VOID + "exampleResource"), uri(iris.base() + "person/kim-jong-un"));
        Counts c = counts.get();
        add(g, ds, uri(VOID + "triples"), NodeFactory.createLiteralDT(Long.toString(c.triples()), XSDDatatype.XSDinteger));
        int i = 0;
        for (Binding b : c.classes()) {
            Node part = NodeFactory.createURI(server + "/.well-known/void#class-" + (i++));
            add(g, ds, uri(VOID + "classPartition"), part);
            add(g, part, uri(VOID + "class"), b.get("class"));
            add(g, part, uri(VOID + "entities"), b.get("n"));
        }
        for (Node source : c.sources())
            add(g, ds, DCTerms.source.asNode(), source);
        resp.setStatus(HttpSC.OK_200);
        resp.setContentType(f.mediaType() + ";charset=utf-8");
        try (OutputStream out = resp.getOutputStream()) {
            RDFDataMgr.write(out, g, f.format());
        }
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }
}
