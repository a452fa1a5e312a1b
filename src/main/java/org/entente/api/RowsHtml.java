package org.entente.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.entente.query.NamedQuery;

/**
 * An answer as an HTML page in the site's style: the query's name and description, a table of the
 * rows (every value HTML-escaped by the template; http(s) IRIs as links), links to the pages around it
 * and to the other formats. No script: the page runs under the site's strict Content-Security-Policy.
 */
final class RowsHtml {

    private static final Mustache PAGE = new DefaultMustacheFactory("api").compile("rows.mustache");

    /** The page's view: {@code yes} for an ASK, {@code table} for rows. */
    record Page(String name, String description, String yes, Table table, List<Link> formats) {}

    record Table(List<String> vars, List<Row> rows, String range, String prev, String next) {}

    record Row(List<Cell> cells) {}

    record Cell(String text, String href) {}

    record Link(String name, String href) {}

    private RowsHtml() {}

    static void write(NamedQuery nq, Answer answer, Paging paging, String path, Map<String, String> params, OutputStream out)
        throws IOException {
        Table table = null;
        String yes = null;
        if (answer instanceof Answer.Rows rows)
            table = table(rows, paging, path, params);
        else if (answer instanceof Answer.Yes y)
            yes = y.value() ? "Yes" : "No";
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        PAGE.execute(w, new Page(nq.name(), nq.description(), yes, table, formats(path, params))).flush();
    }

    private static Table table(Answer.Rows answer, Paging paging, String path, Map<String, String> params) {
        List<Row> rows = new ArrayList<>();
        for (Binding b : answer.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (Var v : answer.vars())
                cells.add(cell(b.get(v)));
            rows.add(new Row(cells));
        }
        String range = rows.isEmpty() ? "No rows" + (paging.offset() > 0 ? " from row " + (paging.offset() + 1) : "")
                                      : "Rows " + (paging.offset() + 1) + " to " + (paging.offset() + rows.size());
        String prev = null;
        String next = null;
        for (String link : paging.links(path, params, answer.more())) {
            String url = link.substring(1, link.indexOf('>'));
            if (link.endsWith("rel=\"next\""))
                next = url;
            else
                prev = url;
        }
        return new Table(answer.vars().stream().map(Var::getVarName).toList(), rows, range, prev, next);
    }

    private static Cell cell(Node n) {
        if (n == null)
            return new Cell("", null);
        if (n.isURI())
            return new Cell(n.getURI(), n.getURI().startsWith("http://") || n.getURI().startsWith("https://") ? n.getURI() : null);
        if (n.isLiteral())
            return new Cell(n.getLiteralLexicalForm(), null);
        return new Cell(n.toString(), null);
    }

    private static List<Link> formats(String path, Map<String, String> params) {
        List<Link> out = new ArrayList<>();
        for (ApiFormat f : ApiFormat.ROWS) {
            if (f == ApiFormat.HTML)
                continue;
            Map<String, String> p = new LinkedHashMap<>(params);
            p.put(ApiParams.FORMAT, f.name);
            StringBuilder sb = new StringBuilder(path).append('?');
            p.forEach((k, v) -> sb.append(enc(k)).append('=').append(enc(v)).append('&'));
            out.add(new Link(f.name, sb.substring(0, sb.length() - 1)));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
