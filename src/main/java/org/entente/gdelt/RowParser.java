package org.entente.gdelt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one tab-separated row of a GDELT event file into a {@link GdeltEvent}, checking every field
 * it keeps: a wrong number of columns, a number or date that does not parse, an event code that
 * CAMEO does not have, each raises {@link BadField} naming the codebook's field.
 */
final class RowParser {
    private static final DateTimeFormatter SQLDATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final BigDecimal GOLDSTEIN_LIMIT = BigDecimal.TEN;

    private final Set<String> cameoCodes;

    RowParser(Set<String> cameoCodes) {
        this.cameoCodes = cameoCodes;
    }

    /** What is wrong with a row: the field (as the codebook names it) and the problem. */
    static final class BadField extends RuntimeException {
        final String field;

        BadField(String field, String problem) {
            super(problem, null, false, false);
            this.field = field;
        }
    }

    /** The layout the row's column count says, or a {@link BadField} for a count GDELT never writes. */
    static GdeltFormat formatOf(String[] cols) {
        Optional<GdeltFormat> f = GdeltFormat.ofColumns(cols.length);
        return f.orElseThrow(() -> new BadField("row", cols.length + " columns; GDELT event rows have 57 or 58 (1.0) or 61 (2.0)"));
    }

    GdeltEvent parse(String[] c, GdeltFormat f) {
        long id = longField(c, GdeltFormat.GLOBALEVENTID, "GLOBALEVENTID");
        if (id <= 0)
            throw new BadField("GLOBALEVENTID", "not a positive number: " + c[GdeltFormat.GLOBALEVENTID]);
        LocalDate date = date(c[GdeltFormat.SQLDATE]);
        String code = c[GdeltFormat.EVENT_CODE].trim();
        if (!cameoCodes.contains(code))
            throw new BadField("EventCode", "not a CAMEO event code: '" + code + "'");
        String root = c[GdeltFormat.EVENT_ROOT_CODE].trim();
        if (!code.startsWith(root) || root.length() != 2)
            throw new BadField("EventRootCode", "'" + root + "' is not the root of event code " + code);
        int quad = (int) longField(c, GdeltFormat.QUAD_CLASS, "QuadClass");
        if (quad < 1 || quad > 4)
            throw new BadField("QuadClass", "not 1 to 4: " + quad);
        BigDecimal goldstein = decimal(c, GdeltFormat.GOLDSTEIN, "GoldsteinScale");
        if (goldstein != null && goldstein.abs().compareTo(GOLDSTEIN_LIMIT) > 0)
            throw new BadField("GoldsteinScale", "outside -10 to 10: " + goldstein);
        String isRoot = c[GdeltFormat.IS_ROOT_EVENT].trim();
        if (!isRoot.equals("0") && !isRoot.equals("1"))
            throw new BadField("IsRootEvent", "not 0 or 1: '" + isRoot + "'");
        return new GdeltEvent(id, date, actor(c, GdeltFormat.ACTOR1), actor(c, GdeltFormat.ACTOR2), isRoot.equals("1"), code, quad,
                              goldstein, count(c, GdeltFormat.NUM_MENTIONS, "NumMentions"), count(c, GdeltFormat.NUM_SOURCES, "NumSources"),
                              count(c, GdeltFormat.NUM_ARTICLES, "NumArticles"), decimal(c, GdeltFormat.AVG_TONE, "AvgTone"),
                              place(c, f, 2, "ActionGeo_"), f.sourceUrl() < 0 ? null : text(c[f.sourceUrl()]),
                              place(c, f, 0, "Actor1Geo_"), place(c, f, 1, "Actor2Geo_"));
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s.trim(), SQLDATE);
        } catch (DateTimeParseException ex) {
            throw new BadField("SQLDATE", "not a day as YYYYMMDD: '" + s + "'");
        }
    }

    private static GdeltActor actor(String[] c, int at) {
        String code = text(c[at]);
        String name = text(c[at + 1]);
        if (code == null && name == null)
            return null;
        List<String> religions = present(c[at + 5], c[at + 6]);
        List<String> types = present(c[at + 7], c[at + 8], c[at + 9]);
        return new GdeltActor(code, name, text(c[at + 2]), text(c[at + 3]), text(c[at + 4]), religions, types);
    }

    /** A geography block (0 actor 1, 1 actor 2, 2 the action), or null when it names no place; {@code prefix} names its fields. */
    private static GdeltPlace place(String[] c, GdeltFormat f, int block, String prefix) {
        int at = f.geo(block);
        String name = text(c[at + f.geoName()]);
        String feature = text(c[at + f.geoFeatureId()]);
        if (name == null && feature == null)
            return null;
        return new GdeltPlace(name, text(c[at + f.geoCountry()]), decimal(c, at + f.geoLat(), prefix + "Lat"),
                              decimal(c, at + f.geoLong(), prefix + "Long"), feature);
    }

    private static List<String> present(String... values) {
        List<String> out = new ArrayList<>(values.length);
        for (String v : values)
            if (text(v) != null)
                out.add(v.trim());
        return out;
    }

    private static String text(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static long longField(String[] c, int i, String field) {
        try {
            return Long.parseLong(c[i].trim());
        } catch (NumberFormatException ex) {
            throw new BadField(field, "not a whole number: '" + c[i] + "'");
        }
    }

    private static long count(String[] c, int i, String field) {
        long n = longField(c, i, field);
        if (n < 0)
            throw new BadField(field, "negative: " + n);
        return n;
    }

    /** A decimal field, null when empty. */
    private static BigDecimal decimal(String[] c, int i, String field) {
        String s = c[i].trim();
        if (s.isEmpty())
            return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException ex) {
            throw new BadField(field, "not a number: '" + s + "'");
        }
    }
}
