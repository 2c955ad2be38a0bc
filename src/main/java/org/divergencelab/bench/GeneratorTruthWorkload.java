package org.divergencelab.bench;

import java.io.PrintStream;
import java.util.List;

import org.divergencelab.compute.CpuBackend;
import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.GeneratorNet;
import org.divergencelab.divergence.GeneratorTruth;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.GeneratorExport;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Trainer;

/**
 * One call of {@link GeneratorTruth#evaluate} (the analysis of P_G included, as at every full evaluation of a
 * training run) for the generator of a preset after {@code --iterations} training iterations (default 200,
 * untimed, evaluation off). Reports milliseconds per evaluation.
 */
public final class GeneratorTruthWorkload implements Workload {
    private final String name;
    private final String preset;

    public GeneratorTruthWorkload(String name, String preset) {
        this.name = name;
        this.preset = preset;
    }

    public static List<Workload> all() {
        return List.of(new GeneratorTruthWorkload("generator-truth-1d-tanh", "gaussians-1d-gan"),
                new GeneratorTruthWorkload("generator-truth-ring8", "ring8-wgan-gp"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "true divergences of P_G (exact analysis of the generator) for preset " + preset
                + " after 200 iterations, ms per evaluation";
    }

    @Override
    public void run(BenchOptions options, PrintStream out) throws Exception {
        int iterations = options.iterationsOr(200);
        Experiment exp = Presets.get(preset).withSeed(options.seed());
        Trainer trainer = new Trainer(exp, CpuBackend.INSTANCE);
        for (int i = 0; i < iterations; i++) {
            if (!trainer.iteration()) {
                throw new IllegalStateException(name + ": " + trainer.haltReason());
            }
        }
        GeneratorNet net = GeneratorExport.of(trainer.generator(), exp.latent());
        Distribution data = exp.dataDistribution();
        GeneratorTruth.Result[] last = new GeneratorTruth.Result[1];
        Timing t = Timing.measure(options.warmup(), options.repeats(),
                () -> last[0] = GeneratorTruth.evaluate(data, net, options.seed()));
        GeneratorTruth.Result r = last[0];
        out.printf("%s: %.1f ms (median of %d, min %.1f, max %.1f) [%s after %d iterations, %s; JS %.6g %s, "
                        + "KL(data|G) %.6g %s, W1 %.6g %s; %s]%n",
                name, 1e3 * t.medianSeconds(), t.repeats(), 1e3 * t.minSeconds(), 1e3 * t.maxSeconds(), preset,
                iterations, net.describe(), r.js().value(), r.js().method(), r.klDataGen().value(),
                r.klDataGen().method(), r.w1().value(), r.w1().method(), r.note());
    }
}
