package org.divergencelab.divergence;

import java.util.Locale;
import java.util.SplittableRandom;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.GeneratorDistribution;
import org.divergencelab.distribution.GeneratorNet;
import org.divergencelab.distribution.Parts;
import org.divergencelab.distribution.PointCloud;

/**
 * The true divergences between the data distribution and the generator's distribution P_G, computed from the
 * generator's weights ({@link GeneratorNet}) rather than from a sample of fakes. Every number carries a method
 * label saying what "true" means for it (the {@code js_method}/{@code w1_method} of a metrics file):
 * <ul>
 * <li>{@code exact}: closed form (singular parts, atoms, segments), exact to rounding.</li>
 * <li>{@code exact-quadrature(err<E)}: 1-D latent → 1-D; the exact density/CDF of P_G integrated by adaptive
 *     Gauss–Kronrod split at every breakpoint of G; E is the quadrature's error estimate plus any prior mass
 *     the analysis left out.</li>
 * <li>{@code singular}: P_G and P_data are mutually singular (a curve against a density, a density against
 *     samples): JS = log 2, TV = H² = 1, KL = χ² = ∞, exactly.</li>
 * <li>{@code exact-mc(se=S,n=N)}: 2-D latent → 2-D piecewise affine; exact densities of P_G (linear regions)
 *     and P_data, integrated by Monte Carlo on N draws of each; S is the standard error.</li>
 * <li>{@code ot-n=N(floor=F)}: W1 in 2-D, exact optimal transport between N draws of each, a finite-sample
 *     value (above the population W1 by O(N^−1/2)); F is the W1 between two independent N-draws of P_data,
 *     the value a perfect generator would get: the band [F, value] is what the sample can tell.</li>
 * <li>{@code histogram(n=N)}: no exact path (smooth activations or layer norm in 2-D, sample-only data, a
 *     curve loaded non-uniformly against singular data): the Freedman–Diaconis histogram estimate on N draws.</li>
 * </ul>
 * Directions: {@code klDataGen} = KL(P_data‖P_G), {@code klGenData} = KL(P_G‖P_data), {@code chi2} =
 * χ²(P_data‖P_G) = ∫(p_data − p_G)²/p_G, the same order as {@code TrueDivergence.compute(kind, data, P_G)}.
 */
public final class GeneratorTruth {
    /** Draws per side for the 2-D Monte Carlo integrals. */
    public static final int MC_SAMPLES = 4096;
    /** Draws per side for the 2-D optimal transport and the histogram fall-back. */
    public static final int OT_SAMPLES = 512;

    private GeneratorTruth() {
    }

    /**
     * One number: its value, what kind of truth it is, and its error: the quadrature error bound, the Monte
     * Carlo standard error, or (W1 by OT) the sampling floor; 0 for closed forms, NaN when not known.
     */
    public record Value(double value, TruthMethod method, double error) {
    }

    /** All numbers of one evaluation, and a note (empty or one sentence) about the case. */
    public record Result(Value js, Value klDataGen, Value klGenData, Value tv, Value h2, Value chi2, Value w1,
                         String note) {
    }

    /** The divergences between {@code data} and P_G of {@code g}; {@code seed} drives every random draw. */
    public static Result evaluate(Distribution data, GeneratorNet g, long seed) {
        return evaluate(data, new GeneratorDistribution(g, "generator"), seed);
    }

    /** As {@link #evaluate(Distribution, GeneratorNet, long)} for an already analysed P_G. */
    public static Result evaluate(Distribution data, GeneratorDistribution gen, long seed) {
        return evaluate(data, gen, seed, java.util.EnumSet.allOf(DivergenceKind.class));
    }

    /**
     * As {@link #evaluate(Distribution, GeneratorDistribution, long)}, where a smooth 1-D G's costly latent
     * quadrature computes only the f-divergences in {@code wanted} (the others are null in the result; every
     * other path computes all of them, they are cheap there).
     */
    public static Result evaluate(Distribution data, GeneratorNet g, long seed, java.util.Set<DivergenceKind> wanted) {
        return evaluate(data, new GeneratorDistribution(g, "generator"), seed, wanted);
    }

    private static Result evaluate(Distribution data, GeneratorDistribution gen, long seed,
            java.util.Set<DivergenceKind> wanted) {
        if (data.dimension() != gen.dimension()) {
            throw new IllegalArgumentException("the data (" + data.spec() + ") is " + data.dimension()
                    + "-D but the generator's output is " + gen.dimension() + "-D");
        }
        GeneratorNet g = gen.net();
        SplittableRandom rng = new SplittableRandom(seed);
        Parts dp = partsOrNull(data);
        Value w1 = w1(data, gen, rng.split());
        SplittableRandom fdRng = rng.split();
        if (dp == null) {
            return histogramAll(data, gen, fdRng, w1, "the data distribution is sample-only (no density): "
                    + "histogram estimates");
        }
        boolean dataDensityOnly = dp.atoms().isEmpty() && dp.segments().isEmpty();
        boolean dataAtomsOnly = dp.continuous().isEmpty() && dp.segments().isEmpty();
        if (dataAtomsOnly && (g.latentDim() == 1 ? gen.atomMass() == 0
                : g.latentDim() == 2 && g.outputDim() == 2 && g.piecewiseAffine() && gen.degenerateMass() == 0)) {
            return singular(w1, "P_data is given as points (atoms, e.g. samples) and P_G has no atoms: the "
                    + "true divergence between them is the singular one; compare samples with an estimator");
        }
        if (g.latentDim() == 1 && g.outputDim() == 1) {
            return !g.piecewiseAffine() && dataDensityOnly ? latentQuadrature(data, gen, w1, wanted)
                    : quadrature(data, gen, w1);
        }
        if (gen.curve() && dataDensityOnly) {
            return singular(w1, "P_G lies on a curve (1-D latent) and P_data has a density: mutually singular");
        }
        if (gen.curve()) {
            Parts gp = partsOrNull(gen);
            if (gp != null) {
                return quadrature(data, gen, w1); // segments and atoms: closed forms
            }
            return histogramAll(data, gen, fdRng, w1, "P_G is a non-uniformly loaded curve and P_data is singular: "
                    + "histogram estimates");
        }
        if (g.latentDim() == 2 && g.outputDim() == 2 && g.piecewiseAffine()) {
            if (dp.continuous().isEmpty() && gen.degenerateMass() == 0) {
                return singular(w1, "P_data is singular (" + data.spec() + ") and P_G has a density: mutually "
                        + "singular");
            }
            if (dataDensityOnly) {
                return monteCarlo(data, gen, fdRng, w1);
            }
        }
        return histogramAll(data, gen, fdRng, w1, "no exact path for " + g.describe()
                + (g.piecewiseAffine() ? "" : " (smooth activations)") + ": histogram estimates");
    }

    private static Parts partsOrNull(Distribution d) {
        try {
            return d.parts();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ W1

    private static Value w1(Distribution data, GeneratorDistribution gen, SplittableRandom rng) {
        if (gen.dimension() == 1 && gen.exactlyAnalysable()) {
            // a smooth G's CDF costs Newton solves and has √ kinks at fold images: a looser panel tolerance
            TrueDivergence.Result r = DistributionW1.compute(data, gen, gen.net().piecewiseAffine() ? 1e-14 : 1e-10);
            if (r != null) {
                double err = r.errorBound() + gen.truncatedMass() * spread(gen);
                return new Value(r.value(), TruthMethod.quadrature(err), err);
            }
        }
        PointCloud d1 = data.sample(OT_SAMPLES, rng.split());
        PointCloud d2 = data.sample(OT_SAMPLES, rng.split());
        PointCloud f = gen.sample(OT_SAMPLES, rng.split());
        double v = ExactW1.distance(d1, f);
        double floor = ExactW1.distance(d1, d2);
        return new Value(v, TruthMethod.sampleTransport(OT_SAMPLES, floor), floor);
    }

    /** A bound on how far the left-out mass can move W1: its mass times the width of the image. */
    private static double spread(GeneratorDistribution gen) {
        if (gen.truncatedMass() == 0) {
            return 0;
        }
        double[] b = gen.bounds();
        return b[1] - b[0];
    }

    // ------------------------------------------------------------------ exact 1-D and closed forms

    private static Result quadrature(Distribution data, GeneratorDistribution gen, Value w1) {
        double extra = gen.truncatedMass();
        Value[] v = new Value[6];
        DivergenceKind[] kinds = {DivergenceKind.JS, DivergenceKind.KL, DivergenceKind.KL_REVERSE, DivergenceKind.TV,
            DivergenceKind.HELLINGER, DivergenceKind.CHI2};
        for (int k = 0; k < kinds.length; k++) {
            TrueDivergence.Result r = TrueDivergence.compute(kinds[k], data, gen);
            double err = r.errorBound() + extra;
            boolean closed = err == 0 || Double.isInfinite(r.value());
            v[k] = new Value(r.value(), closed ? TruthMethod.closedForm() : TruthMethod.quadrature(err), closed ? 0 : err);
        }
        String note = gen.atomMass() > 0 ? "P_G has atoms (flat pieces of G) of total mass " + fmt(gen.atomMass())
                : "";
        return new Result(v[0], v[1], v[2], v[3], v[4], v[5], w1, note);
    }

    /**
     * A smooth 1-D G (folds: the density of P_G has 1/√ singularities at critical values, which x-space quadrature
     * resolves only slowly): ∫ g(p_data, p_G) dx over G's image = ∫ p_z(z) g(p_data, p_G)/p_G (G(z)) dz (write
     * p_G = Σ_k p_k over the pre-images and substitute x = G(z) on each piece), integrated on the latent between
     * the critical points, where g/p_G is bounded (KL(P_G‖P_data): a log singularity at a critical point, which
     * is a panel edge). Outside the image only KL(P_data‖P_G) and χ² get a contribution, ∞ when P_data has mass
     * there.
     */
    /**
     * Panels per piece and integral of a smooth G's latent quadrature. Each node inverts G on every piece (Newton),
     * and near a fold G(z) rounds to the critical value, so the last digits there are noise the rule cannot
     * refine away: the budget stops it and the label carries the error estimate it reached.
     */
    static final int LATENT_PANELS = 30;

    /** Absolute tolerance per piece of a smooth G's latent integrals (the fold noise sits near 1e-8 anyway). */
    static final double LATENT_TOLERANCE = 1e-9;

    private static Result latentQuadrature(Distribution data, GeneratorDistribution gen, Value w1,
            java.util.Set<DivergenceKind> wanted) {
        double[] zb = gen.latentBreaks();
        Quadrature quad = new Quadrature();
        double[] x = new double[1];
        double[] scratch = gen.net().scalarScratch();
        // {log p_data, log p_G, p_z} at a latent node: the seven integrals below share most of their nodes
        java.util.HashMap<Double, double[]> nodes = new java.util.HashMap<>();
        java.util.function.DoubleFunction<double[]> at = z -> nodes.computeIfAbsent(z, k -> {
            x[0] = gen.net().scalarForward(z, scratch, false);
            return new double[] {data.logDensity(x), gen.logContinuousDensity(x[0]), gen.latentDensity(z)};
        });
        DivergenceKind[] kinds = {DivergenceKind.JS, DivergenceKind.KL, DivergenceKind.KL_REVERSE, DivergenceKind.TV,
            DivergenceKind.HELLINGER, DivergenceKind.CHI2};
        Value[] v = new Value[6];
        // the data mass on G's image, by the same substitution (g = p_data)
        double onImage = 0;
        double errImage = 0;
        for (int k = 0; k + 1 < zb.length && data.tailScale() == 0; k++) { // a tail beyond a bounded image: mass outside
            onImage += quad.integrate(smoothEnds(z -> {
                double[] n = at.apply(z);
                double pg = Math.exp(n[1]);
                return pg > 0 ? n[2] * Math.exp(n[0]) / pg : 0;
            }, zb[k], zb[k + 1]), 0, 1, LATENT_TOLERANCE, LATENT_PANELS);
            errImage += quad.lastError();
        }
        boolean massOutside = data.tailScale() > 0 || 1 - onImage > 1e-9 + errImage;
        double trunc = gen.truncatedMass();
        for (int i = 0; i < kinds.length; i++) {
            DivergenceKind kind = kinds[i];
            if (!wanted.contains(kind)) {
                continue;
            }
            if (massOutside && (kind == DivergenceKind.KL || kind == DivergenceKind.CHI2)) {
                v[i] = new Value(Double.POSITIVE_INFINITY, TruthMethod.closedForm(), 0);
                continue;
            }
            double sum = 0;
            double err = 0;
            for (int k = 0; k + 1 < zb.length; k++) {
                sum += quad.integrate(smoothEnds(z -> {
                    double[] n = at.apply(z);
                    double pg = Math.exp(n[1]);
                    if (!(pg > 0)) {
                        return 0;
                    }
                    // g/p_G: bounded where p_G blows up at a fold
                    return n[2] * kind.integrand(n[0], Math.log(pg)) / pg;
                }, zb[k], zb[k + 1]), 0, 1, LATENT_TOLERANCE, LATENT_PANELS);
                err += quad.lastError();
            }
            err += trunc;
            v[i] = new Value(kind.finish(sum), TruthMethod.quadrature(err), err);
        }
        String note = "smooth G: " + (zb.length - 1) + " monotone pieces, integrated over the latent";
        return new Result(v[0], v[1], v[2], v[3], v[4], v[5], w1, note);
    }

    /**
     * ∫_a^b f(z) dz as ∫_0^1 f(z(t)) z'(t) dt with z = a + (b − a)(3t² − 2t³): z' vanishes at both ends, so the
     * log and 1/√ singularities of a fold (or of another piece's fold value) at a piece's end become bounded,
     * nearly smooth integrands, and the nodes keep away from the ends where G(z) rounds onto the critical value.
     */
    private static java.util.function.DoubleUnaryOperator smoothEnds(java.util.function.DoubleUnaryOperator f,
            double a, double b) {
        double w = b - a;
        return t -> {
            double dz = 6 * t * (1 - t) * w;
            if (dz == 0) {
                return 0;
            }
            return f.applyAsDouble(a + w * t * t * (3 - 2 * t)) * dz;
        };
    }

    private static Result singular(Value w1, String note) {
        double inf = Double.POSITIVE_INFINITY;
        TruthMethod s = TruthMethod.singular();
        return new Result(new Value(Math.log(2), s, 0), new Value(inf, s, 0), new Value(inf, s, 0), new Value(1, s, 0),
                new Value(1, s, 0), new Value(inf, s, 0), w1, note);
    }

    // ------------------------------------------------------------------ 2-D Monte Carlo with exact densities

    private static Result monteCarlo(Distribution data, GeneratorDistribution gen, SplittableRandom rng, Value w1) {
        GeneratorNet g = gen.net();
        int n = MC_SAMPLES;
        SplittableRandom zr = rng.split();
        PointCloud ds = data.sample(n, rng.split());
        double[] js = new double[2 * n];
        double[] tv = new double[n];
        double[] h = new double[n];
        double[] klGD = new double[n];
        double[] chi = new double[n];
        double[] klDG = new double[n];
        double[] z = new double[2];
        double[][] jac = new double[2][2];
        boolean klGDInf = false;
        for (int i = 0; i < n; i++) {
            g.sampleLatent(zr, z);
            double[] x = g.forward(z, jac);
            double det = jac[0][0] * jac[1][1] - jac[0][1] * jac[1][0];
            double f = jac[0][0] * jac[0][0] + jac[0][1] * jac[0][1] + jac[1][0] * jac[1][0] + jac[1][1] * jac[1][1];
            double lq = data.logDensity(x);
            if (Math.abs(det) <= 1e-12 * f || f == 0) {
                // a rank-deficient region: this mass of P_G is singular (a segment or a point)
                js[i] = Math.log(2);
                tv[i] = 1;
                h[i] = 0;
                chi[i] = 1;
                klGDInf = true;
                continue;
            }
            double pg = gen.density(x);
            double lp = pg > 0 ? Math.log(pg) : g.latentLogDensity(z) - Math.log(Math.abs(det));
            double r = Math.exp(lq - lp); // p_data / p_G
            js[i] = Math.log(2) - log1pExp(lq - lp);
            tv[i] = Math.max(0, 1 - r);
            h[i] = Math.sqrt(r);
            chi[i] = (r - 1) * (r - 1);
            klGD[i] = lp - lq;
            if (lq == Double.NEGATIVE_INFINITY) {
                klGDInf = true;
            }
        }
        boolean klDGInf = false;
        double[] y = new double[2];
        for (int i = 0; i < n; i++) {
            y[0] = ds.coordsView()[2 * i];
            y[1] = ds.coordsView()[2 * i + 1];
            double lq = data.logDensity(y);
            double pg = gen.density(y);
            if (pg == 0) {
                klDGInf = true; // no pre-image: P_data has mass where P_G has none
                js[n + i] = Math.log(2);
                continue;
            }
            double lp = Math.log(pg);
            js[n + i] = Math.log(2) - log1pExp(lp - lq);
            klDG[i] = lq - lp;
        }
        double trunc = gen.truncatedMass();
        String detail = trunc > 0 ? ",trunc=" + fmt(trunc) : "";
        Value jsV = halfHalf(js, n, detail);
        Value tvV = mc(tv, 0, 1, n, detail);
        Value hV = mc(h, 1, -1, n, detail);
        Value klGDV = klGDInf ? new Value(Double.POSITIVE_INFINITY, TruthMethod.closedForm(), 0)
                : mc(klGD, 0, 1, n, detail);
        // a data draw with no pre-image: with a uniform prior it lies outside P_G's support (∞ exactly); with a
        // normal prior the regions cover |z| <= R only, so it is ∞ up to the prior's tail beyond R (trunc)
        Value klDGV = klDGInf ? new Value(Double.POSITIVE_INFINITY, TruthMethod.exactDensityMonteCarloInfinite(
                trunc > 0 ? "a data draw has no pre-image with |z|<=" + GeneratorDistribution.LATENT_BOX_RADIUS
                        + ": inf up to the prior's tail beyond" : "a data draw lies outside the support of P_G", n,
                detail), Double.NaN)
                : mc(klDG, 0, 1, n, detail);
        Value chiV = klDGInf ? new Value(Double.POSITIVE_INFINITY, klDGV.method(), Double.NaN)
                : mc(chi, 0, 1, n, detail);
        double sing = gen.degenerateMass();
        String note = "exact densities (" + gen.pieceCount() + " linear regions), Monte Carlo integration"
                + (sing > 0 ? "; P_G has a singular part of mass " + fmt(sing) : "");
        return new Result(jsV, klDGV, klGDV, tvV, hV, chiV, w1, note);
    }

    /** constant + sign·mean of the terms, with its standard error. */
    private static Value mc(double[] t, double constant, double sign, int n, String detail) {
        double[] ms = meanSe(t, 0, t.length);
        double v = constant + sign * ms[0];
        return new Value(v, TruthMethod.exactDensityMonteCarlo(ms[1], n, detail), ms[1]);
    }

    /** JS = ½ E_G[...] + ½ E_data[...]: the first n terms from P_G, the last n from P_data. */
    private static Value halfHalf(double[] t, int n, String detail) {
        double[] a = meanSe(t, 0, n);
        double[] b = meanSe(t, n, 2 * n);
        double v = 0.5 * (a[0] + b[0]);
        double se = 0.5 * Math.sqrt(a[1] * a[1] + b[1] * b[1]);
        return new Value(v, TruthMethod.exactDensityMonteCarlo(se, n, detail), se);
    }

    private static double[] meanSe(double[] t, int from, int to) {
        int n = to - from;
        double m = 0;
        for (int i = from; i < to; i++) {
            m += t[i];
        }
        m /= n;
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (t[i] - m) * (t[i] - m);
        }
        return new double[] {m, Math.sqrt(s / (n - 1) / n)};
    }

    private static double log1pExp(double t) {
        return t > 35 ? t : Math.log1p(Math.exp(t));
    }

    // ------------------------------------------------------------------ fall-back estimates

    private static Result histogramAll(Distribution data, GeneratorDistribution gen, SplittableRandom rng, Value w1,
            String note) {
        PointCloud d = data.sample(OT_SAMPLES, rng.split());
        PointCloud f = gen.sample(OT_SAMPLES, rng.split());
        TruthMethod label = TruthMethod.histogram(OT_SAMPLES);
        DivergenceKind[] kinds = {DivergenceKind.JS, DivergenceKind.KL, DivergenceKind.KL_REVERSE, DivergenceKind.TV,
            DivergenceKind.HELLINGER, DivergenceKind.CHI2};
        Value[] v = new Value[6];
        for (int k = 0; k < kinds.length; k++) {
            v[k] = new Value(SampleEstimates.histogram(kinds[k], d, f, SampleEstimates.BinRule.FD), label, Double.NaN);
        }
        return new Result(v[0], v[1], v[2], v[3], v[4], v[5], w1, note);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
