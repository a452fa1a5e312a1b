package org.entente.gdelt;

import java.math.BigDecimal;

/** Where GDELT's geocoder put an event: the full name, FIPS country code, coordinates and feature id (each may be null). */
public record GdeltPlace(String name, String fipsCountry, BigDecimal latitude, BigDecimal longitude, String featureId) {}
