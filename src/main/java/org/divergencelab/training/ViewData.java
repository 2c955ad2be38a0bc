package org.divergencelab.training;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.divergence.Histogram;
import org.divergencelab.divergence.Kde;
import org.divergencelab.gan.Snapshot;

/**
 * What the views draw beside a {@link Snapshot}, computed on the training thread (never on the FX thread):
 * 1-D: histograms of the evaluation samples, the true data density, a KDE of P_G and the optimal
 * discriminator D*(x) = p_data / (p_data + p_G); 2-D: the data density on a grid for contours.
 * Arrays are never modified after construction.
 *
 * @param xs        1-D: grid of x values (the critic field's box); 2-D: null
 * @param dataPdf   1-D: p_data on {@code xs} (null when the data has no density); 2-D: n×n grid of log p_data
 *                  floored 12 nats below its maximum (for contours), or null
 * @param fakePdf   1-D: Gaussian KDE of the generated samples on {@code xs}
 * @param optimalD  1-D: D*(x), NaN where both densities vanish (null without a data density)
 * @param edges     1-D histogram edges (shared by real and fake)
 * @param realHist  1-D histogram of the real evaluation samples, as a density
 * @param fakeHist  1-D histogram of the generated evaluation samples, as a density
 * @param criticAtFake 1-D: the critic field interpolated at each fake (for the arrows), null in 2-D
 * @param kdeAtFake 1-D: the KDE of p_G at each fake (the arrows of a GAN ride on that curve), null in 2-D
 * @param gridN     2-D: grid points per axis of {@code dataPdf}
 * @param box       {x0, x1, y0, y1} of the 2-D grid, or {x0, x1} in 1-D
 * @param dataMean  1-D: the data's mean, what regression with the MSE loss answers for every z (the map's
 *                  reference line); NaN in 2-D
 */
public record ViewData(double[] xs, double[] dataPdf, double[] fakePdf, double[] optimalD, double[] edges,
                       double[] realHist, double[] fakeHist, double[] criticAtFake, double[] kdeAtFake, int gridN,
                       double[] box, double dataMean) {

    /** Points of the 1-D density curves. */
    static final int CURVE_POINTS = 200;
    /** Bins of the 1-D sample histograms. */
    static final int BINS = 40;
    /** Points per axis of the 2-D data-density grid (contours only, so 64 is ample). */
    static final int GRID = 64;

    /** Draws behind {@link #dataMean}: standard error σ/141, so a mean of ±2 reads 0.00 at two decimals. */
    static final int MEAN_DRAWS = 20_000;
    /** Data means by spec and seed, so the worker draws them once per experiment, not once per frame. */
    private static final Map<String, Double> MEANS = new ConcurrentHashMap<>();

    /**
     * Computes the view data of {@code s} for data distribution {@code data}. Needs a full snapshot (the
     * critic field's box); a cheap one gives the sample histograms only. {@code seed} is the experiment's:
     * the 1-D data mean is estimated from its draws.
     */
    public static ViewData of(Snapshot s, Distribution data, long seed) {
        double[] real = s.real();
        double[] fake = s.fake();
        Snapshot.CriticField f = s.criticField();
        if (s.dimension() == 1) {
            double lo;
            double hi;
            if (f != null) {
                lo = f.lo()[0];
                hi = f.hi()[0];
            } else {
                double[] r = range(real, fake);
                lo = r[0];
                hi = r[1];
            }
            double[] xs = new double[CURVE_POINTS];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = lo + (hi - lo) * i / (xs.length - 1);
            }
            double[] pData = null;
            if (data.hasDensity()) {
                pData = new double[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    pData[i] = data.density(new double[] {xs[i]});
                }
            }
            double[] pG = kde1(fake, xs);
            double[] dStar = null;
            if (pData != null) {
                dStar = new double[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    double sum = pData[i] + pG[i];
                    dStar[i] = sum > 1e-300 ? pData[i] / sum : Double.NaN;
                }
            }
            double[] edges = new double[BINS + 1];
            for (int i = 0; i <= BINS; i++) {
                edges[i] = lo + (hi - lo) * i / BINS;
            }
            double[] atFake = null;
            if (f != null) {
                double[] v = f.values();
                atFake = new double[fake.length];
                for (int i = 0; i < fake.length; i++) {
                    atFake[i] = interpolate(v, f.lo()[0], f.hi()[0], fake[i]);
                }
            }
            double[] kdeAtFake = new double[fake.length];
            for (int i = 0; i < fake.length; i++) {
                kdeAtFake[i] = interpolate(pG, lo, hi, fake[i]);
            }
            return new ViewData(xs, pData, pG, dStar, edges, histogram(real, edges), histogram(fake, edges), atFake,
                    kdeAtFake, 0, new double[] {lo, hi}, dataMean(data, seed));
        }
        double[] box;
        if (f != null) {
            box = new double[] {f.lo()[0], f.hi()[0], f.lo()[1], f.hi()[1]};
        } else {
            box = range2(real, fake);
        }
        double[] grid = null;
        if (data.hasDensity()) {
            grid = new double[GRID * GRID];
            double[] p = new double[2];
            for (int j = 0; j < GRID; j++) {
                p[1] = box[2] + (box[3] - box[2]) * j / (GRID - 1);
                for (int i = 0; i < GRID; i++) {
                    p[0] = box[0] + (box[1] - box[0]) * i / (GRID - 1);
                    grid[j * GRID + i] = data.logDensity(p);
                }
            }
            // Log density, floored 12 nats below the peak: narrow modes (σ = 0.02) still give visible contours.
            double max = Double.NEGATIVE_INFINITY;
            for (double v : grid) {
                max = Math.max(max, v);
            }
            for (int k = 0; k < grid.length; k++) {
                grid[k] = Math.max(grid[k], max - 12);
            }
        }
        return new ViewData(null, grid, null, null, null, null, null, null, null, GRID, box, Double.NaN);
    }

    /**
     * The mean of 1-D {@code data} from {@link #MEAN_DRAWS} draws seeded with {@code seed}, cached (the cache
     * is emptied when it passes 256 entries: a lecture uses a handful of data specs).
     */
    static double dataMean(Distribution data, long seed) {
        if (MEANS.size() > 256) {
            MEANS.clear();
        }
        return MEANS.computeIfAbsent(data.spec() + "@" + seed, k -> {
            double[] xs = data.sample(MEAN_DRAWS, seed).coordsView();
            double sum = 0;
            for (double x : xs) {
                sum += x;
            }
            return sum / xs.length;
        });
    }

    /** Linear interpolation of grid values on [lo, hi] (clamped at the ends). */
    static double interpolate(double[] v, double lo, double hi, double x) {
        int n = v.length;
        double t = (x - lo) / (hi - lo) * (n - 1);
        if (!(t > 0)) {
            return v[0];
        }
        if (t >= n - 1) {
            return v[n - 1];
        }
        int i = (int) t;
        double w = t - i;
        return v[i] * (1 - w) + v[i + 1] * w;
    }

    /** The app's KDE ({@link Kde#curve}), bandwidth floored at 1/400 of the grid (a collapsed G stays finite). */
    static double[] kde1(double[] pts, double[] xs) {
        return Kde.curve(pts, xs, (xs[xs.length - 1] - xs[0]) / 400);
    }

    /** Histogram of {@code pts} on {@code edges}, normalised to a density (area = fraction inside). */
    static double[] histogram(double[] pts, double[] edges) {
        return Histogram.density(pts, edges);
    }

    private static double[] range(double[] a, double[] b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] arr : new double[][] {a, b}) {
            for (double v : arr) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            lo = (Double.isFinite(lo) ? lo : 0) - 1;
            hi = lo + 2;
        }
        double m = 0.1 * (hi - lo);
        return new double[] {lo - m, hi + m};
    }

    private static double[] range2(double[] a, double[] b) {
        double[] xs = new double[(a.length + b.length) / 2];
        double[] ys = new double[xs.length];
        int k = 0;
        for (double[] arr : new double[][] {a, b}) {
            for (int i = 0; i + 1 < arr.length; i += 2) {
                xs[k] = arr[i];
                ys[k++] = arr[i + 1];
            }
        }
        double[] rx = range(xs, new double[0]);
        double[] ry = range(ys, new double[0]);
        return new double[] {rx[0], rx[1], ry[0], ry[1]};
    }
}
