package org.divergencelab.bench;

import java.io.PrintStream;
import java.util.List;

import org.divergencelab.compute.CpuBackend;
import org.divergencelab.image.ImageDataset;
import org.divergencelab.image.ImageGan;
import org.divergencelab.image.ProceduralShapes;

/**
 * Image-GAN training throughput on the CPU backend, the same work as {@code src/bench/image-vs-torch.sh}'s
 * PyTorch peer: MLP G 64→256→512→784 (ReLU, tanh) and D 784→512→256→1 (LeakyReLU 0.2) on 28×28 grey
 * procedural shapes, batch 64, Adam(1e-4, 0.5, 0.9); one iteration = one critic step (WGAN-GP with λ = 10
 * through double backprop, or the non-saturating GAN) + one generator step. Reports training samples/s =
 * batch × iterations/s. {@code image-dcgan-28} is the DCGAN of {@link ImageGan.Model#DCGAN} (WGAN-GP with a
 * layer-norm critic, double backprop through both convolutions). The dataset is plain Java, so this also runs on a java.base-only runtime.
 */
public final class ImageGanWorkload implements Workload {
    private final String name;
    private final ImageGan.Model model;
    private final ImageGan.Objective objective;
    private final int defaultIterations;

    ImageGanWorkload(String name, ImageGan.Model model, ImageGan.Objective objective, int defaultIterations) {
        this.name = name;
        this.model = model;
        this.objective = objective;
        this.defaultIterations = defaultIterations;
    }

    /** The image workloads of issue 7. */
    public static List<Workload> all() {
        return List.of(new ImageGanWorkload("image-mlp-28", ImageGan.Model.MLP, ImageGan.Objective.WGAN_GP, 20),
                new ImageGanWorkload("image-mlp-28-gan", ImageGan.Model.MLP, ImageGan.Objective.GAN, 40),
                new ImageGanWorkload("image-dcgan-28", ImageGan.Model.DCGAN, ImageGan.Objective.WGAN_GP, 3));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return (objective == ImageGan.Objective.WGAN_GP ? "WGAN-GP" : "non-saturating GAN") + " "
                + model + " on 28x28 shapes, batch 64, 1 D + 1 G step per iteration, samples/s";
    }

    @Override
    public void run(BenchOptions options, PrintStream out) throws Exception {
        int iterations = options.iterationsOr(defaultIterations);
        ImageDataset data = ProceduralShapes.generate(2048, 28, 1, options.seed());
        ImageGan gan = new ImageGan(CpuBackend.INSTANCE, data, model, objective, 64, 64, 1, options.seed());
        for (int i = 0; i < 3; i++) {
            gan.iteration();
        }
        Timing t = Timing.measure(options.warmup(), options.repeats(), () -> {
            for (int i = 0; i < iterations; i++) {
                gan.iteration();
            }
        });
        double samples = 64.0 * iterations;
        out.printf("%s: %.1f samples/s (median of %d, min %.1f, max %.1f) [%d iterations per run, %s, Java %s,"
                        + " last critic loss %.5f]%n",
                name, samples / t.medianSeconds(), t.repeats(), samples / t.maxSeconds(), samples / t.minSeconds(),
                iterations, CpuBackend.INSTANCE.name(), Runtime.version(), gan.lastCriticLoss());
    }
}
