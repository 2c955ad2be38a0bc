package org.divergencelab.divergence;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Gauss–Kronrod (7/15 point, QUADPACK's QK15 nodes) quadrature with bisection. The Kronrod–Gauss
 * difference is the error estimate of a panel; panels are split until it is below the panel's share of the
 * tolerance. Non-finite integrand values propagate (an infinite divergence stays infinite).
 */
public final class Quadrature {
    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0};
    private static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    /** Weights of the 7-point Gauss rule on XGK[1], XGK[3], XGK[5], XGK[7]. */
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};
    private static final int MAX_DEPTH = 40;
    /**
     * Panels one call may evaluate (15 points each). Smooth integrands over the app's ranges take a few hundred;
     * without a budget a wide, kinked integrand at a tight tolerance bisects towards 2^40 panels and never returns
     * (exact W1 of normal(0, 1000) against normal(0, 1)). Past the budget every remaining panel is accepted as it
     * is and its error estimate counted, so {@link #lastError} says how far the answer is from the tolerance.
     */
    static final int MAX_PANELS = 20_000;

    private double error;
    private int panels;

    /** Error estimate (sum over accepted panels of |K15 − G7|) of the last {@link #integrate} call: at most about
     * the tolerance, unless the panel budget ran out (then larger, and the caller should say so). */
    public double lastError() {
        return error;
    }

    /** ∫_a^b f with absolute tolerance {@code tol} (plus 1e-13 relative), a and b finite. */
    public double integrate(DoubleUnaryOperator f, double a, double b, double tol) {
        error = 0;
        panels = 0;
        if (!(b > a)) {
            return 0;
        }
        return panel(f, a, b, tol, 0);
    }

    private double panel(DoubleUnaryOperator f, double a, double b, double tol, int depth) {
        panels++;
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double fc = f.applyAsDouble(c);
        double kronrod = fc * WGK[7];
        double gauss = fc * WG[3];
        for (int k = 0; k < 7; k++) {
            double dx = h * XGK[k];
            double s = f.applyAsDouble(c - dx) + f.applyAsDouble(c + dx);
            kronrod += WGK[k] * s;
            if (k % 2 == 1) {
                gauss += WG[k / 2] * s;
            }
        }
        kronrod *= h;
        gauss *= h;
        if (!Double.isFinite(kronrod)) {
            return kronrod;
        }
        double err = Math.abs(kronrod - gauss);
        if (err <= Math.max(tol, 1e-13 * Math.abs(kronrod)) || depth >= MAX_DEPTH
                || panels >= MAX_PANELS) {
            error += err;
            return kronrod;
        }
        double left = panel(f, a, c, tol / 2, depth + 1);
        if (!Double.isFinite(left)) {
            return left;
        }
        return left + panel(f, c, b, tol / 2, depth + 1);
    }
}
