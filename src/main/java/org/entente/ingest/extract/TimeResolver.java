package org.entente.ingest.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions in a sentence and resolves the relative ones against the day the article was
 * published: "next week", "last year", "on Wednesday" (the coming one if the sentence speaks of the
 * future, the last one otherwise), "September 3", "in 2015", "yesterday".
 */
public final class TimeResolver {
    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final String DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private static final Pattern P = Pattern.compile(
        "\\b(?<rel>(?:next|last|this|earlier this|later this) (?:week|month|year))\\b"
        + "|\\b(?<day>yesterday|today|tomorrow)\\b"
        + "|\\b(?:on |this |next |last )?(?<dow>" + DAYS + ")\\b"
        + "|\\b(?<md>(?<m1>" + MONTHS + ") (?<d1>[0-3]?[0-9])(?:st|nd|rd|th)?(?:,? (?<y1>(?:19|20)[0-9]{2}))?)\\b"
        + "|\\b(?<dm>(?<d2>[0-3]?[0-9]) (?<m2>" + MONTHS + ")(?: (?<y2>(?:19|20)[0-9]{2}))?)\\b"
        + "|\\b(?<my>(?:in |since |until )?(?<m3>" + MONTHS + ")(?: (?<y3>(?:19|20)[0-9]{2}))?)\\b"
        + "|\\b(?<y>(?:19|20)[0-9]{2})\\b");

    private final LocalDate published;

    public TimeResolver(LocalDate published) {
        this.published = published;
    }

    /** The time expressions of a piece of text, with offsets shifted by {@code offset}. */
    public List<TimeExpr> find(String text, int offset, boolean future) {
        List<TimeExpr> out = new ArrayList<>();
        Matcher m = P.matcher(text);
        while (m.find()) {
            TimeExpr t = resolve(m, offset, future);
            if (t != null)
                out.add(t);
        }
        return out;
    }

    private TimeExpr resolve(Matcher m, int offset, boolean future) {
        String words = m.group();
        int b = offset + m.start(), e = offset + m.end();
        if (m.group("rel") != null) {
            String rel = m.group("rel").toLowerCase(Locale.ROOT);
            int shift = rel.startsWith("next") ? 1 : rel.startsWith("last") ? -1 : 0;
            if (rel.endsWith("week")) {
                LocalDate monday = published.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(shift);
                LocalDate sunday = monday.plusDays(6);
                return new TimeExpr(b, e, words, monday, sunday, monday.getMonth() == sunday.getMonth() ? "month" : "year");
            }
            if (rel.endsWith("month")) {
                YearMonth ym = YearMonth.from(published).plusMonths(shift);
                return new TimeExpr(b, e, words, ym.atDay(1), ym.atEndOfMonth(), "month");
            }
            int y = published.getYear() + shift;
            return new TimeExpr(b, e, words, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), "year");
        }
        if (m.group("day") != null) {
            LocalDate d = switch (m.group("day").toLowerCase(Locale.ROOT)) {
                case "yesterday" -> published.minusDays(1);
                case "tomorrow" -> published.plusDays(1);
                default -> published;
            };
            return new TimeExpr(b, e, words, d, d, "day");
        }
        if (m.group("dow") != null) {
            DayOfWeek dow = DayOfWeek.valueOf(m.group("dow").toUpperCase(Locale.ROOT));
            boolean next = words.toLowerCase(Locale.ROOT).startsWith("next") || (future && !words.toLowerCase(Locale.ROOT).startsWith("last"));
            LocalDate d = next ? published.with(TemporalAdjusters.next(dow)) : published.with(TemporalAdjusters.previousOrSame(dow));
            return new TimeExpr(b, e, words, d, d, "day");
        }
        if (m.group("md") != null || m.group("dm") != null) {
            Month month = Month.valueOf((m.group("m1") != null ? m.group("m1") : m.group("m2")).toUpperCase(Locale.ROOT));
            int day = Integer.parseInt(m.group("d1") != null ? m.group("d1") : m.group("d2"));
            String y = m.group("y1") != null ? m.group("y1") : m.group("y2");
            int year = y != null ? Integer.parseInt(y) : nearestYear(month, future);
            if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth())
                return null;
            LocalDate d = LocalDate.of(year, month, day);
            return new TimeExpr(b, e, words, d, d, "day");
        }
        if (m.group("my") != null) {
            Month month = Month.valueOf(m.group("m3").toUpperCase(Locale.ROOT));
            if (m.group("y3") == null && !words.contains(" ") && month == Month.MAY)
                return null;
            int year = m.group("y3") != null ? Integer.parseInt(m.group("y3")) : nearestYear(month, future);
            YearMonth ym = YearMonth.of(year, month);
            return new TimeExpr(b, e, words, ym.atDay(1), ym.atEndOfMonth(), "month");
        }
        int y = Integer.parseInt(m.group("y"));
        return new TimeExpr(b, e, words, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), "year");
    }

    /** A month named without a year: in the publication's year, or the next one if that is past and the text speaks of the future. */
    private int nearestYear(Month month, boolean future) {
        int y = published.getYear();
        if (future && month.getValue() < published.getMonthValue())
            return y + 1;
        if (!future && month.getValue() > published.getMonthValue())
            return y - 1;
        return y;
    }
}
