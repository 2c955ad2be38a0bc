package org.divergencelab.gan;

/**
 * Sees every random input of a training step (what a replay elsewhere, e.g. the PyTorch export's
 * {@code --check}, needs to redo the step) and the step's loss. Set on a {@link Trainer} with
 * {@link Trainer#setBatchRecorder}; off by default, when the trainer copies nothing. Arrays are row-major
 * copies of the float32 tensors the step used (widened to double exactly), owned by the recorder. Each call
 * comes after the step's loss and before its update: the trainer's parameters and optimiser state are still
 * those the step starts from (the export's dump records them there).
 */
public interface BatchRecorder {

    /**
     * One successful critic step: the real batch (n×dim), the latent z of the fakes (n×latentDim), the
     * penalty's interpolation weights ε (n values, in draw order; empty when the objective draws none) and
     * the loss before the update.
     */
    void criticStep(long iteration, double[] real, double[] z, double[] eps, double loss);

    /** One successful generator step: its latent z (n×latentDim) and the loss before the update. */
    void generatorStep(long iteration, double[] z, double loss);
}
