package org.divergencelab.divergence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.Normal1;
import org.divergencelab.distribution.Parts;

/**
 * Exact (to a stated numerical error) f-divergences between two distributions, from their Lebesgue
 * decompositions ({@link Parts}). Parts of different kinds (density, atoms, segments on different lines) are
 * mutually singular, and every g of {@link DivergenceKind} is 1-homogeneous, so the divergence is the sum of
 * the kind-by-kind divergences, where mass that only one side has contributes g(m, 0) in closed form:
 * disjoint supports give JS = log 2, TV = 1, H² = 1 and KL = χ² = ∞ exactly.
 *
 * <ul>
 * <li>1-D densities: adaptive Gauss–Kronrod between breakpoints (support ends, modes, ±1, ±3, ±8 σ of every
 *     component) so narrow peaks and kinks are panel edges; Gaussian tails run 40 σ past the outermost
 *     breakpoint (the mass beyond is below 1e-300).</li>
 * <li>2-D densities: tensor-product composite 4-point Gauss–Legendre over the union of the components'
 *     10σ boxes, with panel edges at box edges and at every Gaussian's centre ±1, 3, 8 σ (so kinks and
 *     narrow modes are resolved), pieces of at most 1/64 and 1/128 of the width and, when those disagree by
 *     more than 1e-8 relative, 1/256; the reported error bound is the difference of the last two.</li>
 * <li>Atoms: exact sums; segments on a common line: exact piecewise-constant sums.</li>
 * </ul>
 * Pearson χ² is ∞ when Q's Gaussian tail is too light for P's (σ_P² ≥ 2 σ_Q²), which no finite domain
 * would reveal. Thread-safe (no shared state).
 */
public final class TrueDivergence {
    private TrueDivergence() {
    }

    /** A value with its numerical error bound (0 when computed in closed form). */
    public record Result(double value, double errorBound) {
    }

    /** D(P, Q) in nats; P and Q must have the same dimension. */
    public static Result compute(DivergenceKind kind, Distribution p, Distribution q) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("P (" + p.spec() + ") is " + p.dimension() + "-D but Q (" + q.spec()
                    + ") is " + q.dimension() + "-D; both must have the same dimension");
        }
        if (p instanceof Normal1 a && q instanceof Normal1 b && (kind == DivergenceKind.KL
                || kind == DivergenceKind.KL_REVERSE)) {
            // closed form: quadrature sees no overlap when the means are 1e20 apart and returned 0
            return new Result(kind == DivergenceKind.KL ? klNormal(a, b) : klNormal(b, a), 0);
        }
        Parts pp = partsOf(p, "P");
        Parts qp = partsOf(q, "Q");
        double[] err = {0};
        double v = continuous(kind, p.dimension(), pp, qp, err);
        if (v == Double.POSITIVE_INFINITY) {
            return new Result(v, 0);
        }
        v += atoms(kind, pp.atoms(), qp.atoms());
        v += segments(kind, pp.segments(), qp.segments());
        return new Result(kind.finish(v), err[0]);
    }

    /**
     * KL(N(μa,σa²) ‖ N(μb,σb²)) = log(σb/σa) + (σa² + (μa−μb)²)/(2σb²) − ½, in ratios r = σa/σb and
     * d = (μa−μb)/σb so nothing is squared before it is scaled.
     */
    static double klNormal(Normal1 a, Normal1 b) {
        double r = a.sigma() / b.sigma();
        double d = (a.mu() - b.mu()) / b.sigma();
        return -Math.log(r) + 0.5 * (r * r - 1) + 0.5 * d * d;
    }

    /** The value only. */
    public static double value(DivergenceKind kind, Distribution p, Distribution q) {
        return compute(kind, p, q).value();
    }

    private static Parts partsOf(Distribution d, String which) {
        try {
            return d.parts();
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException(which + ": " + e.getMessage());
        }
    }

    private static double singular(DivergenceKind kind, double massP, double massQ) {
        double v = 0;
        if (massP > 0) {
            v += kind.integrand(Math.log(massP), Double.NEGATIVE_INFINITY);
        }
        if (massQ > 0) {
            v += kind.integrand(Double.NEGATIVE_INFINITY, Math.log(massQ));
        }
        return v;
    }

    private static double logSum(List<Parts.Weighted> parts, double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        int n = parts.size();
        double[] l = n <= 16 ? null : new double[n];
        double first = 0;
        // Two passes (max, then sum of exponentials) keep far tails finite.
        for (int k = 0; k < n; k++) {
            Parts.Weighted w = parts.get(k);
            double lk = Math.log(w.weight()) + w.component().logDensity(x);
            if (l != null) {
                l[k] = lk;
            }
            if (k == 0) {
                first = lk;
            }
            max = Math.max(max, lk);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        if (n == 1) {
            return first;
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            double lk = l != null ? l[k] : Math.log(parts.get(k).weight()) + parts.get(k).component().logDensity(x);
            s += Math.exp(lk - max);
        }
        return max + Math.log(s);
    }

    private static double continuous(DivergenceKind kind, int dim, Parts pp, Parts qp, double[] err) {
        List<Parts.Weighted> pc = pp.continuous();
        List<Parts.Weighted> qc = qp.continuous();
        double mp = pp.continuousMass();
        double mq = qp.continuousMass();
        if (pc.isEmpty() || qc.isEmpty()) {
            return singular(kind, mp, mq);
        }
        double tailP = 0;
        double tailQ = 0;
        for (Parts.Weighted w : pc) {
            tailP = Math.max(tailP, w.component().tailScale());
        }
        for (Parts.Weighted w : qc) {
            tailQ = Math.max(tailQ, w.component().tailScale());
        }
        if (kind == DivergenceKind.CHI2 && tailP > 0 && tailP * tailP >= 2 * tailQ * tailQ) {
            return Double.POSITIVE_INFINITY;
        }
        if (kind == DivergenceKind.CHI2 || kind == DivergenceKind.KL) {
            if (tailP > 0 && tailQ == 0) {
                return Double.POSITIVE_INFINITY; // P's Gaussian tail where Q's bounded support has no mass
            }
        }
        if (kind == DivergenceKind.KL_REVERSE && tailQ > 0 && tailP == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return dim == 1 ? continuous1(kind, pc, qc, Math.max(tailP, tailQ), err)
                : continuous2(kind, pc, qc, err);
    }

    private static double continuous1(DivergenceKind kind, List<Parts.Weighted> pc, List<Parts.Weighted> qc,
            double tail, double[] err) {
        requireFew(pc, qc, MAX_COMPONENTS_1D, 1);
        List<Double> bp = new ArrayList<>();
        for (List<Parts.Weighted> side : List.of(pc, qc)) {
            for (Parts.Weighted w : side) {
                for (double b : w.component().breakpoints()) {
                    bp.add(b);
                }
            }
        }
        double[] b = bp.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        if (tail > 0) {
            double[] e = Arrays.copyOf(b, b.length + 2);
            e[b.length] = b[0] - 40 * tail;
            e[b.length + 1] = b[b.length - 1] + 40 * tail;
            Arrays.sort(e);
            b = e;
        }
        Quadrature quad = new Quadrature();
        double[] x = new double[1];
        double total = 0;
        double tol = 1e-13;
        for (int k = 0; k + 1 < b.length; k++) {
            double v = quad.integrate(t -> {
                x[0] = t;
                return kind.integrand(logSum(pc, x), logSum(qc, x));
            }, b[k], b[k + 1], tol);
            err[0] += quad.lastError();
            total += v;
            if (total == Double.POSITIVE_INFINITY) {
                return total;
            }
        }
        return total; // may be negative: JS, TV and H² integrate only their overlap term (see finish)
    }

    /**
     * Most continuous components (P and Q together) the exact quadrature takes, per dimension: its cost grows
     * with their square (1-D: breakpoints × components; 2-D: panels per axis squared × components), and
     * ring(10000,…) ran for hours. Beyond, the sample estimators (--estimator kde|histogram) are the tool.
     */
    public static final int MAX_COMPONENTS_1D = 2000;
    /** See {@link #MAX_COMPONENTS_1D}. */
    public static final int MAX_COMPONENTS_2D = 64;

    private static void requireFew(List<Parts.Weighted> pc, List<Parts.Weighted> qc, int max, int dim) {
        int n = pc.size() + qc.size();
        if (n > max) {
            throw new IllegalArgumentException("the exact " + dim + "-D divergence takes at most " + max
                    + " Gaussian/uniform components in P and Q together, these have " + n
                    + "; use a sample estimate (--estimator kde or histogram) instead");
        }
    }

    private static double continuous2(DivergenceKind kind, List<Parts.Weighted> pc, List<Parts.Weighted> qc,
            double[] err) {
        requireFew(pc, qc, MAX_COMPONENTS_2D, 2);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (List<Parts.Weighted> side : List.of(pc, qc)) {
            for (Parts.Weighted w : side) {
                axisBreaks(w.component(), xs, ys);
            }
        }
        double[] bx = xs.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        double[] by = ys.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        double coarse = grid(kind, pc, qc, bx, by, 64);
        double fine = grid(kind, pc, qc, bx, by, 128);
        if (!Double.isFinite(fine)) {
            return fine;
        }
        if (Math.abs(fine - coarse) > 1e-8 * (1 + Math.abs(fine))) {
            coarse = fine;
            fine = grid(kind, pc, qc, bx, by, 256);
        }
        err[0] += Math.abs(fine - coarse);
        return fine;
    }

    /** Panel edges per axis: box edges, and a Gaussian's centre ±1, 3, 8 and 10 σ, shifted by translations. */
    private static void axisBreaks(Distribution d, List<Double> xs, List<Double> ys) {
        double sx = 0;
        double sy = 0;
        while (d instanceof org.divergencelab.distribution.Translated t) {
            sx += t.shift()[0];
            sy += t.shift()[1];
            d = t.base();
        }
        if (d instanceof org.divergencelab.distribution.Normal2 g) {
            for (double k : new double[] {-10, -8, -3, -1, 0, 1, 3, 8, 10}) {
                xs.add(g.mx() + k * g.sx() + sx);
                ys.add(g.my() + k * g.sy() + sy);
            }
            return;
        }
        double[] b = d.bounds();
        xs.add(b[0] + sx);
        xs.add(b[1] + sx);
        ys.add(b[2] + sy);
        ys.add(b[3] + sy);
    }

    private static final double[] GL_X = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
        0.8611363115940526};
    private static final double[] GL_W = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
        0.3478548451374538};

    /** Nodes, weights, and piece bounds (lo, hi per piece of 4 nodes) of composite 4-point Gauss–Legendre:
     * every panel split into pieces of at most (total width / m), so panel edges (kinks, support ends) are
     * never inside a piece. */
    private static double[][] rule(double[] breaks, int m) {
        double width = breaks[breaks.length - 1] - breaks[0];
        List<double[]> nodes = new ArrayList<>();
        for (int k = 0; k + 1 < breaks.length; k++) {
            double a = breaks[k];
            double b = breaks[k + 1];
            int pieces = Math.max(1, (int) Math.ceil((b - a) / width * m));
            double h = (b - a) / pieces;
            for (int p = 0; p < pieces; p++) {
                double c = a + (p + 0.5) * h;
                for (int g = 0; g < 4; g++) {
                    nodes.add(new double[] {c + 0.5 * h * GL_X[g], 0.5 * h * GL_W[g], c - 0.5 * h, c + 0.5 * h});
                }
            }
        }
        double[][] r = new double[4][];
        r[0] = new double[nodes.size()];
        r[1] = new double[nodes.size()];
        r[2] = new double[nodes.size() / 4];
        r[3] = new double[nodes.size() / 4];
        for (int i = 0; i < nodes.size(); i++) {
            r[0][i] = nodes.get(i)[0];
            r[1][i] = nodes.get(i)[1];
        }
        for (int p = 0; p < r[2].length; p++) {
            r[2][p] = nodes.get(4 * p)[2];
            r[3][p] = nodes.get(4 * p)[3];
        }
        return r;
    }

    private static double grid(DivergenceKind kind, List<Parts.Weighted> pc, List<Parts.Weighted> qc, double[] bx,
            double[] by, int m) {
        double[][] rx = rule(bx, m);
        double[][] ry = rule(by, m);
        double[] x = new double[2];
        Compiled2 cp = new Compiled2(pc);
        Compiled2 cq = new Compiled2(qc);
        int[] pxAct = new int[cp.size()];
        int[] qxAct = new int[cq.size()];
        int[] pAct = new int[cp.size()];
        int[] qAct = new int[cq.size()];
        double s = 0;
        // Cell by cell (4 x 4 nodes): only components whose reach (12 σ for a Gaussian, where its density has
        // fallen by e^-72) meets the cell are evaluated, and cells no component reaches contribute g(0, 0) = 0.
        // A side with no component in reach is evaluated in full, so its far tail still counts (KL stays finite).
        for (int pi = 0; pi < rx[2].length; pi++) {
            double xl = rx[2][pi];
            double xh = rx[3][pi];
            int npx = cp.activeX(xl, xh, pxAct);
            int nqx = cq.activeX(xl, xh, qxAct);
            if (npx == 0 && nqx == 0) {
                continue;
            }
            double block = 0;
            for (int pj = 0; pj < ry[2].length; pj++) {
                double yl = ry[2][pj];
                double yh = ry[3][pj];
                int np = cp.activeY(yl, yh, pxAct, npx, pAct);
                int nq = cq.activeY(yl, yh, qxAct, nqx, qAct);
                if (np == 0 && nq == 0) {
                    continue;
                }
                double cell = 0;
                for (int i = 4 * pi; i < 4 * pi + 4; i++) {
                    x[0] = rx[0][i];
                    double col = 0;
                    for (int j = 4 * pj; j < 4 * pj + 4; j++) {
                        x[1] = ry[0][j];
                        double lp = np > 0 ? cp.logDensity(x, pAct, np) : cp.logDensityAll(x);
                        double lq = nq > 0 ? cq.logDensity(x, qAct, nq) : cq.logDensityAll(x);
                        col += ry[1][j] * kind.integrand(lp, lq);
                    }
                    cell += rx[1][i] * col;
                }
                block += cell;
            }
            s += block;
            if (s == Double.POSITIVE_INFINITY) {
                return s;
            }
        }
        return s;
    }

    /**
     * A 2-D sub-density Σ w_k f_k flattened for fast evaluation: Gaussian components (translations folded in)
     * as quadratic forms, others through their own {@code logDensity}; each with the box it reaches (12 σ for
     * a Gaussian, its bounds otherwise). Not thread-safe (scratch).
     */
    private static final class Compiled2 {
        private static final double REACH = 12;
        private final int n;
        private final double[] g; // per component: mx, my, a, b, c, logc with q = a dx² + 2b dx dy + c dy²
        private final Parts.Weighted[] other; // null for Gaussians
        private final double[] reach; // per component: x0, x1, y0, y1
        private final double[] scratch;
        private final int[] all;

        Compiled2(List<Parts.Weighted> parts) {
            n = parts.size();
            g = new double[6 * n];
            other = new Parts.Weighted[n];
            reach = new double[4 * n];
            scratch = new double[n];
            all = new int[n];
            for (int k = 0; k < n; k++) {
                all[k] = k;
                Parts.Weighted w = parts.get(k);
                Distribution d = w.component();
                double sx = 0;
                double sy = 0;
                while (d instanceof org.divergencelab.distribution.Translated t) {
                    sx += t.shift()[0];
                    sy += t.shift()[1];
                    d = t.base();
                }
                if (d instanceof org.divergencelab.distribution.Normal2 nd) {
                    double r = nd.rho();
                    double kk = 1 / (1 - r * r);
                    double lognorm = -Math.log(2 * Math.PI * nd.sx() * nd.sy() * Math.sqrt(1 - r * r));
                    double[] v = {nd.mx() + sx, nd.my() + sy, kk / (nd.sx() * nd.sx()), -kk * r / (nd.sx() * nd.sy()),
                        kk / (nd.sy() * nd.sy()), Math.log(w.weight()) + lognorm};
                    System.arraycopy(v, 0, g, 6 * k, 6);
                    // Marginal scales bound the conditional ones, so the axis box holds the 12 σ ellipse.
                    reach[4 * k] = v[0] - REACH * nd.sx();
                    reach[4 * k + 1] = v[0] + REACH * nd.sx();
                    reach[4 * k + 2] = v[1] - REACH * nd.sy();
                    reach[4 * k + 3] = v[1] + REACH * nd.sy();
                } else {
                    other[k] = new Parts.Weighted(w.weight(), w.component());
                    double[] b = w.component().bounds();
                    double t = w.component().tailScale();
                    reach[4 * k] = b[0] - REACH * t;
                    reach[4 * k + 1] = b[1] + REACH * t;
                    reach[4 * k + 2] = b[2] - REACH * t;
                    reach[4 * k + 3] = b[3] + REACH * t;
                }
            }
        }

        int size() {
            return n;
        }

        int activeX(double lo, double hi, int[] out) {
            int c = 0;
            for (int k = 0; k < n; k++) {
                if (reach[4 * k] <= hi && reach[4 * k + 1] >= lo) {
                    out[c++] = k;
                }
            }
            return c;
        }

        int activeY(double lo, double hi, int[] in, int count, int[] out) {
            int c = 0;
            for (int t = 0; t < count; t++) {
                int k = in[t];
                if (reach[4 * k + 2] <= hi && reach[4 * k + 3] >= lo) {
                    out[c++] = k;
                }
            }
            return c;
        }

        double logDensityAll(double[] x) {
            return logDensity(x, all, n);
        }

        double logDensity(double[] x, int[] idx, int count) {
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < count; t++) {
                int k = idx[t];
                double l;
                if (other[k] == null) {
                    int o = 6 * k;
                    double dx = x[0] - g[o];
                    double dy = x[1] - g[o + 1];
                    l = g[o + 5] - 0.5 * (g[o + 2] * dx * dx + 2 * g[o + 3] * dx * dy + g[o + 4] * dy * dy);
                } else {
                    l = Math.log(other[k].weight()) + other[k].component().logDensity(x);
                }
                scratch[t] = l;
                max = Math.max(max, l);
            }
            if (max == Double.NEGATIVE_INFINITY || count == 1) {
                return max;
            }
            double s = 0;
            for (int t = 0; t < count; t++) {
                s += Math.exp(scratch[t] - max);
            }
            return max + Math.log(s);
        }
    }

    private record Key(double x, double y) {
    }

    private static double atoms(DivergenceKind kind, List<Parts.Atom> pa, List<Parts.Atom> qa) {
        if (pa.isEmpty() && qa.isEmpty()) {
            return 0;
        }
        Map<Key, double[]> mass = new LinkedHashMap<>();
        for (Parts.Atom a : pa) {
            mass.computeIfAbsent(key(a.position()), k -> new double[2])[0] += a.mass();
        }
        for (Parts.Atom a : qa) {
            mass.computeIfAbsent(key(a.position()), k -> new double[2])[1] += a.mass();
        }
        double v = 0;
        for (double[] m : mass.values()) {
            v += kind.integrand(Math.log(m[0]), Math.log(m[1]));
        }
        return v;
    }

    private static Key key(double[] pos) {
        // + 0.0 maps -0.0 to 0.0 so the two zeros are one atom.
        return new Key(pos[0] + 0.0, pos.length > 1 ? pos[1] + 0.0 : 0.0);
    }

    /** A segment on its line: direction, offset, and the parameter interval with its density. */
    private record OnLine(double dx, double dy, double offset, double t1, double t2, double density, boolean fromP) {
    }

    private static double segments(DivergenceKind kind, List<Parts.SegmentPart> ps, List<Parts.SegmentPart> qs) {
        if (ps.isEmpty() && qs.isEmpty()) {
            return 0;
        }
        List<OnLine> all = new ArrayList<>();
        for (Parts.SegmentPart s : ps) {
            all.add(onLine(s, true));
        }
        for (Parts.SegmentPart s : qs) {
            all.add(onLine(s, false));
        }
        // Group segments lying on one line; different lines meet in at most a point (measure zero).
        List<List<OnLine>> groups = new ArrayList<>();
        for (OnLine s : all) {
            List<OnLine> home = null;
            for (List<OnLine> g : groups) {
                OnLine r = g.get(0);
                if (Math.abs(r.dx() - s.dx()) < 1e-12 && Math.abs(r.dy() - s.dy()) < 1e-12
                        && Math.abs(r.offset() - s.offset()) < 1e-12) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(s);
        }
        double v = 0;
        for (List<OnLine> g : groups) {
            double[] cuts = g.stream().flatMapToDouble(s -> java.util.stream.DoubleStream.of(s.t1(), s.t2()))
                    .sorted().distinct().toArray();
            for (int k = 0; k + 1 < cuts.length; k++) {
                double mid = 0.5 * (cuts[k] + cuts[k + 1]);
                double dp = 0;
                double dq = 0;
                for (OnLine s : g) {
                    if (s.t1() <= mid && mid <= s.t2()) {
                        if (s.fromP()) {
                            dp += s.density();
                        } else {
                            dq += s.density();
                        }
                    }
                }
                v += kind.integrand(Math.log(dp), Math.log(dq)) * (cuts[k + 1] - cuts[k]);
            }
        }
        return v;
    }

    private static OnLine onLine(Parts.SegmentPart s, boolean fromP) {
        double len = Math.hypot(s.x2() - s.x1(), s.y2() - s.y1());
        double dx = (s.x2() - s.x1()) / len;
        double dy = (s.y2() - s.y1()) / len;
        if (dx < 0 || (dx == 0 && dy < 0)) {
            dx = -dx;
            dy = -dy;
        }
        double offset = -dy * s.x1() + dx * s.y1();
        double t1 = dx * s.x1() + dy * s.y1();
        double t2 = dx * s.x2() + dy * s.y2();
        return new OnLine(dx + 0.0, dy + 0.0, offset + 0.0, Math.min(t1, t2), Math.max(t1, t2), s.mass() / len,
                fromP);
    }
}
