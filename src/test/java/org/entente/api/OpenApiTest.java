package org.entente.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.web.HttpSC;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.query.NamedQuery;
import org.entente.query.QueryLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document the server serves, read and validated as OpenAPI 3.1 by swagger-parser. */
class OpenApiTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;
    static String json;

    @BeforeAll
    static void start() throws Exception {
        dsg = StoreLib.open(tmp.resolve("store"));
        server = EntenteServer.create().dataset(dsg).port(0).queries(TestLib.home().resolve("queries")).build().start();
        HttpResponse<String> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + "/api/openapi.json")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpSC.OK_200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        json = r.body();
    }

    @AfterAll
    static void stop() {
        server.stop();
        StoreLib.close(dsg);
    }

    static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return new OpenAPIParser().readContents(json, null, options);
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        SwaggerParseResult result = parse();
        assertEquals(List.of(), result.getMessages(), "validation messages");
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertEquals("3.1.0", api.getOpenapi());
        assertEquals(QueryLib.readAll(TestLib.home().resolve("queries")).size(), api.getPaths().size(), "one path per query");
    }

    @Test
    void theValidatorCatchesABrokenDocument() {
        String broken = json.replaceFirst("\"in\": \"query\"", "\"in\": \"nowhere\"").replaceFirst("\"openapi\": \"3.1.0\",", "");
        SwaggerParseResult result = new OpenAPIParser().readContents(broken, null, new ParseOptions());
        assertTrue(result.getMessages().size() >= 1, "a document with no version and a bad parameter is refused: " + result.getMessages());
    }

    @Test
    void aQueryIsDescribedFromItsHeader() {
        OpenAPI api = parse().getOpenAPI();
        NamedQuery nq = QueryLib.find("office-holders-on-date", TestLib.home().resolve("queries"));
        Operation get = api.getPaths().get("/api/office-holders-on-date").getGet();
        assertEquals("office-holders-on-date", get.getOperationId());
        assertEquals(nq.description(), get.getDescription());
        assertTrue(get.getSummary().startsWith("Who held which office"), get.getSummary());
        Parameter date = get.getParameters().stream().filter(p -> p.getName().equals("date")).findFirst().orElseThrow();
        assertEquals("query", date.getIn());
        assertEquals(Boolean.FALSE, date.getRequired());
        assertEquals("2025-09-03", date.getExample());
        assertEquals("date", date.getSchema().getFormat());
        assertTrue(date.getSchema().getTypes().contains("string"), date.getSchema().toString());
        assertTrue(date.getDescription().contains("xsd:date"), date.getDescription());
        for (String p : List.of("limit", "offset", "format"))
            assertTrue(get.getParameters().stream().anyMatch(x -> x.getName().equals(p)), p);
        Parameter limit = get.getParameters().stream().filter(p -> p.getName().equals("limit")).findFirst().orElseThrow();
        assertEquals(10_000, limit.getSchema().getMaximum().intValue());
        assertEquals(100, ((Number) limit.getSchema().getDefault()).intValue());

        Schema<?> rows = get.getResponses().get("200").getContent().get("application/json").getSchema();
        assertTrue(rows.getTypes().contains("array"));
        assertEquals(List.of("stateName", "officeName", "holderName", "start", "end"), List.copyOf(rows.getItems().getProperties().keySet()));
        for (String type : List.of("application/sparql-results+json", "text/csv", "text/tab-separated-values",
                                   "application/sparql-results+xml", "text/html"))
            assertNotNull(get.getResponses().get("200").getContent().get(type), type);
        assertNotNull(get.getResponses().get("200").getHeaders().get("Link"));
        assertNotNull(get.getResponses().get("400"));
        assertNotNull(api.getPaths().get("/api/office-holders-on-date").getPost().getRequestBody());
    }

    @Test
    void iriParametersAreIrisWithAnExample() {
        Parameter person = parse().getOpenAPI().getPaths().get("/api/person-timeline").getGet().getParameters().get(0);
        assertEquals("person", person.getName());
        assertEquals("iri", person.getSchema().getFormat());
        assertEquals("https://w3id.org/entente/id/person/kim-jong-un", person.getExample());
    }

    @Test
    void everyParameterOfEveryQueryHasAnExample() {
        for (NamedQuery nq : QueryLib.readAll(TestLib.home().resolve("queries")))
            for (NamedQuery.QueryParam p : nq.params())
                assertNotNull(p.example(), nq.name() + ": @example for " + p.name());
    }

    @Test
    void federatedQueriesSayTheyMayBeRefused() {
        Operation get = parse().getOpenAPI().getPaths().get("/api/wikidata-tie-states").getGet();
        assertNotNull(get.getResponses().get("403"));
        assertNotNull(get.getResponses().get("502"));
    }
}
