package org.entente.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.web.HttpSC;
import org.entente.store.GenerationCache;
import org.entente.store.StoreGeneration;

/**
 * A SPARQL 1.1 Service Description, answered at the query endpoints when they are asked with no
 * query ({@code GET /kg/sparql}): what the endpoint supports, its result formats, its features
 * (union default graph, federated query) and the named graphs of its dataset.
 */
final class ServiceDescription implements Filter {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final Set<String> ENDPOINTS = Set.of("sparql", "query");
    private static final int MAX_GRAPHS = 1000;

    /** The dataset's graph names (the first thousand), read once per store generation. */
    private final GenerationCache<List<Node>> graphs;

    ServiceDescription(DatasetGraph dsg, StoreGeneration generation) {
        this.graphs = new GenerationCache<>("service-description", generation, () -> Txn.calculateRead(dsg, () -> {
            List<Node> names = new ArrayList<>();
            Iterator<Node> it = dsg.listGraphNodes();
            while (it.hasNext() && names.size() < MAX_GRAPHS)
                names.add(it.next());
            return List.copyOf(names);
        }));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest r = (HttpServletRequest) req;
        String path = r.getRequestURI();
        String last = path.substring(path.lastIndexOf('/') + 1);
        boolean describe = ("GET".equals(r.getMethod()) || "HEAD".equals(r.getMethod())) && ENDPOINTS.contains(last)
                           && r.getParameter("query") == null && r.getQueryString() == null;
        if (!describe) {
            chain.doFilter(req, resp);
            return;
        }
        String accept = r.getHeader("Accept");
        Lang lang = accept != null && accept.contains("application/ld+json") ? Lang.JSONLD
                  : accept != null && accept.contains("application/rdf+xml") ? Lang.RDFXML : Lang.TURTLE;
        String endpoint = r.getScheme() + "://" + r.getServerName() + ":" + r.getServerPort() + path;
        Graph g = describe(endpoint);
        HttpServletResponse out = (HttpServletResponse) resp;
        out.setStatus(HttpSC.OK_200);
        out.setHeader("Vary", "Accept");
        out.setContentType(lang.getHeaderString() + ";charset=utf-8");
        try (OutputStream os = out.getOutputStream()) {
            RDFDataMgr.write(os, g, RDFLanguages.isTriples(lang) ? lang : Lang.TURTLE);
        }
    }

    private Graph describe(String endpoint) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("formats", FORMATS);
        Node service = NodeFactory.createURI(endpoint + "#service");
        g.add(service, RDF.type.asNode(), uri(SD + "Service"));
        g.add(service, uri(SD + "endpoint"), uri(endpoint));
        g.add(service, uri(SD + "supportedLanguage"), uri(SD + "SPARQL11Query"));
        for (String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                                "Turtle", "N-Triples", "JSON-LD", "RDF_XML"))
            g.add(service, uri(SD + "resultFormat"), uri(FORMATS + f));
        g.add(service, uri(SD + "feature"), uri(SD + "UnionDefaultGraph"));
        g.add(service, uri(SD + "feature"), uri(SD + "BasicFederatedQuery"));
        g.add(service, uri(SD + "defaultEntailmentRegime"), uri("http://www.w3.org/ns/entailment/Simple"));
        Node dataset = NodeFactory.createURI(endpoint + "#dataset");
        g.add(service, uri(SD + "defaultDataset"), dataset);
        g.add(dataset, RDF.type.asNode(), uri(SD + "Dataset"));
        int i = 0;
        for (Node name : graphs.get()) {
            Node ng = NodeFactory.createURI(endpoint + "#graph-" + (i++));
            g.add(dataset, uri(SD + "namedGraph"), ng);
            g.add(ng, RDF.type.asNode(), uri(SD + "NamedGraph"));
            g.add(ng, uri(SD + "name"), name);
        }
        return g;
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }
}
