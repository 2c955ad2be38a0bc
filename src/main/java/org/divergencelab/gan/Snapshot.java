package org.divergencelab.gan;


import java.util.List;

import org.divergencelab.distribution.PointCloud;
import org.divergencelab.divergence.ModeCoverage;
import org.divergencelab.divergence.TruthMethod;
import org.divergencelab.nn.Readouts.LayerReadout;

/**
 * The state of a run after a step, immutable (arrays are copied in and out), safe to hand to another
 * thread. A cheap snapshot ({@code full == false}) has counters, losses, the estimate, the evaluation
 * samples and warnings; grids, truths, read-outs and Lipschitz are null / NaN / empty. Point arrays are flat
 * row-major, {@code dimension} numbers per point.
 *
 * @param iteration        completed iterations
 * @param criticSteps      critic steps taken
 * @param generatorSteps   generator steps taken
 * @param full             whether the expensive parts were computed
 * @param dimension        data dimension (1 or 2)
 * @param real             the fixed evaluation sample of P_data
 * @param fake             G(z) for the fixed evaluation z (moves smoothly between snapshots)
 * @param criticLoss       last critic-step loss (penalties included; NaN before the first step)
 * @param generatorLoss    last generator-step loss (NaN before the first step)
 * @param estimate         the divergence the objective estimates, on the evaluation samples
 * @param truths           the divergences between P_data and P_G beside it, each with its method (exact only
 *                         where it is), full only
 * @param criticField      the critic on a grid over a box covering data and fakes, full only
 * @param criticGradients  ∇x s(x) of the raw critic score at every fake (the direction the generator's loss
 *                         pushes each fake, up to a positive per-sample factor), full only
 * @param generatorMap     G on a line or grid of latent values, full only
 * @param criticLayers     per-layer weight histograms and gradient norms of the critic, full only
 * @param generatorLayers  the same for the generator, full only
 * @param lipschitz        grid estimate of the critic score's Lipschitz constant (NaN when not computed)
 * @param modes            mode coverage of the fakes (null unless the data is a Gaussian mixture and full)
 * @param instanceNoise    the instance-noise σ in force
 * @param halted           training was stopped by the divergence guard
 * @param messages         NaN / rollback, saturated D, estimate diverging, ... as codes and arguments (a UI
 *                         translates them; {@link #warnings()} is the engine's English of the same codes)
 * @param discriminatorAccuracy for objectives whose D outputs a probability (minimax, non-saturating; LSGAN with
 *                         its 0-1 coding), the fraction of the evaluation batch D classifies right:
 *                         (#{D(real) > ½} + #{D(fake) < ½}) / 2n; NaN for critics and f-GANs (no probability)
 * @param labels           a conditional GAN's label y of each evaluation point (real point i and fake i =
 *                         G(z_i, y_i) share it), null without a condition
 * @param labelAccuracy    a conditional GAN's label-conditional accuracy: the fraction of fakes G(z_i, y_i) whose
 *                         most likely data component (the mixture's posterior) is y_i (chance 1/K); NaN without
 *                         a condition
 */
public record Snapshot(long iteration, long criticSteps, long generatorSteps, boolean full, int dimension,
                       double[] real, double[] fake, double criticLoss, double generatorLoss, Estimate estimate,
                       List<TrueValue> truths, CriticField criticField, double[] criticGradients,
                       GeneratorMap generatorMap, List<LayerReadout> criticLayers, List<LayerReadout> generatorLayers,
                       double lipschitz, ModeCoverage.Result modes, double instanceNoise, boolean halted,
                       List<EngineMessage> messages, double discriminatorAccuracy, int[] labels,
                       double labelAccuracy) {

    public Snapshot {
        labels = labels == null ? null : labels.clone();
        real = real.clone();
        fake = fake.clone();
        criticGradients = criticGradients == null ? null : criticGradients.clone();
        truths = List.copyOf(truths);
        criticLayers = List.copyOf(criticLayers);
        generatorLayers = List.copyOf(generatorLayers);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** The {@link #messages()} in the engine's English ({@link EngineMessage#englishReport()}), same order. */
    public List<String> warnings() {
        return messages.stream().map(EngineMessage::englishReport).toList();
    }

    /** What stopped training, in the engine's English (null when not halted). */
    public String haltReason() {
        return messages.stream().filter(EngineMessage::isHalt).findFirst().map(EngineMessage::englishReport)
                .orElse(null);
    }

    @Override
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    @Override
    public double[] real() {
        return real.clone();
    }

    @Override
    public double[] fake() {
        return fake.clone();
    }

    @Override
    public double[] criticGradients() {
        return criticGradients == null ? null : criticGradients.clone();
    }

    public PointCloud realCloud() {
        return PointCloud.of(dimension, real);
    }

    public PointCloud fakeCloud() {
        return PointCloud.of(dimension, fake);
    }

    /** The true value named {@code name} ("W1", "JS"), or NaN when not computed. */
    public double truth(String name) {
        for (TrueValue v : truths) {
            if (v.name().equals(name)) {
                return v.value();
            }
        }
        return Double.NaN;
    }

    /**
     * What the objective's critic value estimates.
     *
     * @param divergence which divergence
     * @param name       a label, e.g. "JS estimate V/2 + log 2"
     * @param value      the estimate in nats (W1 in data units)
     */
    public record Estimate(Objective.Estimated divergence, String name, double value) {
    }

    /**
     * The value of a divergence between P_data and P_G beside the estimate, with what kind of value it is:
     * {@code exact} only where it is (see {@link org.divergencelab.divergence.GeneratorTruth} for every label).
     *
     * @param name   "W1", "JS", "KL", "KL_REVERSE", "TV", "H2", "CHI2"
     * @param value  the value (nats for JS and KL)
     * @param method the method label, short and stable (a metrics column): {@code exact},
     *               {@code exact-quadrature(err<E)}, {@code singular}, {@code exact-mc(se=S,n=N,…)},
     *               {@code ot-n=N(floor=F)}, {@code histogram(n=N)}, {@code kde(n=N)}
     * @param note   a caveat for the view (may be empty)
     * @param error  the quadrature error bound, Monte Carlo standard error or (OT) sampling floor; 0 for closed
     *               forms, NaN when unknown (a sample estimate's bias)
     */
    public record TrueValue(String name, double value, TruthMethod method, String note, double error) {
        /** Whether the value is exact (to rounding, or within a stated quadrature bound). */
        public boolean exact() {
            return method.exact();
        }
    }

    /** The value named {@code name} with its method, or null when not computed. */
    public TrueValue truthValue(String name) {
        for (TrueValue v : truths) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        return null;
    }

    /**
     * The critic on a grid. 1-D: {@code resolution} points x_i = lo + i·(hi − lo)/(n − 1). 2-D: n×n values,
     * {@code values[j·n + i]} at (x_i, y_j). {@code quantity} says what the values are (raw values are
     * passed through the objective's link, e.g. D = σ(s) for GANs).
     */
    public record CriticField(int dimension, double[] lo, double[] hi, int resolution, double[] values, String quantity) {
        public CriticField {
            lo = lo.clone();
            hi = hi.clone();
            values = values.clone();
        }

        @Override
        public double[] lo() {
            return lo.clone();
        }

        @Override
        public double[] hi() {
            return hi.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /**
     * The generator's map on latent values: 1 latent axis → {@code resolution} points; 2 axes → an n×n
     * grid (point j·n + i at z = (z_i, z_j), further latent coordinates 0). {@code z} has
     * {@code latentDim} numbers per point, {@code x} has {@code dataDim}.
     */
    public record GeneratorMap(int latentDim, int axes, int resolution, double[] z, int dataDim, double[] x) {
        public GeneratorMap {
            z = z.clone();
            x = x.clone();
        }

        @Override
        public double[] z() {
            return z.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }
    }
}
