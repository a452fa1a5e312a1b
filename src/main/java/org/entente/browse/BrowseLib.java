package org.entente.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.entente.query.QueryLib;
import org.entente.sys.QueryResources;

/** Helpers of the browse module: its queries, read once from the classpath and run with substitution. */
public final class BrowseLib {
    private BrowseLib() {}

    /** A query of {@code src/main/resources/browse/NAME.rq}, parsed once. */
    public static Query query(String name) {
        return QueryResources.get("browse/" + name + ".rq");
    }

    /**
     * Runs a SELECT with variables bound by substitution, copying each row out of the store.
     * Call inside a read transaction.
     */
    public static List<Binding> select(DatasetGraph dsg, Query query, Map<String, Node> bindings) {
        return QueryLib.rows(dsg, query, bindings);
    }

    /**
     * Runs a SELECT with a VALUES block of one variable (first in the WHERE group, see
     * {@link QueryLib#valuesFirst}), and variables bound by substitution. Call inside a read transaction.
     */
    public static void selectValues(DatasetGraph dsg, Query template, String var, List<Node> values, Map<String, Node> bindings,
                                    Consumer<Binding> action) {
        Var v = Var.alloc(var);
        for (int i = 0; i < values.size(); i += 200) {
            List<Binding> rows = new ArrayList<>();
            for (Node n : values.subList(i, Math.min(values.size(), i + 200)))
                rows.add(BindingFactory.binding(v, n));
            QueryLib.rows(dsg, QueryLib.valuesFirst(template, List.of(v), rows), bindings).forEach(action);
        }
    }
}
