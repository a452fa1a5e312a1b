package org.entente.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.eclipse.rdf4j.query.BooleanQuery;
import org.eclipse.rdf4j.query.GraphQuery;
import org.eclipse.rdf4j.query.Query;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.resultio.BooleanQueryResultFormat;
import org.eclipse.rdf4j.query.resultio.QueryResultIO;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;

/**
 * A peer for the benchmark: RDF4J's LMDB store behind the SPARQL protocol, as thin as a server can
 * be (the JDK's own HTTP server, eight threads, a 30 s time limit like ours). It runs in a JVM of its
 * own, with RDF4J on its class path and nothing of Entente's:
 * <pre>
 *   java -cp 'bench/target/entente-bench.jar:bench/target/bench-tools/rdf4j/*' org.entente.bench.Rdf4jLmdbServer \
 *        load DIR FILE.nq            (or: load DIR FILE.nt GRAPH-IRI; one transaction)
 *   ... Rdf4jLmdbServer serve DIR PORT        (SPARQL at http://127.0.0.1:PORT/sparql)
 * </pre>
 * Queries without {@code FROM} see the union of every graph, RDF4J's default, as Entente's default graph
 * is; {@code GRAPH ?g} sees each graph. Results in SPARQL JSON or XML, graphs in N-Triples, Turtle or
 * RDF/XML, as the {@code Accept} header asks.
 */
public final class Rdf4jLmdbServer {
    private static final int TIME_LIMIT_SECONDS = 30;

    private Rdf4jLmdbServer() {}

    public static void main(String... args) throws Exception {
        if (args.length >= 3 && args[0].equals("load"))
            load(new File(args[1]), new File(args[2]), args.length > 3 ? args[3] : null);
        else if (args.length == 3 && args[0].equals("serve"))
            serve(new File(args[1]), Integer.parseInt(args[2]));
        else
            throw new IllegalArgumentException("usage: Rdf4jLmdbServer load DIR FILE [GRAPH] | serve DIR PORT");
    }

    private static SailRepository repository(File dir) {
        LmdbStoreConfig config = new LmdbStoreConfig();
        // Room to grow: LMDB maps its files at a fixed size and refuses writes beyond it.
        config.setTripleDBSize(64L << 30);
        config.setValueDBSize(64L << 30);
        return new SailRepository(new LmdbStore(dir, config));
    }

    static void load(File dir, File data, String graph) throws IOException {
        SailRepository repo = repository(dir);
        try (RepositoryConnection c = repo.getConnection()) {
            c.begin();
            if (graph == null)
                c.add(data, null, RDFFormat.NQUADS);
            else
                c.add(data, null, RDFFormat.NTRIPLES, repo.getValueFactory().createIRI(graph));
            c.commit();
            System.out.println("loaded " + c.size() + " statements");
        } finally {
            repo.shutDown();
        }
    }

    static void serve(File dir, int port) throws IOException {
        SailRepository repo = repository(dir);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        http.setExecutor(Executors.newFixedThreadPool(8));
        http.createContext("/ping", ex -> answer(ex, 200, "text/plain", "ok\n"));
        http.createContext("/sparql", ex -> {
            try {
                sparql(repo, ex);
            } catch (RuntimeException | IOException err) {
                answer(ex, 400, "text/plain", String.valueOf(err.getMessage()) + "\n");
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            repo.shutDown();
        }));
        http.start();
        System.out.println("serving http://127.0.0.1:" + port + "/sparql");
    }

    private static void sparql(SailRepository repo, HttpExchange ex) throws IOException {
        Map<String, String> params = form(ex.getRequestURI().getRawQuery());
        String query = params.get("query");
        if ("POST".equals(ex.getRequestMethod())) {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
            query = type.startsWith("application/sparql-query") ? body : form(body).get("query");
        }
        if (query == null) {
            answer(ex, 400, "text/plain", "no query\n");
            return;
        }
        String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept")).toLowerCase(Locale.ROOT);
        try (RepositoryConnection c = repo.getConnection()) {
            Query q = c.prepareQuery(QueryLanguage.SPARQL, query);
            q.setMaxExecutionTime(TIME_LIMIT_SECONDS);
            if (q instanceof TupleQuery tq) {
                TupleQueryResultFormat f = accept.contains("xml") && !accept.contains("json") ? TupleQueryResultFormat.SPARQL : TupleQueryResultFormat.JSON;
                OutputStream out = start(ex, f.getDefaultMIMEType());
                tq.evaluate(QueryResultIO.createTupleWriter(f, out));
                out.close();
            } else if (q instanceof BooleanQuery bq) {
                BooleanQueryResultFormat f = accept.contains("xml") && !accept.contains("json") ? BooleanQueryResultFormat.SPARQL : BooleanQueryResultFormat.JSON;
                boolean b = bq.evaluate();
                OutputStream out = start(ex, f.getDefaultMIMEType());
                QueryResultIO.createBooleanWriter(f, out).handleBoolean(b);
                out.close();
            } else if (q instanceof GraphQuery gq) {
                RDFFormat f = accept.contains("rdf+xml") ? RDFFormat.RDFXML : accept.contains("turtle") ? RDFFormat.TURTLE : RDFFormat.NTRIPLES;
                OutputStream out = start(ex, f.getDefaultMIMEType());
                gq.evaluate(Rio.createWriter(f, out));
                out.close();
            } else {
                answer(ex, 400, "text/plain", "not a query\n");
            }
        }
    }

    private static OutputStream start(HttpExchange ex, String type) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, 0);
        return ex.getResponseBody();
    }

    private static void answer(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null)
            return m;
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0)
                m.putIfAbsent(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
