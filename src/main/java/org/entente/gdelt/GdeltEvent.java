package org.entente.gdelt;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a GDELT event file, checked and typed. Actors, place, Goldstein score, tone and source
 * URL may be null (GDELT leaves them empty when it has nothing).
 */
public record GdeltEvent(long id, LocalDate date, GdeltActor actor1, GdeltActor actor2, boolean rootEvent,
                         String eventCode, int quadClass, BigDecimal goldstein, long mentions, long sources,
                         long articles, BigDecimal tone, GdeltPlace place, String sourceUrl) {}
