package org.divergencelab.gan;

import java.util.List;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.SpecParser;

/**
 * Everything that defines a GAN run, immutable: data (a distribution spec of the {@code distribution}
 * package, 1-D or 2-D), latent prior, both architectures, objective, one optimiser per network, batch size,
 * k_D critic steps and k_G generator steps per iteration, seed, evaluation settings and the lecture's trainer
 * options. Every value is validated on construction: an impossible value is an IllegalArgumentException
 * naming the JSON key (e.g. {@code criticOptimizer.lr}) and the allowed range, so a run never starts with it.
 * Change one field with the {@code with…} methods (the UI's JS ↔ W toggle is {@link #withObjective}).
 * Serialised by {@code io.ExperimentJson}.
 */
public record Experiment(String name, String data, LatentSpec latent, NetworkSpec generator, NetworkSpec critic,
                         Objective objective, OptimizerSpec generatorOptimizer, OptimizerSpec criticOptimizer,
                         int batchSize, int criticSteps, int generatorSteps, long seed, EvaluationSpec evaluation,
                         TrainerOptions options) {

    public Experiment {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-empty string, got '" + name + "'");
        }
        if (data == null) {
            throw new IllegalArgumentException("data must be a distribution spec, got null");
        }
        for (Object[] o : new Object[][] {{"latent", latent}, {"generator", generator}, {"critic", critic},
                {"objective", objective}, {"generatorOptimizer", generatorOptimizer},
                {"criticOptimizer", criticOptimizer}, {"evaluation", evaluation}, {"options", options}}) {
            if (o[1] == null) {
                throw new IllegalArgumentException(o[0] + " must not be null");
            }
        }
        int dim = dataDistribution(data).dimension();
        if (dim != 1 && dim != 2) {
            throw new IllegalArgumentException("data must be a 1-D or 2-D distribution, got dimension " + dim);
        }
        intIn("latent.dim", latent.dim(), 1, 64);
        network("generator", generator);
        network("critic", critic);
        // Objective validates λ ≥ 0 and c > 0 itself; the upper bounds are here
        realIn("objective.lambda", objective.lambda(), 0, 1e6, true);
        realIn("objective.clip", objective.clip(), 0, 100, false);
        optimizer("generatorOptimizer", generatorOptimizer);
        optimizer("criticOptimizer", criticOptimizer);
        intIn("batchSize", batchSize, 1, 65536);
        intIn("criticSteps", criticSteps, 0, 1000);
        intIn("generatorSteps", generatorSteps, 0, 1000);
        if (criticSteps == 0 && generatorSteps == 0) {
            throw new IllegalArgumentException("criticSteps and generatorSteps must not both be 0 "
                    + "(allowed: criticSteps in [0, 1000], generatorSteps in [0, 1000], at least one >= 1)");
        }
        intIn("evaluation.batch", evaluation.batch(), 2, 5000);
        intIn("evaluation.every", evaluation.every(), 1, 1_000_000_000);
        intIn("evaluation.gridResolution", evaluation.gridResolution(), 2, 512);
        intIn("evaluation.mapResolution", evaluation.mapResolution(), 2, 256);
        intIn("evaluation.histogramBins", evaluation.histogramBins(), 1, 1000);
        intIn("evaluation.lipschitzGrid", evaluation.lipschitzGrid(), 2, 200);
        intIn("options.retrainCriticMaxSteps", options.retrainCriticMaxSteps(), 0, 100_000);
        realIn("options.retrainTolerance", options.retrainTolerance(), 0, 1, false);
        intIn("options.replayCapacity", options.replayCapacity(), 0, 1_000_000);
        realIn("options.replayFraction", options.replayFraction(), 0, 1, true);
        realIn("options.instanceNoise", options.instanceNoise(), 0, 100, true);
        intIn("options.instanceNoiseAnneal", options.instanceNoiseAnneal(), 0, 1_000_000_000);
    }

    /** The data distribution of a spec, with a spec error reported under the key {@code data}. */
    static Distribution dataDistribution(String spec) {
        try {
            return SpecParser.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data: " + e.getMessage(), e);
        }
    }

    /** The parsed data distribution. */
    public Distribution dataDistribution() {
        return dataDistribution(data);
    }

    /** Dimension of the data (and of the generator's output): 1 or 2. */
    public int dataDimension() {
        return dataDistribution().dimension();
    }

    private static void network(String key, NetworkSpec n) {
        List<Integer> w = n.widths();
        if (w.size() > 8) {
            throw new IllegalArgumentException(key + ".widths must have at most 8 hidden layers, got " + w.size());
        }
        for (int i = 0; i < w.size(); i++) {
            intIn(key + ".widths[" + i + "]", w.get(i), 1, 4096);
        }
    }

    private static void optimizer(String key, OptimizerSpec o) {
        realIn(key + ".lr", o.lr(), 0, 10, false);
        realIn(key + ".beta1", o.beta1(), 0, 1, true, false);
        realIn(key + ".beta2", o.beta2(), 0, 1, true, false);
        realIn(key + ".eps", o.eps(), 0, 1, false);
        realIn(key + ".momentum", o.momentum(), 0, 1, true, false);
        realIn(key + ".alpha", o.alpha(), 0, 1, true, false);
    }

    static void intIn(String key, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(key + " must be an integer in [" + lo + ", " + hi + "], got " + v);
        }
    }

    static void realIn(String key, double v, double lo, double hi, boolean loInclusive) {
        realIn(key, v, lo, hi, loInclusive, true);
    }

    static void realIn(String key, double v, double lo, double hi, boolean loInclusive, boolean hiInclusive) {
        boolean ok = (loInclusive ? v >= lo : v > lo) && (hiInclusive ? v <= hi : v < hi);
        if (!ok) {
            throw new IllegalArgumentException(key + " must be a number in " + (loInclusive ? "[" : "(") + lo + ", "
                    + hi + (hiInclusive ? "]" : ")") + ", got " + v);
        }
    }

    public Experiment withName(String v) {
        return new Experiment(v, data, latent, generator, critic, objective, generatorOptimizer, criticOptimizer,
                batchSize, criticSteps, generatorSteps, seed, evaluation, options);
    }

    public Experiment withData(String v) {
        return new Experiment(name, v, latent, generator, critic, objective, generatorOptimizer, criticOptimizer,
                batchSize, criticSteps, generatorSteps, seed, evaluation, options);
    }

    public Experiment withLatent(LatentSpec v) {
        return new Experiment(name, data, v, generator, critic, objective, generatorOptimizer, criticOptimizer,
                batchSize, criticSteps, generatorSteps, seed, evaluation, options);
    }

    public Experiment withGenerator(NetworkSpec v) {
        return new Experiment(name, data, latent, v, critic, objective, generatorOptimizer, criticOptimizer,
                batchSize, criticSteps, generatorSteps, seed, evaluation, options);
    }

    public Experiment withCritic(NetworkSpec v) {
        return new Experiment(name, data, latent, generator, v, objective, generatorOptimizer, criticOptimizer,
                batchSize, criticSteps, generatorSteps, seed, evaluation, options);
    }

    /** Swaps only the objective (the UI's JS ↔ W toggle). */
    public Experiment withObjective(Objective v) {
        return new Experiment(name, data, latent, generator, critic, v, generatorOptimizer, criticOptimizer,
                batchSize, criticSteps, generatorSteps, seed, evaluation, options);
    }

    public Experiment withGeneratorOptimizer(OptimizerSpec v) {
        return new Experiment(name, data, latent, generator, critic, objective, v, criticOptimizer,
                batchSize, criticSteps, generatorSteps, seed, evaluation, options);
    }

    public Experiment withCriticOptimizer(OptimizerSpec v) {
        return new Experiment(name, data, latent, generator, critic, objective, generatorOptimizer, v,
                batchSize, criticSteps, generatorSteps, seed, evaluation, options);
    }

    public Experiment withBatchSize(int v) {
        return new Experiment(name, data, latent, generator, critic, objective, generatorOptimizer, criticOptimizer,
                v, criticSteps, generatorSteps, seed, evaluation, options);
    }

    /** k_D and k_G: critic and generator steps per iteration. */
    public Experiment withSteps(int kD, int kG) {
        return new Experiment(name, data, latent, generator, critic, objective, generatorOptimizer, criticOptimizer,
                batchSize, kD, kG, seed, evaluation, options);
    }

    public Experiment withSeed(long v) {
        return new Experiment(name, data, latent, generator, critic, objective, generatorOptimizer, criticOptimizer,
                batchSize, criticSteps, generatorSteps, v, evaluation, options);
    }

    public Experiment withEvaluation(EvaluationSpec v) {
        return new Experiment(name, data, latent, generator, critic, objective, generatorOptimizer, criticOptimizer,
                batchSize, criticSteps, generatorSteps, seed, v, options);
    }

    public Experiment withOptions(TrainerOptions v) {
        return new Experiment(name, data, latent, generator, critic, objective, generatorOptimizer, criticOptimizer,
                batchSize, criticSteps, generatorSteps, seed, evaluation, v);
    }
}
