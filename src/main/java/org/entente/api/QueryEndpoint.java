package org.entente.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.system.Txn;
import org.apache.jena.web.HttpSC;
import org.entente.query.NamedQuery;
import org.entente.query.QueryLib;

/**
 * Answers one call of a named query: checks its parameters, refuses a {@code SERVICE} the policy does
 * not allow, runs the query (with the parameters substituted into the parsed query, and a SELECT cut
 * to the page asked for) in one read transaction, and writes the answer in the negotiated format.
 */
final class QueryEndpoint {

    private final DatasetGraph dsg;
    private final long timeoutMillis;
    private final ServiceGuard services;

    QueryEndpoint(DatasetGraph dsg, long timeoutMillis, ServiceGuard services) {
        this.dsg = dsg;
        this.timeoutMillis = timeoutMillis;
        this.services = services;
    }

    void answer(NamedQuery nq, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiParams params = ApiParams.of(nq, request);
        Query query = nq.query();
        boolean rows = query.isSelectType() || query.isAskType();
        ApiFormat format = ApiFormat.choose(params.format(), request.getHeader("Accept"), rows ? ApiFormat.ROWS : ApiFormat.GRAPH);
        services.refusal().apply(query).ifPresent(why -> {
            throw ApiErrors.status(HttpSC.FORBIDDEN_403, why);
        });
        Answer answer = run(query, params.bindings(), params.paging());

        response.setStatus(HttpSC.OK_200);
        response.setHeader("Vary", "Accept");
        response.setContentType(format.mediaType + (format.mediaType.startsWith("text/") ? ";charset=utf-8" : ""));
        if (format == ApiFormat.HTML)
            response.setHeader("Content-Security-Policy", ApiServlet.PAGE_CSP);
        String path = request.getRequestURI();
        if (answer instanceof Answer.Rows r)
            for (String link : params.paging().links(path, params.forLinks(), r.more()))
                response.addHeader("Link", link);
        OutputStream out = response.getOutputStream();
        if (answer instanceof Answer.Triples t)
            RDFDataMgr.write(out, t.graph(), format.lang());
        else if (format == ApiFormat.HTML)
            RowsHtml.write(nq, answer, params.paging(), path, params.forLinks(), out);
        else if (format == ApiFormat.JSON && answer instanceof Answer.Rows r)
            RowsJson.write(r, out);
        else if (format == ApiFormat.JSON && answer instanceof Answer.Yes y)
            RowsJson.write(y.value(), out);
        else
            writeResults(answer, format, out);
        out.flush();
    }

    private static void writeResults(Answer answer, ApiFormat format, OutputStream out) {
        Lang lang = switch (format) {
            case SPARQL_JSON -> ResultSetLang.RS_JSON;
            case CSV -> ResultSetLang.RS_CSV;
            case TSV -> ResultSetLang.RS_TSV;
            default -> ResultSetLang.RS_XML;
        };
        if (answer instanceof Answer.Yes y)
            ResultSetMgr.write(out, y.value(), lang);
        else if (answer instanceof Answer.Rows r)
            ResultSetMgr.write(out, ResultSet.adapt(RowSetStream.create(r.vars(), r.rows().iterator())), lang);
    }

    /** Runs the query in a read transaction and copies its answer out of the store. */
    private Answer run(Query query, Map<String, Node> bindings, Paging paging) {
        Query q = query.isSelectType() ? paging.window(query) : query;
        try {
            return Txn.calculateRead(dsg, () -> {
                try (QueryExec qe = QueryLib.exec(dsg, q, bindings, timeoutMillis)) {
                    services.configure().accept(qe.getContext());
                    if (q.isSelectType()) {
                        RowSet rs = qe.select();
                        List<Binding> page = new ArrayList<>();
                        while (rs.hasNext() && page.size() <= paging.limit())
                            page.add(BindingFactory.copy(rs.next()));
                        boolean more = page.size() > paging.limit();
                        return new Answer.Rows(rs.getResultVars(), more ? page.subList(0, (int) paging.limit()) : page, more);
                    }
                    if (q.isAskType())
                        return new Answer.Yes(qe.ask());
                    return new Answer.Triples(q.isConstructType() ? qe.construct() : qe.describe());
                }
            });
        } catch (QueryCancelledException ex) {
            throw ApiErrors.status(HttpSC.SERVICE_UNAVAILABLE_503, "The query ran past its time limit of " + timeoutMillis + " ms");
        } catch (QueryExecException ex) {
            throw ApiErrors.status(HttpSC.BAD_GATEWAY_502, "The query failed: " + ex.getMessage());
        }
    }
}
