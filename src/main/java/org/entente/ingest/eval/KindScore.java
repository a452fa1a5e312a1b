package org.entente.ingest.eval;

/**
 * The counts of one kind of statement: found (tp), proposed but not in the gold (fp), in the gold
 * but not proposed (fn), with precision, recall and F1. A ratio over nothing is 1 when both sides
 * are empty (nothing to find, nothing proposed) and 0 otherwise, so an empty draft has recall 0.
 */
public record KindScore(String kind, int tp, int fp, int fn) {

    public KindScore {
        if (tp < 0 || fp < 0 || fn < 0)
            throw new IllegalArgumentException("negative count");
    }

    public static KindScore empty(String kind) {
        return new KindScore(kind, 0, 0, 0);
    }

    /** How many statements the gold holds. */
    public int gold() {
        return tp + fn;
    }

    /** How many statements the draft proposes. */
    public int draft() {
        return tp + fp;
    }

    public double precision() {
        return ratio(tp, tp + fp, fn);
    }

    public double recall() {
        return ratio(tp, tp + fn, fp);
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The sum of two scores (counts add up; ratios are worked out again): micro-averaging. */
    public KindScore plus(KindScore other) {
        return new KindScore(kind, tp + other.tp, fp + other.fp, fn + other.fn);
    }

    private static double ratio(int num, int den, int otherSide) {
        if (den == 0)
            return otherSide == 0 ? 1 : 0;
        return (double) num / den;
    }
}
