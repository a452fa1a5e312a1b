package org.entente.api;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.util.Context;

/**
 * The server's {@code SERVICE} policy as the API applies it: {@code refusal} names why a query may not
 * run (a {@code SERVICE} not on the allow-list), checked before it runs; {@code configure} puts the
 * policy's service registry into each execution's context, so nothing else is reached while it runs.
 * <pre>
 *   new ServiceGuard(cxt -&gt; FederationLib.configure(cxt, remote),
 *                    q -&gt; FederationLib.refused(q, policy).map(ServicePolicy::refusal));
 * </pre>
 */
public record ServiceGuard(Consumer<Context> configure, Function<Query, Optional<String>> refusal) {

    /** No policy: a query runs with the process's default registry, which reaches no endpoint. */
    public static final ServiceGuard NONE = new ServiceGuard(cxt -> {}, q -> Optional.empty());
}
