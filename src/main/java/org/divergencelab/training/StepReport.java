package org.divergencelab.training;

import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Snapshot;

/**
 * What one Step D or Step G changed, for one panel: the status line ("Step D: D loss 0.693 → 0.512") and the
 * step's own marker on the loss chart. Losses are the trainer's last step losses (each on its own training
 * batch); the estimate is measured on the fixed evaluation batch just before and just after the step, so its
 * change is the step's alone; the shift is the mean distance the evaluation fakes G(z) moved (0 after a critic
 * step, which leaves G alone).
 *
 * @param generation      the session's model generation
 * @param panel           which experiment
 * @param critic          a critic (D) step, else a generator (G) step
 * @param iteration       completed iterations (a single step does not complete one)
 * @param stepInIteration 1 for the first single step since the counter reached {@code iteration}, 2 for the
 *                        next, …: charts place the step at iteration + s / (s + 1), between two iterations
 * @param lossBefore      the stepped network's last loss before the step (NaN before its first step)
 * @param lossAfter       the loss of this step
 * @param estimated       which divergence the estimate is of
 * @param estimateBefore  the estimate on the evaluation batch before the step
 * @param estimateAfter   the estimate on the evaluation batch after the step
 * @param meanShift       mean Euclidean distance between the evaluation fakes before and after the step
 */
public record StepReport(long generation, int panel, boolean critic, long iteration, int stepInIteration,
                         double lossBefore, double lossAfter, Objective.Estimated estimated, double estimateBefore,
                         double estimateAfter, double meanShift) implements TrainingEvent {

    /** The report of a step between the cheap snapshots {@code before} and {@code after}. */
    public static StepReport of(long generation, int panel, boolean critic, int stepInIteration, Snapshot before,
                                Snapshot after) {
        return new StepReport(generation, panel, critic, after.iteration(), stepInIteration,
                critic ? before.criticLoss() : before.generatorLoss(),
                critic ? after.criticLoss() : after.generatorLoss(), after.estimate().divergence(),
                before.estimate().value(), after.estimate().value(),
                meanShift(before.fake(), after.fake(), after.dimension()));
    }

    /** The chart position of the step: between {@code iteration} and the next, s / (s + 1) of the way. */
    public double position() {
        return iteration + stepInIteration / (stepInIteration + 1.0);
    }

    /** Mean Euclidean distance between corresponding points of two flat point arrays of dimension {@code dim}. */
    static double meanShift(double[] a, double[] b, int dim) {
        if (a.length != b.length || a.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < a.length; i += dim) {
            double d2 = 0;
            for (int k = 0; k < dim; k++) {
                double d = b[i + k] - a[i + k];
                d2 += d * d;
            }
            sum += Math.sqrt(d2);
        }
        return sum / (a.length / dim);
    }
}
