package org.divergencelab.divergence;

import org.divergencelab.distribution.PointCloud;

/**
 * The app's one histogram: evenly spaced bins, each point's weight added to the bin it falls in. Two views of
 * it: {@link #density} for plots (points outside the edges left out, so the area is the fraction inside) and
 * {@link #masses} for comparing two samples (points outside clamped into the edge bins, so no mass is lost).
 */
public final class Histogram {
    private Histogram() {
    }

    /**
     * Per-bin weight over bin width (a density, comparable with density curves) on the evenly spaced
     * {@code edges}; bins are [e_k, e_k+1) except the last, which includes its right edge.
     */
    public static double[] density(PointCloud c, double[] edges) {
        int bins = edges.length - 1;
        double lo = edges[0];
        double width = (edges[bins] - lo) / bins;
        double[] h = new double[bins];
        for (int i = 0; i < c.size(); i++) {
            double v = c.get(i, 0);
            int b = (int) Math.floor((v - lo) / width);
            if (b == bins && v <= edges[bins]) {
                b = bins - 1;
            }
            if (b >= 0 && b < bins) {
                h[b] += c.weight(i);
            }
        }
        for (int b = 0; b < bins; b++) {
            h[b] /= width;
        }
        return h;
    }

    /** {@link #density} of equally weighted 1-D points. */
    public static double[] density(double[] pts, double[] edges) {
        return density(PointCloud.of(1, pts), edges);
    }

    /**
     * Bin masses on bins[k] equal bins of [lo[k], hi[k]] per axis (row-major in 2-D), points outside clamped into
     * the edge bins.
     */
    public static double[] masses(PointCloud c, int[] bins, double[] lo, double[] hi) {
        int d = c.dimension();
        int cells = 1;
        for (int k = 0; k < d; k++) {
            cells *= bins[k];
        }
        double[] m = new double[cells];
        for (int i = 0; i < c.size(); i++) {
            int cell = 0;
            for (int k = 0; k < d; k++) {
                double w = hi[k] - lo[k];
                int b = w > 0 ? (int) ((c.get(i, k) - lo[k]) / w * bins[k]) : 0;
                b = Math.min(bins[k] - 1, Math.max(0, b));
                cell = cell * bins[k] + b;
            }
            m[cell] += c.weight(i);
        }
        return m;
    }
}
