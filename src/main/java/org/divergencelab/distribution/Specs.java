package org.divergencelab.distribution;

import java.util.SplittableRandom;

/** Small helpers shared by the distributions: argument checks, number formatting, Gaussian draws. */
final class Specs {
    private Specs() {
    }

    /**
     * Largest location and scale (and inverse of the smallest scale) a spec may use: beyond it densities,
     * squared distances and quadrature panels overflow or underflow double (normal(0,1e308) gave NaN,
     * normal(0,1e-320) a JS of 0 beside a TV of 1), so such specs are refused rather than computed wrongly.
     */
    static final double MAX_MAGNITUDE = 1e100;

    static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
        if (Math.abs(v) > MAX_MAGNITUDE) {
            throw new IllegalArgumentException(name + " must be within ±1e100 (larger values overflow the"
                    + " computations), got " + v);
        }
    }

    static void requirePositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
        if (v > MAX_MAGNITUDE || v < 1 / MAX_MAGNITUDE) {
            throw new IllegalArgumentException(name + " must be between 1e-100 and 1e100 (beyond, densities and"
                    + " squared distances overflow or underflow), got " + v + "; for a point mass use point(x)");
        }
    }

    /**
     * Weights divided by their sum {@code total}; when finite weights near Double.MAX_VALUE sum to ∞, measured
     * in units of the largest first (1e308, 1e308 → ½, ½) instead of dividing by ∞.
     */
    static double[] normalise(double[] weights, double total) {
        double scale = 1;
        if (Double.isInfinite(total)) {
            scale = 0;
            for (double x : weights) {
                scale = Math.max(scale, x);
            }
            total = 0;
            for (double x : weights) {
                total += x / scale;
            }
        }
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i] / scale / total;
        }
        return w;
    }

    /** Shortest text that parses back to the same double ("1" rather than "1.0"). */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A standard normal draw (Box–Muller on two uniforms; deterministic given the generator). */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // in (0, 1]: log stays finite
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Union of two bounds arrays ({lo, hi, ...}); {@code a} may be null. */
    static double[] union(double[] a, double[] b) {
        if (a == null) {
            return b.clone();
        }
        double[] u = a.clone();
        for (int i = 0; i < u.length; i += 2) {
            u[i] = Math.min(u[i], b[i]);
            u[i + 1] = Math.max(u[i + 1], b[i + 1]);
        }
        return u;
    }
}
