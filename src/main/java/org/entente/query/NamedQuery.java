package org.entente.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.entente.sys.EntenteException;

/**
 * A SPARQL query from {@code queries/NAME.rq}, parsed once, with what its header comment says:
 * a description, and the parameters it takes, one line each.
 * <pre>
 *   # Who held an office on a given date.
 *   # @param date xsd:date The day to look at.
 *   # @example date 2025-09-03
 *   SELECT ... WHERE { ... FILTER(?start &lt;= ?date) }
 * </pre>
 * Parameters are variables of the query; {@link #bind} turns text into typed RDF terms, which are then
 * put into the parsed query by substitution, never by editing its text.
 */
public record NamedQuery(String name, String description, List<QueryParam> params, Query query) {

    private static final Pattern PARAM = Pattern.compile("^#\\s*@param\\s+(\\w+)\\s+(\\S+)\\s*(.*)$");
    private static final Pattern EXAMPLE = Pattern.compile("^#\\s*@example\\s+(\\w+)\\s+(.+)$");

    /** Reads and parses a query file; the name is the file name without {@code .rq}. */
    public static NamedQuery read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new EntenteException("Cannot read query " + file + ": " + ex.getMessage(), ex);
        }
        String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
        return parse(name, text, file.toString());
    }

    /** Parses query text with its header. */
    public static NamedQuery parse(String name, String text, String where) {
        StringBuilder description = new StringBuilder();
        List<QueryParam> params = new ArrayList<>();
        Map<String, String> examples = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (!l.startsWith("#")) {
                if (l.isEmpty())
                    continue;
                break;
            }
            Matcher m = PARAM.matcher(l);
            Matcher e = EXAMPLE.matcher(l);
            if (m.matches()) {
                params.add(new QueryParam(m.group(1), ParamType.of(m.group(2), where), m.group(3), null));
            } else if (e.matches()) {
                examples.put(e.group(1), e.group(2).strip());
            } else {
                String d = l.replaceFirst("^#+\\s?", "");
                if (!d.isBlank())
                    description.append(description.length() > 0 ? " " : "").append(d.strip());
            }
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException ex) {
            throw new EntenteException(where + ":" + ex.getLine() + ":" + ex.getColumn() + ": " + ex.getMessage(), ex);
        }
        for (QueryParam p : params)
            if (!Pattern.compile("[?$]" + Pattern.quote(p.name()) + "\\b").matcher(query.serialize()).find())
                throw new EntenteException(where + ": parameter '" + p.name() + "' is not a variable of the query");
        return new NamedQuery(name, description.toString(), withExamples(params, examples, query, where), query);
    }

    /** The parameters with their {@code @example} values, each checked against its parameter's type. */
    private static List<QueryParam> withExamples(List<QueryParam> params, Map<String, String> examples, Query query, String where) {
        examples.keySet().stream().filter(k -> params.stream().noneMatch(p -> p.name().equals(k))).findFirst()
                .ifPresent(k -> { throw new EntenteException(where + ": @example for '" + k + "', which is no @param"); });
        List<QueryParam> out = new ArrayList<>();
        for (QueryParam p : params) {
            String example = examples.get(p.name());
            if (example != null) {
                try {
                    p.type().toNode(example, query.getPrefixMapping(), p.name());
                } catch (EntenteException ex) {
                    throw new EntenteException(where + ": @example: " + ex.getMessage(), ex);
                }
            }
            out.add(new QueryParam(p.name(), p.type(), p.description(), example));
        }
        return List.copyOf(out);
    }

    /**
     * Turns {@code name=value} texts into RDF terms by the declared types. Unknown names are an error;
     * parameters not given stay unbound (the query then answers for every value).
     */
    public Map<String, Node> bind(Map<String, String> values) {
        Map<String, Node> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            QueryParam p = params.stream().filter(x -> x.name().equals(k)).findFirst()
                                 .orElseThrow(() -> new EntenteException("Query '" + name + "' has no parameter '" + k
                                                                         + "'; it takes: " + paramNames()));
            out.put(k, p.type().toNode(v, query.getPrefixMapping(), k));
        });
        return out;
    }

    private String paramNames() {
        return params.isEmpty() ? "none" : String.join(", ", params.stream().map(QueryParam::name).toList());
    }

    /** The first sentence of the description: a title for lists and API documents. */
    public String summary() {
        int end = description.indexOf(". ");
        String first = end < 0 ? description : description.substring(0, end + 1);
        return first.length() <= 120 ? first : first.substring(0, 117) + "...";
    }

    /**
     * A declared parameter: a variable of the query, its type, what it means, and an example value from
     * a {@code # @example name value} line (null when the header gives none).
     */
    public record QueryParam(String name, ParamType type, String description, String example) {}
}
