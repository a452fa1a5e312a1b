package org.entente.api;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.entente.http.ResponseCache;

/**
 * The variant of a named query's answer, for the response cache: the format {@link QueryEndpoint}
 * would answer in ({@code ?format=} or {@code Accept}), which is all its answer depends on besides
 * the path and the parameters. Anything but a known query (Swagger UI, the OpenAPI document), a
 * request that will be refused (no format fits), and a query with {@code SERVICE}, whose answer
 * follows a remote endpoint rather than the store's generation, have none: they are never kept.
 */
final class ApiVariant implements ResponseCache.Variant {

    private final ApiQueries queries;

    ApiVariant(ApiQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<String> of(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/[A-Za-z0-9_-]+"))
            return Optional.empty();
        return queries.get(path.substring(1)).filter(nq -> !OpenApiLib.federated(nq.query())).flatMap(nq -> {
            Query query = nq.query();
            boolean rows = query.isSelectType() || query.isAskType();
            try {
                return Optional.of(ApiFormat.choose(request.getParameter(ApiParams.FORMAT), request.getHeader("Accept"),
                                                    rows ? ApiFormat.ROWS : ApiFormat.GRAPH).name);
            } catch (ActionErrorException ex) {
                return Optional.empty();
            }
        });
    }
}
