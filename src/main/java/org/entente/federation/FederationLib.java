package org.entente.federation;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;

/** Wiring of the service policy into Jena's {@code SERVICE} machinery. */
public final class FederationLib {
    private FederationLib() {}

    /**
     * A service registry that runs every {@code SERVICE} through the policy's executor and nothing
     * else (Jena's own HTTP executor, which would call any IRI, is not in it).
     */
    public static ServiceExecutorRegistry registry(RemoteSparql remote) {
        ServiceExecutorRegistry reg = new ServiceExecutorRegistry();
        reg.add(new PolicyServiceExecutor(remote));
        return reg;
    }

    /**
     * Makes the process safe by default: from now on, a {@code SERVICE} evaluated where no Entente
     * registry is set (a stray code path, a library) reaches no endpoint at all.
     */
    public static void lockDown() {
        // Jena must initialise before its registries are touched, or its own start-up fails.
        JenaSystem.init();
        ServiceExecutorRegistry none = new ServiceExecutorRegistry();
        none.add((opExecute, original, binding, execCxt) -> {
            throw new PolicyServiceExecutor.ServiceRefusedException(
                "SERVICE " + opExecute.getService() + " refused: no federation is configured here");
        });
        ServiceExecutorRegistry.set(ARQ.getContext(), none);
    }

    /** Puts the policy's registry into a context (of a query execution, a dataset or an endpoint). */
    public static void configure(Context cxt, RemoteSparql remote) {
        ServiceExecutorRegistry.set(cxt, registry(remote));
    }

    /**
     * The {@code SERVICE} nodes of a query (IRIs or variables), in the order they appear, subqueries
     * included. Read from the query's syntax, so a check on every request costs no algebra compilation
     * (the query is compiled once, when it runs). {@code SERVICE} inside {@code FILTER EXISTS} is not
     * listed: the executor refuses those at run time.
     */
    public static List<Node> services(Query query) {
        List<Node> out = new ArrayList<>();
        collect(query.getQueryPattern(), out);
        return out;
    }

    private static void collect(Element pattern, List<Node> out) {
        if (pattern == null)
            return;
        ElementWalker.walk(pattern, new ElementVisitorBase() {
            @Override
            public void visit(ElementService el) {
                out.add(el.getServiceNode());
            }

            @Override
            public void visit(ElementSubQuery el) {
                collect(el.getQuery().getQueryPattern(), out);
            }
        });
    }

    /** The first {@code SERVICE} of the query that the policy refuses, if any (a variable is always refused). */
    public static java.util.Optional<String> refused(Query query, ServicePolicy policy) {
        for (Node s : services(query)) {
            if (!s.isURI())
                return java.util.Optional.of(s.toString());
            if (policy.route(s.getURI()).isEmpty())
                return java.util.Optional.of(s.getURI());
        }
        return java.util.Optional.empty();
    }
}
