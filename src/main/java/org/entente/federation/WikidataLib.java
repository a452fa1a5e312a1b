package org.entente.federation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.entente.sys.EntenteSys;

/** Reading Wikidata's answers: items, their numbers, dates at their precision, and slugs for our IRIs. */
final class WikidataLib {
    private WikidataLib() {}

    private static final Pattern ITEM = Pattern.compile("^" + Pattern.quote(EntenteSys.WIKIDATA_ENTITY) + "Q([1-9][0-9]*)$");
    private static final Pattern TIME = Pattern.compile("^\\+?([0-9]{4})-([0-9]{2})-([0-9]{2})T");
    /** Wikidata's time precisions: a day, a month, a year. */
    static final int DAY = 11, MONTH = 10, YEAR = 9;

    /** Whether a term is a Wikidata item IRI ({@code http://www.wikidata.org/entity/Q...}). */
    static boolean isItem(Node n) {
        return n != null && n.isURI() && ITEM.matcher(n.getURI()).matches();
    }

    /** The number of an item: 56226 for {@code wd:Q56226}. */
    static long number(Node item) {
        Matcher m = ITEM.matcher(item.getURI());
        if (!m.matches())
            throw new IllegalArgumentException("Not a Wikidata item: " + item);
        return Long.parseLong(m.group(1));
    }

    /**
     * A Wikidata time value as a date no more precise than Wikidata says: {@code xsd:date} for a day,
     * {@code xsd:gYearMonth} for a month, {@code xsd:gYear} for a year; empty for a coarser precision,
     * a year before 1 or a value that is no time (Wikidata's "unknown value"). With no precision given,
     * the value is taken as a day.
     */
    static Optional<Node> date(Node time, Node precision) {
        if (time == null || !time.isLiteral())
            return Optional.empty();
        Matcher m = TIME.matcher(time.getLiteralLexicalForm());
        if (!m.find() || time.getLiteralLexicalForm().startsWith("-"))
            return Optional.empty();
        int p = precision != null && precision.isLiteral() ? Integer.parseInt(precision.getLiteralLexicalForm()) : DAY;
        String y = m.group(1), mo = m.group(2), d = m.group(3);
        if ("0000".equals(y))
            return Optional.empty();
        if (p >= DAY && !"00".equals(mo) && !"00".equals(d))
            return Optional.of(NodeFactory.createLiteralDT(y + "-" + mo + "-" + d, XSDDatatype.XSDdate));
        if (p >= MONTH && !"00".equals(mo))
            return Optional.of(NodeFactory.createLiteralDT(y + "-" + mo, XSDDatatype.XSDgYearMonth));
        if (p >= YEAR)
            return Optional.of(NodeFactory.createLiteralDT(y, XSDDatatype.XSDgYear));
        return Optional.empty();
    }

    /** The year of a date made by {@link #date}. */
    static String year(Node date) {
        return date.getLiteralLexicalForm().substring(0, 4);
    }

    /**
     * A slug for an IRI: lower-case ASCII letters and digits between single hyphens, accents dropped
     * ("Lương Cường" becomes {@code luong-cuong}); empty when nothing is left.
     */
    static String slug(String text) {
        String folded = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D').replace('ı', 'i')
                                                 .replace('ø', 'o').replace('Ø', 'O').replace("ß", "ss"), Normalizer.Form.NFD)
                                  .replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
