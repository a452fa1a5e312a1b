package org.entente.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;

/**
 * A window on a query's rows: {@code limit} rows (default {@value #DEFAULT_LIMIT}, at most
 * {@value #MAX_LIMIT}) from {@code offset}. Applied to the parsed query, within any LIMIT and OFFSET
 * of its own, asking one row more than the window to know whether there is a next page.
 * <pre>
 *   SELECT ... ORDER BY ?x LIMIT 50 OFFSET 10    # the query in its file
 *   # ?limit=20&amp;offset=40 runs it as LIMIT 10 OFFSET 50: the 41st to 50th of its own 50 rows
 * </pre>
 */
record Paging(long limit, long offset) {

    static final long DEFAULT_LIMIT = 100;
    static final long MAX_LIMIT = 10_000;

    static Paging of(String limit, String offset) {
        long l = limit == null ? DEFAULT_LIMIT : number(ApiParams.LIMIT, limit, 1, MAX_LIMIT);
        long o = offset == null ? 0 : number(ApiParams.OFFSET, offset, 0, Long.MAX_VALUE / 2);
        return new Paging(l, o);
    }

    private static long number(String name, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException ex) {
            n = Long.MIN_VALUE;
        }
        if (n < min || n > max)
            throw ApiErrors.badRequest("Parameter '" + name + "': '" + value + "' is not a valid xsd:integer from " + min
                                       + (max == MAX_LIMIT ? " to " + max : " up"));
        return n;
    }

    /** A copy of the query that answers this window and one row more. */
    Query window(Query query) {
        Query q = query.cloneQuery();
        long ownOffset = q.hasOffset() ? q.getOffset() : 0;
        long want = limit + 1;
        if (q.hasLimit())
            want = Math.max(0, Math.min(want, q.getLimit() - offset));
        q.setOffset(ownOffset + offset);
        q.setLimit(want);
        return q;
    }

    /**
     * The {@code Link} header values for the pages around this one: {@code next} when this page came
     * back full (there may be more), {@code prev} when it does not start at the first row.
     */
    List<String> links(String path, Map<String, String> params, boolean more) {
        List<String> out = new ArrayList<>();
        if (more)
            out.add("<" + url(path, params, offset + limit) + ">; rel=\"next\"");
        if (offset > 0)
            out.add("<" + url(path, params, Math.max(0, offset - limit)) + ">; rel=\"prev\"");
        return out;
    }

    private String url(String path, Map<String, String> params, long at) {
        StringBuilder sb = new StringBuilder(path).append('?');
        params.forEach((k, v) -> sb.append(enc(k)).append('=').append(enc(v)).append('&'));
        return sb.append(ApiParams.LIMIT).append('=').append(limit).append('&').append(ApiParams.OFFSET).append('=').append(at).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
