package org.divergencelab.divergence;

import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss–Kronrod (7/15 point, QUADPACK's QK15 nodes) quadrature, as QUADPACK's QAG: the panel with
 * the largest error estimate (|K15 − G7|) is bisected until the sum of the estimates is below the tolerance.
 * Unlike a local scheme that halves each child's share of the tolerance, the work goes where the error is: an
 * integrable end-point singularity (a fold's 1/√ or log) costs one bisection per digit-ish, and an integrand
 * whose values carry rounding noise (Newton-polished pre-images) does not drive every panel below that noise.
 * Non-finite integrand values propagate (an infinite divergence stays infinite).
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
    /**
     * Panels one call may evaluate (15 points each). Smooth integrands over the app's ranges take a few dozen;
     * the budget keeps a wide, kinked integrand at a tight tolerance finite (exact W1 of normal(0, 1000) against
     * normal(0, 1)). When it runs out the panels are summed as they are, so {@link #lastError} says how far the
     * answer is from the tolerance.
     */
    static final int MAX_PANELS = 20_000;

    private double error;
    private int panels;

    /** Error estimate (sum over the final panels of |K15 − G7|) of the last {@link #integrate} call: at most about
     * the tolerance, unless the panel budget ran out (then larger, and the caller should say so). */
    public double lastError() {
        return error;
    }

    /** Panels the last {@link #integrate} call evaluated. */
    int lastPanels() {
        return panels;
    }

    /** One panel [a, b] with its Kronrod value and error estimate. */
    private record Panel(double a, double b, double value, double err) {
    }

    /** ∫_a^b f with absolute tolerance {@code tol} (plus 1e-13 relative), a and b finite. */
    public double integrate(DoubleUnaryOperator f, double a, double b, double tol) {
        return integrate(f, a, b, tol, MAX_PANELS);
    }

    /** As {@link #integrate(DoubleUnaryOperator, double, double, double)} with a smaller panel budget, for
     * integrands whose every node is costly: {@link #lastError} then reports what the budget bought. */
    public double integrate(DoubleUnaryOperator f, double a, double b, double tol, int maxPanels) {
        error = 0;
        panels = 0;
        if (!(b > a)) {
            return 0;
        }
        java.util.PriorityQueue<Panel> open = new java.util.PriorityQueue<>((p, q) -> Double.compare(q.err, p.err));
        java.util.List<Panel> done = new java.util.ArrayList<>(); // too narrow to split
        Panel first = rule(f, a, b);
        if (!Double.isFinite(first.value)) {
            return first.value;
        }
        open.add(first);
        double total = first.value;
        double err = first.err;
        while (!open.isEmpty() && err > Math.max(tol, 1e-13 * Math.abs(total)) && panels < maxPanels) {
            Panel worst = open.poll();
            double c = 0.5 * (worst.a + worst.b);
            if (!(c > worst.a && c < worst.b)) {
                done.add(worst);
                continue;
            }
            Panel left = rule(f, worst.a, c);
            if (!Double.isFinite(left.value)) {
                return left.value;
            }
            Panel right = rule(f, c, worst.b);
            if (!Double.isFinite(right.value)) {
                return right.value;
            }
            open.add(left);
            open.add(right);
            total += left.value + right.value - worst.value;
            err += left.err + right.err - worst.err;
        }
        // the final sums afresh, in order, so no running-update rounding is left in the answer
        java.util.List<Panel> all = new java.util.ArrayList<>(open);
        all.addAll(done);
        all.sort(java.util.Comparator.comparingDouble(Panel::a));
        double sum = 0;
        double comp = 0;
        for (Panel p : all) {
            double y = p.value - comp; // Kahan: thousands of panels of mixed sign
            double t = sum + y;
            comp = (t - sum) - y;
            sum = t;
            error += p.err;
        }
        return sum;
    }

    private Panel rule(DoubleUnaryOperator f, double a, double b) {
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
        return new Panel(a, b, kronrod, Math.abs(kronrod - gauss));
    }
}
