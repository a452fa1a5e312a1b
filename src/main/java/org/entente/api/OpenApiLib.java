package org.entente.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.entente.api.OpenApi.Components;
import org.entente.api.OpenApi.Document;
import org.entente.api.OpenApi.Header;
import org.entente.api.OpenApi.Info;
import org.entente.api.OpenApi.MediaType;
import org.entente.api.OpenApi.Operation;
import org.entente.api.OpenApi.Parameter;
import org.entente.api.OpenApi.PathItem;
import org.entente.api.OpenApi.Ref;
import org.entente.api.OpenApi.RequestBody;
import org.entente.api.OpenApi.Response;
import org.entente.api.OpenApi.Schema;
import org.entente.api.OpenApi.Tag;
import org.entente.query.NamedQuery;
import org.entente.query.NamedQuery.QueryParam;
import org.entente.sys.EntenteSys;

/**
 * The OpenAPI 3.1 document of the web API, made from the queries' headers: for each query a path
 * with its summary and description, its parameters (typed, with their examples), the paging and
 * format parameters, and the shapes of its answers (for rows, an array of objects whose properties
 * are the query's projected variables).
 * <pre>
 *   String json = OpenApiLib.toJson(OpenApiLib.document(queries, "/api"));
 * </pre>
 */
final class OpenApiLib {
    private OpenApiLib() {}

    static final String VERSION = "3.1.0";
    private static final String TAG = "queries";
    private static final String RESPONSES = "#/components/responses/";
    private static final String SCHEMAS = "#/components/schemas/";

    static String toJson(Document doc) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(doc);
    }

    static Document document(Collection<NamedQuery> queries, String base) {
        Map<String, PathItem> paths = new LinkedHashMap<>();
        for (NamedQuery nq : queries)
            paths.put(base + "/" + nq.name(), new PathItem(get(nq), post(nq)));
        Info info = new Info("Entente web API", EntenteSys.VERSION,
            "Each named query of the knowledge graph as an endpoint: GET " + base + "/NAME with the query's parameters in the "
            + "query string (or POST them as a form). Parameters are typed and checked; a wrong one is answered 400 with a "
            + "message naming it. Rows come as a JSON array of objects by default, or as SPARQL JSON, CSV, TSV, SPARQL XML or "
            + "an HTML table, by Accept or ?format=; graphs as RDF. Rows come in pages (limit, offset; Link headers name the "
            + "next and previous pages). Answers carry an ETag that changes with every write to the store.");
        return new Document(VERSION, info, null, List.of(new Tag(TAG, "The named queries of the project's queries/ folder")),
                            paths, components());
    }

    private static Operation get(NamedQuery nq) {
        List<Parameter> params = new ArrayList<>();
        for (QueryParam p : nq.params())
            params.add(new Parameter(p.name(), "query", describe(p), false, schema(p), p.example()));
        if (nq.query().isSelectType()) {
            params.add(new Parameter(ApiParams.LIMIT, "query", "How many rows to answer", false, limit(), null));
            params.add(new Parameter(ApiParams.OFFSET, "query", "How many rows to skip", false, offset(), null));
        }
        params.add(new Parameter(ApiParams.FORMAT, "query", "The answer's format, instead of the Accept header", false, format(nq), null));
        return new Operation(nq.name(), nq.summary(), nq.description(), List.of(TAG), params, null, responses(nq));
    }

    private static Operation post(NamedQuery nq) {
        Map<String, Schema> props = new LinkedHashMap<>();
        for (QueryParam p : nq.params())
            props.put(p.name(), schema(p).description(describe(p)));
        if (nq.query().isSelectType()) {
            props.put(ApiParams.LIMIT, limit());
            props.put(ApiParams.OFFSET, offset());
        }
        props.put(ApiParams.FORMAT, format(nq));
        RequestBody body = new RequestBody("The parameters as a form", false,
                                           Map.of("application/x-www-form-urlencoded", new MediaType(Schema.object(props, null))));
        return new Operation(nq.name() + "-form", nq.summary() + " (parameters as a form)", nq.description(), List.of(TAG), null,
                             body, responses(nq));
    }

    private static String describe(QueryParam p) {
        return (p.description().isBlank() ? "" : p.description() + " ") + "Type: " + p.type().label()
               + ". Left out, the query answers for every value.";
    }

    private static Schema schema(QueryParam p) {
        return Schema.of(p.type().jsonType()).format(p.type().jsonFormat());
    }

    private static Schema limit() {
        return Schema.of("integer").range(1L, Paging.MAX_LIMIT).defaultValue(Paging.DEFAULT_LIMIT);
    }

    private static Schema offset() {
        return Schema.of("integer").range(0L, null).defaultValue(0L);
    }

    private static Schema format(NamedQuery nq) {
        return Schema.of("string").values(ApiFormat.names(offers(nq)));
    }

    private static List<ApiFormat> offers(NamedQuery nq) {
        Query q = nq.query();
        return q.isSelectType() || q.isAskType() ? ApiFormat.ROWS : ApiFormat.GRAPH;
    }

    private static Map<String, Object> responses(NamedQuery nq) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("ETag", new Header("The answer's tag at the store's current generation; send it in If-None-Match", Schema.of("string")));
        if (nq.query().isSelectType())
            headers.put("Link", new Header("The next page (rel=\"next\", when there may be more rows) and the previous one (rel=\"prev\")",
                                           Schema.of("string")));
        out.put("200", new Response("The answer", headers, content(nq)));
        out.put("304", new Ref(RESPONSES + "NotModified"));
        out.put("400", new Ref(RESPONSES + "BadRequest"));
        if (federated(nq.query())) {
            out.put("403", new Ref(RESPONSES + "Refused"));
            out.put("502", new Ref(RESPONSES + "RemoteFailed"));
        }
        out.put("406", new Ref(RESPONSES + "NotAcceptable"));
        out.put("503", new Ref(RESPONSES + "Timeout"));
        return out;
    }

    private static Map<String, MediaType> content(NamedQuery nq) {
        Query q = nq.query();
        Map<String, MediaType> out = new LinkedHashMap<>();
        Schema text = Schema.of("string");
        if (q.isSelectType()) {
            Map<String, Schema> vars = new LinkedHashMap<>();
            for (Var v : q.getProjectVars())
                vars.put(v.getVarName(), Schema.of(List.of("string", "number", "boolean", "null")));
            out.put(ApiFormat.JSON.mediaType, new MediaType(Schema.array(Schema.object(vars, List.copyOf(vars.keySet())))));
        } else if (q.isAskType()) {
            out.put(ApiFormat.JSON.mediaType, new MediaType(Schema.of("boolean")));
        }
        for (ApiFormat f : offers(nq)) {
            if (f == ApiFormat.JSON)
                continue;
            Schema s = f == ApiFormat.SPARQL_JSON ? Schema.ref(SCHEMAS + "SparqlResults") : f == ApiFormat.JSONLD ? Schema.of("object") : text;
            out.put(f.mediaType, new MediaType(s));
        }
        return out;
    }

    private static Components components() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        Schema term = Schema.object(Map.of("type", Schema.of("string").values(List.of("uri", "literal", "bnode", "triple")),
                                           "value", Schema.of("string"), "datatype", Schema.of("string"),
                                           "xml:lang", Schema.of("string")), List.of("type"));
        schemas.put("RdfTerm", term.description("One value of a row, as SPARQL 1.1 Query Results JSON writes it"));
        Schema head = Schema.object(Map.of("vars", Schema.array(Schema.of("string"))), null);
        Schema results = Schema.object(Map.of("bindings", Schema.array(Schema.of("object").additionalProperties(Schema.ref(SCHEMAS + "RdfTerm")))), null);
        schemas.put("SparqlResults", Schema.object(Map.of("head", head, "results", results, "boolean", Schema.of("boolean")), List.of("head"))
                                           .description("SPARQL 1.1 Query Results JSON Format"));
        Map<String, MediaType> message = Map.of("text/plain", new MediaType(Schema.of("string")));
        Map<String, Response> responses = new LinkedHashMap<>();
        responses.put("NotModified", new Response("Not modified: the store has not changed since the tag in If-None-Match", null, null));
        responses.put("BadRequest", new Response("A parameter is unknown or not of its type; the message names it and the type expected",
                                                 null, message));
        responses.put("Refused", new Response("The query calls a SERVICE that this server's policy does not allow", null, message));
        responses.put("RemoteFailed", new Response("A remote SPARQL endpoint the query calls failed", null, message));
        responses.put("NotAcceptable", new Response("None of the answer's formats fits the Accept header", null, message));
        responses.put("Timeout", new Response("The query ran past the server's time limit", null, message));
        return new Components(schemas, responses);
    }

    /** Whether a query calls a {@code SERVICE}, in its pattern or a subquery's. */
    static boolean federated(Query query) {
        return federated(query.getQueryPattern());
    }

    private static boolean federated(Element pattern) {
        boolean[] found = { false };
        if (pattern != null)
            ElementWalker.walk(pattern, new ElementVisitorBase() {
                @Override
                public void visit(ElementService el) {
                    found[0] = true;
                }

                @Override
                public void visit(ElementSubQuery el) {
                    found[0] |= federated(el.getQuery().getQueryPattern());
                }
            });
        return found[0];
    }
}
