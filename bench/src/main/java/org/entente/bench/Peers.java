package org.entente.bench;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.entente.sys.EntenteException;

/**
 * The stores a user would pick instead, side by side with ours and stock Fuseki: Virtuoso Open
 * Source 7 (Debian's {@code virtuoso-opensource}, found on the PATH: bulk loaded with {@code ld_dir}
 * and {@code rdf_loader_run} through {@code isql-vt}, its SPARQL endpoint on loopback) and RDF4J's
 * LMDB store ({@link Rdf4jLmdbServer}, in a JVM of its own with the same heap as ours). Each loads the
 * same file; each is skipped, with the reason recorded, when it cannot be had.
 * <p>
 * Default graphs: every engine here answers a query without {@code FROM} over the union of all graphs
 * (ours and stock Fuseki by {@code unionDefaultGraph}, Virtuoso and RDF4J by their own default), and
 * the look-up mix names its graphs ({@code GRAPH ?g}) anyway. Virtuoso also holds a few system graphs
 * of its own, which no query of the mix reaches. Before any time counts, every engine's row count for
 * each query of a sample is checked against ours; an engine that disagrees is reported, not timed.
 */
final class Peers {
    /** A running engine: its name, its SPARQL endpoint, its process (for CPU and memory), and how it was loaded. */
    record Engine(String name, String sparql, Process process, Map<String, Object> load) {}

    private final Path work;
    private final Path rdf4jLib;
    private final List<String> skipped = new ArrayList<>();

    Peers(Path work, Path rdf4jLib) {
        this.work = work;
        this.rdf4jLib = rdf4jLib;
    }

    /** Why engines were skipped, one sentence each. */
    List<String> skipped() {
        return skipped;
    }

    /**
     * Starts every peer that can be had, each loaded with {@code data} (N-Quads, or N-Triples into
     * {@code graph} when that is not null).
     */
    List<Engine> start(String name, Path data, long triples, String graph) throws Exception {
        List<Engine> engines = new ArrayList<>();
        Optional<Path> virtuoso = onPath("virtuoso-t"), isql = onPath("isql-vt");
        if (virtuoso.isEmpty() || isql.isEmpty())
            skipped.add("Virtuoso: virtuoso-t or isql-vt not on the PATH (Debian: apt-get install virtuoso-opensource; bench/run installs it when it can)");
        else
            engines.add(virtuoso(name, virtuoso.get(), isql.get(), data, triples, graph));
        if (!Files.isDirectory(rdf4jLib))
            skipped.add("RDF4J LMDB: no class path at " + rdf4jLib + " (mvn -f bench/pom.xml package copies it there)");
        else
            engines.add(rdf4j(name, data, triples, graph));
        return engines;
    }

    static void stop(List<Engine> engines) throws InterruptedException {
        for (Engine e : engines)
            Procs.stop(e.process());
    }

    /** One line of a side-by-side section: each engine's QMpH and CPU per mix, or that its answers differ; what was skipped. */
    static String summary(Map<String, Object> section) {
        StringBuilder sb = new StringBuilder();
        Object engines = section.getOrDefault("engines", section);
        if (engines instanceof Map<?, ?> all)
            all.forEach((name, v) -> {
                if (v instanceof Map<?, ?> m)
                    sb.append(sb.isEmpty() ? "" : "; ").append(name).append(Boolean.TRUE.equals(m.get("agrees"))
                        ? String.format(" %s QMpH, %s CPU ms/mix", m.get("qmph"), m.get("cpu_ms_per_mix"))
                        : " answers differ from ours: " + m.get("disagreements"));
            });
        if (section.get("skipped") instanceof List<?> l && !l.isEmpty())
            sb.append("; skipped: ").append(l);
        return sb.toString();
    }

    // ---- Virtuoso

    private Engine virtuoso(String name, Path server, Path isql, Path data, long triples, String graph) throws Exception {
        Path dir = work.resolve(name + "-virtuoso");
        Procs.deleteTree(dir);
        Files.createDirectories(dir.resolve("db"));
        int[] ports = Procs.freePorts(2);
        Path ini = dir.resolve("virtuoso.ini");
        Files.writeString(ini, VirtuosoIni.text(dir.resolve("db"), data.getParent().toAbsolutePath(), ports[0], ports[1]));
        Process p = new ProcessBuilder(server.toString(), "+foreground", "+configfile", ini.toString()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("virtuoso.out").toFile()).start();
        String sparql = "http://127.0.0.1:" + ports[1] + "/sparql";
        try {
            Procs.awaitUp(sparql + "?query=ASK%7B%7D", p);
            String load = "ld_dir('" + data.getParent().toAbsolutePath() + "', '" + data.getFileName() + "', '"
                          + (graph == null ? "urn:x-bench:unused" : graph) + "'); rdf_loader_run(); checkpoint;";
            double secs = Procs.timed(new ProcessBuilder(isql.toString(), "127.0.0.1:" + ports[0], "dba", "dba", "exec=" + load).redirectErrorStream(true), dir);
            String errors = isqlOut(isql, ports[0], dir, "select count(*) from DB.DBA.LOAD_LIST where ll_error is not null;");
            if (!errors.matches("(?s).*\\b0\\b.*"))
                throw new EntenteException("Virtuoso could not load " + data + ": " + errors);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tps", Math.round(triples / secs));
            m.put("note", "ld_dir + rdf_loader_run + checkpoint through isql-vt, into a running server (its start not counted)");
            return new Engine("virtuoso", sparql, p, m);
        } catch (Exception ex) {
            Procs.stop(p);
            throw new EntenteException("Virtuoso failed: " + ex.getMessage() + "\n" + Procs.tail(dir.resolve("virtuoso.out"), 15), ex);
        }
    }

    private static String isqlOut(Path isql, int port, Path dir, String sql) throws Exception {
        Path out = Files.createTempFile(dir, "isql-", ".out");
        new ProcessBuilder(isql.toString(), "127.0.0.1:" + port, "dba", "dba", "exec=" + sql).redirectErrorStream(true)
            .redirectOutput(out.toFile()).start().waitFor();
        return Files.readString(out);
    }

    // ---- RDF4J LMDB

    private Engine rdf4j(String name, Path data, long triples, String graph) throws Exception {
        Path dir = work.resolve(name + "-rdf4j-lmdb");
        Procs.deleteTree(dir);
        String cp = harnessClassPath() + File.pathSeparator + rdf4jLib.toAbsolutePath() + File.separator + "*";
        List<String> load = new ArrayList<>(List.of("-Xmx2g", "-cp", cp, Rdf4jLmdbServer.class.getName(), "load", dir.toString(), data.toString()));
        if (graph != null)
            load.add(graph);
        double secs = Procs.timed(Procs.java(load.toArray(String[]::new)), work);
        int port = Procs.freePort();
        Process p = Procs.java(ServerBench.HEAP, "-cp", cp, Rdf4jLmdbServer.class.getName(), "serve", dir.toString(), Integer.toString(port))
            .redirectOutput(work.resolve(name + "-rdf4j.log").toFile()).start();
        Procs.awaitUp("http://127.0.0.1:" + port + "/ping", p);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tps", Math.round(triples / secs));
        m.put("note", "one transaction through RDF4J's repository API, whole process with JVM start, -Xmx2g (as our loader)");
        return new Engine("rdf4j_lmdb", "http://127.0.0.1:" + port + "/sparql", p, m);
    }

    /** Where this harness's own classes are (the bench jar, or target/classes under Maven). */
    private static String harnessClassPath() {
        try {
            return Path.of(Peers.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException ex) {
            throw new EntenteException("Cannot tell where the bench classes are: " + ex.getMessage(), ex);
        }
    }

    static Optional<Path> onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, command);
            if (Files.isExecutable(p))
                return Optional.of(p);
        }
        return Optional.empty();
    }

    // ---- asking the same questions everywhere

    /** How many rows an engine answers to a SELECT (SPARQL JSON results). */
    static long rows(HttpClient http, String sparql, String query) throws Exception {
        HttpResponse<byte[]> r = send(http, sparql, query);
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON);
        long n = 0;
        for (; rs.hasNext(); rs.next())
            n++;
        return n;
    }

    static HttpResponse<byte[]> send(HttpClient http, String sparql, String query) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(sparql + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200)
            throw new EntenteException(sparql + " answered " + r.statusCode() + " to " + query + ": "
                                       + new String(r.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
        return r;
    }

    /**
     * The first queries on which an engine's row counts differ from the reference's ("query: ours N,
     * theirs M"), or an empty list when they agree on all.
     */
    static List<String> disagreements(HttpClient http, String reference, String other, List<String> queries) throws Exception {
        List<String> out = new ArrayList<>();
        for (String q : queries) {
            long a = rows(http, reference, q), b;
            try {
                b = rows(http, other, q);
            } catch (Exception ex) {
                out.add(q + ": failed: " + ex.getMessage());
                continue;
            }
            if (a != b)
                out.add(q + ": ours " + a + " rows, theirs " + b);
            if (out.size() >= 3)
                break;
        }
        return out;
    }

    /** The settings Virtuoso starts with: its files in one folder, its ports on loopback, memory like a 512 MiB heap. */
    static final class VirtuosoIni {
        private VirtuosoIni() {}

        static String text(Path db, Path dataDir, int sqlPort, int httpPort) throws IOException {
            String t = new String(Peers.class.getResourceAsStream("virtuoso.ini").readAllBytes(), StandardCharsets.UTF_8);
            return t.replace("@DB@", db.toAbsolutePath().toString()).replace("@DATA@", dataDir.toString())
                    .replace("@SQL_PORT@", Integer.toString(sqlPort)).replace("@HTTP_PORT@", Integer.toString(httpPort));
        }
    }
}
