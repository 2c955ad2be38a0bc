package org.divergencelab.sandbox;

import java.util.EnumMap;
import java.util.Map;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.Parts;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.DistributionW1;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.divergence.ExactW1;
import org.divergencelab.divergence.Histogram;
import org.divergencelab.divergence.IncrementalW1;
import org.divergencelab.divergence.SampleEstimates;
import org.divergencelab.divergence.TransportPlan;
import org.divergencelab.divergence.TrueDivergence;

/**
 * The sandbox's measurements, as pure functions of a {@link SandboxState} (no UI, thread-confined: one
 * instance per worker thread because the 2-D solver keeps warm-start arrays). All values in nats; NaN where a
 * quantity is undefined for the inputs (a sample-only toy has no density), +∞ where it is infinite.
 */
public final class SandboxCompute {
    /** Divergences shown in the read-outs, in display order. */
    public static final DivergenceKind[] KINDS = {DivergenceKind.JS, DivergenceKind.KL, DivergenceKind.KL_REVERSE,
        DivergenceKind.TV, DivergenceKind.HELLINGER};
    /** Draws per side for 1-D binned plans and offsets: enough that the bin masses are smooth. */
    static final int PLAN_DRAWS_1D = 4000;
    /** Draws per side for the 2-D exact W1 and its plan lines (common random numbers). */
    public static final int PLAN_DRAWS_2D = 300;
    /** Bins per side of the 1-D plan matrix γ. */
    public static final int PLAN_BINS = 24;
    /** Points of the 1-D density curves and of the critic curve. */
    public static final int GRID = 400;

    /** Discrete distributions with at most this many atoms per side get exact transport, not draws. */
    static final int MAX_ATOMS = 2000;
    /** Seed offset of the second, independent draw of P that measures the sampling floor. */
    private static final long FLOOR_SEED = 0x5EEDF100L;

    /**
     * A mouse drag skips the 2-D f-divergences when they took longer than this (2-D quadrature: 0.5 s for two
     * Gaussians, 7 s for the rings on a loaded machine), so the scatter, plan and W1 follow the mouse; they are
     * computed on release.
     */
    static final long SLOW_TRUTHS_NANOS = 50_000_000L;

    private final IncrementalW1 solver = new IncrementalW1();
    /** How long the last 2-D f-divergences took on this thread. */
    private long lastTruthNanos;
    private final long slowTruthsNanos;

    public SandboxCompute() {
        this(SLOW_TRUTHS_NANOS);
    }

    /** {@code slowTruthsNanos}: when a drag skips the 2-D f-divergences (tests pass 0: always). */
    SandboxCompute(long slowTruthsNanos) {
        this.slowTruthsNanos = slowTruthsNanos;
    }
    /** The sampling floor of the last P, draws and seed (P rarely changes while Q is dragged). */
    private String floorKey;
    private double floorValue;

    /** JS, KL(P‖Q), KL(Q‖P), TV, squared Hellinger and W1, in nats. */
    public record Readout(double js, double kl, double klReverse, double tv, double hellinger, double w1) {
        /** The value of {@code kind} (one of {@link #KINDS}). */
        public double get(DivergenceKind kind) {
            return switch (kind) {
                case JS -> js;
                case KL -> kl;
                case KL_REVERSE -> klReverse;
                case TV -> tv;
                case HELLINGER -> hellinger;
                default -> throw new IllegalArgumentException("not a read-out: " + kind);
            };
        }
    }

    /**
     * What the view draws while dragging: true values, the plan, densities (1-D) or samples (2-D).
     *
     * @param offset     mean(Q) − mean(P) along x, from common-random-number draws
     * @param gridX      1-D: x grid of the density curves; null in 2-D
     * @param densityP   1-D: p(x) on the grid, null when P has no density
     * @param histEdges  1-D: edges of the sample histograms (n samples each)
     * @param gamma      plan: 1-D binned γ (row-major, bins × bins); null in 2-D
     * @param binCenters 1-D: bin centres of γ's rows and columns
     * @param planCost   Σ γ·‖x_p − x_q‖ of the plan shown
     * @param samplesP   1-D: the n samples of the histograms; 2-D: the draws the plan couples
     * @param lines      2-D: coupled pairs {x0, y0, x1, y1, mass} of the exact plan between the draws
     * @param truthMethods what each true value is, in {@link #KINDS} order and W1 last
     * @param planMethod what the plan and its cost are (binned draws, draws, or exact between atoms)
     * @param complete   false for a drag frame that skipped the slow 2-D f-divergences (NaN in {@code truth},
     *                   their methods UNDEFINED): the view keeps the previous ones, dimmed, until release
     */
    public record Frame(SandboxState state, Readout truth, double offset, double[] gridX, double[] densityP,
            double[] densityQ, double[] histEdges, double[] histP, double[] histQ, PointCloud samplesP,
            PointCloud samplesQ, double[] gamma, int bins, double[] binCenters, double planCost, double[][] lines,
            long computeNanos, ValueMethod[] truthMethods, ValueMethod planMethod, boolean complete) {
        /** What the true value of {@code kind} (one of {@link #KINDS}) is. */
        public ValueMethod method(DivergenceKind kind) {
            return truthMethods[java.util.Arrays.asList(KINDS).indexOf(kind)];
        }

        /** What the W1 in the true column is. */
        public ValueMethod w1Method() {
            return truthMethods[KINDS.length];
        }
    }

    /**
     * Estimates from n samples plus the live networks.
     *
     * @param w1Method the estimate W1's method: transport between the n + n samples, with its sampling floor
     */
    public record Learned(SandboxState state, Readout estimate, LiveNetworks.DiscriminatorFit discriminator,
            LiveNetworks.CriticFit critic, ValueMethod w1Method) {
    }

    /**
     * Each divergence against the x offset of Q (WGAN paper, Fig. 1).
     *
     * @param w1Method what the W1 curve is (exact, or transport between draws with their floor)
     */
    public record Sweep(SandboxState state, double[] offsets, Map<DivergenceKind, double[]> values, double[] w1,
            double current, ValueMethod w1Method) {
    }

    /** The fast part: true values, densities, the plan. */
    public Frame frame(SandboxState s) {
        return frame(s, false);
    }

    /**
     * As {@link #frame(SandboxState)}; {@code dragging}: a mouse drag's frame, which skips the 2-D f-divergences
     * when they were slow last time ({@link #SLOW_TRUTHS_NANOS}; the frame is then not {@code complete}).
     */
    public Frame frame(SandboxState s, boolean dragging) {
        long t0 = System.nanoTime();
        Distribution p = s.distributionP();
        Distribution q = s.distributionQ();
        int dim = p.dimension();
        PointCloud sp = p.sample(s.samples(), s.seed());
        PointCloud sq = q.sample(s.samples(), s.seed() + 1);
        if (dim == 1) {
            PointCloud cp = p.sample(PLAN_DRAWS_1D, s.seed());
            PointCloud cq = q.sample(PLAN_DRAWS_1D, s.seed());
            double offset = mean(cq, 0) - mean(cp, 0);
            double[] range = range1D(p, q, cp, cq);
            double[] xs = new double[GRID];
            for (int i = 0; i < GRID; i++) {
                xs[i] = range[0] + (range[1] - range[0]) * i / (GRID - 1);
            }
            double[] edges = new double[41];
            for (int i = 0; i < edges.length; i++) {
                edges[i] = range[0] + (range[1] - range[0]) * i / (edges.length - 1);
            }
            double[] centers = new double[PLAN_BINS];
            double[] wp = Histogram.masses(cp, new int[] {PLAN_BINS}, new double[] {range[0]}, new double[] {range[1]});
            double[] wq = Histogram.masses(cq, new int[] {PLAN_BINS}, new double[] {range[0]}, new double[] {range[1]});
            for (int i = 0; i < PLAN_BINS; i++) {
                centers[i] = range[0] + (range[1] - range[0]) * (i + 0.5) / PLAN_BINS;
            }
            double[] gamma = binnedPlan(centers, wp, wq);
            double cost = 0;
            for (int i = 0; i < PLAN_BINS; i++) {
                for (int j = 0; j < PLAN_BINS; j++) {
                    cost += gamma[i * PLAN_BINS + j] * Math.abs(centers[i] - centers[j]);
                }
            }
            double w1;
            ValueMethod w1Method;
            TrueDivergence.Result exactW1 = DistributionW1.compute(p, q);
            PointCloud ap = exactW1 == null ? atoms(p) : null;
            PointCloud aq = ap == null ? null : atoms(q);
            if (exactW1 != null) {
                w1 = exactW1.value();
                w1Method = ValueMethod.quadrature(exactW1.errorBound());
            } else if (aq != null) {
                w1 = ExactW1.oneD(ap, aq).value();
                w1Method = ValueMethod.DISCRETE_OT;
            } else {
                w1 = ExactW1.oneD(cp, cq).value();
                w1Method = ValueMethod.sampleOt(PLAN_DRAWS_1D, floor(p, cp, s.seed()));
            }
            ValueMethod[] methods = new ValueMethod[KINDS.length + 1];
            Readout truth = truth(p, q, w1, w1Method, methods);
            return new Frame(s, truth, offset, xs, density(p, xs), density(q, xs), edges,
                    Histogram.density(sp, edges), Histogram.density(sq, edges), sp, sq, gamma, PLAN_BINS, centers, cost, null,
                    System.nanoTime() - t0, methods, ValueMethod.binned(PLAN_BINS, PLAN_DRAWS_1D), true);
        }
        // two discrete distributions: the exact plan between their atoms; otherwise between draws
        PointCloud ap = atoms(p);
        PointCloud aq = ap == null ? null : atoms(q);
        boolean discrete = aq != null;
        PointCloud cp = discrete ? ap : p.sample(PLAN_DRAWS_2D, s.seed());
        PointCloud cq = discrete ? aq : q.sample(PLAN_DRAWS_2D, s.seed());
        double offset = mean(cq, 0) - mean(cp, 0);
        TransportPlan plan = solver.solve(cp, cq);
        double[][] lines = new double[5][plan.size()];
        for (int e = 0; e < plan.size(); e++) {
            lines[0][e] = cp.get(plan.source(e), 0);
            lines[1][e] = cp.get(plan.source(e), 1);
            lines[2][e] = cq.get(plan.target(e), 0);
            lines[3][e] = cq.get(plan.target(e), 1);
            lines[4][e] = plan.mass(e);
        }
        ValueMethod w1Method = discrete ? ValueMethod.DISCRETE_OT
                : ValueMethod.sampleOt(PLAN_DRAWS_2D, floor(p, cp, s.seed()));
        ValueMethod[] methods = new ValueMethod[KINDS.length + 1];
        boolean complete = !dragging || lastTruthNanos <= slowTruthsNanos;
        Readout truth;
        if (complete) {
            long t1 = System.nanoTime();
            truth = truth(p, q, plan.value(), w1Method, methods);
            lastTruthNanos = System.nanoTime() - t1;
        } else {
            java.util.Arrays.fill(methods, ValueMethod.UNDEFINED);
            methods[KINDS.length] = w1Method;
            truth = new Readout(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, plan.value());
        }
        // the scatter shows the points the plan couples, so every line ends on a drawn point
        return new Frame(s, truth, offset, null, null, null, null, null, null, cp, cq, null, 0, null, plan.value(),
                lines, System.nanoTime() - t0, methods, w1Method, complete);
    }

    /** The slow part: estimates from n samples, the discriminator, and (1-D) the critic. */
    public Learned learned(SandboxState s, int steps) {
        Distribution p = s.distributionP();
        Distribution q = s.distributionQ();
        PointCloud sp = p.sample(s.samples(), s.seed());
        PointCloud sq = q.sample(s.samples(), s.seed() + 1);
        Readout estimate = estimates(sp, sq);
        ValueMethod w1Method = ValueMethod.sampleOt(s.samples(), floor(p, sp, s.seed()));
        LiveNetworks.DiscriminatorFit d = LiveNetworks.discriminator(sp, sq, steps, s.seed());
        LiveNetworks.CriticFit c = null;
        if (sp.dimension() == 1) {
            double[] r = range1D(p, q, sp, sq);
            c = LiveNetworks.critic1D(sp, sq, steps, s.seed(), r[0], r[1], GRID / 2);
        }
        return new Learned(s, estimate, d, c, w1Method);
    }

    /**
     * The read-outs' sample estimates: both KDE grids built once ({@link SampleEstimates#kdePair}), each
     * divergence one pass over them (∞ where the estimates' supports are disjoint), and W1 exactly between the
     * samples.
     */
    public static Readout estimates(PointCloud sp, PointCloud sq) {
        double[] est = new double[KINDS.length];
        SampleEstimates.KdePair kde = null;
        try {
            kde = SampleEstimates.kdePair(sp, sq);
        } catch (RuntimeException e) {
            java.util.Arrays.fill(est, Double.NaN);
        }
        for (int k = 0; k < KINDS.length && kde != null; k++) {
            est[k] = kde.estimate(KINDS[k]);
        }
        double w1 = sp.dimension() == 1 ? ExactW1.oneD(sp, sq).value() : ExactW1.distance(sp, sq);
        return new Readout(est[0], est[1], est[2], est[3], est[4], w1);
    }

    /**
     * Each divergence at {@code points} offsets of Q along x (an odd count includes offset 0 exactly), symmetric
     * around 0 and reaching past the current one. Where a divergence jumps at 0 (P and Q coincide only there, as
     * the WGAN paper's parallel segments) two more offsets a thousandth of a step either side of 0 are added, so
     * the chart draws the jump as a vertical step instead of a V a whole step wide.
     */
    public Sweep sweep(SandboxState s, int points) {
        Distribution p = s.distributionP();
        Distribution q = s.distributionQ();
        int dim = p.dimension();
        PointCloud ap = atoms(p);
        PointCloud aq = ap == null ? null : atoms(q);
        boolean discrete = aq != null;
        PointCloud cp = p.sample(dim == 1 ? PLAN_DRAWS_1D : PLAN_DRAWS_2D, s.seed());
        PointCloud cq = q.sample(dim == 1 ? PLAN_DRAWS_1D : PLAN_DRAWS_2D, s.seed());
        ValueMethod w1Method;
        if (dim == 1 && DistributionW1.compute(p, q) != null) {
            w1Method = ValueMethod.EXACT; // quadrature of the CDFs at every offset, to ~1e-14
        } else if (discrete) {
            cp = ap;
            cq = aq;
            w1Method = ValueMethod.DISCRETE_OT;
        } else {
            w1Method = ValueMethod.sampleOt(cp.size(), floor(p, cp, s.seed()));
        }
        double current = mean(cq, 0) - mean(cp, 0);
        double spread = Math.max(std(cp), std(cq));
        double reach = Math.max(1.25 * Math.abs(current), 3 * spread);
        if (!(reach > 0)) {
            reach = 1;
        }
        double[] grid = sweepOffsets(reach, points);
        IncrementalW1 local = new IncrementalW1();
        java.util.TreeMap<Double, double[]> at = new java.util.TreeMap<>();
        for (double t : grid) {
            at.put(t, sweepPoint(p, q, cp, cq, t - current, local));
        }
        double step = 2 * reach / (points - 1);
        if (jumpsAtZero(at)) {
            for (double t : new double[] {-step / 1000, step / 1000}) {
                at.put(t, sweepPoint(p, q, cp, cq, t - current, local));
            }
        }
        int n = at.size();
        double[] offsets = new double[n];
        Map<DivergenceKind, double[]> values = new EnumMap<>(DivergenceKind.class);
        for (DivergenceKind k : KINDS) {
            values.put(k, new double[n]);
        }
        double[] w1 = new double[n];
        int i = 0;
        for (Map.Entry<Double, double[]> e : at.entrySet()) {
            offsets[i] = e.getKey();
            for (int k = 0; k < KINDS.length; k++) {
                values.get(KINDS[k])[i] = e.getValue()[k];
            }
            w1[i] = e.getValue()[KINDS.length];
            i++;
        }
        return new Sweep(s, offsets, values, w1, current, w1Method);
    }

    /** The divergences (in {@link #KINDS} order) and W1 with Q moved by {@code dx} along x. */
    private static double[] sweepPoint(Distribution p, Distribution q, PointCloud cp, PointCloud cq, double dx,
            IncrementalW1 local) {
        int dim = p.dimension();
        Distribution qi = dim == 1 ? q.translate(dx) : q.translate(dx, 0);
        double[] v = new double[KINDS.length + 1];
        for (int k = 0; k < KINDS.length; k++) {
            v[k] = safeTrue(KINDS[k], p, qi);
        }
        v[KINDS.length] = dim == 1 ? DistributionW1.oneD(p, qi).orElseGet(() -> ExactW1.oneD(cp, cq.translate(dx)).value())
                : local.solve(cp, cq.translate(dx, 0)).value();
        return v;
    }

    /**
     * Whether some divergence jumps at offset 0: its neighbours agree (within a tenth of log 2) while the value at
     * 0 differs from them by more than half the divergence's whole range over the sweep (or is finite between
     * infinite neighbours). A smooth dip or a cusp such as TV's changes by a small part of the range in one step.
     */
    static boolean jumpsAtZero(java.util.NavigableMap<Double, double[]> at) {
        double[] mid = at.get(0.0);
        Map.Entry<Double, double[]> lo = at.lowerEntry(0.0);
        Map.Entry<Double, double[]> hi = at.higherEntry(0.0);
        if (mid == null || lo == null || hi == null) {
            return false;
        }
        double tol = 0.1 * Math.log(2);
        for (int k = 0; k < KINDS.length; k++) {
            double a = lo.getValue()[k];
            double b = hi.getValue()[k];
            double m = mid[k];
            if (Double.isInfinite(a) && Double.isInfinite(b) && Double.isFinite(m)) {
                return true;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] v : at.values()) {
                if (Double.isFinite(v[k])) {
                    min = Math.min(min, v[k]);
                    max = Math.max(max, v[k]);
                }
            }
            boolean sides = Math.abs(a - b) <= tol;
            double jump = Math.abs(m - a);
            if (sides && jump > tol && jump > 0.5 * (max - min)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code points} evenly spaced offsets on [−reach, reach]; the middle of an odd count is stored as exactly 0.
     *
     * @throws IllegalArgumentException when points < 3 or reach is not positive and finite
     */
    static double[] sweepOffsets(double reach, int points) {
        if (points < 3) {
            throw new IllegalArgumentException("sweep points must be >= 3, got " + points);
        }
        if (!(reach > 0) || !Double.isFinite(reach)) {
            throw new IllegalArgumentException("sweep reach must be positive and finite, got " + reach);
        }
        double step = 2 * reach / (points - 1);
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            double t = -reach + 2 * reach * i / (points - 1);
            out[i] = Math.abs(t) < step * 1e-9 ? 0.0 : t;
        }
        return out;
    }

    /** The true divergences and {@code w1}; fills {@code methods} (KINDS order, W1 last) with what each is. */
    private static Readout truth(Distribution p, Distribution q, double w1, ValueMethod w1Method,
            ValueMethod[] methods) {
        double[] v = new double[KINDS.length];
        for (int k = 0; k < KINDS.length; k++) {
            try {
                TrueDivergence.Result r = TrueDivergence.compute(KINDS[k], p, q);
                v[k] = r.value();
                methods[k] = ValueMethod.quadrature(r.errorBound());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                v[k] = Double.NaN;
                methods[k] = ValueMethod.UNDEFINED;
            }
        }
        methods[KINDS.length] = w1Method;
        return new Readout(v[0], v[1], v[2], v[3], v[4], w1);
    }

    /**
     * The sampling floor of transport between {@code draws} (n draws of P at {@code seed}): the W1 between them
     * and an independent n-draw of P, what a Q equal to P would read. Remembered for the last P, n and seed, so a
     * drag of Q pays for it once.
     */
    double floor(Distribution p, PointCloud draws, long seed) {
        String key = p.spec() + "|" + draws.size() + "|" + seed;
        if (!key.equals(floorKey)) {
            PointCloud other = p.sample(draws.size(), seed + FLOOR_SEED);
            floorValue = draws.dimension() == 1 ? ExactW1.oneD(draws, other).value() : ExactW1.distance(draws, other);
            floorKey = key;
        }
        return floorValue;
    }

    /**
     * The atoms of a purely discrete distribution as a weighted cloud (at most {@link #MAX_ATOMS}), or null when
     * it has a density or segment part, or no parts at all (sample-only toys).
     */
    static PointCloud atoms(Distribution d) {
        Parts parts;
        try {
            parts = d.parts();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
        if (parts.continuousMass() > 0 || !parts.segments().isEmpty() || parts.atoms().isEmpty()
                || parts.atoms().size() > MAX_ATOMS) {
            return null;
        }
        int dim = d.dimension();
        double[] c = new double[parts.atoms().size() * dim];
        double[] w = new double[parts.atoms().size()];
        for (int i = 0; i < w.length; i++) {
            Parts.Atom a = parts.atoms().get(i);
            System.arraycopy(a.position(), 0, c, i * dim, dim);
            w[i] = a.mass();
        }
        return PointCloud.weighted(dim, c, w);
    }

    // NaN where the truth is undefined (sample-only toys have no density): shown as "—", never a guess.
    private static double safeTrue(DivergenceKind k, Distribution p, Distribution q) {
        try {
            return TrueDivergence.value(k, p, q);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return Double.NaN;
        }
    }

    private static double[] density(Distribution d, double[] xs) {
        if (!d.hasDensity()) {
            return null;
        }
        double[] y = new double[xs.length];
        double[] x = new double[1];
        for (int i = 0; i < xs.length; i++) {
            x[0] = xs[i];
            y[i] = d.density(x);
        }
        return y;
    }

    /** Exact 1-D plan between the non-empty bins, spread back into a full bins × bins matrix. */
    static double[] binnedPlan(double[] centers, double[] wp, double[] wq) {
        int b = centers.length;
        int[] rp = nonEmpty(wp);
        int[] rq = nonEmpty(wq);
        TransportPlan t = ExactW1.oneD(cloud(centers, wp, rp), cloud(centers, wq, rq));
        double[] g = new double[b * b];
        for (int e = 0; e < t.size(); e++) {
            g[rp[t.source(e)] * b + rq[t.target(e)]] += t.mass(e);
        }
        return g;
    }

    private static int[] nonEmpty(double[] w) {
        return java.util.stream.IntStream.range(0, w.length).filter(i -> w[i] > 0).toArray();
    }

    private static PointCloud cloud(double[] centers, double[] w, int[] idx) {
        double[] c = new double[idx.length];
        double[] m = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            c[i] = centers[idx[i]];
            m[i] = w[idx[i]];
        }
        return PointCloud.weighted(1, c, m);
    }

    /** The x range the 1-D views show: both distributions' bulk plus a margin. */
    static double[] range1D(Distribution p, Distribution q, PointCloud cp, PointCloud cq) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PointCloud c : new PointCloud[] {cp, cq}) {
            for (int i = 0; i < c.size(); i++) {
                lo = Math.min(lo, c.get(i, 0));
                hi = Math.max(hi, c.get(i, 0));
            }
        }
        double pad = Math.max(0.5, 0.08 * (hi - lo));
        return new double[] {lo - pad, hi + pad};
    }

    // Σ w x / Σ w rather than Σ w x: the weights' rounding cancels, so a point mass's mean is exact and the
    // sweep hits offset 0 exactly (where JS drops to 0)
    static double mean(PointCloud c, int axis) {
        double m = 0;
        double w = 0;
        for (int i = 0; i < c.size(); i++) {
            m += c.weight(i) * c.get(i, axis);
            w += c.weight(i);
        }
        return m / w;
    }

    private static double std(PointCloud c) {
        double m = mean(c, 0);
        double v = 0;
        for (int i = 0; i < c.size(); i++) {
            double d = c.get(i, 0) - m;
            v += c.weight(i) * d * d;
        }
        return Math.sqrt(v);
    }
}
