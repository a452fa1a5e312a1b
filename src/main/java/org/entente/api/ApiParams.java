package org.entente.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.graph.Node;
import org.entente.query.NamedQuery;
import org.entente.sys.EntenteException;

/**
 * The parameters of one call: the query's own, typed by its header and bound as RDF terms, and the
 * API's ({@code limit}, {@code offset}, {@code format}). Each is given at most once; an unknown one,
 * or a value not of its type, is a {@code 400} naming it.
 */
record ApiParams(Map<String, String> given, Map<String, Node> bindings, Paging paging, String format) {

    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final String FORMAT = "format";
    static final Set<String> RESERVED = Set.of(LIMIT, OFFSET, FORMAT);

    /** The parameters of a request (its query string, and its form body for a POST). */
    static ApiParams of(NamedQuery nq, HttpServletRequest request) {
        Map<String, String> given = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length != 1)
                throw ApiErrors.badRequest("Parameter '" + name + "' is given " + values.length + " times; give it once");
            given.put(name, values[0]);
        });
        Map<String, String> own = new LinkedHashMap<>(given);
        own.keySet().removeAll(RESERVED);
        Map<String, Node> bindings;
        try {
            bindings = nq.bind(own);
        } catch (EntenteException ex) {
            throw ApiErrors.badRequest(ex.getMessage());
        }
        Paging paging = Paging.of(given.get(LIMIT), given.get(OFFSET));
        return new ApiParams(given, bindings, paging, given.get(FORMAT));
    }

    /** The query's own parameters and the format as given, for links to other pages of the same answer. */
    Map<String, String> forLinks() {
        Map<String, String> out = new LinkedHashMap<>(given);
        out.remove(LIMIT);
        out.remove(OFFSET);
        return out;
    }
}
