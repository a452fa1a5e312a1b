package org.entente.federation;

import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.entente.sys.EntenteLog;

/**
 * Executes {@code SERVICE} by the {@link ServicePolicy}: an allowed endpoint is called through
 * {@link RemoteSparql} at the address the policy routes it to; any other is refused without a
 * connection. {@code SERVICE SILENT} to a refused or failing endpoint yields one empty row, as
 * SPARQL 1.1 Federated Query says, and still contacts nothing that is not allowed.
 * <pre>
 *   SERVICE &lt;https://query.wikidata.org/sparql&gt; { wd:Q423 wdt:P36 ?capital }
 *   # is sent, as SELECT * { wd:Q423 wdt:P36 ?capital }, to the configured Wikidata endpoint
 * </pre>
 */
public final class PolicyServiceExecutor implements ServiceExecutor {

    private final RemoteSparql remote;

    public PolicyServiceExecutor(RemoteSparql remote) {
        this.remote = remote;
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService original, Binding binding, ExecutionContext execCxt) {
        Node service = opExecute.getService();
        String iri = service.isURI() ? service.getURI() : null;
        String target = remote.policy().route(iri).orElse(null);
        if (target == null) {
            EntenteLog.serverLog.warn("Refused SERVICE {}", service);
            if (opExecute.getSilent())
                return QueryIterPlainWrapper.create(Iter.singletonIterator(BindingFactory.empty()), execCxt);
            throw new ServiceRefusedException(ServicePolicy.refusal(String.valueOf(iri == null ? service : iri)));
        }
        Query query = OpAsQuery.asQuery(opExecute.getSubOp());
        try {
            RemoteSparql.Rows rows = remote.select(target, query.serialize());
            // The remote answers for the pattern with this row's values put in: join its rows back to this row.
            Iterator<Binding> it = Iter.iter(rows.bindings()).map(row -> Algebra.merge(binding, row)).removeNulls();
            return QueryIterPlainWrapper.create(it, execCxt);
        } catch (RemoteSparql.RemoteException ex) {
            if (opExecute.getSilent())
                return QueryIterPlainWrapper.create(Iter.singletonIterator(BindingFactory.empty()), execCxt);
            throw new QueryExecException(ex.getMessage(), ex);
        }
    }

    /** A {@code SERVICE} the policy does not allow. */
    public static final class ServiceRefusedException extends QueryExecException {
        public ServiceRefusedException(String message) {
            super(message);
        }
    }
}
