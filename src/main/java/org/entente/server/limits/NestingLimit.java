package org.entente.server.limits;

/**
 * Refuses with {@code 400} a query or update nested deeper than any real one (thousands of brackets),
 * before the parser sees it, so that it cannot exhaust the parser's stack.
 */
public final class NestingLimit extends SparqlTextCheck {

    /** Brackets a query may nest: real queries use a handful. */
    static final int MAX_NESTING = 250;

    static final String TOO_DEEP = "Query nested deeper than " + MAX_NESTING + " levels";

    @Override
    String refusal(SparqlText found) {
        return tooDeep(found.text()) ? TOO_DEEP : null;
    }

    /** Whether brackets and braces nest deeper than {@link #MAX_NESTING} (strings and IRIs are not looked into). */
    static boolean tooDeep(String query) {
        if (query == null)
            return false;
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (quote != 0) {
                if (c == '\\')
                    i++;
                else if (c == quote)
                    quote = 0;
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '{', '(', '[' -> {
                    if (++depth > MAX_NESTING)
                        return true;
                }
                case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                case '#' -> {
                    while (i < query.length() && query.charAt(i) != '\n')
                        i++;
                }
                default -> { }
            }
        }
        return false;
    }
}
