package org.entente.gdelt;

import java.util.List;

/**
 * One side of a GDELT event as coded: the whole CAMEO actor code, the name, and the parts the code
 * is broken into (country or region, known group, ethnic group, religions, up to three types).
 * Empty fields are null; {@code types} holds only the types given.
 */
public record GdeltActor(String code, String name, String country, String knownGroup, String ethnic,
                         List<String> religions, List<String> types) {

    /** Whether the actor is a country and nothing more: its code is its country code, with no other part. */
    public boolean isCountryOnly() {
        return country != null && country.equals(code) && knownGroup == null && ethnic == null
               && religions.isEmpty() && types.isEmpty();
    }
}
