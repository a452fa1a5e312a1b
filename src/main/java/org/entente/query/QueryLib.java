package org.entente.query;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.entente.sys.EntenteException;

/** The library of named queries in {@code queries/}, and running one against a dataset. */
public final class QueryLib {
    private QueryLib() {}

    /** Output formats of {@code entente query}. */
    public enum Format { TABLE, CSV, TSV, JSON }

    /** Every {@code *.rq} file of a folder, by name. */
    public static List<NamedQuery> readAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".rq")).sorted().map(NamedQuery::read).toList();
        } catch (IOException ex) {
            throw new EntenteException("Cannot read queries folder " + dir + ": " + ex.getMessage(), ex);
        }
    }

    /** A query by name from a folder, or from a file path. */
    public static NamedQuery find(String nameOrFile, Path dir) {
        Path asFile = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".rq") && Files.isRegularFile(asFile))
            return NamedQuery.read(asFile);
        if (!nameOrFile.matches("[A-Za-z0-9_-]+"))
            throw new EntenteException("No query file " + nameOrFile);
        Path file = dir.resolve(nameOrFile + ".rq");
        if (!Files.isRegularFile(file)) {
            String names = String.join(", ", readAll(dir).stream().map(NamedQuery::name).toList());
            throw new EntenteException("No query named '" + nameOrFile + "' in " + dir + "; there are: " + names);
        }
        return NamedQuery.read(file);
    }

    /**
     * A copy of a query with a VALUES block as the first element of its WHERE group: the engine starts
     * from the values, and the group's filters see them (as they would see substituted variables). The
     * way to send bound parameters to an endpoint, where execution-time substitution is not available.
     */
    public static Query valuesFirst(Query template, List<Var> vars, List<Binding> rows) {
        Query q = template.cloneQuery();
        ElementData data = new ElementData();
        vars.forEach(data::add);
        rows.forEach(data::add);
        Element pattern = q.getQueryPattern();
        if (pattern instanceof ElementGroup group) {
            group.getElements().add(0, data);
        } else {
            ElementGroup group = new ElementGroup();
            group.addElement(data);
            group.addElement(pattern);
            q.setQueryPattern(group);
        }
        return q;
    }

    /** A ready execution of a query with its parameters substituted into the parsed query. */
    public static QueryExec exec(DatasetGraph dsg, Query query, Map<String, Node> bindings, long timeoutMillis) {
        QueryExecDatasetBuilder b = QueryExec.newBuilder().dataset(dsg).query(query);
        bindings.forEach((k, v) -> b.substitution(Var.alloc(k), v));
        if (timeoutMillis > 0)
            b.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        return b.build();
    }

    /**
     * The rows of a SELECT with variables bound by substitution, each copied out of the store (TDB2 rows
     * resolve their terms lazily, which fails once the transaction has ended). Call inside a read
     * transaction.
     */
    public static List<Binding> rows(DatasetGraph dsg, Query query, Map<String, Node> bindings) {
        try (QueryExec qe = exec(dsg, query, bindings, 0)) {
            return copy(qe.select());
        }
    }

    private static List<Binding> copy(RowSet rows) {
        List<Binding> out = new ArrayList<>();
        rows.forEachRemaining(row -> out.add(BindingFactory.copy(row)));
        return out;
    }

    /** Runs a SELECT query and returns its rows, all read inside one read transaction and copied out of the store. */
    public static RowSetRewindable select(DatasetGraph dsg, NamedQuery nq, Map<String, String> params) {
        Map<String, Node> bindings = nq.bind(params);
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = exec(dsg, nq.query(), bindings, 0)) {
                RowSet rows = qe.select();
                return RowSetStream.create(rows.getResultVars(), copy(rows).iterator()).rewindable();
            }
        });
    }

    /**
     * Runs a named query and writes its answer in a format: a table, CSV, TSV or JSON for rows; Turtle
     * for graphs. The customiser sees each execution's context before it runs: the command line puts
     * its {@code SERVICE} policy there (with none, a query reaches no remote endpoint).
     */
    public static void run(DatasetGraph dsg, NamedQuery nq, Map<String, String> params, Format format,
                           long timeoutMillis, Consumer<Context> customiser, OutputStream out) {
        Map<String, Node> bindings = nq.bind(params);
        Txn.executeRead(dsg, () -> {
            try (QueryExec qe = exec(dsg, nq.query(), bindings, timeoutMillis)) {
                customiser.accept(qe.getContext());
                write(qe, nq, format, out);
            }
        });
    }

    /**
     * Runs a named query on a SPARQL endpoint (a running server's {@code /kg/sparql}) and writes its
     * answer as {@link #run} does: the same formats, written here by the same code. The parameters go
     * in as a VALUES block on the parsed query ({@link #valuesFirst}), never into its text.
     */
    public static void runRemote(String endpoint, NamedQuery nq, Map<String, String> params, Format format,
                                 long timeoutMillis, OutputStream out) {
        Map<String, Node> bindings = nq.bind(params);
        Query q = nq.query();
        if (!bindings.isEmpty()) {
            BindingBuilder row = Binding.builder();
            List<Var> vars = new ArrayList<>();
            bindings.forEach((k, v) -> {
                vars.add(Var.alloc(k));
                row.add(Var.alloc(k), v);
            });
            q = valuesFirst(q, vars, List.of(row.build()));
        }
        QueryExecHTTPBuilder b = QueryExecHTTP.service(endpoint).query(q);
        if (timeoutMillis > 0)
            b.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        try (QueryExec qe = b.build()) {
            write(qe, nq, format, out);
        } catch (QueryExceptionHTTP ex) {
            throw new EntenteException("The server at " + endpoint + " answered " + ex.getStatusCode() + ": "
                                       + (ex.getResponse() != null ? ex.getResponse().strip() : ex.getMessage()), ex);
        }
    }

    /** Writes the answer of an execution of a named query: rows, a boolean, or a graph. */
    private static void write(QueryExec qe, NamedQuery nq, Format format, OutputStream out) {
        Query q = nq.query();
        if (q.isSelectType())
            writeRows(qe.select(), q, format, out);
        else if (q.isAskType())
            writeBoolean(qe.ask(), format, out);
        else if (q.isConstructType() || q.isDescribeType())
            RDFDataMgr.write(out, q.isConstructType() ? qe.construct() : qe.describe(),
                             format == Format.JSON ? Lang.JSONLD : Lang.TURTLE);
        else
            throw new EntenteException("Unsupported query form in " + nq.name());
    }

    private static void writeRows(RowSet rows, Query q, Format format, OutputStream out) {
        ResultSet rs = ResultSet.adapt(rows);
        switch (format) {
            case TABLE -> ResultSetFormatter.out(out, rs, q.getPrefixMapping());
            case CSV -> ResultSetFormatter.outputAsCSV(out, rs);
            case TSV -> ResultSetFormatter.outputAsTSV(out, rs);
            case JSON -> ResultSetFormatter.outputAsJSON(out, rs);
        }
    }

    private static void writeBoolean(boolean b, Format format, OutputStream out) {
        switch (format) {
            case JSON -> ResultSetFormatter.outputAsJSON(out, b);
            case CSV -> ResultSetFormatter.outputAsCSV(out, b);
            case TSV -> ResultSetFormatter.outputAsTSV(out, b);
            default -> {
                try {
                    out.write((b ? "yes\n" : "no\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException ex) {
                    throw new EntenteException("Cannot write answer", ex);
                }
            }
        }
    }

}
