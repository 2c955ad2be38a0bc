package org.divergencelab.divergence;

import java.util.Arrays;

import org.divergencelab.distribution.PointCloud;

/**
 * The app's one Gaussian kernel density estimate: product Gaussian kernel, Silverman's bandwidth in 1-D and
 * Scott's per axis in 2-D. Two ways to evaluate it:
 *
 * <ul>
 * <li>{@link #binned}: on a regular grid, for the divergence estimates. The weighted points are linearly
 *     binned onto the grid nodes, then convolved axis by axis with the Gaussian sampled at the node spacing
 *     (normalised to sum 1, so the estimate keeps the sample's mass exactly even where the kernel is narrower
 *     than a cell). Cost: n + nodes × kernel width per axis instead of n × nodes exponentials. The only
 *     approximation is the binning: each node value differs from the exact KDE by at most
 *     Σ_axes (step²/8)·max|∂²K| over the cell of each point (linear interpolation error), i.e. at most
 *     1/512 of the kernel's peak per axis at step = h/8 (tested against the exact sum in KdeTest).
 *     The kernel is cut where exp(−z²/2) underflows (z ≈ 38.6), so a node more than ~38 bandwidths from
 *     every point holds exactly 0: that is the estimate's support.</li>
 * <li>{@link #curve}: exactly, at given points, for the 1-D plot curves (a few hundred points).</li>
 * </ul>
 */
public final class Kde {
    private Kde() {
    }

    /** Silverman (1-D) or Scott (2-D, per axis) bandwidths; a floor keeps repeated points finite. */
    public static double[] bandwidths(PointCloud c) {
        int d = c.dimension();
        int n = c.size();
        double[] h = new double[d];
        for (int k = 0; k < d; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = c.get(i, k);
            }
            double sd = sd(x);
            if (d == 1) {
                double[] s = x.clone();
                Arrays.sort(s);
                double iqr = s[(int) (0.75 * (n - 1))] - s[(int) (0.25 * (n - 1))];
                double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
                h[k] = 0.9 * spread * Math.pow(n, -0.2);
            } else {
                h[k] = sd * Math.pow(n, -1.0 / 6);
            }
            if (!(h[k] > 1e-6)) {
                h[k] = 1e-6 * Math.max(1, Math.abs(x[0]));
            }
        }
        return h;
    }

    /**
     * A density on the nodes lo[k] + (i + ½)·step[k], i < nodes[k]; row-major (the last axis varies fastest).
     *
     * @param density the estimate at each node (per unit length or area)
     */
    public record Grid(double[] lo, double[] step, int[] nodes, double[] density) {
        /** Length (1-D) or area (2-D) of one cell. */
        public double cellVolume() {
            double v = 1;
            for (double s : step) {
                v *= s;
            }
            return v;
        }
    }

    /** The binned KDE of {@code c} with bandwidths {@code h} on the grid given by lo, step and nodes. */
    public static Grid binned(PointCloud c, double[] h, double[] lo, double[] step, int[] nodes) {
        int d = c.dimension();
        if (d != 1 && d != 2) {
            throw new IllegalArgumentException("KDE needs 1-D or 2-D points, got " + d + "-D");
        }
        int n0 = nodes[0];
        int n1 = d == 1 ? 1 : nodes[1];
        double[] mass = new double[n0 * n1];
        for (int i = 0; i < c.size(); i++) {
            double w = c.weight(i);
            double u0 = (c.get(i, 0) - lo[0]) / step[0] - 0.5;
            int j0 = node(u0, n0);
            double f0 = fraction(u0, j0, n0);
            if (d == 1) {
                mass[j0] += w * (1 - f0);
                if (f0 > 0) {
                    mass[j0 + 1] += w * f0;
                }
                continue;
            }
            double u1 = (c.get(i, 1) - lo[1]) / step[1] - 0.5;
            int j1 = node(u1, n1);
            double f1 = fraction(u1, j1, n1);
            mass[j0 * n1 + j1] += w * (1 - f0) * (1 - f1);
            if (f1 > 0) {
                mass[j0 * n1 + j1 + 1] += w * (1 - f0) * f1;
            }
            if (f0 > 0) {
                mass[(j0 + 1) * n1 + j1] += w * f0 * (1 - f1);
                if (f1 > 0) {
                    mass[(j0 + 1) * n1 + j1 + 1] += w * f0 * f1;
                }
            }
        }
        double[] out;
        if (d == 1) {
            out = convolveRows(mass, 1, n0, kernel(h[0], step[0], n0));
        } else {
            double[] rows = convolveRows(mass, n0, n1, kernel(h[1], step[1], n1));
            out = convolveColumns(rows, n0, n1, kernel(h[0], step[0], n0));
        }
        double inv = 1 / (d == 1 ? step[0] : step[0] * step[1]);
        for (int k = 0; k < out.length; k++) {
            out[k] *= inv;
        }
        return new Grid(lo.clone(), step.clone(), nodes.clone(), out);
    }

    /**
     * The exact 1-D KDE of the points at each of {@code xs}, Silverman's bandwidth floored at
     * {@code minBandwidth} (so a collapsed sample still gives a finite, visibly narrow peak). For plots.
     */
    public static double[] curve(double[] pts, double[] xs, double minBandwidth) {
        PointCloud c = PointCloud.of(1, pts);
        double[] h = {Math.max(bandwidths(c)[0], minBandwidth)};
        double[] out = new double[xs.length];
        double[] x = new double[1];
        for (int i = 0; i < xs.length; i++) {
            x[0] = xs[i];
            out[i] = Math.exp(logDensity(c, h, x));
        }
        return out;
    }

    /**
     * log of the exact KDE at x, summed in logs (finite however far x is from the points, where the density
     * itself underflows). n exponentials per call: for single points, not grids.
     */
    public static double logDensity(PointCloud c, double[] h, double[] x) {
        int d = c.dimension();
        double logNorm = 0;
        for (int k = 0; k < d; k++) {
            logNorm -= Math.log(h[k]) + 0.5 * Math.log(2 * Math.PI);
        }
        int n = c.size();
        double[] e = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int k = 0; k < d; k++) {
                double z = (x[k] - c.get(i, k)) / h[k];
                q += z * z;
            }
            e[i] = Math.log(c.weight(i)) - 0.5 * q;
            max = Math.max(max, e[i]);
        }
        double s = 0;
        for (double ei : e) {
            s += Math.exp(ei - max);
        }
        return logNorm + max + Math.log(s);
    }

    /** Kernel reach in bandwidths: exp(−z²/2) is below the smallest normal double past here. */
    static final double CUTOFF = 37.5;

    // the node at or left of u, kept inside the grid (a point outside the nodes goes to the edge node)
    private static int node(double u, int n) {
        if (!(u > 0)) {
            return 0;
        }
        return (int) Math.min(n - 1, Math.floor(u));
    }

    private static double fraction(double u, int j, int n) {
        if (j >= n - 1 || !(u > 0)) {
            return 0;
        }
        return Math.min(1, u - j);
    }

    /** w[k] ∝ exp(−½(k·step/h)²) for k = 0…K (K < n, cut at {@link #CUTOFF}), w[0] + 2Σw[k] = 1. */
    static double[] kernel(double h, double step, int n) {
        int reach = (int) Math.min(n - 1, Math.floor(CUTOFF * h / step));
        double[] w = new double[reach + 1];
        double sum = 0;
        for (int k = 0; k <= reach; k++) {
            double z = k * step / h;
            w[k] = Math.exp(-0.5 * z * z);
            sum += k == 0 ? w[k] : 2 * w[k];
        }
        for (int k = 0; k <= reach; k++) {
            w[k] /= sum;
        }
        return w;
    }

    // along the last axis (contiguous), scattering only the non-zero masses: the binned grid is sparse
    private static double[] convolveRows(double[] in, int rows, int cols, double[] w) {
        double[] out = new double[in.length];
        int reach = w.length - 1;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                double m = in[base + j];
                if (m == 0) {
                    continue;
                }
                int from = Math.max(0, j - reach);
                int to = Math.min(cols - 1, j + reach);
                for (int t = from; t <= to; t++) {
                    out[base + t] += m * w[Math.abs(t - j)];
                }
            }
        }
        return out;
    }

    // along the first axis: whole rows at a time (a vectorisable axpy), skipping empty rows
    private static double[] convolveColumns(double[] in, int rows, int cols, double[] w) {
        double[] out = new double[in.length];
        int reach = w.length - 1;
        for (int r = 0; r < rows; r++) {
            int src = r * cols;
            boolean empty = true;
            for (int j = 0; j < cols && empty; j++) {
                empty = in[src + j] == 0;
            }
            if (empty) {
                continue;
            }
            int from = Math.max(0, r - reach);
            int to = Math.min(rows - 1, r + reach);
            for (int t = from; t <= to; t++) {
                double wk = w[Math.abs(t - r)];
                int dst = t * cols;
                for (int j = 0; j < cols; j++) {
                    out[dst + j] += wk * in[src + j];
                }
            }
        }
        return out;
    }

    static double sd(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / Math.max(1, x.length - 1));
    }
}
