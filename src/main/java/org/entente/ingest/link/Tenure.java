package org.entente.ingest.link;

import java.time.LocalDate;

/** Someone holding an office of a state from a day to a day ({@code end} null while it lasts). */
public record Tenure(String holder, String state, String office, LocalDate start, LocalDate end) {

    /** Whether the tenure covers the day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && (end == null || day.isBefore(end));
    }
}
