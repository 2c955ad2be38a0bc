package org.divergencelab.training;

/**
 * The one CSV schema of training metrics: the {@code train} command's {@code metrics.csv} and, behind a panel
 * and an objective column, the training view's CSV export ({@link TrainingHistory#csv}). Numbers in shortest
 * round-trip form ({@link Double#toString}); empty cells are values not computed at that iteration. The
 * {@code *_method} columns say what each true value is: {@code exact}, {@code exact-quadrature(err<E)},
 * {@code singular}, {@code exact-mc(se=S,n=N,…)} (quoted: it holds commas), {@code ot-n=N(floor=F)},
 * {@code histogram(n=N)}, {@code kde(n=N)} (see {@code divergence.GeneratorTruth}); {@code w1_floor} is the W1
 * between two independent n-draws of P_data when {@code true_w1} is a sample value; {@code d_accuracy} is the
 * fraction of the evaluation batch a probability-output D classifies right, empty for critics; {@code
 * label_accuracy} is a conditional GAN's label-conditional accuracy of G (empty without a condition).
 */
public final class MetricsCsv {
    /** The columns. */
    public static final String HEADER = "iteration,d_loss,g_loss,estimate_name,estimate,true_w1,true_js,js_method,"
            + "modes_captured,modes,high_quality_fraction,lipschitz,w1_method,w1_floor,true_kl,true_kl_reverse,kl_method,"
            + "d_accuracy,label_accuracy";

    private MetricsCsv() {
    }

    /** The row of {@code h} (no line break). */
    public static String row(HistoryPoint h) {
        return h.iteration() + "," + num(h.criticLoss()) + "," + num(h.generatorLoss()) + ","
                + (h.estimated() == null ? "" : h.estimated().label()) + "," + num(h.estimate()) + ","
                + num(h.trueW1()) + "," + num(h.trueJs()) + "," + text(h.jsMethod()) + ","
                + (Double.isNaN(h.modes()) ? "," : (long) h.modes() + "," + h.modeCount()) + ","
                + num(h.highQuality()) + "," + num(h.lipschitz()) + "," + text(h.w1Method()) + ","
                + num(h.w1Floor()) + "," + num(h.trueKl()) + "," + num(h.trueKlReverse()) + "," + text(h.klMethod())
                + "," + num(h.dAccuracy()) + "," + num(h.labelAccuracy());
    }

    /** A method label as a CSV cell: quoted when it holds a comma (e.g. {@code exact-mc(se=0.002,n=4096)}). */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Shortest round-trip form; empty for NaN (not computed). */
    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
