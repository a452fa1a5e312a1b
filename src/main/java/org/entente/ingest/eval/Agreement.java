package org.entente.ingest.eval;

/** A secondary figure: over how many matched pairs the draft agrees with the gold on one facet (role, certainty...). */
public record Agreement(String facet, int agree, int total) {

    /** Agreements over total; 1 when there was nothing to compare. */
    public double accuracy() {
        return total == 0 ? 1 : (double) agree / total;
    }

    public Agreement plus(Agreement other) {
        return new Agreement(facet, agree + other.agree, total + other.total);
    }
}
