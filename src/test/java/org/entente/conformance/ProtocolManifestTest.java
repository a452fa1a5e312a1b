package org.entente.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.resultset.ResultSetReaderRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.entente.http.HttpLib;
import org.entente.TestLib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The W3C SPARQL 1.1 Protocol and Graph Store Protocol manifests, run as written against our server:
 * each described request is sent (its path's {@code /sparql/} mapped to {@code /kg/sparql} or
 * {@code /kg/update}, {@code /gsp} to {@code /kg/data}), and the status, result format, boolean
 * answer, response content type and (for the Graph Store) returned graph are checked.
 */
class ProtocolManifestTest {

    private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final String HT = "http://www.w3.org/2011/http#";
    private static final String CNT = "http://www.w3.org/2011/content#";
    private static final String HTS = "http://www.w3.org/2011/http-statusCodes#";
    private static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    private static final Map<String, int[]> STATUS = Map.of(
        "StatusCode2xx", new int[] { 200, 299 }, "StatusCode3xx", new int[] { 300, 399 }, "StatusCode4xx", new int[] { 400, 499 },
        "OK", new int[] { 200, 200 }, "Created", new int[] { 201, 201 }, "NoContent", new int[] { 204, 204 },
        "NotFound", new int[] { 404, 404 });

    static ConformanceServer conformance;
    static FusekiServer server;
    static DatasetGraph dsg;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final String AUTH = HttpLib.basicAuth(ConformanceServer.USER, ConformanceServer.USER);

    @BeforeAll
    static void start() throws Exception {
        conformance = ConformanceServer.start("protocol");
        server = conformance.server();
        dsg = conformance.dsg();
    }

    @AfterAll
    static void stop() {
        conformance.stop();
    }

    @TestFactory
    Stream<DynamicTest> protocol() {
        return suite("protocol/manifest.ttl");
    }

    @TestFactory
    Stream<DynamicTest> graphStoreProtocol() {
        return suite("graph-store-protocol/manifest-indirect.ttl");
    }

    @TestFactory
    Stream<DynamicTest> graphStoreProtocolDirect() {
        return suite("graph-store-protocol/manifest-direct.ttl");
    }

    private Stream<DynamicTest> suite(String manifest) {
        return TestLib.w3cSuite(manifest, suites -> suite(suites, manifest));
    }

    private Stream<DynamicTest> suite(Path suites, String manifest) {
        Path file = suites.resolveSibling("../sparql/sparql11/" + manifest).normalize();
        Model m = RDFDataMgr.loadModel(file.toUri().toString());
        Resource root = m.listSubjectsWithProperty(RDF.type, m.createResource(MF + "Manifest")).next();
        List<String> excluded = ConformanceExclusions.load("protocol");
        List<DynamicTest> tests = new ArrayList<>();
        for (RDFNode n : root.getPropertyResourceValue(m.createProperty(MF + "entries")).as(RDFList.class).asJavaList()) {
            Resource test = n.asResource();
            String name = test.getProperty(m.createProperty(MF + "name")).getString();
            if (excluded.contains(name))
                continue;
            tests.add(DynamicTest.dynamicTest(name, () -> run(m, test, file.getParent())));
        }
        int listed = (int) m.listSubjectsWithProperty(m.createProperty(MF + "name")).toList().size();
        assertTrue(listed >= 5, manifest + ": too few tests");
        assertEquals(listed, tests.size() + (int) m.listSubjectsWithProperty(m.createProperty(MF + "name")).toList().stream()
            .filter(t -> excluded.contains(t.getProperty(m.createProperty(MF + "name")).getString())).count(), "every test runs or is listed");
        return tests.stream();
    }

    private void run(Model m, Resource test, Path dir) throws Exception {
        Txn.executeWrite(dsg, dsg::clear);
        for (Statement gd : test.listProperties(m.createProperty(UT + "graphData")).toList()) {
            Resource spec = gd.getResource();
            String source = spec.getPropertyResourceValue(m.createProperty(UT + "graph")).getURI();
            String name = spec.getProperty(RDFS.label).getString();
            Graph g = RDFDataMgr.loadGraph(source);
            Txn.executeWrite(dsg, () -> g.find().forEachRemaining(t -> dsg.add(NodeFactory.createURI(name), t.getSubject(), t.getPredicate(), t.getObject())));
        }
        Resource action = test.getPropertyResourceValue(m.createProperty(MF + "action"));
        List<RDFNode> requests = action.getPropertyResourceValue(m.createProperty(HT + "requests")).as(RDFList.class).asJavaList();
        for (RDFNode r : requests)
            request(m, r.asResource());
    }

    private void request(Model m, Resource req) throws Exception {
        String method = req.getProperty(m.createProperty(HT + "methodName")).getString();
        String path = req.getProperty(m.createProperty(HT + "absolutePath")).getString();
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        Resource hs = req.getPropertyResourceValue(m.createProperty(HT + "headers"));
        if (hs != null)
            for (RDFNode h : hs.as(RDFList.class).asJavaList())
                headers.put(h.asResource().getProperty(m.createProperty(HT + "fieldName")).getString().toLowerCase(Locale.ROOT),
                            h.asResource().getProperty(m.createProperty(HT + "fieldValue")).getString());
        byte[] body = null;
        Resource b = req.getPropertyResourceValue(m.createProperty(HT + "body"));
        if (b != null) {
            Statement enc = b.getProperty(m.createProperty(CNT + "characterEncoding"));
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc.getString());
            body = b.getProperty(m.createProperty(CNT + "chars")).getString().getBytes(cs);
        }
        String url = server.serverURL().replaceAll("/$", "") + endpoint(method, path, headers.get("content-type"), body);

        HttpRequest.Builder hb = HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH);
        headers.forEach((k, v) -> {
            if (!k.equals("content-length") && !k.equals("host"))
                hb.header(k, v);
        });
        hb.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> resp = http.send(hb.build(), HttpResponse.BodyHandlers.ofByteArray());

        Resource expect = req.getPropertyResourceValue(m.createProperty(HT + "resp"));
        String where = method + " " + path + " -> " + resp.statusCode() + "\n" + new String(resp.body(), StandardCharsets.UTF_8);
        List<String> allowed = new ArrayList<>();
        boolean statusOk = false;
        for (Statement s : expect.listProperties(m.createProperty(MF + "expectedStatus")).toList()) {
            String code = s.getResource().getURI().replace(HTS, "");
            allowed.add(code);
            int[] range = STATUS.get(code);
            if (range == null)
                fail("unknown status " + code);
            statusOk |= resp.statusCode() >= range[0] && resp.statusCode() <= range[1];
        }
        assertTrue(allowed.isEmpty() || statusOk, "expected " + allowed + ": " + where);

        String type = resp.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        Statement format = expect.getProperty(m.createProperty(MF + "expectedFormat"));
        if (format != null) {
            String f = format.getString();
            boolean results = ResultSetReaderRegistry.isRegistered(RDFLanguages.contentTypeToLang(type));
            if (f.equals("RDF"))
                assertTrue(RDFLanguages.isTriples(RDFLanguages.contentTypeToLang(type)), "RDF expected, got " + type + ": " + where);
            else
                assertTrue(results, "SPARQL results expected, got " + type + ": " + where);
        }
        Statement bool = expect.getProperty(m.createProperty(MF + "expectedBoolean"));
        if (bool != null) {
            Lang lang = RDFLanguages.contentTypeToLang(type);
            boolean answer = ResultSetMgr.readBoolean(new ByteArrayInputStream(resp.body()), lang == null ? ResultSetLang.RS_XML : lang);
            assertEquals(bool.getBoolean(), answer, where);
        }
        Resource rh = expect.getPropertyResourceValue(m.createProperty(HT + "headers"));
        if (rh != null)
            for (RDFNode h : rh.as(RDFList.class).asJavaList()) {
                String field = h.asResource().getProperty(m.createProperty(HT + "fieldName")).getString();
                String value = h.asResource().getProperty(m.createProperty(HT + "fieldValue")).getString();
                if (field.equalsIgnoreCase("content-type"))
                    assertEquals(value.split(";")[0].strip(), type, where);
            }
        Resource rb = expect.getPropertyResourceValue(m.createProperty(HT + "body"));
        if (rb != null && RDFLanguages.contentTypeToLang(type) != null && RDFLanguages.isTriples(RDFLanguages.contentTypeToLang(type))) {
            Graph expected = RDFParser.fromString(rb.getProperty(m.createProperty(CNT + "chars")).getString(), Lang.TURTLE).toGraph();
            Graph actual = RDFParser.source(new ByteArrayInputStream(resp.body())).lang(RDFLanguages.contentTypeToLang(type)).toGraph();
            assertTrue(expected.isIsomorphicWith(actual), "returned graph differs: " + where);
        }
    }

    /** Where a request of the manifest goes on our server. */
    private static String endpoint(String method, String path, String contentType, byte[] body) {
        if (path.startsWith("/gsp"))
            return "/kg/data" + path.substring("/gsp".length());
        String rest = path.substring("/sparql/".length());
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = body == null ? "" : new String(body, StandardCharsets.ISO_8859_1);
        boolean update = ct.startsWith("application/sparql-update") || text.startsWith("update=") || rest.contains("update=")
                         || rest.contains("using-graph-uri") || rest.contains("using-named-graph-uri");
        return (update ? "/kg/update" : "/kg/sparql") + (rest.isEmpty() ? "" : rest.startsWith("?") ? rest : "?" + rest);
    }

}
