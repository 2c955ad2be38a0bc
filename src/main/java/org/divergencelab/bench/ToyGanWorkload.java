package org.divergencelab.bench;

import java.io.PrintStream;
import java.util.List;

import org.divergencelab.compute.CpuBackend;
import org.divergencelab.gan.EvaluationSpec;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.LatentSpec;
import org.divergencelab.gan.NetworkSpec;
import org.divergencelab.gan.OptimizerSpec;
import org.divergencelab.gan.Trainer;
import org.divergencelab.gan.TrainerOptions;

/**
 * Toy GAN training on 8 Gaussians, the same work as {@code ../shared/bench/peer_torch_toy.py}, timed on the app's
 * own {@link Trainer} (the code the GUI and {@code train} run, divergence guard and rollback included; evaluation
 * off, as between two snapshots): G and the critic are 2→h→h→h→(2 | 1) ReLU MLPs, z ~ N(0, I₂), batch 256,
 * Adam(1e-4, β 0.5, 0.9). One iteration of {@code wgan-gp-*} is 5 critic steps with gradient penalty λ = 0.1
 * (exact double backprop) and one generator step; of {@code gan-*} it is one discriminator and one generator
 * step of the non-saturating GAN (BCE on logits). Reports training iterations per second.
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
        Trainer trainer = new Trainer(experiment(objective, hidden, options.seed()), CpuBackend.INSTANCE);
        // warm-up iterations like the peer's 5, plus the harness's warm-up repetitions
        for (int i = 0; i < 5; i++) {
            trainer.iteration();
        }
        Timing t = Timing.measure(options.warmup(), options.repeats(), () -> {
            for (int i = 0; i < iterations; i++) {
                if (!trainer.iteration()) {
                    throw new IllegalStateException(name + ": " + trainer.haltReason());
                }
            }
        });
        out.printf("%s: %.2f iterations/s (median of %d, min %.2f, max %.2f) [%d iterations per run, %s, Java %s,"
                        + " gemm %s, last critic loss %.5f]%n",
                name, iterations / t.medianSeconds(), t.repeats(), iterations / t.maxSeconds(),
                iterations / t.minSeconds(), iterations, CpuBackend.INSTANCE.name(), Runtime.version(),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "with jdk.incubator.vector"
                        : "without jdk.incubator.vector", trainer.lastCriticLoss());
    }

    /**
     * The peer's workload as an {@link Experiment}: 8 Gaussians of σ 0.02 on the circle of radius 2, the
     * peer's networks, optimisers, batch and steps per iteration.
     */
    public static Experiment experiment(Objective objective, int hidden, long seed) {
        boolean wgan = objective == Objective.WGAN_GP;
        NetworkSpec net = NetworkSpec.relu(hidden, hidden, hidden);
        OptimizerSpec adam = OptimizerSpec.adam(1e-4, 0.5, 0.9);
        org.divergencelab.gan.Objective loss = wgan ? org.divergencelab.gan.Objective.wganGp(0.1)
                : org.divergencelab.gan.Objective.nonSaturating();
        return new Experiment(wgan ? "wgan-gp-" + hidden : "gan-" + hidden, "ring(8,2,0.02)", LatentSpec.normal(2),
                net, net, loss, adam, adam, 256, wgan ? 5 : 1, 1, seed, EvaluationSpec.defaults(), TrainerOptions.none());
    }
}
