package org.entente.federation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.entente.query.QueryLib;
import org.entente.sys.EntenteException;
import org.entente.sys.QueryResources;

/**
 * Asks Wikidata for a batch job through the careful client ({@link RemoteSparql}): a query of the jar
 * is sent once per batch of values, each batch set as the VALUES block of the parsed query, one
 * request at a time with a pause between requests.
 * <pre>
 *   // sent as: SELECT ?code ?item WHERE { VALUES ?code { "CN" "KP" ... } ?item wdt:P297 ?code }
 *   List&lt;Binding&gt; rows = fetch.select("federation/world-items.rq", "code", codes);
 * </pre>
 */
final class WorldFetch {

    private final RemoteSparql remote;
    private final String endpoint;
    private final Duration pause;
    private final int batch;
    private int requests = 0;
    private long remoteNanos = 0;

    WorldFetch(RemoteSparql remote, Duration pause, int batch) {
        this.remote = remote;
        this.endpoint = remote.policy().route(ServicePolicy.WIKIDATA)
                              .orElseThrow(() -> new EntenteException("No Wikidata endpoint configured"));
        this.pause = pause;
        this.batch = batch;
    }

    String endpoint() {
        return endpoint;
    }

    /** How many requests were sent so far. */
    int requests() {
        return requests;
    }

    /** The time spent waiting for answers so far (pauses not counted). */
    Duration remoteTime() {
        return Duration.ofNanos(remoteNanos);
    }

    /** The rows of a classpath query run once per batch of values of one variable, all batches together. */
    List<Binding> select(String resource, String var, Collection<Node> values) {
        Query template = QueryResources.get(resource);
        Var v = Var.alloc(var);
        List<Node> all = List.copyOf(values);
        List<Binding> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += batch) {
            List<Binding> rows = new ArrayList<>();
            for (Node n : all.subList(i, Math.min(all.size(), i + batch)))
                rows.add(BindingFactory.binding(v, n));
            Query q = QueryLib.valuesFirst(template, List.of(v), rows);
            if (requests > 0)
                sleep(pause);
            long t0 = System.nanoTime();
            out.addAll(remote.select(endpoint, q.serialize()).bindings());
            remoteNanos += System.nanoTime() - t0;
            requests++;
        }
        return out;
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative())
            return;
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EntenteException("Interrupted between requests to Wikidata", ex);
        }
    }
}
