package org.divergencelab.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.GeneratorNet;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.TruthMethod;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.divergence.ExactW1;
import org.divergencelab.divergence.GeneratorTruth;
import org.divergencelab.divergence.IncrementalW1;
import org.divergencelab.divergence.LipschitzEstimate;
import org.divergencelab.divergence.ModeCoverage;
import org.divergencelab.divergence.SampleEstimates;
import org.divergencelab.nn.Dense;
import org.divergencelab.nn.Mlp;
import org.divergencelab.nn.Readouts;
import org.divergencelab.nn.SpectralNorm;

/**
 * What a {@link Trainer}'s {@link Snapshot}s report: the fixed evaluation batch (real samples and z, drawn once
 * from the {@link RandomStreams.Stream#EVALUATION} stream, so fakes move smoothly between snapshots), the
 * estimate and warnings, and in a full snapshot the truths, fields, maps and read-outs its
 * {@link EvaluationSpec} switches on. Reads the networks, never trains them.
 */
final class Evaluation {
    private final Trainer trainer;
    private final ComputeBackend be;
    private final Distribution data;
    private final int dim;
    private final Tape evalTape;
    private final Tape pointTape;
    private final IncrementalW1 w1Solver = new IncrementalW1();
    private final List<ModeCoverage.Mode> modes;
    private double[] evalReal;
    private double[] evalZ;
    /** A conditional GAN's labels, null without a condition; the evaluation points' labels. */
    private final Conditioning conditioning;
    private int[] evalLabels;
    private Experiment exp;
    private Mlp generator;
    private Mlp critic;

    /** The evaluation of {@code trainer}'s run on {@code data} (its experiment in force). */
    Evaluation(Trainer trainer, ComputeBackend be, Distribution data) {
        this.trainer = trainer;
        this.be = be;
        this.data = data;
        this.dim = data.dimension();
        this.evalTape = new Tape(be);
        this.pointTape = new Tape(be);
        List<ModeCoverage.Mode> m;
        try {
            m = ModeCoverage.modesOf(data);
        } catch (IllegalArgumentException | UnsupportedOperationException notAMixture) {
            m = null;
        }
        this.modes = m;
        this.conditioning = trainer.conditioning();
        drawBatch(trainer.experiment());
    }

    /** (Re)draws the evaluation batch for {@code e}'s batch size, from the seed (the same numbers each time). */
    void drawBatch(Experiment e) {
        SplittableRandom evalRng = RandomStreams.of(e.seed(), RandomStreams.Stream.EVALUATION);
        int n = e.evaluation().batch();
        if (conditioning != null) {
            evalReal = new double[n * dim]; // the same draws as data.sample, with each point's component
            evalLabels = conditioning.sample(n, evalRng.split(), evalReal);
        } else {
            evalReal = data.sample(n, evalRng.split()).coordsView().clone();
        }
        evalZ = new double[n * e.latent().dim()];
        SplittableRandom zr = evalRng.split();
        for (int i = 0; i < evalZ.length; i++) {
            evalZ[i] = e.latent().prior() == LatentSpec.Prior.NORMAL ? zr.nextGaussian() : zr.nextDouble(-1, 1);
        }
    }

    /** A snapshot of the trainer now; {@code full == false} skips grids, truths, read-outs and Lipschitz. */
    Snapshot snapshot(boolean full) {
        exp = trainer.experiment();
        generator = trainer.generator();
        critic = trainer.critic();
        boolean halted = trainer.halted();
        EngineMessage haltMessage = trainer.haltMessage();
        EvaluationSpec ev = exp.evaluation();
        Objective obj = exp.objective();
        setSpectralNormTraining(false);
        try {
            int n = ev.batch();
            double[] fake = generate(evalZ, evalLabels, n);
            double[] sr = scores(evalReal, evalLabels, n);
            double[] sf = scores(fake, evalLabels, n);
            Objective.Estimated est = obj.estimated();
            Snapshot.Estimate estimate = new Snapshot.Estimate(est, estimateName(obj), Losses.estimate(obj, sr, sf));
            // The warnings as codes and arguments (a UI translates them; the snapshot derives the English).
            List<EngineMessage> messages = new ArrayList<>();
            if (halted) {
                messages.add(haltMessage);
            }
            List<Snapshot.TrueValue> truths = new ArrayList<>();
            Snapshot.CriticField field = null;
            double[] grads = null;
            Snapshot.GeneratorMap map = null;
            List<Readouts.LayerReadout> cl = List.of();
            List<Readouts.LayerReadout> gl = List.of();
            double lipschitz = Double.NaN;
            ModeCoverage.Result coverage = null;
            PointCloud realCloud = PointCloud.of(dim, evalReal);
            PointCloud fakeCloud = PointCloud.of(dim, fake);
            if (full) {
                if (ev.trueW1() || ev.trueJs()) {
                    truths.addAll(truths(ev, realCloud, fakeCloud));
                }
                double[][] box = box(fake);
                field = criticField(box[0], box[1], ev.gridResolution());
                grads = gradientsAt(fake, n);
                map = generatorMap(ev.mapResolution());
                cl = Readouts.of(critic, ev.histogramBins());
                gl = Readouts.of(generator, ev.histogramBins());
                if (ev.lipschitz()) {
                    lipschitz = LipschitzEstimate.gridGradient(this::scoreAt, box[0], box[1], ev.lipschitzGrid()).value();
                }
                if (ev.modeCoverage() && modes != null) {
                    coverage = ModeCoverage.evaluate(modes, fakeCloud, 3);
                }
                double w1 = truths.stream().filter(v -> v.name().equals("W1")).mapToDouble(Snapshot.TrueValue::value)
                        .findFirst().orElse(Double.NaN);
                if (est == Objective.Estimated.W1 && Double.isFinite(w1) && Math.abs(estimate.value()) > 10 * Math.max(w1, 0.05)) {
                    messages.add(EngineMessage.of(EngineMessage.Code.ESTIMATE_DIVERGING, estimate.value(), w1));
                }
            }
            if (!Double.isFinite(estimate.value())) {
                messages.add(EngineMessage.of(EngineMessage.Code.ESTIMATE_NON_FINITE, estimate.value()));
            }
            if (obj.kind() == Objective.Kind.MINIMAX || obj.kind() == Objective.Kind.NON_SATURATING) {
                double dr = meanLink(obj, sr);
                double df = meanLink(obj, sf);
                if (dr > 0.99 && df < 0.01) {
                    messages.add(EngineMessage.of(EngineMessage.Code.DISCRIMINATOR_SATURATED, dr, df,
                            obj.kind() == Objective.Kind.MINIMAX));
                }
            }
            return new Snapshot(trainer.iterationCount(), trainer.criticStepCount(), trainer.generatorStepCount(), full,
                    dim, evalReal, fake, trainer.lastCriticLoss(), trainer.lastGeneratorLoss(), estimate, truths, field,
                    grads, map, cl, gl, lipschitz, coverage, trainer.instanceNoise(), halted,
                    messages, accuracy(obj, sr, sf), evalLabels,
                    conditioning == null ? Double.NaN : conditioning.accuracy(fake, evalLabels));
        } finally {
            setSpectralNormTraining(true);
        }
    }

    /**
     * The divergences between P_data and P_G, never a sample value called exact:
     * <ul>
     * <li>W1: in 1-D from the generator's exact CDF where {@link GeneratorTruth} has it, else (and always in 2-D) the
     *     optimal transport between the n evaluation samples, labelled {@code ot-n=N(floor=F)} with the sampling
     *     floor F (the W1 of two independent n-draws of P_data, computed once).</li>
     * <li>JS and the other f-divergences: from the generator's weights where they allow a cheap exact path (1-D
     *     piecewise-linear generators, curves, singular cases: every evaluation); for a 2-D ReLU generator (linear
     *     regions, Monte Carlo with exact densities, about 0.3 s of CPU) every {@link #EXACT_MC_STRIDE}-th
     *     iteration, nothing in between; a smooth 1-D G (tanh) by quadrature over its latent, every evaluation;
     *     else (layer norm, smooth 2-D G) the histogram or KDE of the evaluation samples, labelled with its
     *     method and n.</li>
     * </ul>
     */
    private List<Snapshot.TrueValue> truths(EvaluationSpec ev, PointCloud realCloud, PointCloud fakeCloud) {
        List<Snapshot.TrueValue> out = new ArrayList<>();
        int n = realCloud.size();
        GeneratorNet net = exactForm();
        boolean regions = net != null && net.latentDim() >= 2;
        GeneratorTruth.Result t = null;
        if (net != null && !(regions && trainer.iterationCount() % EXACT_MC_STRIDE != 0)) {
            try {
                t = GeneratorTruth.evaluate(data, net, RandomStreams.of(exp.seed(), RandomStreams.Stream.TRUTH).nextLong(),
                        SHOWN);
            } catch (IllegalArgumentException tooManyRegions) {
                regions = false; // more linear regions than LatentRegions enumerates: the labelled sample value
            }
        }
        if (ev.trueW1()) {
            if (t != null && dim == 1 && t.w1().method().exact()) {
                out.add(value("W1", t.w1(), t.note()));
            } else {
                double w1 = dim == 1 ? ExactW1.oneD(realCloud, fakeCloud).value()
                        : w1Solver.solve(realCloud, fakeCloud).value();
                double floor = w1Floor(n);
                out.add(new Snapshot.TrueValue("W1", w1, TruthMethod.sampleTransport(n, floor), "exact optimal transport between the " + n + " evaluation samples of "
                        + "P_data and P_G: a sample value, above the population W1; the floor is the W1 of two "
                        + "independent samples of P_data of the same size", floor));
            }
        }
        if (ev.trueJs()) {
            if (t != null) {
                String[] names = {"JS", "KL", "KL_REVERSE", "TV", "H2", "CHI2"};
                GeneratorTruth.Value[] values = {t.js(), t.klDataGen(), t.klGenData(), t.tv(), t.h2(), t.chi2()};
                for (int i = 0; i < names.length; i++) {
                    if (values[i] != null) { // a smooth 1-D G computes only what is SHOWN
                        out.add(value(names[i], values[i], t.note()));
                    }
                }
            } else if (!regions) {
                boolean kde = ev.jsEstimator() == EvaluationSpec.JsEstimator.KDE;
                double js = kde ? SampleEstimates.kde(DivergenceKind.JS, realCloud, fakeCloud)
                        : SampleEstimates.histogram(DivergenceKind.JS, realCloud, fakeCloud, SampleEstimates.BinRule.FD);
                out.add(new Snapshot.TrueValue("JS", js, kde ? TruthMethod.kde(n) : TruthMethod.histogram(n), jsNote(kde),
                        Double.NaN));
            }
        }
        return out;
    }

    /** The f-divergences a training run shows and writes (metrics.csv: true_js, true_kl, true_kl_reverse). */
    private static final java.util.Set<DivergenceKind> SHOWN = java.util.EnumSet.of(DivergenceKind.JS,
            DivergenceKind.KL, DivergenceKind.KL_REVERSE);

    /** Hidden units up to which a 2-D generator's linear regions are enumerated per evaluation (ring8: 192). */
    static final int MAX_HIDDEN_FOR_REGIONS = 256;

    private static int hiddenUnits(GeneratorNet net) {
        int units = 0;
        for (int i = 0; i + 1 < net.layers().size(); i++) {
            units += net.layers().get(i).out();
        }
        return units;
    }

    /** Iterations between the exact-density Monte Carlo truths of a 2-D ReLU generator (they cost ~0.3 s CPU). */
    static final int EXACT_MC_STRIDE = 25;

    private double floor = Double.NaN;
    private int floorN;

    /** The W1 between two independent n-draws of P_data: what a perfect generator's OT value would read. */
    private double w1Floor(int n) {
        if (floorN != n) {
            SplittableRandom r = RandomStreams.of(exp.seed(), RandomStreams.Stream.TRUTH);
            r.nextLong(); // the generator truth's seed
            PointCloud a = data.sample(n, r.split());
            PointCloud b = data.sample(n, r.split());
            floor = dim == 1 ? ExactW1.oneD(a, b).value() : ExactW1.distance(a, b);
            floorN = n;
        }
        return floor;
    }

    private static Snapshot.TrueValue value(String name, GeneratorTruth.Value v, String note) {
        return new Snapshot.TrueValue(name, v.value(), v.method(), note, v.error());
    }

    /**
     * The generator as a network whose distribution {@link GeneratorTruth} can afford at an evaluation, or null:
     * layer norm has no exact form, nor has a smooth 2-D G; a smooth 1-D G (tanh) is integrated over its latent
     * (a few hundred ms of CPU: the folds' end-point singularities, docs/ground-truth.md) for the divergences
     * a run shows only.
     */
    private GeneratorNet exactForm() {
        GeneratorNet net;
        try {
            net = GeneratorExport.of(generator, exp.latent());
        } catch (IllegalArgumentException noExactForm) {
            return null;
        }
        if (!net.piecewiseAffine() && net.latentDim() >= 2) {
            return null; // no exact path (GeneratorTruth would fall back to its own histogram): the batch's is cheaper
        }
        if (net.latentDim() >= 2 && hiddenUnits(net) > MAX_HIDDEN_FOR_REGIONS) {
            // wide 2-D nets (512×3: 10 s to reach the region cap) would stall the worker at every 25th iteration
            return null;
        }
        return net;
    }

    private String jsNote(boolean kde) {
        if (!data.hasDensity() && exp.latent().dim() < 2 && dim == 2) {
            return "P_data has no 2-D density (e.g. the lecture's line) and P_G is the image of a 1-D latent: the "
                    + "supports are almost surely disjoint, so the true JS is log 2 = 0.6931; the sample estimate "
                    + (kde ? "smooths both and reads lower" : "merges nearby points into shared bins and reads lower");
        }
        if (!data.hasDensity()) {
            return "P_data has no density: the true JS to a continuous P_G is log 2; the sample estimate reads lower";
        }
        return kde ? "KDE is biased (smoothing widens both supports); compare trends, not digits"
                : "histogram JS is biased (finite samples never give equal histograms); compare trends, not digits";
    }

    private static String estimateName(Objective o) {
        return switch (o.kind()) {
            case MINIMAX, NON_SATURATING -> "JS estimate V/2 + log 2";
            case LSGAN -> "triangular discrimination estimate 2 - 8 L_D";
            case WGAN_CLIP, WGAN_GP, WGAN_FD, WGAN_SN -> "W1 estimate E_real[f] - E_fake[f]";
            case LINEAR_CRITIC -> "W1 'estimate' E_real[f] - E_fake[f] of an unconstrained linear critic";
            case F_GAN -> o.divergence().label() + " estimate (f-GAN variational bound)";
            case EBGAN -> "total variation estimate 1 - L_D/m (EBGAN, a lower bound)";
        };
    }

    /**
     * The fraction of the evaluation batch D classifies right, (#{D(real) > ½} + #{D(fake) < ½}) / 2n, for the
     * objectives whose D is a probability (σ(s) for minimax and non-saturating; s itself for LSGAN, whose 0-1 coding
     * puts the boundary at ½); NaN for critics and f-GANs, whose output is not a probability. A tie at ½ counts
     * as wrong on both sides.
     */
    static double accuracy(Objective o, double[] realScores, double[] fakeScores) {
        if (o.kind() != Objective.Kind.MINIMAX && o.kind() != Objective.Kind.NON_SATURATING
                && o.kind() != Objective.Kind.LSGAN) {
            return Double.NaN;
        }
        int right = 0;
        for (double s : realScores) {
            right += Losses.link(o, s) > 0.5 ? 1 : 0;
        }
        for (double s : fakeScores) {
            right += Losses.link(o, s) < 0.5 ? 1 : 0;
        }
        return (double) right / (realScores.length + fakeScores.length);
    }

    private static double meanLink(Objective o, double[] s) {
        double m = 0;
        for (double v : s) {
            m += Losses.link(o, v);
        }
        return m / s.length;
    }

    private void setSpectralNormTraining(boolean on) {
        for (Mlp m : new Mlp[] {generator, critic}) {
            for (Dense d : m.denseLayers()) {
                SpectralNorm sn = d.spectralNorm();
                if (sn != null) {
                    sn.setTraining(on);
                }
            }
        }
    }

    /** G(z) for {@code n} latent rows; G(z, y) with the labels {@code y} of a conditional GAN. */
    private double[] generate(double[] z, int[] y, int n) {
        Tape t = evalTape;
        t.reset();
        int ld = exp.latent().dim();
        Var zv = t.constant(n, conditioning == null ? ld : ld + conditioning.classes());
        be.copyIn(conditioning == null ? z : conditioning.generatorInput(z, ld, y, n), zv.value());
        Var x = generator.forward(t, zv);
        double[] out = new double[n * dim];
        be.copyOut(x.value(), out);
        return out;
    }

    /**
     * Raw critic scores of {@code n} points: D(x, y) with the labels {@code y} of a conditional GAN, or with
     * {@code y == null} the scores averaged over y with the data's weights (the grid, the Lipschitz estimate).
     */
    private double[] scores(double[] x, int[] y, int n) {
        if (conditioning != null && y == null) {
            double[] w = conditioning.weights();
            double[] mean = new double[n];
            int[] label = new int[n];
            for (int k = 0; k < w.length; k++) {
                java.util.Arrays.fill(label, k);
                double[] s = scores(x, label, n);
                for (int i = 0; i < n; i++) {
                    mean[i] += w[k] * s[i];
                }
            }
            return mean;
        }
        Tape t = evalTape;
        t.reset();
        Var xv = t.constant(n, conditioning == null ? dim : dim + conditioning.classes());
        be.copyIn(conditioning == null ? x : conditioning.criticInput(x, y, n), xv.value());
        Var s = critic.forward(t, xv);
        double[] out = new double[n];
        be.copyOut(s.value(), out);
        return out;
    }

    private double scoreAt(double[] x) {
        if (conditioning != null) {
            return scores(x, null, 1)[0];
        }
        Tape t = pointTape;
        t.reset();
        Var xv = t.constant(1, dim);
        be.copyIn(x, xv.value());
        return critic.forward(t, xv).item();
    }

    private double[] gradientsAt(double[] x, int n) {
        Tape t = evalTape;
        t.reset();
        Var c = t.constant(n, dim);
        be.copyIn(x, c.value());
        Var leaf = t.leafOf(c);
        Var input = conditioning == null ? leaf : conditioning.criticInput(t, be, leaf, evalLabels);
        Var g = t.grad(t.sum(critic.forward(t, input)), leaf, false);
        double[] out = new double[n * dim];
        be.copyOut(g.value(), out);
        return out;
    }

    /** A box covering the evaluation data and fakes, 10 % margin (at least 0.5 per side when degenerate). */
    private double[][] box(double[] fake) {
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] pts : new double[][] {evalReal, fake}) {
            for (int i = 0; i < pts.length; i++) {
                int k = i % dim;
                if (Double.isFinite(pts[i])) {
                    lo[k] = Math.min(lo[k], pts[i]);
                    hi[k] = Math.max(hi[k], pts[i]);
                }
            }
        }
        for (int k = 0; k < dim; k++) {
            if (!(hi[k] >= lo[k])) {
                lo[k] = -1;
                hi[k] = 1;
            }
            double margin = Math.max(0.1 * (hi[k] - lo[k]), 0.5 * (hi[k] - lo[k] < 1e-9 ? 1 : 0));
            lo[k] -= margin;
            hi[k] += margin;
        }
        return new double[][] {lo, hi};
    }

    private Snapshot.CriticField criticField(double[] lo, double[] hi, int res) {
        int points = dim == 1 ? res : res * res;
        double[] x = new double[points * dim];
        for (int p = 0; p < points; p++) {
            int i = p % res;
            x[p * dim] = lo[0] + (hi[0] - lo[0]) * i / (res - 1);
            if (dim == 2) {
                int j = p / res;
                x[p * dim + 1] = lo[1] + (hi[1] - lo[1]) * j / (res - 1);
            }
        }
        double[] s = scores(x, null, points);
        for (int p = 0; p < points; p++) {
            s[p] = Losses.link(exp.objective(), s[p]);
        }
        return new Snapshot.CriticField(dim, lo, hi, res, s, Losses.linkName(exp.objective()));
    }

    private Snapshot.GeneratorMap generatorMap(int res) {
        int ld = exp.latent().dim();
        int axes = Math.min(ld, 2);
        double range = exp.latent().prior() == LatentSpec.Prior.NORMAL ? 3 : 1;
        int points = axes == 1 ? res : res * res;
        double[] z = new double[points * ld];
        for (int p = 0; p < points; p++) {
            z[p * ld] = -range + 2 * range * (p % res) / (res - 1);
            if (axes == 2) {
                z[p * ld + 1] = -range + 2 * range * (p / res) / (res - 1);
            }
        }
        // a conditional G's map is drawn for the first label (y = 0)
        return new Snapshot.GeneratorMap(ld, axes, res, z, dim, generate(z, new int[points], points));
    }
}
