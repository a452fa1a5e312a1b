package org.entente.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.entente.http.HttpLib;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.eclipse.rdf4j.testsuite.query.parser.sparql.manifest.SPARQL11UpdateComplianceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The W3C SPARQL 1.1 update evaluation tests (the manifests RDF4J's test-suite jar carries), each
 * update sent through our authenticated {@code /kg/update} endpoint; the dataset before is set up,
 * and the dataset after compared graph by graph, by isomorphism, with the expected one.
 */
class UpdateManifestTest {

    private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    private static final List<String> SUITES = List.of("add", "basic-update", "clear", "copy", "delete-data", "delete-insert",
                                                       "delete-where", "delete", "drop", "move", "update-silent");

    static Path tests;
    static ConformanceServer conformance;
    static DatasetGraph dsg;
    static FusekiServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        tests = Files.createTempDirectory("entente-update-tests");
        // The W3C manifests ship inside RDF4J's test-suite jar: copy them out to read them as files.
        Path jar = Path.of(SPARQL11UpdateComplianceTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith("testcases-sparql-1.1-w3c/"))
                    continue;
                Path out = tests.resolve(entry.getName());
                Files.createDirectories(out.getParent());
                try (InputStream in = jf.getInputStream(entry)) {
                    Files.copy(in, out);
                }
            }
        }
        conformance = ConformanceServer.start("update-conformance");
        server = conformance.server();
        dsg = conformance.dsg();
    }

    @AfterAll
    static void stop() {
        conformance.stop();
    }

    @TestFactory
    Stream<DynamicTest> updateEvaluation() {
        List<String> excluded = ConformanceExclusions.load("sparql-update");
        List<DynamicTest> out = new ArrayList<>();
        for (String suite : SUITES) {
            Path manifest = tests.resolve("testcases-sparql-1.1-w3c/" + suite + "/manifest.ttl");
            Model m = RDFDataMgr.loadModel(manifest.toUri().toString());
            Resource root = m.listSubjectsWithProperty(RDF.type, m.createResource(MF + "Manifest")).next();
            for (RDFNode n : root.getPropertyResourceValue(m.createProperty(MF + "entries")).as(RDFList.class).asJavaList()) {
                Resource test = n.asResource();
                if (!test.hasProperty(RDF.type, m.createResource(MF + "UpdateEvaluationTest")))
                    continue;
                String name = test.getProperty(m.createProperty(MF + "name")).getString();
                if (excluded.contains(name))
                    continue;
                out.add(DynamicTest.dynamicTest(suite + ": " + name, () -> run(m, test)));
            }
        }
        assertTrue(out.size() > 80, "too few update tests: " + out.size());
        return out.stream();
    }

    private void run(Model m, Resource test) throws Exception {
        Resource action = test.getPropertyResourceValue(m.createProperty(MF + "action"));
        Resource result = test.getPropertyResourceValue(m.createProperty(MF + "result"));
        Map<Node, Graph> before = dataset(m, action);
        Txn.executeWrite(dsg, () -> {
            dsg.clear();
            before.forEach((g, graph) -> graph.find().forEachRemaining(t -> {
                if (g == null)
                    dsg.getDefaultGraph().add(t);
                else
                    dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
            }));
        });
        String update = Files.readString(Path.of(URI.create(action.getPropertyResourceValue(m.createProperty(UT + "request")).getURI())),
                                         StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.datasetURL("/kg") + "/update"))
            .header("Authorization", HttpLib.basicAuth(ConformanceServer.USER, ConformanceServer.USER))
            .header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, "update refused: " + r.statusCode() + " " + r.body());

        Map<Node, Graph> expected = dataset(m, result);
        Txn.executeRead(dsg, () -> {
            Graph expectedDefault = expected.getOrDefault(null, GraphFactory.createDefaultGraph());
            assertTrue(expectedDefault.isIsomorphicWith(dsg.getDefaultGraph()),
                       "default graph differs:\nexpected " + expectedDefault + "\nactual " + dsg.getDefaultGraph());
            List<Node> actualNames = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(g -> {
                if (!dsg.getGraph(g).isEmpty())
                    actualNames.add(g);
            });
            List<Node> expectedNames = new ArrayList<>();
            expected.forEach((g, graph) -> {
                if (g != null && !graph.isEmpty())
                    expectedNames.add(g);
            });
            assertEquals(expectedNames.stream().map(Node::getURI).sorted().toList(), actualNames.stream().map(Node::getURI).sorted().toList(),
                         "named graphs differ");
            for (Node g : expectedNames)
                assertTrue(expected.get(g).isIsomorphicWith(dsg.getGraph(g)), "graph " + g + " differs");
        });
    }

    /** The dataset an action or result describes: ut:data is the default graph, ut:graphData the named ones. */
    private static Map<Node, Graph> dataset(Model m, Resource spec) {
        Map<Node, Graph> out = new HashMap<>();
        if (spec == null)
            return out;
        Statement data = spec.getProperty(m.createProperty(UT + "data"));
        if (data != null)
            out.put(null, RDFDataMgr.loadGraph(data.getResource().getURI()));
        for (Statement gd : spec.listProperties(m.createProperty(UT + "graphData")).toList()) {
            Resource g = gd.getResource();
            out.put(NodeFactory.createURI(g.getProperty(RDFS.label).getString()),
                    RDFDataMgr.loadGraph(g.getPropertyResourceValue(m.createProperty(UT + "graph")).getURI()));
        }
        return out;
    }
}
