package org.divergencelab.gan;

/**
 * The lecture's training options. Validated by {@link Experiment}.
 *
 * @param retrainCriticMaxSteps  0 = off; else before each generator step the critic is trained to convergence
 *                               (instead of k_D steps): until the mean loss of the last 20 critic steps changes
 *                               by less than {@code retrainTolerance}·(1 + |mean|) from the 20 before, at most
 *                               this many steps
 * @param retrainTolerance       relative tolerance of that convergence test (&gt; 0)
 * @param replayCapacity         0 = off; else a buffer of this many old fake points
 * @param replayFraction         fraction of each critic batch's fakes taken from the buffer, in [0, 1]
 * @param instanceNoise          σ₀ ≥ 0 of Gaussian noise added to every input of D (real and fake)
 * @param instanceNoiseAnneal    the noise falls linearly from σ₀ to 0 over this many iterations (0 = constant)
 * @param criticPretrainSteps    EBGAN only (other objectives ignore it): before the first iteration its auto-encoder
 *                               is trained this many steps on real data alone (L = E_real D(x)), no fakes: an
 *                               energy-based D can learn the data without negative examples (0 = off)
 */
public record TrainerOptions(int retrainCriticMaxSteps, double retrainTolerance, int replayCapacity,
                             double replayFraction, double instanceNoise, int instanceNoiseAnneal,
                             int criticPretrainSteps) {

    /** The options without pre-training. */
    public TrainerOptions(int retrainCriticMaxSteps, double retrainTolerance, int replayCapacity, double replayFraction,
                          double instanceNoise, int instanceNoiseAnneal) {
        this(retrainCriticMaxSteps, retrainTolerance, replayCapacity, replayFraction, instanceNoise, instanceNoiseAnneal, 0);
    }

    /** Everything off. */
    public static TrainerOptions none() {
        return new TrainerOptions(0, 1e-3, 0, 0, 0, 0);
    }

    public TrainerOptions withCriticPretrain(int steps) {
        return new TrainerOptions(retrainCriticMaxSteps, retrainTolerance, replayCapacity, replayFraction, instanceNoise,
                instanceNoiseAnneal, steps);
    }

    public TrainerOptions withRetrainCritic(int maxSteps, double tolerance) {
        return new TrainerOptions(maxSteps, tolerance, replayCapacity, replayFraction, instanceNoise, instanceNoiseAnneal,
                criticPretrainSteps);
    }

    public TrainerOptions withReplay(int capacity, double fraction) {
        return new TrainerOptions(retrainCriticMaxSteps, retrainTolerance, capacity, fraction, instanceNoise, instanceNoiseAnneal,
                criticPretrainSteps);
    }

    public TrainerOptions withInstanceNoise(double sigma0, int annealIterations) {
        return new TrainerOptions(retrainCriticMaxSteps, retrainTolerance, replayCapacity, replayFraction, sigma0, annealIterations,
                criticPretrainSteps);
    }
}
