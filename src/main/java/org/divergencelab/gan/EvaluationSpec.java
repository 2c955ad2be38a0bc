package org.divergencelab.gan;

/**
 * What a full {@link Snapshot} computes. The evaluation batch is fixed (drawn once from the seed), so
 * points move smoothly from one snapshot to the next. Computing truths is the expensive part; a driver
 * takes a full snapshot every {@code every} iterations and cheap ones in between. Validated by
 * {@link Experiment}.
 *
 * @param batch          evaluation samples of P_data and of P_G (the same fixed z every time)
 * @param every          iterations between full evaluations for drivers (CLI {@code --every})
 * @param gridResolution critic grid points per axis (1-D curve: n points, 2-D: n×n)
 * @param mapResolution  generator-map points per latent axis (1-D: n values of z, 2-D: n×n warped grid)
 * @param histogramBins  bins of the per-layer weight histograms
 * @param trueW1         compute exact W1 between the evaluation samples
 * @param trueJs         compute the sample-based JS (KDE) between the evaluation samples
 * @param lipschitz      estimate the critic's Lipschitz constant on the grid box
 * @param lipschitzGrid  points per axis of that estimate
 * @param modeCoverage   mode coverage of the fakes when the data is a Gaussian mixture
 * @param jsEstimator    the sample-based JS method: histogram (Freedman–Diaconis bins, ~ms) or Gaussian KDE
 *                       (smoother, ~2 s for 512 + 512 points in 2-D, ~ms in 1-D)
 */
public record EvaluationSpec(int batch, int every, int gridResolution, int mapResolution, int histogramBins,
                             boolean trueW1, boolean trueJs, boolean lipschitz, int lipschitzGrid,
                             boolean modeCoverage, JsEstimator jsEstimator) {

    /** How the JS between the evaluation samples is estimated (P_G has no density). */
    public enum JsEstimator {
        HISTOGRAM, KDE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static JsEstimator parse(String s) {
            for (JsEstimator j : values()) {
                if (j.key().equals(s.toLowerCase(java.util.Locale.ROOT))) {
                    return j;
                }
            }
            throw new IllegalArgumentException("unknown JS estimator '" + s + "', allowed: histogram, kde");
        }
    }

    public EvaluationSpec {
        if (jsEstimator == null) {
            throw new IllegalArgumentException("evaluation.jsEstimator must not be null");
        }
    }

    /** 512 samples, every iteration, 64-point grid, 21-point map, 30 bins, every truth on, 25-point Lipschitz grid, histogram JS. */
    public static EvaluationSpec defaults() {
        return new EvaluationSpec(512, 1, 64, 21, 30, true, true, true, 25, true, JsEstimator.HISTOGRAM);
    }

    public EvaluationSpec withBatch(int n) {
        return new EvaluationSpec(n, every, gridResolution, mapResolution, histogramBins, trueW1, trueJs, lipschitz,
                lipschitzGrid, modeCoverage, jsEstimator);
    }

    public EvaluationSpec withEvery(int k) {
        return new EvaluationSpec(batch, k, gridResolution, mapResolution, histogramBins, trueW1, trueJs, lipschitz,
                lipschitzGrid, modeCoverage, jsEstimator);
    }

    public EvaluationSpec withGridResolution(int n) {
        return new EvaluationSpec(batch, every, n, mapResolution, histogramBins, trueW1, trueJs, lipschitz,
                lipschitzGrid, modeCoverage, jsEstimator);
    }

    public EvaluationSpec withTruths(boolean w1, boolean js, boolean lip, boolean modes) {
        return new EvaluationSpec(batch, every, gridResolution, mapResolution, histogramBins, w1, js, lip,
                lipschitzGrid, modes, jsEstimator);
    }

    public EvaluationSpec withJsEstimator(JsEstimator j) {
        return new EvaluationSpec(batch, every, gridResolution, mapResolution, histogramBins, trueW1, trueJs, lipschitz,
                lipschitzGrid, modeCoverage, j);
    }

    public EvaluationSpec withLipschitzGrid(int n) {
        return new EvaluationSpec(batch, every, gridResolution, mapResolution, histogramBins, trueW1, trueJs, lipschitz,
                n, modeCoverage, jsEstimator);
    }
}
