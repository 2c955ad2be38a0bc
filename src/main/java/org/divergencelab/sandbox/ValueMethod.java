package org.divergencelab.sandbox;

import java.util.Locale;

import org.divergencelab.divergence.TruthMethod;

/**
 * What a sandbox number is (issue 12: "exact" only where it is): a closed form, a quadrature with its error
 * bound, exact transport between two discrete distributions, or a value from samples with its n (and, for
 * optimal transport, its sampling floor: the W1 between two independent n-draws of P, what Q = P would read).
 *
 * @param kind  how the number was obtained
 * @param n     draws per side for sample values, 0 otherwise
 * @param bound QUADRATURE: the error bound; SAMPLE_OT: the sampling floor; BINNED: the bins; NaN otherwise
 */
public record ValueMethod(Kind kind, int n, double bound) {

    /** The ways the sandbox computes a number. */
    public enum Kind {
        /** Closed form (atoms, disjoint supports, normals), exact to rounding. */
        EXACT,
        /** Adaptive quadrature of exact densities or CDFs, error below {@code bound}. */
        QUADRATURE,
        /** Exact optimal transport between the atoms of two discrete distributions. */
        DISCRETE_OT,
        /** Exact optimal transport between n draws of each: a sample value, above the population W1. */
        SAMPLE_OT,
        /** Binned kernel density estimate from n draws of each. */
        KDE,
        /** The 1-D plan between {@code bound} bins of n draws of each. */
        BINNED,
        /** A network trained on the n + n samples. */
        TRAINED,
        /** Not defined for these inputs (a sample-only toy has no density). */
        UNDEFINED
    }

    public static final ValueMethod EXACT = new ValueMethod(Kind.EXACT, 0, Double.NaN);
    public static final ValueMethod DISCRETE_OT = new ValueMethod(Kind.DISCRETE_OT, 0, Double.NaN);
    public static final ValueMethod UNDEFINED = new ValueMethod(Kind.UNDEFINED, 0, Double.NaN);

    /** A quadrature result: exact when its error bound is 0 (closed form). */
    public static ValueMethod quadrature(double errorBound) {
        return errorBound == 0 ? EXACT : new ValueMethod(Kind.QUADRATURE, 0, errorBound);
    }

    /** Optimal transport between n draws of each side, with the sampling floor. */
    public static ValueMethod sampleOt(int n, double floor) {
        return new ValueMethod(Kind.SAMPLE_OT, n, floor);
    }

    public static ValueMethod kde(int n) {
        return new ValueMethod(Kind.KDE, n, Double.NaN);
    }

    public static ValueMethod binned(int bins, int n) {
        return new ValueMethod(Kind.BINNED, n, bins);
    }

    public static ValueMethod trained(int n) {
        return new ValueMethod(Kind.TRAINED, n, Double.NaN);
    }

    /** True for the population value itself (closed form, quadrature, transport between discrete laws). */
    public boolean exact() {
        return kind == Kind.EXACT || kind == Kind.QUADRATURE || kind == Kind.DISCRETE_OT;
    }

    /**
     * The method label in the metrics files' words ({@code exact}, {@code exact-quadrature(err<E)},
     * {@code ot-n=N(floor=F)}, {@code kde(n=N)}, …) for CSV exports and tests.
     */
    public String label() {
        return switch (kind) {
            // the kinds the training side has too: one spelling, TruthMethod's (the quadrature bound rounded up)
            case EXACT -> TruthMethod.closedForm().label();
            case QUADRATURE -> TruthMethod.quadrature(bound).label();
            case DISCRETE_OT -> "exact-ot(discrete)";
            case SAMPLE_OT -> TruthMethod.sampleTransport(n, bound).label();
            case KDE -> TruthMethod.kde(n).label();
            case BINNED -> "binned(bins=" + (int) bound + ",n=" + n + ")";
            case TRAINED -> "trained(n=" + n + ")";
            case UNDEFINED -> "undefined";
        };
    }

    /** Three significant digits, as the training tab's labels. */
    public static String g(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
