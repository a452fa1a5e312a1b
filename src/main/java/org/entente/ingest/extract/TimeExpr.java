package org.entente.ingest.extract;

import java.time.LocalDate;

/**
 * Words of the article that say when ("next week", "on Wednesday", "in 2015"), where they are (Java
 * {@code String} offsets), and the days they resolve to against the article's date of publication.
 *
 * @param precision day, month or year: the most precise datatype the days allow (xsd:date, gYearMonth, gYear)
 */
public record TimeExpr(int begin, int end, String words, LocalDate from, LocalDate to, String precision) {

    /** The year the words name, when the whole span falls in one year. */
    public Integer year() {
        return from.getYear() == to.getYear() ? from.getYear() : null;
    }

    /** The day, month or year as an XSD lexical form, or null when the span crosses a year. */
    public String lexical() {
        return switch (precision) {
            case "day" -> from.toString();
            case "month" -> from.toString().substring(0, 7);
            default -> year() == null ? null : String.valueOf(year());
        };
    }
}
