package org.divergencelab.gan;

import java.util.HashMap;
import java.util.Map;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.SpecCache;

/**
 * Everything that defines a GAN run, immutable: data (a distribution spec of the {@code distribution}
 * package, 1-D or 2-D), latent prior, both architectures, objective, one optimiser per network, batch size,
 * k_D critic steps and k_G generator steps per iteration, seed, evaluation settings and the lecture's trainer
 * options. Every value is validated on construction: an impossible value is an IllegalArgumentException
 * naming the JSON key (e.g. {@code criticOptimizer.lr}) and the allowed range, so a run never starts with it.
 * Every setting is declared once, in {@link ExperimentField}: its key, kind and range; the constructor checks
 * the ranges from there. Change settings with {@link #with(ExperimentField, Object)} / {@link #with(Map)} (the
 * {@code with…} methods are shorthands; the UI's JS ↔ W toggle is {@link #withObjective}). Serialised by
 * {@code gan.ExperimentJson} from the same table. The data spec is parsed through {@link SpecCache}, so copies
 * that keep the spec (and an unchanged {@code samples(FILE)}) do not read the file again.
 */
public record Experiment(String name, String data, LatentSpec latent, NetworkSpec generator, NetworkSpec critic,
                         Objective objective, OptimizerSpec generatorOptimizer, OptimizerSpec criticOptimizer,
                         int batchSize, int criticSteps, int generatorSteps, long seed, EvaluationSpec evaluation,
                         TrainerOptions options, ConditionSpec condition) {

    public Experiment {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-empty string, got '" + name + "'");
        }
        if (data == null) {
            throw new IllegalArgumentException("data must be a distribution spec, got null");
        }
        Object[] components = {name, data, latent, generator, critic, objective, generatorOptimizer, criticOptimizer,
                batchSize, criticSteps, generatorSteps, seed, evaluation, options, condition};
        var names = RecordPaths.components(Experiment.class);
        for (int i = 0; i < components.length; i++) {
            if (components[i] == null) {
                throw new IllegalArgumentException(names[i].getName() + " must not be null");
            }
        }
        // Every range lives in the field table (λ and c in Objective, which checked them when it was built).
        for (ExperimentField<?> f : ExperimentField.all()) {
            String top = f.key().split("\\.")[0];
            for (int i = 0; i < names.length; i++) {
                if (names[i].getName().equals(top)) {
                    f.check(top.equals(f.key()) ? components[i] : RecordPaths.get(components[i],
                            f.key().substring(top.length() + 1)));
                }
            }
        }
        if (criticSteps == 0 && generatorSteps == 0) {
            throw new IllegalArgumentException("criticSteps and generatorSteps must not both be 0 "
                    + "(allowed: criticSteps in [0, 1000], generatorSteps in [0, 1000], at least one >= 1)");
        }
        int dim = dataDistribution(data).dimension();
        if (dim != 1 && dim != 2) {
            throw new IllegalArgumentException("data must be a 1-D or 2-D distribution, got dimension " + dim);
        }
        if (condition.conditional()) {
            if (!(dataDistribution(data) instanceof org.divergencelab.distribution.Mixture m)
                    || m.components().size() < 2 || m.components().size() > MAX_LABELS) {
                throw new IllegalArgumentException("condition.label = mode needs data that is a mixture of 2 to "
                        + MAX_LABELS + " components (e.g. ring(8,2,0.02)), got " + data);
            }
            if (options.replayCapacity() > 0) {
                throw new IllegalArgumentException("condition.label = mode does not combine with the replay buffer "
                        + "(options.replayCapacity must be 0, got " + options.replayCapacity() + ")");
            }
        }
    }

    /** Most classes a {@code mode} condition may have (the one-hot input's width). */
    public static final int MAX_LABELS = 64;

    /** An experiment without a condition (an ordinary GAN). */
    public Experiment(String name, String data, LatentSpec latent, NetworkSpec generator, NetworkSpec critic,
                      Objective objective, OptimizerSpec generatorOptimizer, OptimizerSpec criticOptimizer,
                      int batchSize, int criticSteps, int generatorSteps, long seed, EvaluationSpec evaluation,
                      TrainerOptions options) {
        this(name, data, latent, generator, critic, objective, generatorOptimizer, criticOptimizer, batchSize,
                criticSteps, generatorSteps, seed, evaluation, options, ConditionSpec.none());
    }

    /** The number of classes of the condition: the data mixture's components, 0 without a condition. */
    public int labelCount() {
        return condition.conditional() ? ((org.divergencelab.distribution.Mixture) dataDistribution()).components()
                .size() : 0;
    }

    /** The data distribution of a spec, with a spec error reported under the key {@code data}. */
    static Distribution dataDistribution(String spec) {
        try {
            return SpecCache.parse(spec);
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

    /** This experiment with one setting changed (validated like any experiment). */
    public <T> Experiment with(ExperimentField<T> field, T value) {
        return with(Map.of(field, value));
    }

    /** This experiment with several settings changed at once: one construction, one validation. */
    public Experiment with(Map<ExperimentField<?>, ?> changes) {
        return RecordPaths.rebuild(Experiment.class, "", this, byKey(changes));
    }

    /** An experiment from a value for every field of {@link ExperimentField#all()} (how a file is read). */
    public static Experiment of(Map<ExperimentField<?>, ?> values) {
        return RecordPaths.rebuild(Experiment.class, "", null, byKey(values));
    }

    private static Map<String, Object> byKey(Map<ExperimentField<?>, ?> values) {
        Map<String, Object> m = new HashMap<>();
        values.forEach((f, v) -> m.put(f.key(), f.type().cast(v)));
        return m;
    }

    /** This experiment with one whole component (a top-level record key) replaced. */
    private Experiment withComponent(String component, Object value) {
        return RecordPaths.rebuild(Experiment.class, "", this, Map.of(component, value));
    }

    public Experiment withName(String v) {
        return with(ExperimentField.NAME, v);
    }

    public Experiment withData(String v) {
        return with(ExperimentField.DATA, v);
    }

    public Experiment withLatent(LatentSpec v) {
        return withComponent("latent", v);
    }

    public Experiment withGenerator(NetworkSpec v) {
        return withComponent("generator", v);
    }

    public Experiment withCritic(NetworkSpec v) {
        return withComponent("critic", v);
    }

    /** Swaps only the objective (the UI's JS ↔ W toggle). */
    public Experiment withObjective(Objective v) {
        return withComponent("objective", v);
    }

    public Experiment withGeneratorOptimizer(OptimizerSpec v) {
        return withComponent("generatorOptimizer", v);
    }

    public Experiment withCriticOptimizer(OptimizerSpec v) {
        return withComponent("criticOptimizer", v);
    }

    public Experiment withBatchSize(int v) {
        return with(ExperimentField.BATCH_SIZE, v);
    }

    /** k_D and k_G: critic and generator steps per iteration. */
    public Experiment withSteps(int kD, int kG) {
        return with(Map.of(ExperimentField.CRITIC_STEPS, kD, ExperimentField.GENERATOR_STEPS, kG));
    }

    public Experiment withSeed(long v) {
        return with(ExperimentField.SEED, v);
    }

    public Experiment withEvaluation(EvaluationSpec v) {
        return withComponent("evaluation", v);
    }

    public Experiment withOptions(TrainerOptions v) {
        return withComponent("options", v);
    }

    public Experiment withCondition(ConditionSpec v) {
        return withComponent("condition", v);
    }
}
