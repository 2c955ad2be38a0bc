package org.divergencelab.training;

import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Snapshot;

/**
 * One point of the charts over iterations, for one panel (0, or 1 in compare mode). Values that the
 * snapshot did not compute are NaN (truths, Lipschitz and modes come only with full snapshots).
 *
 * @param generation   the session's model generation (a reset starts a new one and clears the charts)
 * @param panel        which experiment
 * @param iteration    completed iterations
 * @param criticLoss   last critic loss
 * @param generatorLoss last generator loss
 * @param estimated    which divergence the estimate is of
 * @param estimate     the critic's estimate
 * @param truth        the true value of the same divergence (exact W1, KDE JS), NaN when not computed
 * @param lipschitz    the critic's Lipschitz estimate, NaN when not computed
 * @param modes        modes captured, NaN when not computed or not a mixture
 * @param modeCount    number of modes of the data (0 when not a mixture)
 * @param gradNorms    per-layer weight-gradient norms of the critic (null unless full)
 * @param full         from a full snapshot: carries truths; its losses repeat the cheap point of the same
 *                     iteration, so charts take losses and estimates only from cheap points
 */
public record HistoryPoint(long generation, int panel, long iteration, double criticLoss, double generatorLoss,
                           Objective.Estimated estimated, double estimate, double truth, double lipschitz,
                           double modes, int modeCount, double[] gradNorms, boolean full) {

    /** The chart point of a snapshot. */
    public static HistoryPoint of(long generation, int panel, Snapshot s) {
        Objective.Estimated est = s.estimate().divergence();
        double truth = switch (est) {
            case W1 -> s.truth("W1");
            case JS -> s.truth("JS");
            default -> Double.NaN;
        };
        double modes = s.modes() == null ? Double.NaN : s.modes().modesCaptured();
        int count = s.modes() == null ? 0 : s.modes().modes();
        double[] norms = null;
        if (s.full() && !s.criticLayers().isEmpty()) {
            norms = new double[s.criticLayers().size()];
            for (int i = 0; i < norms.length; i++) {
                norms[i] = s.criticLayers().get(i).weightGradNorm();
            }
        }
        return new HistoryPoint(generation, panel, s.iteration(), s.criticLoss(), s.generatorLoss(), est,
                s.estimate().value(), truth, s.lipschitz(), modes, count, norms, s.full());
    }
}
