package org.divergencelab.divergence;

import org.divergencelab.distribution.PointCloud;

/**
 * Exact Wasserstein-1 distance between two weighted point clouds with Euclidean ground cost, with its
 * optimal transport plan. 1-D: the monotone (sorted, north-west corner) coupling, which is optimal for any
 * convex cost on the line, in O(n log n). 2-D: {@link TransportSimplex} on the full cost matrix.
 * Static methods allocate per call; for repeated solves on the interactive path use {@link IncrementalW1}.
 */
public final class ExactW1 {
    private ExactW1() {
    }

    /** W1 and the optimal plan; both clouds must have the same dimension (1 or 2). */
    public static TransportPlan solve(PointCloud p, PointCloud q) {
        requireSameDimension(p, q);
        return p.dimension() == 1 ? oneD(p, q) : new IncrementalW1().solve(p, q);
    }

    /** The W1 value only. */
    public static double distance(PointCloud p, PointCloud q) {
        return solve(p, q).value();
    }

    static void requireSameDimension(PointCloud p, PointCloud q) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("P is " + p.dimension() + "-D but Q is " + q.dimension()
                    + "-D; both must have the same dimension");
        }
    }

    /** 1-D exact W1 = ∫|F_P − F_Q| with its monotone plan. */
    public static TransportPlan oneD(PointCloud p, PointCloud q) {
        if (p.dimension() != 1 || q.dimension() != 1) {
            throw new IllegalArgumentException("oneD needs 1-D clouds, got " + p.dimension() + "-D and "
                    + q.dimension() + "-D");
        }
        double[] x = p.coordsView();
        double[] y = q.coordsView();
        int[] ox = Sorting.argsort(x);
        int[] oy = Sorting.argsort(y);
        double[] wa = p.weightsView();
        double[] wb = q.weightsView();
        int n1 = x.length;
        int n2 = y.length;
        int[] s = new int[n1 + n2];
        int[] t = new int[n1 + n2];
        double[] m = new double[n1 + n2];
        int k = 0;
        int a = 0;
        int b = 0;
        double ra = wa[ox[0]];
        double rb = wb[oy[0]];
        double value = 0;
        while (true) {
            double f = Math.min(ra, rb);
            if (f > 0) {
                s[k] = ox[a];
                t[k] = oy[b];
                m[k] = f;
                value += f * Math.abs(x[ox[a]] - y[oy[b]]);
                k++;
            }
            ra -= f;
            rb -= f;
            // Advance the side that ran out; at the last point of one side, the other side takes the
            // rounding residue (totals agree to ~1e-16).
            boolean advanceA = ra <= rb;
            if (advanceA && a + 1 < n1) {
                a++;
                ra = wa[ox[a]];
            } else if (b + 1 < n2) {
                b++;
                rb = wb[oy[b]];
            } else if (a + 1 < n1) {
                a++;
                ra = wa[ox[a]];
            } else {
                break;
            }
        }
        return new TransportPlan(value, java.util.Arrays.copyOf(s, k), java.util.Arrays.copyOf(t, k),
                java.util.Arrays.copyOf(m, k));
    }
}
