package org.divergencelab.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.nn.Activation;
import org.divergencelab.nn.GradientPenalty;
import org.divergencelab.nn.Mlp;
import org.divergencelab.nn.Optimizer;

/**
 * Toy GAN training on 8 Gaussians, the same work as {@code ../shared/bench/peer_torch_toy.py}: G and the
 * critic are 2→h→h→h→(2 | 1) ReLU MLPs, z ~ N(0, I₂), batch 256, Adam(1e-4, β 0.5, 0.9). One iteration
 * of {@code wgan-gp-*} is 5 critic steps with gradient penalty λ = 0.1 (exact double backprop) and one
 * generator step; of {@code gan-*} it is one discriminator and one generator step of the non-saturating
 * GAN (BCE on logits). Reports training iterations per second.
 */
public final class ToyGanWorkload implements Workload {

    /** The two objectives the peer script runs. */
    public enum Objective { WGAN_GP, GAN }

    private final String name;
    private final Objective objective;
    private final int hidden;
    private final int defaultIterations;

    public ToyGanWorkload(String name, Objective objective, int hidden, int defaultIterations) {
        this.name = name;
        this.objective = objective;
        this.hidden = hidden;
        this.defaultIterations = defaultIterations;
    }

    /** The three workloads of issue 2. */
    public static List<Workload> all() {
        return List.of(
                new ToyGanWorkload("wgan-gp-512", Objective.WGAN_GP, 512, 5),
                new ToyGanWorkload("wgan-gp-64", Objective.WGAN_GP, 64, 50),
                new ToyGanWorkload("gan-64", Objective.GAN, 64, 200));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return (objective == Objective.WGAN_GP ? "WGAN-GP (5 critic + 1 G step)" : "non-saturating GAN (1 D + 1 G step)")
                + " on 8 Gaussians, 2->" + hidden + "x3->out ReLU, batch 256, iterations/s";
    }

    @Override
    public void run(BenchOptions options, PrintStream out) throws Exception {
        int iterations = options.iterationsOr(defaultIterations);
        ToyGan gan = new ToyGan(CpuBackend.INSTANCE, objective, hidden, 256, options.seed());
        // warm-up iterations like the peer's 5, plus the harness's warm-up repetitions
        for (int i = 0; i < 5; i++) {
            gan.iteration();
        }
        Timing t = Timing.measure(options.warmup(), options.repeats(), () -> {
            for (int i = 0; i < iterations; i++) {
                gan.iteration();
            }
        });
        out.printf("%s: %.2f iterations/s (median of %d, min %.2f, max %.2f) [%d iterations per run, %s, Java %s,"
                        + " gemm %s, last critic loss %.5f]%n",
                name, iterations / t.medianSeconds(), t.repeats(), iterations / t.maxSeconds(),
                iterations / t.minSeconds(), iterations, CpuBackend.INSTANCE.name(), Runtime.version(),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "with jdk.incubator.vector"
                        : "without jdk.incubator.vector", gan.lastCriticLoss());
    }

    /** The training loop itself (also used by tests to check it runs and is deterministic). */
    public static final class ToyGan {
        private static final GradientPenalty PENALTY = new GradientPenalty(0.1);
        private final ComputeBackend be;
        private final Objective objective;
        private final int batch;
        private final Mlp generator;
        private final Mlp critic;
        private final Optimizer optG;
        private final Optimizer optD;
        private final Tape criticTape;
        private final Tape generatorTape;
        private final SplittableRandom rng;
        private final float[] realBuf;
        private double lastCriticLoss;

        public ToyGan(ComputeBackend be, Objective objective, int hidden, int batch, long seed) {
            this.be = be;
            this.objective = objective;
            this.batch = batch;
            this.rng = new SplittableRandom(seed);
            SplittableRandom init = rng.split();
            this.generator = Mlp.builder(2).name("G").hidden(hidden, hidden, hidden).activation(Activation.relu())
                    .output(2, Activation.identity()).build(be, init);
            this.critic = Mlp.builder(2).name("D").hidden(hidden, hidden, hidden).activation(Activation.relu())
                    .output(1, Activation.identity()).build(be, init);
            this.optG = Optimizer.adam(generator.parameters(), 1e-4, 0.5, 0.9, 1e-8);
            this.optD = Optimizer.adam(critic.parameters(), 1e-4, 0.5, 0.9, 1e-8);
            this.criticTape = new Tape(be);
            this.generatorTape = new Tape(be);
            this.realBuf = new float[batch * 2];
        }

        public Mlp generator() {
            return generator;
        }

        public Mlp critic() {
            return critic;
        }

        public double lastCriticLoss() {
            return lastCriticLoss;
        }

        /** One training iteration: n_critic critic steps and one generator step. */
        public void iteration() {
            int nCritic = objective == Objective.WGAN_GP ? 5 : 1;
            for (int i = 0; i < nCritic; i++) {
                criticStep();
            }
            generatorStep();
        }

        private Var eightGaussians(Tape tape) {
            for (int i = 0; i < batch; i++) {
                int k = rng.nextInt(8);
                double a = 2 * Math.PI * k / 8;
                realBuf[2 * i] = (float) (2 * Math.cos(a) + 0.02 * rng.nextGaussian());
                realBuf[2 * i + 1] = (float) (2 * Math.sin(a) + 0.02 * rng.nextGaussian());
            }
            Var real = tape.constant(batch, 2);
            be.copyIn(realBuf, real.value());
            return real;
        }

        private Var noise(Tape tape) {
            Var z = tape.constant(batch, 2);
            be.fillNormal(z.value(), 0, 1, rng);
            return z;
        }

        private void criticStep() {
            Tape t = criticTape;
            t.reset();
            Var real = eightGaussians(t);
            Var fake = t.detach(generator.forward(t, noise(t)));
            Var loss;
            if (objective == Objective.WGAN_GP) {
                Var eps = t.constant(batch, 1);
                be.fillUniform(eps.value(), 0, 1, rng);
                Var penalty = PENALTY.apply(t, critic, GradientPenalty.interpolate(t, real, fake, eps));
                // D(real) and D(fake) as one batch of 2·batch rows: the same numbers as two calls, half the
                // per-op work and larger, more efficient matrix products
                Var scores = critic.forward(t, t.concatRows(real, fake));
                Var wasserstein = t.sub(t.mean(t.sliceRows(scores, batch, batch)), t.mean(t.sliceRows(scores, 0, batch)));
                loss = t.add(wasserstein, penalty);
            } else {
                // BCE with logits: −log σ(l) = softplus(−l) for real, −log(1 − σ(l)) = softplus(l) for fake
                Var scores = critic.forward(t, t.concatRows(real, fake));
                Var lossReal = t.mean(t.softplus(t.neg(t.sliceRows(scores, 0, batch))));
                Var lossFake = t.mean(t.softplus(t.sliceRows(scores, batch, batch)));
                loss = t.add(lossReal, lossFake);
            }
            optD.zeroGrad();
            t.backward(loss, critic.parameters());
            optD.step();
            lastCriticLoss = loss.item();
        }

        private void generatorStep() {
            Tape t = generatorTape;
            t.reset();
            Var score = critic.forward(t, generator.forward(t, noise(t)));
            Var loss = objective == Objective.WGAN_GP ? t.neg(t.mean(score)) : t.mean(t.softplus(t.neg(score)));
            optG.zeroGrad();
            t.backward(loss, generator.parameters());
            optG.step();
        }
    }
}
