package org.entente.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP content negotiation by the {@code Accept} header with q-values (RFC 9110 section 12.5.1):
 * the offer with the highest quality wins, ties going to the more specific range and then to the
 * order of the offers; {@code q=0} refuses a type.
 * <pre>
 *   Negotiation.choose("text/html;q=0.9, text/turtle", List.of(HTML, TURTLE))   // TURTLE
 * </pre>
 */
public final class Negotiation {
    private Negotiation() {}

    private record Range(String type, String subtype, double q, int specificity) {
        boolean matches(String mediaType) {
            String[] parts = mediaType.split("/");
            return (type.equals("*") || type.equals(parts[0])) && (subtype.equals("*") || subtype.equals(parts[1]));
        }
    }

    /** The offer the client prefers, or empty when it accepts none of them (then answer 406). */
    public static Optional<RdfFormat> choose(String accept, List<RdfFormat> offers) {
        if (accept == null || accept.isBlank())
            return offers.isEmpty() ? Optional.empty() : Optional.of(offers.get(0));
        List<Range> ranges = parse(accept);
        RdfFormat best = null;
        double bestQ = 0;
        int bestSpec = -1;
        for (RdfFormat offer : offers) {
            // The most specific range that matches an offer decides its quality.
            Range decisive = null;
            for (Range r : ranges)
                if (r.matches(offer.mediaType()) && (decisive == null || r.specificity() > decisive.specificity()))
                    decisive = r;
            if (decisive == null || decisive.q() <= 0)
                continue;
            if (decisive.q() > bestQ || (decisive.q() == bestQ && decisive.specificity() > bestSpec)) {
                best = offer;
                bestQ = decisive.q();
                bestSpec = decisive.specificity();
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Range> parse(String accept) {
        List<Range> out = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] fields = part.strip().split(";");
            String mt = fields[0].strip().toLowerCase(Locale.ROOT);
            if (mt.equals("*"))
                mt = "*/*";
            int slash = mt.indexOf('/');
            if (slash <= 0 || slash == mt.length() - 1)
                continue;
            double q = 1.0;
            for (int i = 1; i < fields.length; i++) {
                String f = fields[i].strip();
                if (f.startsWith("q=")) {
                    try {
                        q = Math.max(0, Math.min(1, Double.parseDouble(f.substring(2))));
                    } catch (NumberFormatException ex) {
                        q = 0;
                    }
                }
            }
            String type = mt.substring(0, slash), subtype = mt.substring(slash + 1);
            int spec = type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
            out.add(new Range(type, subtype, q, spec));
        }
        return out;
    }

    /** The languages of an {@code Accept-Language} header, best first, as primary subtags. */
    public static List<String> languages(String acceptLanguage) {
        List<String[]> weighted = new ArrayList<>();
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                String[] fields = part.strip().split(";");
                String tag = fields[0].strip().toLowerCase(Locale.ROOT);
                if (tag.isEmpty() || tag.equals("*"))
                    continue;
                String q = "1";
                for (int i = 1; i < fields.length; i++)
                    if (fields[i].strip().startsWith("q="))
                        q = fields[i].strip().substring(2);
                weighted.add(new String[] { tag.split("-")[0], q });
            }
        }
        weighted.sort((a, b) -> Double.compare(parseQ(b[1]), parseQ(a[1])));
        List<String> out = new ArrayList<>();
        for (String[] w : weighted)
            if (parseQ(w[1]) > 0 && !out.contains(w[0]))
                out.add(w[0]);
        if (!out.contains("en"))
            out.add("en");
        return out;
    }

    private static double parseQ(String q) {
        try {
            return Double.parseDouble(q);
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
