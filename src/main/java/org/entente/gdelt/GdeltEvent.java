package org.entente.gdelt;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a GDELT event file, checked and typed. Actors, places, Goldstein score, tone and source
 * URL may be null (GDELT leaves them empty when it has nothing). {@code place} is where the action
 * happened; {@code actor1Place} and {@code actor2Place} where the coder placed each actor.
 */
public record GdeltEvent(long id, LocalDate date, GdeltActor actor1, GdeltActor actor2, boolean rootEvent,
                         String eventCode, int quadClass, BigDecimal goldstein, long mentions, long sources,
                         long articles, BigDecimal tone, GdeltPlace place, String sourceUrl,
                         GdeltPlace actor1Place, GdeltPlace actor2Place) {}
