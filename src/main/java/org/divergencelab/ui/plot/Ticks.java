package org.divergencelab.ui.plot;

import java.util.Arrays;
import java.util.Locale;

/**
 * "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, the way a person labels an axis.
 *
 * @param step     distance between ticks (a 1-2-5 number)
 * @param values   tick positions inside the requested range, ascending
 * @param decimals digits after the decimal point that show every tick exactly
 */
public record Ticks(double step, double[] values, int decimals) {

    /** Smallest range treated as non-degenerate; a constant series gets a unit-wide window instead. */
    private static final double MIN_SPAN = 1e-12;

    public Ticks {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Number of ticks. */
    public int count() {
        return values.length;
    }

    /** Tick {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /**
     * The smallest 1-2-5 step at least {@code raw}: 0.37 → 0.5, 3 → 5, 7 → 10, 0.1 → 0.1.
     *
     * @throws IllegalArgumentException when {@code raw} is not a positive finite number
     */
    public static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            throw new IllegalArgumentException("raw step must be positive and finite, got " + raw);
        }
        double exp = Math.floor(Math.log10(raw));
        double base = Math.pow(10, exp);
        double f = raw / base;
        // A relative slack of 1e-9 so that 0.2 (stored as 0.2000000000000000111) is not bumped to 0.5.
        double m;
        if (f <= 1 + 1e-9) {
            m = 1;
        } else if (f <= 2 + 1e-9) {
            m = 2;
        } else if (f <= 5 + 1e-9) {
            m = 5;
        } else {
            m = 10;
        }
        return m * base;
    }

    /**
     * Ticks for [min, max] with at most about {@code target} ticks (never fewer than two when the range is
     * non-degenerate).
     *
     * @throws IllegalArgumentException when min/max are not finite or min > max, or target < 2
     */
    public static Ticks of(double min, double max, int target) {
        checkRange(min, max);
        if (target < 2) {
            throw new IllegalArgumentException("target tick count must be >= 2, got " + target);
        }
        if (max - min < MIN_SPAN) {
            min -= 0.5;
            max += 0.5;
        }
        double step = niceStep((max - min) / (target - 1));
        // An axis with a single labelled tick cannot be read: step down (5 → 2 → 1 …) until there are at
        // least three, or two when only two were asked for.
        int wanted = Math.min(3, target);
        while (countTicks(min, max, step) < wanted) {
            step = smallerNiceStep(step);
        }
        // Tolerance of a millionth of a step absorbs the rounding of min/step and of k*step.
        double eps = step * 1e-6;
        long first = (long) Math.ceil((min - eps) / step);
        long last = (long) Math.floor((max + eps) / step);
        int n = (int) Math.max(0, last - first + 1);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (first + i) * step;
            // Snap away the binary noise (0.30000000000000004) so labels and equality tests are clean.
            v[i] = snap(t, step);
        }
        return new Ticks(step, v, decimalsFor(step));
    }

    /** The next 1-2-5 step below {@code step}: 5 → 2, 2 → 1, 1 → 0.5. */
    static double smallerNiceStep(double step) {
        double exp = Math.floor(Math.log10(step) + 1e-9);
        double base = Math.pow(10, exp);
        double m = Math.round(step / base);
        return m >= 5 ? 2 * base : m >= 2 ? base : 0.5 * base;
    }

    private static long countTicks(double min, double max, double step) {
        double eps = step * 1e-6;
        return (long) Math.floor((max + eps) / step) - (long) Math.ceil((min - eps) / step) + 1;
    }

    /** [min, max] widened outward to the nearest ticks of {@link #of(double, double, int)}: an auto-range. */
    public static double[] niceRange(double min, double max, int target) {
        checkRange(min, max);
        if (max - min < MIN_SPAN) {
            min -= 0.5;
            max += 0.5;
        }
        double step = niceStep((max - min) / (target - 1));
        double eps = step * 1e-6;
        return new double[] {snap(Math.floor((min + eps) / step) * step, step),
            snap(Math.ceil((max - eps) / step) * step, step)};
    }

    /** Digits after the point for a 1-2-5 step: 0.05 → 2, 2 → 0, 500 → 0. */
    public static int decimalsFor(double step) {
        return (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    }

    /** The label of tick value {@code v}: fixed point with {@link #decimals()}, scientific for extremes. */
    public String label(double v) {
        return format(v, step, decimals);
    }

    /** Formats {@code v} for an axis whose tick step is {@code step}. */
    public static String format(double v, double step, int decimals) {
        if (Math.abs(v) < step * 1e-6) {
            return "0"; // never "-0" nor "1e-17"
        }
        double a = Math.abs(v);
        if (a >= 1e6 || decimals > 5) {
            // Scientific with as many significant digits as the step needs relative to the value.
            int sig = (int) Math.max(1, Math.min(6, Math.floor(Math.log10(a)) - Math.floor(Math.log10(step)) + 1));
            return String.format(Locale.ROOT, "%." + (sig - 1) + "e", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static double snap(double t, double step) {
        int d = decimalsFor(step);
        if (d > 15) {
            return t;
        }
        double p = Math.pow(10, d);
        double r = Math.round(t * p) / p;
        return Math.abs(r - t) < step * 1e-6 ? r : t;
    }

    private static void checkRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("axis range must be finite with min <= max, got [" + min + ", " + max
                    + "]");
        }
    }

    @Override
    public String toString() {
        return "Ticks[step=" + step + ", values=" + Arrays.toString(values) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ticks t && t.step == step && t.decimals == decimals && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(step) * 31 + Arrays.hashCode(values);
    }
}
