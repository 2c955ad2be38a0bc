package org.divergencelab.gan;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.distribution.Distribution;
import org.divergencelab.nn.Mlp;
import org.divergencelab.nn.Optimizer;
import org.divergencelab.nn.WeightClipping;

/**
 * Trains one {@link Experiment} a step at a time. Single-threaded: the caller owns the thread (a UI runs it
 * on a worker and hands the immutable {@link Snapshot}s to the FX thread); no method may be called
 * concurrently. Deterministic: every draw (initial weights, data batches, z, ε of the penalties, instance
 * noise, replay picks, the evaluation batch) comes from its own named stream ({@link RandomStreams}), so the
 * same experiment gives bit-identical runs on the CPU backend.
 *
 * <p>The steps and the schedule of an iteration live here; the batches in {@link Batches}, the snapshots in
 * {@link Evaluation}, and the finiteness check with rollback in {@link DivergenceGuard}: a step whose loss,
 * gradients or updated parameters are NaN/Inf stops training ({@link #halted()}), every parameter and the
 * optimisers' state roll back to the end of the last good step, and snapshots report the reason.
 * {@link #resume()} clears the stop (after, say, a smaller learning rate).
 */
public final class Trainer {

    /** What applying a changed experiment needs. */
    public enum Change {
        /** Nothing differs. */
        NONE,
        /** Applied to the running model ({@link #apply}): learning rates, k_D, k_G, c, λ, objective, batch, options. */
        LIVE,
        /** Needs a new model (new Trainer or {@link #reset(Experiment)}): data, latent, architecture, seed, condition. */
        NEW_MODEL
    }

    private static final int RETRAIN_WINDOW = 20;

    private final ComputeBackend be;
    private final Tape criticTape;
    private final Tape generatorTape;
    private final DivergenceGuard guard;
    private Experiment exp;
    private Mlp generator;
    private Mlp critic;
    private Optimizer optG;
    private Optimizer optD;
    private SplittableRandom penaltyRng;
    private Batches batches;
    /** The conditional GAN's labels, null without a condition (follows the experiment). */
    private Conditioning conditioning;
    private Evaluation evaluation;
    /** WGAN-clip's clipping, null for the other objectives (follows the experiment). */
    private WeightClipping clipping;
    /** Sees each step's random inputs and loss when set (the PyTorch export's dump); null by default. */
    private BatchRecorder recorder;

    private long iteration;
    private long criticStepCount;
    private long generatorStepCount;
    private double lastCriticLoss = Double.NaN;
    private double lastGeneratorLoss = Double.NaN;
    /** True once EBGAN's auto-encoder pre-training ({@link TrainerOptions#criticPretrainSteps()}) has run. */
    private boolean pretrained;
    /** True during that pre-training: critic steps see real data only. */
    private boolean pretraining;
    /** The last 2·{@value #RETRAIN_WINDOW} critic losses (retrain-to-convergence's test). */
    private final ArrayDeque<Double> criticLossHistory = new ArrayDeque<>();

    /** A trainer on the CPU (float32) backend. */
    public Trainer(Experiment experiment) {
        this(experiment, CpuBackend.INSTANCE);
    }

    /** A trainer on {@code backend} (float32 CPU, float64 reference, or a device backend). */
    public Trainer(Experiment experiment, ComputeBackend backend) {
        this.be = Objects.requireNonNull(backend, "backend");
        this.criticTape = new Tape(be);
        this.generatorTape = new Tape(be);
        this.guard = new DivergenceGuard(be);
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
        Distribution data = exp.dataDistribution();
        Map<RandomStreams.Stream, SplittableRandom> streams = RandomStreams.all(exp.seed());
        generator = buildGenerator(exp, be, streams.get(RandomStreams.Stream.GENERATOR_INIT));
        critic = buildCritic(exp, be, streams.get(RandomStreams.Stream.CRITIC_INIT));
        optG = buildOptimizer(generator, exp.generatorOptimizer());
        optD = buildOptimizer(critic, exp.criticOptimizer());
        penaltyRng = streams.get(RandomStreams.Stream.PENALTY);
        conditioning = Conditioning.of(exp);
        batches = new Batches(be, data, streams, conditioning);
        batches.resetReplay(exp.options().replayCapacity());
        evaluation = new Evaluation(this, be, data);
        followObjective();
        iteration = 0;
        criticStepCount = 0;
        generatorStepCount = 0;
        lastCriticLoss = Double.NaN;
        lastGeneratorLoss = Double.NaN;
        criticLossHistory.clear();
        pretrained = false;
        pretraining = false;
        guard.watch(optG, optD);
        guard.clear();
    }

    /** The generator network: 'latent dim (+ K one-hot label inputs when conditional) → widths → data dim'. */
    static Mlp buildGenerator(Experiment e, ComputeBackend be, SplittableRandom rng) {
        NetworkSpec g = e.generator();
        return Mlp.builder(e.latent().dim() + e.labelCount()).name("G").hidden(toArray(g.widths()))
                .activation(NetworkSpec.layerOf(g.activation())).layerNorm(g.layerNorm())
                .spectralNorm(g.spectralNorm() ? 1 : 0)
                .output(e.dataDimension(), NetworkSpec.layerOf(g.outputActivation())).build(be, rng);
    }

    /**
     * The critic: 'data dim (+ K one-hot label inputs when conditional) → widths → 1'. The linear-critic objective
     * ignores the widths (one dense layer); WGAN-SN switches spectral normalisation on whatever the spec says;
     * EBGAN's critic is an auto-encoder 'data dim → widths → data dim' read as its reconstruction energy.
     */
    static Mlp buildCritic(Experiment e, ComputeBackend be, SplittableRandom rng) {
        NetworkSpec d = e.critic();
        boolean linear = e.objective().kind() == Objective.Kind.LINEAR_CRITIC;
        boolean sn = d.spectralNorm() || e.objective().kind() == Objective.Kind.WGAN_SN;
        Mlp.Builder b = Mlp.builder(e.dataDimension() + e.labelCount()).name("D")
                .hidden(linear ? new int[0] : toArray(d.widths()))
                .activation(NetworkSpec.layerOf(d.activation())).layerNorm(d.layerNorm() && !linear)
                .spectralNorm(sn ? 1 : 0)
                .output(1, linear ? NetworkSpec.layerOf(org.divergencelab.nn.Activation.Kind.IDENTITY)
                        : NetworkSpec.layerOf(d.outputActivation()));
        if (e.objective().kind() == Objective.Kind.EBGAN) {
            b.energy();
        }
        return b.build(be, rng);
    }

    /** {@code spec}'s update rule (nn's optimisers, fresh state) on {@code network}'s parameters. */
    static Optimizer buildOptimizer(Mlp network, OptimizerSpec spec) {
        return switch (spec.kind()) {
            case SGD -> Optimizer.sgd(network.parameters(), spec.lr());
            case MOMENTUM -> Optimizer.momentum(network.parameters(), spec.lr(), spec.momentum());
            case RMSPROP -> Optimizer.rmsProp(network.parameters(), spec.lr(), spec.alpha(), spec.eps());
            case ADAM -> Optimizer.adam(network.parameters(), spec.lr(), spec.beta1(), spec.beta2(), spec.eps());
        };
    }

    private static int[] toArray(List<Integer> w) {
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Builds what the critic step needs of the objective (the clipping of WGAN-clip) once, not every step. */
    private void followObjective() {
        Objective objective = exp.objective();
        clipping = objective.kind() == Objective.Kind.WGAN_CLIP ? new WeightClipping(objective.clip()) : null;
    }

    /**
     * Sets (or, with null, removes) the recorder that sees every later step's random inputs and loss. Recording
     * draws exactly what an unrecorded step draws, so a recorded run stays bit-identical to an unrecorded one.
     */
    public void setBatchRecorder(BatchRecorder recorder) {
        if (recorder != null && conditioning != null) {
            throw new IllegalArgumentException("recording the batches (--dump-batches) of a conditional GAN is not "
                    + "supported: set condition.label = none");
        }
        this.recorder = recorder;
    }

    /** {@code values} as a tensor of this backend holds them (fillUniform(0, 1) stores the draws so). */
    private double[] stored(double[] values) {
        if (values.length == 0) {
            return values;
        }
        org.divergencelab.compute.Tensor t = be.allocate(1, values.length);
        be.copyIn(values, t);
        double[] out = new double[values.length];
        be.copyOut(t, out);
        return out;
    }

    private double[] copyOf(Var v) {
        double[] out = new double[v.rows() * v.cols()];
        be.copyOut(v.value(), out);
        return out;
    }

    /** True when the divergence guard stopped training. */
    public boolean halted() {
        return guard.halted();
    }

    /** Why training stopped, or null. */
    public String haltReason() {
        return guard.haltReason();
    }

    /** Why training stopped as a code and arguments (a UI translates it), or null. */
    public EngineMessage haltMessage() {
        return guard.haltMessage();
    }

    /** Clears a stop of the divergence guard (the rolled-back parameters are finite). */
    public void resume() {
        guard.clear();
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

    /** The conditional GAN's labels, null without a condition. */
    Conditioning conditioning() {
        return conditioning;
    }

    /** The live critic network (touch only from the trainer's thread). */
    public Mlp critic() {
        return critic;
    }

    /** The generator's live optimiser (read-only use: the PyTorch export's dump records its state). */
    public Optimizer generatorOptimizer() {
        return optG;
    }

    /** The critic's live optimiser (read-only use: the PyTorch export's dump records its state). */
    public Optimizer criticOptimizer() {
        return optD;
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
        if (guard.halted()) {
            return false;
        }
        int n = exp.batchSize();
        Tape t = criticTape;
        t.reset();
        double sigma = instanceNoise();
        Var real;
        Var fake;
        if (conditioning != null) {
            Var[] pair = batches.conditionalCritic(t, n, generator, exp.latent(), sigma);
            real = pair[0];
            fake = pair[1];
        } else {
            real = batches.real(t, n, sigma);
            fake = pretraining ? null
                    : batches.fakesForCritic(t, n, generator, exp.latent(), exp.options().replayFraction(), sigma);
        }
        RecordingRandom epsDraws = recorder == null || pretraining ? null : new RecordingRandom(penaltyRng);
        Var loss = pretraining ? Losses.reconstructionLoss(t, critic, real)
                : Losses.criticLoss(t, exp.objective(), critic, real, fake, epsDraws == null ? penaltyRng : epsDraws);
        double l = loss.item();
        long step = criticStepCount + 1;
        if (!guard.lossOk(EngineMessage.CRITIC, l, step)) {
            return false;
        }
        if (recorder != null && !pretraining) {
            recorder.criticStep(iteration, copyOf(real), copyOf(batches.lastLatent()), stored(epsDraws.uniforms()), l);
        }
        optD.zeroGrad();
        t.backward(loss, critic.parameters());
        optD.stepUnchecked();
        if (!guard.updateOk(EngineMessage.CRITIC, optD, step)) {
            return false;
        }
        if (clipping != null) {
            clipping.apply(critic.parameters());
        }
        guard.commit(EngineMessage.CRITIC);
        criticStepCount = step;
        lastCriticLoss = l;
        criticLossHistory.addLast(l);
        if (criticLossHistory.size() > 2 * RETRAIN_WINDOW) {
            criticLossHistory.removeFirst();
        }
        return true;
    }

    /** One generator step on fresh z. Returns false when halted or when this step tripped the guard. */
    public boolean stepGenerator() {
        if (guard.halted()) {
            return false;
        }
        int n = exp.batchSize();
        Tape t = generatorTape;
        t.reset();
        Var scores = conditioning != null
                ? batches.conditionalGeneratorScores(t, n, generator, critic, exp.latent(), instanceNoise())
                : critic.forward(t, batches.noisy(t, generator.forward(t, batches.latent(t, n, exp.latent())),
                        instanceNoise()));
        Var loss = Losses.generatorLoss(t, exp.objective(), scores);
        double l = loss.item();
        long step = generatorStepCount + 1;
        if (!guard.lossOk(EngineMessage.GENERATOR, l, step)) {
            return false;
        }
        if (recorder != null) {
            recorder.generatorStep(iteration, copyOf(batches.lastLatent()), l);
        }
        optG.zeroGrad();
        t.backward(loss, generator.parameters());
        optG.stepUnchecked();
        if (!guard.updateOk(EngineMessage.GENERATOR, optG, step)) {
            return false;
        }
        guard.commit(EngineMessage.GENERATOR);
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
        if (guard.halted()) {
            return false;
        }
        TrainerOptions o = exp.options();
        if (!pretrained) {
            pretrained = true;
            if (!pretrainCritic()) {
                return false;
            }
        }
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

    /**
     * EBGAN's pre-training, once before the first iteration: {@link TrainerOptions#criticPretrainSteps()} critic
     * steps of the auto-encoder on real data alone. Other objectives have no use for it (a classifier shown only
     * positives learns D ≡ 1) and skip it. False when a step tripped the divergence guard.
     */
    private boolean pretrainCritic() {
        int steps = exp.options().criticPretrainSteps();
        if (steps == 0 || exp.objective().kind() != Objective.Kind.EBGAN) {
            return true;
        }
        pretraining = true;
        try {
            for (int s = 0; s < steps; s++) {
                if (!stepCritic()) {
                    return false;
                }
            }
            return true;
        } finally {
            pretraining = false;
        }
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
            if (criticLossHistory.size() >= 2 * RETRAIN_WINDOW) {
                double prev = 0;
                double last = 0;
                int i = 0;
                for (double v : criticLossHistory) {   // the oldest 20, then the newest 20, summed in order
                    if (i++ < RETRAIN_WINDOW) {
                        prev += v;
                    } else {
                        last += v;
                    }
                }
                prev /= RETRAIN_WINDOW;
                last /= RETRAIN_WINDOW;
                if (Math.abs(last - prev) <= tol * (1 + Math.abs(last))) {
                    return;
                }
            }
        }
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
                || next.seed() != exp.seed() || criticShape(next) != criticShape(exp)
                || !next.condition().equals(exp.condition())) {
            return Change.NEW_MODEL;
        }
        return Change.LIVE;
    }

    /** The objectives that change the critic network itself (linear, spectrally normalised, auto-encoder) need a new model. */
    private static int criticShape(Experiment e) {
        return switch (e.objective().kind()) {
            case LINEAR_CRITIC -> 1;
            case WGAN_SN -> 2;
            case EBGAN -> 3;
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
        followObjective();
        boolean rebuilt = false;
        if (!next.generatorOptimizer().equals(prev.generatorOptimizer())) {
            if (next.generatorOptimizer().sameExceptLr(prev.generatorOptimizer())) {
                optG.setLr(next.generatorOptimizer().lr());
            } else {
                optG = buildOptimizer(generator, next.generatorOptimizer());
                rebuilt = true;
            }
        }
        if (!next.criticOptimizer().equals(prev.criticOptimizer())) {
            if (next.criticOptimizer().sameExceptLr(prev.criticOptimizer())) {
                optD.setLr(next.criticOptimizer().lr());
            } else {
                optD = buildOptimizer(critic, next.criticOptimizer());
                rebuilt = true;
            }
        }
        if (next.evaluation().batch() != prev.evaluation().batch()) {
            evaluation.drawBatch(next);
        }
        if (next.options().replayCapacity() != prev.options().replayCapacity()) {
            batches.resetReplay(next.options().replayCapacity());
        }
        if (rebuilt) {
            guard.watch(optG, optD);
        }
    }

    // ---------------------------------------------------------------- evaluation

    /** A full snapshot (everything the experiment's {@link EvaluationSpec} switches on). */
    public Snapshot snapshot() {
        return snapshot(true);
    }

    /** A snapshot; {@code full == false} skips grids, truths, read-outs and Lipschitz (cheap, every step). */
    public Snapshot snapshot(boolean full) {
        return evaluation.snapshot(full);
    }
}
