package org.divergencelab.training;

import org.divergencelab.divergence.TruthMethod;
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
 * @param trueW1       W1 between P_data and P_G (exact in 1-D, OT of n draws in 2-D: see {@code w1Method}), NaN
 *                     when not computed
 * @param trueJs       JS between P_data and P_G (exact where the generator allows it: see {@code jsMethod}), NaN
 *                     when not computed
 * @param jsMethod     what {@code trueJs} is ({@code Snapshot.TrueValue#method}: "exact", "singular",
 *                     "exact-quadrature(err<…)", "exact-mc(se=…)", "histogram(n=512)", …), "" when not computed
 * @param lipschitz    the critic's Lipschitz estimate, NaN when not computed
 * @param modes        modes captured, NaN when not computed or not a mixture
 * @param modeCount    number of modes of the data (0 when not a mixture)
 * @param highQuality  fraction of high-quality fakes, NaN when modes are not computed
 * @param gradNorms    per-layer weight-gradient norms of the critic (null unless full)
 * @param full         from a full snapshot: carries truths; its losses repeat the cheap point of the same
 *                     iteration, so charts take losses and estimates only from cheap points
 * @param w1Method     what {@code trueW1} is ("exact-quadrature(err<…)", "ot-n=512(floor=…)", …), "" when not computed
 * @param w1Floor      the W1 between two independent n-draws of P_data (what a perfect generator would read) when
 *                     {@code trueW1} is a sample value, else NaN
 * @param trueKl       KL(P_data‖P_G), NaN when not computed
 * @param trueKlReverse KL(P_G‖P_data), NaN when not computed
 * @param klMethod     what both KL values are, "" when not computed
 * @param dAccuracy    the fraction of the evaluation batch D classifies right (probability outputs only; NaN for
 *                     critics, see {@code Snapshot#discriminatorAccuracy})
 * @param labelAccuracy a conditional GAN's label-conditional accuracy of G (fraction of G(z, y) whose most likely
 *                     data component is y; chance 1/K), NaN without a condition
 */
public record HistoryPoint(long generation, int panel, long iteration, double criticLoss, double generatorLoss,
                           Objective.Estimated estimated, double estimate, double trueW1, double trueJs,
                           String jsMethod, double lipschitz, double modes, int modeCount, double highQuality,
                           double[] gradNorms, boolean full, String w1Method, double w1Floor, double trueKl,
                           double trueKlReverse, String klMethod, double dAccuracy, double labelAccuracy) implements TrainingEvent {

    /** A point without the D accuracy and label accuracy columns (they read as not computed). */
    public HistoryPoint(long generation, int panel, long iteration, double criticLoss, double generatorLoss,
                        Objective.Estimated estimated, double estimate, double trueW1, double trueJs,
                        String jsMethod, double lipschitz, double modes, int modeCount, double highQuality,
                        double[] gradNorms, boolean full, String w1Method, double w1Floor, double trueKl,
                        double trueKlReverse, String klMethod) {
        this(generation, panel, iteration, criticLoss, generatorLoss, estimated, estimate, trueW1, trueJs, jsMethod,
                lipschitz, modes, modeCount, highQuality, gradNorms, full, w1Method, w1Floor, trueKl, trueKlReverse,
                klMethod, Double.NaN, Double.NaN);
    }

    /** A point without the W1 method, floor and KL columns (those read as not computed). */
    public HistoryPoint(long generation, int panel, long iteration, double criticLoss, double generatorLoss,
                        Objective.Estimated estimated, double estimate, double trueW1, double trueJs,
                        String jsMethod, double lipschitz, double modes, int modeCount, double highQuality,
                        double[] gradNorms, boolean full) {
        this(generation, panel, iteration, criticLoss, generatorLoss, estimated, estimate, trueW1, trueJs, jsMethod,
                lipschitz, modes, modeCount, highQuality, gradNorms, full, "", Double.NaN, Double.NaN, Double.NaN, "",
                Double.NaN, Double.NaN);
    }

    /** The chart point of a snapshot. */
    public static HistoryPoint of(long generation, int panel, Snapshot s) {
        Objective.Estimated est = s.estimate().divergence();
        Snapshot.TrueValue js = s.truthValue("JS");
        Snapshot.TrueValue w1 = s.truthValue("W1");
        Snapshot.TrueValue kl = s.truthValue("KL");
        Snapshot.TrueValue klr = s.truthValue("KL_REVERSE");
        // a sample W1's error is its floor (GeneratorTruth); a bound or a standard error is not a floor
        double floor = w1 != null && w1.method().kind() == TruthMethod.Kind.SAMPLE_TRANSPORT ? w1.error() : Double.NaN;
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
                s.estimate().value(), s.truth("W1"), s.truth("JS"), js == null ? "" : js.method().label(), s.lipschitz(),
                modes, count, highQuality, norms, s.full(), w1 == null ? "" : w1.method().label(), floor,
                kl == null ? Double.NaN : kl.value(), klr == null ? Double.NaN : klr.value(),
                kl == null ? "" : kl.method().label(), s.discriminatorAccuracy(), s.labelAccuracy());
    }

    /** The value beside the estimate: W1 or JS between P_data and P_G (see the methods), NaN when not computed. */
    public double truth() {
        return switch (estimated) {
            case W1 -> trueW1;
            case JS -> trueJs;
            default -> Double.NaN;
        };
    }

    /** What {@link #truth()} is: its method label, "" when there is none. */
    public String truthMethod() {
        return switch (estimated) {
            case W1 -> w1Method;
            case JS -> jsMethod;
            default -> "";
        };
    }
}
