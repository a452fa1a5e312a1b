package org.entente.federation;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.web.HttpSC;

/**
 * Fuseki's query operation with the service policy in force: a query naming a {@code SERVICE} the
 * policy refuses (or a variable {@code SERVICE}) is answered {@code 403} before it runs, and every
 * execution carries the policy's service registry, so nothing else can be reached while it runs.
 */
public final class FederationQueryAction extends SPARQL_QueryDataset {

    private final RemoteSparql remote;

    public FederationQueryAction(RemoteSparql remote) {
        this.remote = remote;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        FederationLib.refused(query, remote.policy())
                     .ifPresent(iri -> ServletOps.error(HttpSC.FORBIDDEN_403, ServicePolicy.refusal(iri)));
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        QueryExec qExec = super.createQueryExec(action, query, dataset);
        FederationLib.configure(qExec.getContext(), remote);
        return qExec;
    }
}
