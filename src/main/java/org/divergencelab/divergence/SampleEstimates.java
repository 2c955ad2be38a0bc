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
 *     2-D), binned on a fine grid ({@link Kde#binned}, cell ≤ bandwidth/8) and integrated by the midpoint
 *     rule. Smoothing widens both supports, so KDE rarely sees disjoint supports: JS stays below log 2 for
 *     samples a few bandwidths apart, and KL is finite where the truth is ∞ — until the samples are so far
 *     apart (~38 bandwidths, or the kernel is narrower than a cell) that the estimates do not overlap at all;
 *     then KL and χ² are ∞ (see {@link KdePair}).</li>
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
                    width = 3.49 * Kde.sd(x) * Math.pow(n, -1.0 / 3);
                    break;
                }
                default:
                    width = 3.49 * Kde.sd(x) * Math.pow(n, -1.0 / 3);
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
        double[] mp = Histogram.masses(p, bins, lo, hi);
        double[] mq = Histogram.masses(q, bins, lo, hi);
        double v = 0;
        for (int c = 0; c < mp.length; c++) {
            v += kind.integrand(Math.log(mp[c]), Math.log(mq[c]));
        }
        return kind.finish(v);
    }

    /** Gaussian-KDE plug-in estimate of {@code kind}(P, Q); see {@link KdePair}. */
    public static double kde(DivergenceKind kind, PointCloud p, PointCloud q) {
        return kdePair(p, q).estimate(kind);
    }

    /**
     * Both binned KDEs ({@link Kde#binned}) of two clouds on one shared grid: pooled range plus 8 of the larger
     * bandwidth on each side, cell ≤ the smaller bandwidth / 8 (at most 200 000 cells in 1-D, 600 per axis in
     * 2-D, so very narrow kernels on a wide range are coarser than that). Build once, then ask for each
     * divergence.
     */
    public static KdePair kdePair(PointCloud p, PointCloud q) {
        ExactW1.requireSameDimension(p, q);
        int d = p.dimension();
        double[] hp = Kde.bandwidths(p);
        double[] hq = Kde.bandwidths(q);
        double[] lo = new double[d];
        double[] step = new double[d];
        int[] n = new int[d];
        for (int k = 0; k < d; k++) {
            double h = Math.min(hp[k], hq[k]);
            double reach = 8 * Math.max(hp[k], hq[k]);
            lo[k] = Math.min(min(p, k), min(q, k)) - reach;
            double hi = Math.max(max(p, k), max(q, k)) + reach;
            n[k] = (int) Math.min(d == 1 ? 200_000 : 600, Math.ceil((hi - lo[k]) / (h / 8)));
            step[k] = (hi - lo[k]) / n[k];
        }
        return new KdePair(p, q, hp, hq, Kde.binned(p, hp, lo, step, n), Kde.binned(q, hq, lo, step, n));
    }

    /**
     * The KDEs p̂ and q̂ of two samples on one grid, and the divergences between them by the midpoint rule over
     * the cells. Support test: the binned estimates are exactly 0 where no kernel reaches (cut where it
     * underflows, or narrower than a cell); when no node has both p̂ > 0 and q̂ > 0 the estimates' supports are
     * disjoint and KL, reverse KL and χ² are +∞ (next to JS = log 2 and TV = 1), never a number. When the
     * supports overlap, a node where one density is positive and the other underflowed to 0 (far out in the
     * tails of a much narrower kernel) gets that density's log from the exact sum ({@link Kde#logDensity}),
     * so the Gaussian tails count as in the exact KDE instead of turning the estimate infinite.
     */
    public static final class KdePair {
        private final PointCloud p;
        private final PointCloud q;
        private final double[] hp;
        private final double[] hq;
        private final Kde.Grid grid;
        private final double[] logP;
        private final double[] logQ;
        private final boolean overlap;
        private boolean tailsExact;

        KdePair(PointCloud p, PointCloud q, double[] hp, double[] hq, Kde.Grid gp, Kde.Grid gq) {
            this.p = p;
            this.q = q;
            this.hp = hp;
            this.hq = hq;
            this.grid = gp;
            logP = logs(gp.density());
            logQ = logs(gq.density());
            boolean both = false;
            for (int i = 0; i < logP.length && !both; i++) {
                both = logP[i] > Double.NEGATIVE_INFINITY && logQ[i] > Double.NEGATIVE_INFINITY;
            }
            overlap = both;
        }

        private static double[] logs(double[] v) {
            double[] l = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                l[i] = Math.log(v[i]);
            }
            return l;
        }

        /** The plug-in estimate of {@code kind}(P, Q). */
        public double estimate(DivergenceKind kind) {
            if (!overlap && kind != DivergenceKind.JS && kind != DivergenceKind.TV
                    && kind != DivergenceKind.HELLINGER) {
                return Double.POSITIVE_INFINITY;
            }
            if (overlap && !tailsExact && (kind == DivergenceKind.KL || kind == DivergenceKind.KL_REVERSE
                    || kind == DivergenceKind.CHI2)) {
                fillUnderflowedTails();
            }
            double v = 0;
            for (int i = 0; i < logP.length; i++) {
                v += kind.integrand(logP[i], logQ[i]);
            }
            return kind.finish(v * grid.cellVolume());
        }

        /** Whether p̂ and q̂ are both positive at some node (false: the estimates' supports are disjoint). */
        public boolean supportsOverlap() {
            return overlap;
        }

        // JS, TV and H² only need min(p, q)-like terms, which vanish where either underflowed; the ratios in KL
        // and χ² need both logs, so those nodes (few: far tails only) get the exact sum once
        private void fillUnderflowedTails() {
            int d = grid.nodes().length;
            int n1 = d == 1 ? 1 : grid.nodes()[1];
            double[] x = new double[d];
            for (int i = 0; i < logP.length; i++) {
                boolean missP = logP[i] == Double.NEGATIVE_INFINITY;
                boolean missQ = logQ[i] == Double.NEGATIVE_INFINITY;
                if (missP == missQ) {
                    continue;
                }
                x[0] = grid.lo()[0] + (i / n1 + 0.5) * grid.step()[0];
                if (d == 2) {
                    x[1] = grid.lo()[1] + (i % n1 + 0.5) * grid.step()[1];
                }
                if (missP) {
                    logP[i] = Kde.logDensity(p, hp, x);
                } else {
                    logQ[i] = Kde.logDensity(q, hq, x);
                }
            }
            tailsExact = true;
        }
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
