package org.divergencelab.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Tensor;
import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.divergence.ExactW1;
import org.divergencelab.divergence.IncrementalW1;
import org.divergencelab.divergence.LipschitzEstimate;
import org.divergencelab.divergence.ModeCoverage;
import org.divergencelab.divergence.SampleEstimates;
import org.divergencelab.nn.Dense;
import org.divergencelab.nn.Mlp;
import org.divergencelab.nn.Readouts;
import org.divergencelab.nn.SpectralNorm;
import org.divergencelab.nn.WeightClipping;

/**
 * Trains one {@link Experiment} a step at a time. Single-threaded: the caller owns the thread (a UI runs it
 * on a worker and hands the immutable {@link Snapshot}s to the FX thread); no method may be called
 * concurrently. Deterministic: every draw (initial weights, data batches, z, ε of the penalties, instance
 * noise, replay picks, the evaluation batch) comes from its own stream split off {@code SplittableRandom(seed)}
 * in a fixed order, so the same experiment gives bit-identical runs on the CPU backend.
 *
 * <p>Divergence guard: a step whose loss, gradients or updated parameters are NaN/Inf stops training
 * ({@link #halted()}), every parameter and the optimisers' state roll back to the end of the last good step,
 * and snapshots report the reason. {@link #resume()} clears the stop (after, say, a smaller learning rate).
 */
public final class Trainer {

    /** What applying a changed experiment needs. */
    public enum Change {
        /** Nothing differs. */
        NONE,
        /** Applied to the running model ({@link #apply}): learning rates, k_D, k_G, c, λ, objective, batch, options. */
        LIVE,
        /** Needs a new model (new Trainer or {@link #reset(Experiment)}): data, latent, architecture, seed. */
        NEW_MODEL
    }

    private static final int RETRAIN_WINDOW = 20;

    private final ComputeBackend be;
    private Experiment exp;
    private Distribution data;
    private int dim;
    private Mlp generator;
    private Mlp critic;
    private CheckpointedOptimizer optG;
    private CheckpointedOptimizer optD;
    private final Tape criticTape;
    private final Tape generatorTape;
    private final Tape evalTape;
    private final Tape pointTape;
    private SplittableRandom dataRng;
    private SplittableRandom zRng;
    private SplittableRandom penaltyRng;
    private SplittableRandom noiseRng;
    private SplittableRandom replayRng;
    private double[] evalReal;
    private double[] evalZ;
    private List<ModeCoverage.Mode> modes;
    private final IncrementalW1 w1Solver = new IncrementalW1();

    private long iteration;
    private long criticStepCount;
    private long generatorStepCount;
    private double lastCriticLoss = Double.NaN;
    private double lastGeneratorLoss = Double.NaN;
    private boolean halted;
    private String haltReason;
    private EngineMessage haltMessage;
    private final List<String> notes = new ArrayList<>();
    private final List<Double> criticLossHistory = new ArrayList<>();

    private double[] replay;
    private int replayCount;
    private int replayNext;

    private List<Tensor> live;
    private List<Tensor> saved;
    private long savedTG;
    private long savedTD;

    /** A trainer on the CPU (float32) backend. */
    public Trainer(Experiment experiment) {
        this(experiment, CpuBackend.INSTANCE);
    }

    /** A trainer on {@code backend} (float32 CPU, float64 reference, or a device backend). */
    public Trainer(Experiment experiment, ComputeBackend backend) {
        this.be = Objects.requireNonNull(backend, "backend");
        this.criticTape = new Tape(be);
        this.generatorTape = new Tape(be);
        this.evalTape = new Tape(be);
        this.pointTape = new Tape(be);
        reset(Objects.requireNonNull(experiment, "experiment"));
    }

    /** The experiment in force. */
    public Experiment experiment() {
        return exp;
    }

    /** Starts over from the experiment's seed: fresh networks, optimisers, counters. */
    public void reset() {
        reset(exp);
    }

    /** Starts over with {@code next} (any change, including ones that need a new model). */
    public void reset(Experiment next) {
        this.exp = Objects.requireNonNull(next, "experiment");
        this.data = exp.dataDistribution();
        this.dim = data.dimension();
        SplittableRandom root = new SplittableRandom(exp.seed());
        SplittableRandom initG = root.split();
        SplittableRandom initD = root.split();
        dataRng = root.split();
        zRng = root.split();
        penaltyRng = root.split();
        noiseRng = root.split();
        replayRng = root.split();
        SplittableRandom evalRng = root.split();
        generator = buildGenerator(exp, be, initG);
        critic = buildCritic(exp, be, initD);
        optG = new CheckpointedOptimizer(generator.parameters(), exp.generatorOptimizer());
        optD = new CheckpointedOptimizer(critic.parameters(), exp.criticOptimizer());
        drawEvaluationBatch(evalRng);
        try {
            modes = ModeCoverage.modesOf(data);
        } catch (IllegalArgumentException | UnsupportedOperationException notAMixture) {
            modes = null;
        }
        iteration = 0;
        criticStepCount = 0;
        generatorStepCount = 0;
        lastCriticLoss = Double.NaN;
        lastGeneratorLoss = Double.NaN;
        halted = false;
        haltReason = null;
        haltMessage = null;
        notes.clear();
        criticLossHistory.clear();
        resetReplay();
        rebuildCheckpoint();
    }

    /** The generator network: 'latent dim → widths → data dim'. */
    static Mlp buildGenerator(Experiment e, ComputeBackend be, SplittableRandom rng) {
        NetworkSpec g = e.generator();
        return Mlp.builder(e.latent().dim()).name("G").hidden(toArray(g.widths()))
                .activation(NetworkSpec.layerOf(g.activation())).layerNorm(g.layerNorm())
                .spectralNorm(g.spectralNorm() ? 1 : 0)
                .output(e.dataDimension(), NetworkSpec.layerOf(g.outputActivation())).build(be, rng);
    }

    /**
     * The critic: 'data dim → widths → 1'. The linear-critic objective ignores the widths (one dense layer);
     * WGAN-SN switches spectral normalisation on whatever the spec says.
     */
    static Mlp buildCritic(Experiment e, ComputeBackend be, SplittableRandom rng) {
        NetworkSpec d = e.critic();
        boolean linear = e.objective().kind() == Objective.Kind.LINEAR_CRITIC;
        boolean sn = d.spectralNorm() || e.objective().kind() == Objective.Kind.WGAN_SN;
        return Mlp.builder(e.dataDimension()).name("D").hidden(linear ? new int[0] : toArray(d.widths()))
                .activation(NetworkSpec.layerOf(d.activation())).layerNorm(d.layerNorm() && !linear)
                .spectralNorm(sn ? 1 : 0)
                .output(1, linear ? NetworkSpec.layerOf(org.divergencelab.nn.Activation.Kind.IDENTITY)
                        : NetworkSpec.layerOf(d.outputActivation())).build(be, rng);
    }

    private static int[] toArray(List<Integer> w) {
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    private void drawEvaluationBatch(SplittableRandom evalRng) {
        int n = exp.evaluation().batch();
        evalReal = data.sample(n, evalRng.split()).coordsView().clone();
        evalZ = new double[n * exp.latent().dim()];
        SplittableRandom zr = evalRng.split();
        for (int i = 0; i < evalZ.length; i++) {
            evalZ[i] = exp.latent().prior() == LatentSpec.Prior.NORMAL ? zr.nextGaussian() : zr.nextDouble(-1, 1);
        }
    }

    private void resetReplay() {
        int cap = exp.options().replayCapacity();
        replay = cap > 0 ? new double[cap * dim] : null;
        replayCount = 0;
        replayNext = 0;
    }

    private void rebuildCheckpoint() {
        live = new ArrayList<>();
        for (Parameter p : generator.parameters()) {
            live.add(p.value());
        }
        for (Parameter p : critic.parameters()) {
            live.add(p.value());
        }
        live.addAll(optG.stateTensors());
        live.addAll(optD.stateTensors());
        saved = new ArrayList<>();
        for (Tensor t : live) {
            saved.add(be.allocate(t.rows(), t.cols()));
        }
        saveCheckpoint();
    }

    private void saveCheckpoint() {
        for (int i = 0; i < live.size(); i++) {
            be.copy(live.get(i), saved.get(i));
        }
        savedTG = optG.stepCount();
        savedTD = optD.stepCount();
    }

    private void rollback() {
        for (int i = 0; i < live.size(); i++) {
            be.copy(saved.get(i), live.get(i));
        }
        optG.setStepCount(savedTG);
        optD.setStepCount(savedTD);
    }

    private void halt(EngineMessage reason) {
        rollback();
        halted = true;
        haltMessage = reason;
        haltReason = reason.english() + "; training stopped, parameters and optimiser state rolled back to the last finite step";
    }

    /** True when the divergence guard stopped training. */
    public boolean halted() {
        return halted;
    }

    /** Why training stopped, or null. */
    public String haltReason() {
        return haltReason;
    }

    /** Why training stopped as a code and arguments (a UI translates it), or null. */
    public EngineMessage haltMessage() {
        return haltMessage;
    }

    /** Clears a stop of the divergence guard (the rolled-back parameters are finite). */
    public void resume() {
        halted = false;
        haltReason = null;
        haltMessage = null;
    }

    public long iterationCount() {
        return iteration;
    }

    public long criticStepCount() {
        return criticStepCount;
    }

    public long generatorStepCount() {
        return generatorStepCount;
    }

    public double lastCriticLoss() {
        return lastCriticLoss;
    }

    public double lastGeneratorLoss() {
        return lastGeneratorLoss;
    }

    /** The live generator network (touch only from the trainer's thread). */
    public Mlp generator() {
        return generator;
    }

    /** The live critic network (touch only from the trainer's thread). */
    public Mlp critic() {
        return critic;
    }

    /** The instance-noise σ at the current iteration (linear annealing from σ₀ to 0). */
    public double instanceNoise() {
        TrainerOptions o = exp.options();
        if (o.instanceNoise() == 0) {
            return 0;
        }
        if (o.instanceNoiseAnneal() == 0) {
            return o.instanceNoise();
        }
        return o.instanceNoise() * Math.max(0, 1 - (double) iteration / o.instanceNoiseAnneal());
    }

    // ---------------------------------------------------------------- steps

    /**
     * One critic step on a fresh batch: real data, fakes G(z) (mixed with replayed old fakes when on), instance
     * noise when on. Returns false (and does nothing) when halted, or when this step tripped the guard.
     */
    public boolean stepCritic() {
        if (halted) {
            return false;
        }
        int n = exp.batchSize();
        Tape t = criticTape;
        t.reset();
        double sigma = instanceNoise();
        Var real = realBatch(t, n, sigma);
        Var fake = fakeBatchForCritic(t, n, sigma);
        Var loss = Losses.criticLoss(t, exp.objective(), critic, real, fake, penaltyRng);
        double l = loss.item();
        long step = criticStepCount + 1;
        if (!Double.isFinite(l)) {
            halt(EngineMessage.of(EngineMessage.Code.HALT_LOSS, EngineMessage.CRITIC, l, step));
            return false;
        }
        optD.zeroGrad();
        t.backward(loss, critic.parameters());
        String bad = firstNonFinite(critic.parameters(), true);
        if (bad != null) {
            halt(EngineMessage.of(EngineMessage.Code.HALT_GRADIENT, EngineMessage.CRITIC, bad, step));
            return false;
        }
        optD.step();
        if (exp.objective().kind() == Objective.Kind.WGAN_CLIP) {
            new WeightClipping(exp.objective().clip()).apply(critic.parameters());
        }
        bad = firstNonFinite(critic.parameters(), false);
        if (bad != null) {
            halt(EngineMessage.of(EngineMessage.Code.HALT_PARAMETER, EngineMessage.CRITIC, bad, step));
            return false;
        }
        saveCheckpoint();
        criticStepCount = step;
        lastCriticLoss = l;
        criticLossHistory.add(l);
        if (criticLossHistory.size() > 2 * RETRAIN_WINDOW) {
            criticLossHistory.remove(0);
        }
        return true;
    }

    /** One generator step on fresh z. Returns false when halted or when this step tripped the guard. */
    public boolean stepGenerator() {
        if (halted) {
            return false;
        }
        int n = exp.batchSize();
        Tape t = generatorTape;
        t.reset();
        Var fake = generator.forward(t, latentBatch(t, n));
        double sigma = instanceNoise();
        if (sigma > 0) {
            Var noise = t.constant(n, dim);
            be.fillNormal(noise.value(), 0, sigma, noiseRng);
            fake = t.add(fake, noise);
        }
        Var loss = Losses.generatorLoss(t, exp.objective(), critic.forward(t, fake));
        double l = loss.item();
        long step = generatorStepCount + 1;
        if (!Double.isFinite(l)) {
            halt(EngineMessage.of(EngineMessage.Code.HALT_LOSS, EngineMessage.GENERATOR, l, step));
            return false;
        }
        optG.zeroGrad();
        t.backward(loss, generator.parameters());
        String bad = firstNonFinite(generator.parameters(), true);
        if (bad != null) {
            halt(EngineMessage.of(EngineMessage.Code.HALT_GRADIENT, EngineMessage.GENERATOR, bad, step));
            return false;
        }
        optG.step();
        bad = firstNonFinite(generator.parameters(), false);
        if (bad != null) {
            halt(EngineMessage.of(EngineMessage.Code.HALT_PARAMETER, EngineMessage.GENERATOR, bad, step));
            return false;
        }
        saveCheckpoint();
        generatorStepCount = step;
        lastGeneratorLoss = l;
        return true;
    }

    /**
     * One iteration: k_D critic steps then k_G generator steps; with "retrain the critic to convergence" on,
     * each generator step is preceded by critic steps until the critic loss settles (see
     * {@link TrainerOptions}) instead. Returns false when halted (before or during the iteration).
     */
    public boolean iteration() {
        if (halted) {
            return false;
        }
        TrainerOptions o = exp.options();
        if (o.retrainCriticMaxSteps() > 0 && exp.generatorSteps() > 0) {
            for (int g = 0; g < exp.generatorSteps(); g++) {
                retrainCritic();
                if (!stepGenerator()) {
                    return false;
                }
            }
        } else {
            for (int k = 0; k < exp.criticSteps(); k++) {
                if (!stepCritic()) {
                    return false;
                }
            }
            for (int g = 0; g < exp.generatorSteps(); g++) {
                if (!stepGenerator()) {
                    return false;
                }
            }
        }
        iteration++;
        return true;
    }

    /** Critic steps until the mean loss of the last 20 steps is within tolerance of the 20 before (or max steps). */
    private void retrainCritic() {
        criticLossHistory.clear();
        int max = exp.options().retrainCriticMaxSteps();
        double tol = exp.options().retrainTolerance();
        for (int s = 0; s < max; s++) {
            if (!stepCritic()) {
                return;
            }
            int h = criticLossHistory.size();
            if (h >= 2 * RETRAIN_WINDOW) {
                double prev = 0;
                double last = 0;
                for (int i = 0; i < RETRAIN_WINDOW; i++) {
                    prev += criticLossHistory.get(h - 2 * RETRAIN_WINDOW + i);
                    last += criticLossHistory.get(h - RETRAIN_WINDOW + i);
                }
                prev /= RETRAIN_WINDOW;
                last /= RETRAIN_WINDOW;
                if (Math.abs(last - prev) <= tol * (1 + Math.abs(last))) {
                    return;
                }
            }
        }
    }

    private String firstNonFinite(List<Parameter> params, boolean grads) {
        for (Parameter p : params) {
            if (!be.allFinite(grads ? p.grad() : p.value())) {
                return "'" + p.name() + "'";
            }
        }
        return null;
    }

    private Var realBatch(Tape t, int n, double sigma) {
        double[] buf = new double[n * dim];
        for (int i = 0; i < n; i++) {
            data.sampleInto(dataRng, buf, i * dim);
        }
        if (sigma > 0) {
            for (int i = 0; i < buf.length; i++) {
                buf[i] += sigma * noiseRng.nextGaussian();
            }
        }
        Var real = t.constant(n, dim);
        be.copyIn(buf, real.value());
        return real;
    }

    private Var latentBatch(Tape t, int n) {
        Var z = t.constant(n, exp.latent().dim());
        if (exp.latent().prior() == LatentSpec.Prior.NORMAL) {
            be.fillNormal(z.value(), 0, 1, zRng);
        } else {
            be.fillUniform(z.value(), -1, 1, zRng);
        }
        return z;
    }

    private Var fakeBatchForCritic(Tape t, int n, double sigma) {
        Var fake = t.detach(generator.forward(t, latentBatch(t, n)));
        boolean replayOn = replay != null;
        if (!replayOn && sigma == 0) {
            return fake;
        }
        double[] buf = new double[n * dim];
        be.copyOut(fake.value(), buf);
        if (replayOn) {
            // replace a fraction of the fresh fakes by old ones, then remember the fresh ones
            double[] fresh = buf.clone();
            int m = (int) Math.round(exp.options().replayFraction() * n);
            if (replayCount > 0) {
                for (int i = 0; i < m; i++) {
                    int j = replayRng.nextInt(replayCount);
                    System.arraycopy(replay, j * dim, buf, i * dim, dim);
                }
            }
            int cap = replay.length / dim;
            for (int i = 0; i < n; i++) {
                System.arraycopy(fresh, i * dim, replay, replayNext * dim, dim);
                replayNext = (replayNext + 1) % cap;
                replayCount = Math.min(cap, replayCount + 1);
            }
        }
        if (sigma > 0) {
            for (int i = 0; i < buf.length; i++) {
                buf[i] += sigma * noiseRng.nextGaussian();
            }
        }
        Var mixed = t.constant(n, dim);
        be.copyIn(buf, mixed.value());
        return mixed;
    }

    // ---------------------------------------------------------------- live changes

    /** Whether {@code next} can be applied to the running model. */
    public Change classify(Experiment next) {
        Objects.requireNonNull(next, "experiment");
        if (next.equals(exp)) {
            return Change.NONE;
        }
        if (!next.data().equals(exp.data()) || !next.latent().equals(exp.latent())
                || !next.generator().equals(exp.generator()) || !next.critic().equals(exp.critic())
                || next.seed() != exp.seed() || criticShape(next) != criticShape(exp)) {
            return Change.NEW_MODEL;
        }
        return Change.LIVE;
    }

    /** The objectives that change the critic network itself (linear, spectrally normalised) need a new model. */
    private static int criticShape(Experiment e) {
        return switch (e.objective().kind()) {
            case LINEAR_CRITIC -> 1;
            case WGAN_SN -> 2;
            default -> 0;
        };
    }

    /**
     * Applies a {@link Change#LIVE} change without touching the networks: learning rates (optimiser state kept),
     * other optimiser settings (that optimiser restarts with fresh state), objective, λ, c, k_D, k_G, batch size,
     * evaluation settings (a new evaluation batch size redraws the evaluation set from the seed) and trainer
     * options (a new replay capacity empties the buffer).
     *
     * @throws IllegalStateException when the change needs a new model ({@link #classify} says NEW_MODEL)
     */
    public void apply(Experiment next) {
        Change c = classify(next);
        if (c == Change.NONE) {
            return;
        }
        if (c == Change.NEW_MODEL) {
            throw new IllegalStateException("this change needs a new model (data, latent, architecture, seed or critic "
                    + "type changed): use reset(experiment)");
        }
        Experiment prev = exp;
        exp = next;
        boolean rebuilt = false;
        if (!next.generatorOptimizer().equals(prev.generatorOptimizer())) {
            if (next.generatorOptimizer().sameExceptLr(prev.generatorOptimizer())) {
                optG.setLr(next.generatorOptimizer().lr());
            } else {
                optG = new CheckpointedOptimizer(generator.parameters(), next.generatorOptimizer());
                rebuilt = true;
            }
        }
        if (!next.criticOptimizer().equals(prev.criticOptimizer())) {
            if (next.criticOptimizer().sameExceptLr(prev.criticOptimizer())) {
                optD.setLr(next.criticOptimizer().lr());
            } else {
                optD = new CheckpointedOptimizer(critic.parameters(), next.criticOptimizer());
                rebuilt = true;
            }
        }
        if (next.evaluation().batch() != prev.evaluation().batch()) {
            SplittableRandom root = new SplittableRandom(exp.seed());
            for (int i = 0; i < 7; i++) {
                root.split();
            }
            drawEvaluationBatch(root.split());
        }
        if (next.options().replayCapacity() != prev.options().replayCapacity()) {
            resetReplay();
        }
        if (rebuilt) {
            rebuildCheckpoint();
        }
    }

    // ---------------------------------------------------------------- evaluation

    /** A full snapshot (everything the experiment's {@link EvaluationSpec} switches on). */
    public Snapshot snapshot() {
        return snapshot(true);
    }

    /** A snapshot; {@code full == false} skips grids, truths, read-outs and Lipschitz (cheap, every step). */
    public Snapshot snapshot(boolean full) {
        EvaluationSpec ev = exp.evaluation();
        Objective obj = exp.objective();
        setSpectralNormTraining(false);
        try {
            int n = ev.batch();
            double[] fake = generate(evalZ, n);
            double[] sr = scores(evalReal, n);
            double[] sf = scores(fake, n);
            Objective.Estimated est = obj.estimated();
            Snapshot.Estimate estimate = new Snapshot.Estimate(est, estimateName(obj), Losses.estimate(obj, sr, sf));
            List<String> warnings = new ArrayList<>();
            // The same warnings as codes and arguments (a UI translates them), in the same order.
            List<EngineMessage> messages = new ArrayList<>();
            if (halted) {
                warnings.add(haltReason);
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
                if (ev.trueW1()) {
                    double w1 = dim == 1 ? ExactW1.oneD(realCloud, fakeCloud).value()
                            : w1Solver.solve(realCloud, fakeCloud).value();
                    truths.add(new Snapshot.TrueValue("W1", w1, "exact optimal transport between the " + n
                            + " evaluation samples of P_data and P_G", ""));
                }
                if (ev.trueJs()) {
                    boolean kde = ev.jsEstimator() == EvaluationSpec.JsEstimator.KDE;
                    double js = kde ? SampleEstimates.kde(DivergenceKind.JS, realCloud, fakeCloud)
                            : SampleEstimates.histogram(DivergenceKind.JS, realCloud, fakeCloud, SampleEstimates.BinRule.FD);
                    truths.add(new Snapshot.TrueValue("JS", js, (kde ? "Gaussian KDE (binned, cell ≤ bandwidth/8)" : "histogram (Freedman-Diaconis bins)")
                            + " of both evaluation samples (P_G has no density to evaluate)", jsNote(kde)));
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
                    warnings.add(messages.get(messages.size() - 1).english());
                }
            }
            if (!Double.isFinite(estimate.value())) {
                messages.add(EngineMessage.of(EngineMessage.Code.ESTIMATE_NON_FINITE, estimate.value()));
                warnings.add(messages.get(messages.size() - 1).english());
            }
            if (obj.kind() == Objective.Kind.MINIMAX || obj.kind() == Objective.Kind.NON_SATURATING) {
                double dr = meanLink(obj, sr);
                double df = meanLink(obj, sf);
                if (dr > 0.99 && df < 0.01) {
                    messages.add(EngineMessage.of(EngineMessage.Code.DISCRIMINATOR_SATURATED, dr, df,
                            obj.kind() == Objective.Kind.MINIMAX));
                    warnings.add(messages.get(messages.size() - 1).english());
                }
            }
            return new Snapshot(iteration, criticStepCount, generatorStepCount, full, dim, evalReal, fake, lastCriticLoss,
                    lastGeneratorLoss, estimate, truths, field, grads, map, cl, gl, lipschitz, coverage, instanceNoise(),
                    warnings, halted, haltReason, messages);
        } finally {
            setSpectralNormTraining(true);
        }
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
        };
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

    /** G(z) for {@code n} latent rows. */
    private double[] generate(double[] z, int n) {
        Tape t = evalTape;
        t.reset();
        Var zv = t.constant(n, exp.latent().dim());
        be.copyIn(z, zv.value());
        Var x = generator.forward(t, zv);
        double[] out = new double[n * dim];
        be.copyOut(x.value(), out);
        return out;
    }

    /** Raw critic scores of {@code n} points. */
    private double[] scores(double[] x, int n) {
        Tape t = evalTape;
        t.reset();
        Var xv = t.constant(n, dim);
        be.copyIn(x, xv.value());
        Var s = critic.forward(t, xv);
        double[] out = new double[n];
        be.copyOut(s.value(), out);
        return out;
    }

    private double scoreAt(double[] x) {
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
        Var g = t.grad(t.sum(critic.forward(t, leaf)), leaf, false);
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
        double[] s = scores(x, points);
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
        return new Snapshot.GeneratorMap(ld, axes, res, z, dim, generate(z, points));
    }
}
