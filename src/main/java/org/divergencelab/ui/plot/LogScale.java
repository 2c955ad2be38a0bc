package org.divergencelab.ui.plot;

/**
 * The maths of a base-10 logarithmic axis: whole-decade ranges, decade ticks (every decade, or every 2nd, 5th …
 * when there are too many for the space) labelled 10^k, and the value ↔ [0, 1] position map. Non-positive and
 * non-finite values have no position (NaN): a log chart leaves them out instead of drawing them at −∞.
 */
public final class LogScale {
    private LogScale() {
    }

    /** Decade strides tried in order when every decade does not fit. */
    private static final int[] STRIDES = {1, 2, 3, 5, 10, 20, 50, 100};

    /**
     * [10^floor(log10 min), 10^ceil(log10 max)]: the smallest whole-decade range holding [min, max]; a range
     * inside one decade (or a single value on a decade) gets at least one decade.
     *
     * @throws IllegalArgumentException when min or max is not positive and finite, or min > max
     */
    public static double[] decadeRange(double min, double max) {
        if (!(min > 0) || !(max > 0) || !Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("a log axis needs 0 < min <= max, finite, got [" + min + ", " + max + "]");
        }
        // A relative slack of 1e-9 so that 1e-3 (log10 = -2.9999999999999996) is its own decade, not 1e-4.
        int lo = (int) Math.floor(Math.log10(min) + 1e-9);
        int hi = (int) Math.ceil(Math.log10(max) - 1e-9);
        if (hi <= lo) {
            hi = lo + 1;
        }
        return new double[] {Math.pow(10, lo), Math.pow(10, hi)};
    }

    /**
     * The decade ticks 10^k inside [min, max] (both positive), every {@code stride}-th decade with the smallest
     * stride that gives at most {@code target} ticks; the strided ticks sit on multiples of the stride (10^0 is
     * always a candidate), so they do not jump as the range grows.
     *
     * @throws IllegalArgumentException when the range is not positive and finite, or target < 2
     */
    public static double[] ticks(double min, double max, int target) {
        if (!(min > 0) || !(max > 0) || !Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("a log axis needs 0 < min <= max, finite, got [" + min + ", " + max + "]");
        }
        if (target < 2) {
            throw new IllegalArgumentException("target tick count must be >= 2, got " + target);
        }
        int lo = (int) Math.ceil(Math.log10(min) - 1e-9);
        int hi = (int) Math.floor(Math.log10(max) + 1e-9);
        int stride = STRIDES[STRIDES.length - 1];
        for (int s : STRIDES) {
            if (count(lo, hi, s) <= target) {
                stride = s;
                break;
            }
        }
        int first = Math.floorDiv(lo + stride - 1, stride) * stride;
        int n = count(lo, hi, stride);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.pow(10, first + i * stride);
        }
        return v;
    }

    private static int count(int lo, int hi, int stride) {
        int first = Math.floorDiv(lo + stride - 1, stride) * stride;
        return hi < first ? 0 : (hi - first) / stride + 1;
    }

    /** The label of a decade tick: "10³", "10⁰", "10⁻⁷" (the exponent rounded to the nearest integer). */
    public static String label(double v) {
        long k = Math.round(Math.log10(v));
        return "10" + superscript(k);
    }

    private static String superscript(long k) {
        String digits = Long.toString(Math.abs(k));
        StringBuilder b = new StringBuilder(k < 0 ? "⁻" : "");
        for (char c : digits.toCharArray()) {
            b.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return b.toString();
    }

    /**
     * Position of {@code v} in [min, max] on a log scale: 0 at min, 1 at max; NaN for v ≤ 0 or not finite.
     */
    public static double fraction(double v, double min, double max) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return Double.NaN;
        }
        return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
    }

    /** The value at position {@code f} (0 = min, 1 = max) of a log scale on [min, max]. */
    public static double valueAt(double f, double min, double max) {
        return Math.pow(10, Math.log10(min) + f * (Math.log10(max) - Math.log10(min)));
    }
}
