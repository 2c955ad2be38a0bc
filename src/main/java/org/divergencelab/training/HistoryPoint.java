package org.divergencelab.training;

import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Snapshot;

/**
 * One point of the charts over iterations, for one panel (0, or 1 in compare mode), and one row of the metrics
 * ({@link MetricsCsv}). Values that the snapshot did not compute are NaN (truths, Lipschitz and modes come only
 * with full snapshots).
 *
 * @param generation   the session's model generation (a reset starts a new one and clears the charts)
 * @param panel        which experiment
 * @param iteration    completed iterations
 * @param criticLoss   last critic loss
 * @param generatorLoss last generator loss
 * @param estimated    which divergence the estimate is of
 * @param estimate     the critic's estimate
 * @param trueW1       exact W1 between the evaluation samples, NaN when not computed
 * @param trueJs       the sample-based JS between the evaluation samples, NaN when not computed
 * @param jsMethod     how {@code trueJs} was estimated: "kde", "histogram", or "" when not computed
 * @param lipschitz    the critic's Lipschitz estimate, NaN when not computed
 * @param modes        modes captured, NaN when not computed or not a mixture
 * @param modeCount    number of modes of the data (0 when not a mixture)
 * @param highQuality  fraction of high-quality fakes, NaN when modes are not computed
 * @param gradNorms    per-layer weight-gradient norms of the critic (null unless full)
 * @param full         from a full snapshot: carries truths; its losses repeat the cheap point of the same
 *                     iteration, so charts take losses and estimates only from cheap points
 */
public record HistoryPoint(long generation, int panel, long iteration, double criticLoss, double generatorLoss,
                           Objective.Estimated estimated, double estimate, double trueW1, double trueJs,
                           String jsMethod, double lipschitz, double modes, int modeCount, double highQuality,
                           double[] gradNorms, boolean full) implements TrainingEvent {

    /** The chart point of a snapshot. */
    public static HistoryPoint of(long generation, int panel, Snapshot s) {
        Objective.Estimated est = s.estimate().divergence();
        String jsMethod = "";
        for (Snapshot.TrueValue v : s.truths()) {
            if (v.name().equals("JS")) {
                jsMethod = v.method().startsWith("Gaussian KDE") ? "kde" : "histogram";
            }
        }
        double modes = s.modes() == null ? Double.NaN : s.modes().modesCaptured();
        int count = s.modes() == null ? 0 : s.modes().modes();
        double highQuality = s.modes() == null ? Double.NaN : s.modes().highQualityFraction();
        double[] norms = null;
        if (s.full() && !s.criticLayers().isEmpty()) {
            norms = new double[s.criticLayers().size()];
            for (int i = 0; i < norms.length; i++) {
                norms[i] = s.criticLayers().get(i).weightGradNorm();
            }
        }
        return new HistoryPoint(generation, panel, s.iteration(), s.criticLoss(), s.generatorLoss(), est,
                s.estimate().value(), s.truth("W1"), s.truth("JS"), jsMethod, s.lipschitz(), modes, count,
                highQuality, norms, s.full());
    }

    /** The true value of the divergence the estimate is of (exact W1, sample JS), NaN when not computed. */
    public double truth() {
        return switch (estimated) {
            case W1 -> trueW1;
            case JS -> trueJs;
            default -> Double.NaN;
        };
    }
}
