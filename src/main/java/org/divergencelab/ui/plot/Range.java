package org.divergencelab.ui.plot;

/**
 * A closed interval [min, max] of data values.
 *
 * @param min lower end, finite
 * @param max upper end, finite, {@code >= min}
 */
public record Range(double min, double max) {

    public Range {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("range must be finite with min <= max, got [" + min + ", " + max + "]");
        }
    }

    /** max − min. */
    public double span() {
        return max - min;
    }

    /** The smallest range holding both (either may be {@code null}). */
    public static Range union(Range a, Range b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Range(Math.min(a.min, b.min), Math.max(a.max, b.max));
    }

    /**
     * The range of the finite values among the first {@code n} of {@code v}, or {@code null} when there
     * are none (NaN and infinities are skipped, so one diverged value does not blow up an axis).
     */
    public static Range of(double[] v, int n) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            if (x < lo) {
                lo = x;
            }
            if (x > hi) {
                hi = x;
            }
        }
        if (lo == Double.NEGATIVE_INFINITY || hi == Double.POSITIVE_INFINITY || lo > hi) {
            // Recompute skipping non-finite values: rare path.
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double x = v[i];
                if (Double.isFinite(x)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
            if (lo > hi) {
                return null;
            }
        }
        return new Range(lo, hi);
    }

    /** {@link #of(double[], int)} over the whole array. */
    public static Range of(double... v) {
        return of(v, v.length);
    }

    /** This range widened by {@code fraction} of its span on each side (a unit span when degenerate). */
    public Range padded(double fraction) {
        double s = span();
        if (s <= 0) {
            double half = Math.max(0.5, Math.abs(min) * 0.1);
            return new Range(min - half, max + half);
        }
        return new Range(min - s * fraction, max + s * fraction);
    }
}
