package org.divergencelab.divergence;

import java.util.Arrays;
import java.util.Locale;

import org.divergencelab.distribution.PointCloud;

/**
 * Plug-in divergence estimates from finite samples, to show how samples mislead (the lecture's second reason
 * why P_data and P_G rarely overlap). Both are biased, and the app shows them next to the truth:
 *
 * <ul>
 * <li>{@link #histogram}: shared bins over the pooled range, width from a named rule; the divergence of the
 *     two bin-mass vectors. With few samples per bin, empty bins on one side make KL and χ² infinite and
 *     push JS and TV up (biased upward for JS/TV/H² when the distributions are equal: two samples of one
 *     distribution never give identical histograms); coarse bins merge separated supports and bias JS down
 *     (two disjoint distributions inside one bin look identical).</li>
 * <li>{@link #kde}: Gaussian kernel density estimates (Silverman's rule in 1-D, Scott's rule per axis in
 *     2-D) integrated on a fine grid (midpoint rule, cell ≤ bandwidth/8, so the quadrature error is far
 *     below the statistical one). Smoothing widens both supports, so KDE never sees disjoint supports: JS
 *     stays below log 2 even for well separated samples, and KL is finite where the truth is ∞.</li>
 * </ul>
 */
public final class SampleEstimates {
    private SampleEstimates() {
    }

    /** Bin-width rules, on the pooled sample of size n. */
    public enum BinRule {
        /** Freedman–Diaconis: width 2 IQR n^(−1/3) (Scott when the IQR is 0). */
        FD,
        /** Scott: width 3.49 σ n^(−1/3). */
        SCOTT,
        /** Sturges: ⌈log2 n⌉ + 1 bins. */
        STURGES,
        /** √n bins. */
        SQRT;

        /** Parses fd, scott, sturges, sqrt. */
        public static BinRule parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bin rule must be fd, scott, sturges or sqrt, got '" + s + "'");
            }
        }

        int bins(double[] x) {
            int n = x.length;
            double[] s = x.clone();
            Arrays.sort(s);
            double range = s[n - 1] - s[0];
            if (!(range > 0)) {
                return 1;
            }
            double width;
            switch (this) {
                case STURGES:
                    return (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
                case SQRT:
                    return (int) Math.ceil(Math.sqrt(n));
                case FD: {
                    double iqr = s[(int) (0.75 * (n - 1))] - s[(int) (0.25 * (n - 1))];
                    if (iqr > 0) {
                        width = 2 * iqr * Math.pow(n, -1.0 / 3);
                        break;
                    }
                    width = 3.49 * sd(x) * Math.pow(n, -1.0 / 3);
                    break;
                }
                default:
                    width = 3.49 * sd(x) * Math.pow(n, -1.0 / 3);
            }
            return (int) Math.max(1, Math.min(4096, Math.ceil(range / width)));
        }
    }

    /** Histogram plug-in estimate of {@code kind}(P, Q) from two clouds. */
    public static double histogram(DivergenceKind kind, PointCloud p, PointCloud q, BinRule rule) {
        ExactW1.requireSameDimension(p, q);
        int d = p.dimension();
        int[] bins = new int[d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int k = 0; k < d; k++) {
            double[] pooled = new double[p.size() + q.size()];
            for (int i = 0; i < p.size(); i++) {
                pooled[i] = p.get(i, k);
            }
            for (int j = 0; j < q.size(); j++) {
                pooled[p.size() + j] = q.get(j, k);
            }
            bins[k] = rule.bins(pooled);
            lo[k] = Arrays.stream(pooled).min().orElseThrow();
            hi[k] = Arrays.stream(pooled).max().orElseThrow();
        }
        int cells = d == 1 ? bins[0] : bins[0] * bins[1];
        double[] mp = binMasses(p, bins, lo, hi, cells);
        double[] mq = binMasses(q, bins, lo, hi, cells);
        double v = 0;
        for (int c = 0; c < cells; c++) {
            v += kind.integrand(Math.log(mp[c]), Math.log(mq[c]));
        }
        return kind.finish(v);
    }

    private static double[] binMasses(PointCloud c, int[] bins, double[] lo, double[] hi, int cells) {
        double[] m = new double[cells];
        int d = c.dimension();
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

    /** Gaussian-KDE plug-in estimate of {@code kind}(P, Q). */
    public static double kde(DivergenceKind kind, PointCloud p, PointCloud q) {
        ExactW1.requireSameDimension(p, q);
        int d = p.dimension();
        double[] hp = bandwidths(p);
        double[] hq = bandwidths(q);
        double[] lo = new double[d];
        double[] hi = new double[d];
        int[] n = new int[d];
        double[] step = new double[d];
        for (int k = 0; k < d; k++) {
            double h = Math.min(hp[k], hq[k]);
            double reach = 8 * Math.max(hp[k], hq[k]);
            lo[k] = Math.min(min(p, k), min(q, k)) - reach;
            hi[k] = Math.max(max(p, k), max(q, k)) + reach;
            n[k] = (int) Math.min(d == 1 ? 200_000 : 600, Math.ceil((hi[k] - lo[k]) / (h / 8)));
            step[k] = (hi[k] - lo[k]) / n[k];
        }
        double v = 0;
        double[] x = new double[d];
        if (d == 1) {
            for (int i = 0; i < n[0]; i++) {
                x[0] = lo[0] + (i + 0.5) * step[0];
                v += kind.integrand(logKde(p, hp, x), logKde(q, hq, x));
            }
            return kind.finish(v * step[0]);
        }
        for (int i = 0; i < n[0]; i++) {
            x[0] = lo[0] + (i + 0.5) * step[0];
            for (int j = 0; j < n[1]; j++) {
                x[1] = lo[1] + (j + 0.5) * step[1];
                v += kind.integrand(logKde(p, hp, x), logKde(q, hq, x));
            }
        }
        return kind.finish(v * step[0] * step[1]);
    }

    /** Silverman (1-D) or Scott (2-D, per axis) bandwidths; a floor keeps repeated points finite. */
    static double[] bandwidths(PointCloud c) {
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

    private static double logKde(PointCloud c, double[] h, double[] x) {
        int d = c.dimension();
        double logNorm = 0;
        for (int k = 0; k < d; k++) {
            logNorm -= Math.log(h[k]) + 0.5 * Math.log(2 * Math.PI);
        }
        double max = Double.NEGATIVE_INFINITY;
        int n = c.size();
        double[] e = new double[n];
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

    private static double sd(double[] x) {
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

    private static double min(PointCloud c, int k) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            m = Math.min(m, c.get(i, k));
        }
        return m;
    }

    private static double max(PointCloud c, int k) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            m = Math.max(m, c.get(i, k));
        }
        return m;
    }
}
