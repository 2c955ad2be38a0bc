package org.divergencelab.divergence;

import org.divergencelab.compute.Gemm;

/**
 * The pricing kernel of {@link TransportSimplex}: the minimum over j of a row's reduced costs c_ij − v_j.
 * SIMD when {@code jdk.incubator.vector} is present, plain loops otherwise; both return the same double
 * (a minimum of the same exactly computed terms, distances unfused as in the solver's cost), so a solve gives
 * the same plan either way. {@link RowMinimaVector} is only loaded on the SIMD path: a JVM without the
 * incubator module never touches it.
 */
final class RowMinima {
    private static final boolean SIMD = Gemm.vectorAvailable();

    private RowMinima() {
    }

    /** min_j (c[base + j] − v[j]) for j &lt; n. */
    static double costs(double[] c, int base, double[] v, int n) {
        if (SIMD) {
            return RowMinimaVector.costs(c, base, v, n);
        }
        return costsScalar(c, base, v, 0, n, Double.POSITIVE_INFINITY);
    }

    /** min_j (‖(x, y) − (xs[j], ys[j])‖ − v[j]) for j &lt; n. */
    static double euclidean(double x, double y, double[] xs, double[] ys, double[] v, int n) {
        if (SIMD) {
            return RowMinimaVector.euclidean(x, y, xs, ys, v, n);
        }
        return euclideanScalar(x, y, xs, ys, v, 0, n, Double.POSITIVE_INFINITY);
    }

    /** The scalar loop from {@code from}, folding into {@code min} (also the SIMD path's tail). */
    static double costsScalar(double[] c, int base, double[] v, int from, int n, double min) {
        for (int j = from; j < n; j++) {
            min = Math.min(min, c[base + j] - v[j]);
        }
        return min;
    }

    static double euclideanScalar(double x, double y, double[] xs, double[] ys, double[] v, int from, int n,
                                  double min) {
        for (int j = from; j < n; j++) {
            double dx = x - xs[j];
            double dy = y - ys[j];
            min = Math.min(min, Math.sqrt(dx * dx + dy * dy) - v[j]);
        }
        return min;
    }
}
