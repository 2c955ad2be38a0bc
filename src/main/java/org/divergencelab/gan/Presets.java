package org.divergencelab.gan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.divergencelab.nn.Activation;

/** Named experiments: the lecture's scenes, listed by the UI and selected with {@code train --preset NAME}. */
public final class Presets {
    private Presets() {
    }

    private static final Map<String, Experiment> ALL = build();

    /** Every preset by name, in display order. */
    public static Map<String, Experiment> all() {
        return ALL;
    }

    /** The preset names in display order. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "ring8-wgan-gp", "WGAN-GP on 8 Gaussians on a circle (mode coverage)",
            "ring8-gan", "non-saturating GAN on 8 Gaussians on a circle (mode collapse)",
            "grid25-wgan-gp", "WGAN-GP on a 5x5 grid of Gaussians",
            "swissroll-wgan-gp", "WGAN-GP on the Swiss roll (sample-only data)",
            "two-lines-gan", "the lecture's two lines: data on a segment, G a 1-D line; JS stuck at log 2",
            "two-lines-wgan", "the lecture's two lines with WGAN-GP: the W estimate tracks the gap",
            "gaussians-1d-gan", "the lecture's 1-D picture: normal z pushed into two groups, data heavier on the left",
            "ring8-ebgan", "EBGAN on 8 Gaussians on a circle: D an auto-encoder, its reconstruction error the energy");

    /** A one-line description of the preset {@code name} for lists. */
    public static String describe(String name) {
        get(name);
        return DESCRIPTIONS.get(name);
    }

    /** The preset {@code name}; an IllegalArgumentException listing the names when there is none. */
    public static Experiment get(String name) {
        Experiment e = ALL.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "', allowed: " + String.join(", ", ALL.keySet()));
        }
        return e;
    }

    /**
     * The WGAN-GP paper's toy setup (gan_toy.py: ReLU MLPs with 3 hidden layers, λ = 0.1 for the toys, 5 critic
     * steps per generator step, batch 256, Adam β = (0.5, 0.9)), at width 64 and with the learning rates raised so
     * a few thousand iterations suffice: critic 1e-3, generator 2e-4 (two time scales: a slower generator leaves
     * fewer samples between the modes).
     */
    static Experiment wganGp(String name, String data) {
        return new Experiment(name, data, LatentSpec.normal(2), NetworkSpec.relu(64, 64, 64),
                NetworkSpec.relu(64, 64, 64), Objective.wganGp(0.1),
                OptimizerSpec.adam(2e-4, 0.5, 0.9), OptimizerSpec.adam(1e-3, 0.5, 0.9), 256, 5, 1, 1,
                EvaluationSpec.defaults(), TrainerOptions.none());
    }

    /**
     * EBGAN (Zhao et al. 2016; lecture 004) on the 8-ring: D is a leaky-ReLU auto-encoder 2 → 64 → 2 → 64 → 2 (a
     * narrow code; with 1 unit the data modes reconstructed worse, 0.3-0.9 vs 0.003-0.016), margin m =
     * {@value Objective#DEFAULT_MARGIN}, pre-trained on the data alone for 500 steps, then k_D = k_G = 1.
     */
    static Experiment ebgan() {
        return wganGp("ring8-ebgan", "ring(8,2,0.05)").withObjective(Objective.ebgan(Objective.DEFAULT_MARGIN))
                .withCritic(new NetworkSpec(List.of(64, 2, 64), Activation.Kind.LEAKY_RELU, Activation.Kind.IDENTITY,
                        false, false))
                .withSteps(1, 1).withGeneratorOptimizer(OptimizerSpec.adam(2e-4, 0.5, 0.999))
                .withCriticOptimizer(OptimizerSpec.adam(1e-3, 0.5, 0.999))
                .withOptions(TrainerOptions.none().withCriticPretrain(500));
    }

    private static Map<String, Experiment> build() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("ring8-wgan-gp", wganGp("ring8-wgan-gp", "ring(8,2,0.05)"));
        m.put("ring8-gan", wganGp("ring8-gan", "ring(8,2,0.05)").withObjective(Objective.nonSaturating())
                .withSteps(1, 1).withGeneratorOptimizer(OptimizerSpec.adam(2e-4, 0.5, 0.999))
                .withCriticOptimizer(OptimizerSpec.adam(2e-4, 0.5, 0.999)));
        m.put("grid25-wgan-gp", wganGp("grid25-wgan-gp", "grid(5,1,0.05)"));
        m.put("swissroll-wgan-gp", wganGp("swissroll-wgan-gp", "swissroll(0.05)"));
        // The lecture's two parallel lines (WGAN paper, Example 1): data on the segment x = 0, y ∈ [0, 1]; G maps a
        // 1-D uniform z to the plane, starting as a line at x ≈ θ. A tiny G (no hidden layer: x = w·z + b) keeps
        // its image a segment.
        Experiment lines = new Experiment("two-lines-gan", "segment(0,0,0,1)", LatentSpec.uniform(1),
                new NetworkSpec(List.of(), Activation.Kind.RELU, Activation.Kind.IDENTITY, false, false),
                NetworkSpec.relu(64, 64), Objective.nonSaturating(), OptimizerSpec.adam(1e-3, 0.5, 0.999),
                OptimizerSpec.adam(1e-3, 0.5, 0.999), 128, 1, 1, 1,
                EvaluationSpec.defaults().withBatch(256), TrainerOptions.none().withRetrainCritic(1000, 1e-4));
        // The lecture's setting for the two lines: D trained to its optimum before each G step, so V/2 + log 2
        // reads the JS of the current G (log 2 while the lines are apart) instead of a half-trained D's lower bound.
        m.put("two-lines-gan", lines);
        m.put("two-lines-wgan", lines.withName("two-lines-wgan").withOptions(TrainerOptions.none())
                .withObjective(Objective.wganGp(Objective.DEFAULT_LAMBDA))
                .withSteps(5, 1).withGeneratorOptimizer(OptimizerSpec.adam(1e-3, 0.5, 0.9))
                .withCriticOptimizer(OptimizerSpec.adam(1e-3, 0.5, 0.9)));
        // The lecture's 1-D picture: normal z pushed by G into two groups; data two-sided, heavier on the left.
        m.put("gaussians-1d-gan", new Experiment("gaussians-1d-gan", "mixture(0.7*normal(-2,0.5),0.3*normal(2.5,0.5))",
                LatentSpec.normal(1), new NetworkSpec(List.of(32, 32), Activation.Kind.TANH, Activation.Kind.IDENTITY,
                false, false), NetworkSpec.relu(32, 32), Objective.nonSaturating(), OptimizerSpec.adam(1e-3, 0.5, 0.999),
                OptimizerSpec.adam(1e-3, 0.5, 0.999), 128, 1, 1, 1,
                EvaluationSpec.defaults().withJsEstimator(EvaluationSpec.JsEstimator.KDE), TrainerOptions.none()));
        m.put("ring8-ebgan", ebgan());
        return java.util.Collections.unmodifiableMap(m);
    }
}
