package org.entente.sys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * SPARQL queries shipped in the jar ({@code src/main/resources/PATH}), each parsed once. Low in the
 * package graph so that every module (browse, federation, query) reads its queries the same way.
 */
public final class QueryResources {
    private QueryResources() {}

    private static final Map<String, Query> PARSED = new ConcurrentHashMap<>();

    /** The parsed query of a classpath resource; the same object on every call. */
    public static Query get(String path) {
        return PARSED.computeIfAbsent(path, res -> {
            try (InputStream in = QueryResources.class.getClassLoader().getResourceAsStream(res)) {
                if (in == null)
                    throw new EntenteException("Missing resource " + res + " (is the jar built from this project?)");
                return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ex) {
                throw new EntenteException("Cannot read resource " + res, ex);
            }
        });
    }
}
