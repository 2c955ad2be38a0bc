package org.divergencelab.training;

/**
 * The one CSV schema of training metrics: the {@code train} command's {@code metrics.csv} and, behind a panel
 * and an objective column, the training view's CSV export ({@link TrainingHistory#csv}). Numbers in shortest
 * round-trip form ({@link Double#toString}); empty cells are values not computed at that iteration.
 */
public final class MetricsCsv {
    /** The columns. */
    public static final String HEADER = "iteration,d_loss,g_loss,estimate_name,estimate,true_w1,true_js,js_method,"
            + "modes_captured,modes,high_quality_fraction,lipschitz";

    private MetricsCsv() {
    }

    /** The row of {@code h} (no line break). */
    public static String row(HistoryPoint h) {
        return h.iteration() + "," + num(h.criticLoss()) + "," + num(h.generatorLoss()) + ","
                + (h.estimated() == null ? "" : h.estimated().label()) + "," + num(h.estimate()) + ","
                + num(h.trueW1()) + "," + num(h.trueJs()) + "," + (h.jsMethod() == null ? "" : h.jsMethod()) + ","
                + (Double.isNaN(h.modes()) ? "," : (long) h.modes() + "," + h.modeCount()) + ","
                + num(h.highQuality()) + "," + num(h.lipschitz());
    }

    /** Shortest round-trip form; empty for NaN (not computed). */
    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
