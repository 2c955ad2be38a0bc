package org.divergencelab.divergence;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.divergencelab.distribution.PointCloud;

/**
 * Lower estimates of the Lipschitz constant of a function f on a region (the WGAN critic must be
 * 1-Lipschitz): the largest gradient norm on a grid (central differences) and the largest difference
 * quotient |f(x) − f(y)| / |x − y| over sample pairs. Both are lower bounds on the true constant; the grid
 * one converges to max |∇f| as the grid refines. f is any {@code ToDoubleFunction<double[]>} (the GAN engine
 * passes its critic); it is called from the caller's thread only.
 */
public final class LipschitzEstimate {
    private LipschitzEstimate() {
    }

    /** A maximum and where it was found ({@code at} is the grid point, or the two points of the pair). */
    public record Result(double value, double[] at) {
    }

    /**
     * Max over an {@code points}-per-axis grid on the box [lo, hi] of the central-difference gradient norm,
     * step h = 1e-5 of the box width (truncation error O(h²·f''') and rounding O(ε|f|/h), both far below 1e-6
     * for smooth O(1) functions).
     */
    public static Result gridGradient(ToDoubleFunction<double[]> f, double[] lo, double[] hi, int points) {
        int d = lo.length;
        if (hi.length != d || d < 1 || d > 2) {
            throw new IllegalArgumentException("region must be 1-D or 2-D with lo and hi of equal length");
        }
        if (points < 2) {
            throw new IllegalArgumentException("points per axis must be >= 2, got " + points);
        }
        for (int k = 0; k < d; k++) {
            if (!(hi[k] > lo[k])) {
                throw new IllegalArgumentException("region axis " + k + " needs lo < hi, got " + lo[k] + ", " + hi[k]);
            }
        }
        double best = -1;
        double[] at = null;
        int total = d == 1 ? points : points * points;
        double[] x = new double[d];
        for (int idx = 0; idx < total; idx++) {
            int[] ix = d == 1 ? new int[] {idx} : new int[] {idx / points, idx % points};
            for (int k = 0; k < d; k++) {
                x[k] = lo[k] + (hi[k] - lo[k]) * ix[k] / (points - 1);
            }
            double g2 = 0;
            for (int k = 0; k < d; k++) {
                double h = 1e-5 * (hi[k] - lo[k]);
                double keep = x[k];
                x[k] = keep + h;
                double fp = f.applyAsDouble(x);
                x[k] = keep - h;
                double fm = f.applyAsDouble(x);
                x[k] = keep;
                double g = (fp - fm) / (2 * h);
                g2 += g * g;
            }
            double norm = Math.sqrt(g2);
            if (norm > best) {
                best = norm;
                at = x.clone();
            }
        }
        return new Result(best, at);
    }

    /**
     * Max of |f(x) − f(y)| / |x − y| over pairs of {@code samples}: all pairs when there are at most
     * {@code maxPairs}, otherwise {@code maxPairs} pairs drawn from {@code seed}. Coincident points are skipped.
     */
    public static Result overPairs(ToDoubleFunction<double[]> f, PointCloud samples, int maxPairs, long seed) {
        int n = samples.size();
        int d = samples.dimension();
        double[] fv = new double[n];
        double[][] pts = samples.toArray();
        for (int i = 0; i < n; i++) {
            fv[i] = f.applyAsDouble(pts[i]);
        }
        long all = (long) n * (n - 1) / 2;
        double best = 0;
        double[] at = null;
        SplittableRandom rng = new SplittableRandom(seed);
        long pairs = Math.min(all, maxPairs);
        int i = 0;
        int j = 1;
        for (long t = 0; t < pairs; t++) {
            if (all <= maxPairs) {
                if (j >= n) {
                    i++;
                    j = i + 1;
                }
            } else {
                i = rng.nextInt(n);
                j = rng.nextInt(n);
            }
            double dist2 = 0;
            for (int k = 0; k < d; k++) {
                double z = pts[i][k] - pts[j][k];
                dist2 += z * z;
            }
            if (dist2 > 0) {
                double q = Math.abs(fv[i] - fv[j]) / Math.sqrt(dist2);
                if (q > best) {
                    best = q;
                    at = new double[2 * d];
                    System.arraycopy(pts[i], 0, at, 0, d);
                    System.arraycopy(pts[j], 0, at, d, d);
                }
            }
            if (all <= maxPairs) {
                j++;
            }
        }
        return new Result(best, at);
    }
}
