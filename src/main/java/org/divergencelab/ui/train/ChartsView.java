package org.divergencelab.ui.train;

import java.util.EnumMap;
import java.util.Map;

import javafx.scene.Node;

import org.divergencelab.divergence.TruthMethod;
import org.divergencelab.gan.Objective;
import org.divergencelab.training.HistoryPoint;
import org.divergencelab.training.StepReport;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.LineChart;
import org.divergencelab.ui.plot.LineSeries;
import org.divergencelab.ui.plot.ReferenceLine;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * Charts over iterations: D and G losses; the estimate beside the value it estimates (JS estimate vs the JS of
 * P_G, log 2 marked; W estimate vs W1), the second line named by what it is (exact, exact densities by Monte
 * Carlo, OT of n samples with the sampling floor as a reference line, a histogram of n samples); Lipschitz
 * estimate vs 1; modes captured; D accuracy on the evaluation batch (probability outputs only). Fed by
 * {@link HistoryPoint}s: losses, estimates and accuracy from the cheap per-iteration points, the values beside
 * them from full snapshots; single Step D / Step G ({@link StepReport}) between two iterations.
 */
final class ChartsView {
    private final I18n i18n;
    final LineChart losses;
    LineChart estimates;
    private final ThemeManager themes;
    private final String idPrefix;
    final LineChart lipschitz;
    final LineChart modes;
    final LineChart accuracy;
    final LineSeries criticLoss;
    final LineSeries generatorLoss;
    /** The loss of each single Step D / Step G, a marker between two iterations. */
    final LineSeries criticStepLoss;
    final LineSeries generatorStepLoss;
    private final LineSeries lipschitzSeries;
    private final LineSeries modesSeries;
    private final LineSeries accuracySeries;
    /** Which divergence the objective estimates now: only its pair shows (and sets the axis). */
    private Objective.Estimated current;
    /** Chart position of the newest single step and its iteration: the full point that follows sits there. */
    private long stepIteration = -1;
    private double stepPosition = Double.NaN;
    private int evaluationBatch;
    private final Map<Objective.Estimated, LineSeries[]> estimateSeries = new EnumMap<>(Objective.Estimated.class);
    /** The method of each second line's newest value ("" before the first): its legend says what it is. */
    private final Map<Objective.Estimated, String> truthMethods = new EnumMap<>(Objective.Estimated.class);
    /** W1 between two independent n-draws of P_data (NaN unless W1 is a sample value): drawn as a reference. */
    private double w1Floor = Double.NaN;
    /** Holds the estimate chart, which {@link #clear} replaces with a fresh one. */
    private final javafx.scene.layout.StackPane estimateSlot = new javafx.scene.layout.StackPane();
    private int modeCount;

    ChartsView(I18n i18n, ThemeManager themes, String idPrefix) {
        this.i18n = i18n;
        this.themes = themes;
        this.idPrefix = idPrefix;
        losses = themes.style(new LineChart());
        estimates = themes.style(new LineChart());
        lipschitz = themes.style(new LineChart());
        modes = themes.style(new LineChart());
        accuracy = themes.style(new LineChart());
        losses.setId(idPrefix + "chart-losses");
        estimates.setId(idPrefix + "chart-estimate");
        lipschitz.setId(idPrefix + "chart-lipschitz");
        modes.setId(idPrefix + "chart-modes");
        accuracy.setId(idPrefix + "chart-accuracy");
        criticLoss = losses.addSeries("D", 2);
        generatorLoss = losses.addSeries("G", 1);
        criticStepLoss = losses.addSeries("D step", 2);
        generatorStepLoss = losses.addSeries("G step", 1);
        criticStepLoss.setMarkers(true);
        generatorStepLoss.setMarkers(true);
        lipschitzSeries = lipschitz.addSeries("L", 2);
        modesSeries = modes.addSeries("modes", 1);
        accuracySeries = accuracy.addSeries("accuracy", 2);
        // one series each: the title says what it is, the legend would only take the small plot's height
        for (LineChart c : new LineChart[] {lipschitz, modes, accuracy}) {
            c.setLegendPosition(org.divergencelab.ui.plot.XYPlot.LegendPosition.NONE);
        }
        // accuracy is a fraction: the whole [0, 1] (and the 100 % line) always in view
        accuracy.axes().setYRange(new org.divergencelab.ui.plot.Range(0, 1.05));
        estimateSlot.getChildren().add(estimates);
        estimateSlot.setMinSize(0, 0);
        for (LineChart c : new LineChart[] {losses, estimates, lipschitz, modes, accuracy}) {
            c.setMinSize(0, 0);
        }
        showModes(false);
        showAccuracy(false);
        relabel();
        themes.units().logBaseProperty().addListener(new javafx.beans.value.WeakChangeListener<>(unitSwitch));
    }

    /** Nats ↔ bits (View → Divergences in): the kept points of JS and KL are rescaled, the labels renamed. */
    private final javafx.beans.value.ChangeListener<org.divergencelab.ui.theme.Units.LogBase> unitSwitch = (o, was, now) -> {
        double f = org.divergencelab.ui.theme.Units.convert(1, now) / org.divergencelab.ui.theme.Units.convert(1, was);
        estimateSeries.forEach((e, pair) -> {
            for (LineSeries s : logBased(e) ? pair : new LineSeries[0]) {
                double[] x = new double[s.keptCount()];
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = s.keptX(i);
                    y[i] = s.keptY(i) * f;
                }
                s.setAll(x, y);
            }
        });
        relabel();
    };

    /** JS and the KLs are logarithms, shown in nats or bits; W1 and the other f-divergences are plain numbers. */
    private static boolean logBased(Objective.Estimated e) {
        return e == Objective.Estimated.JS || e == Objective.Estimated.KL || e == Objective.Estimated.REVERSE_KL;
    }

    /** A value of {@code e} (nats when log-based) in the unit shown. */
    private double shown(Objective.Estimated e, double v) {
        return logBased(e) ? themes.units().shown(v) : v;
    }

    /** The divergence's name with its unit when it has one: "JS (bits)". */
    private String label(Objective.Estimated e) {
        return logBased(e) ? e.label() + " (" + i18n.text(themes.units().labelKey()) + ")" : e.label();
    }

    /**
     * The charts' cells in reading order, for {@link PanelGrid}: losses, estimate, Lipschitz, modes, accuracy (modes
     * and accuracy unmanaged while they do not apply).
     */
    java.util.List<Node> cells() {
        return java.util.List.of(losses, estimateSlot, lipschitz, modes, accuracy);
    }

    /** The charts alone, in a grid of their own ({@code render --view charts}): takes them out of their panel. */
    Node node() {
        return new PanelGrid(java.util.List.of(), cells(), () -> losses.getTheme().fontSize());
    }

    void relabel() {
        losses.setTitle(i18n.text("train.chart.losses"));
        estimates.setTitle(i18n.text("train.chart.estimate"));
        lipschitz.setTitle(i18n.text("train.chart.lipschitz"));
        modes.setTitle(modeCount > 0 ? i18n.text("train.chart.modesOf", modeCount) : i18n.text("train.chart.modes"));
        accuracy.setTitle(i18n.text("train.chart.accuracy", evaluationBatch));
        for (LineChart c : new LineChart[] {losses, estimates, lipschitz, modes, accuracy}) {
            c.setAxisLabels(i18n.text("train.axis.iteration"), "");
        }
        criticLoss.setName(i18n.text("train.legend.dLoss"));
        generatorLoss.setName(i18n.text("train.legend.gLoss"));
        criticStepLoss.setName(i18n.text("train.legend.dStep"));
        generatorStepLoss.setName(i18n.text("train.legend.gStep"));
        lipschitzSeries.setName(i18n.text("train.legend.lipschitz"));
        modesSeries.setName(i18n.text("train.legend.modes"));
        accuracySeries.setName(i18n.text("train.legend.accuracy"));
        accuracy.clearReferenceLines();
        accuracy.addReferenceLine(ReferenceLine.horizontal(1, "100 %"));
        for (Map.Entry<Objective.Estimated, LineSeries[]> e : estimateSeries.entrySet()) {
            e.getValue()[0].setName(i18n.text("train.legend.estimate", label(e.getKey())));
            e.getValue()[1].setName(truthLegend(e.getKey()));
        }
        lipschitz.clearReferenceLines();
        lipschitz.addReferenceLine(ReferenceLine.horizontal(1, "1"));
        estimates.clearReferenceLines();
        addReferenceLines();
        for (LineChart c : new LineChart[] {losses, estimates, lipschitz, modes, accuracy}) {
            c.invalidate();
        }
    }

    /** The evaluation batch's size n, named in the accuracy chart's title. */
    void setEvaluationBatch(int n) {
        if (n != evaluationBatch) {
            evaluationBatch = n;
            accuracy.setTitle(i18n.text("train.chart.accuracy", n));
        }
    }

    /** The modes chart only for data with modes (Gaussian mixtures); otherwise Lipschitz takes its cell. */
    private void showModes(boolean on) {
        modes.setVisible(on);
        modes.setManaged(on);
    }

    /** The D accuracy chart only for a D with a probability output (not for critics). */
    private void showAccuracy(boolean on) {
        accuracy.setVisible(on);
        accuracy.setManaged(on);
    }

    /** Empties every chart (a new model). */
    void clear() {
        showModes(false);
        showAccuracy(false);
        losses.clearData();
        lipschitz.clearData();
        modes.clearData();
        accuracy.clearData();
        current = null;
        stepIteration = -1;
        stepPosition = Double.NaN;
        // Series cannot be removed from a LineChart: a fresh chart drops the pairs of a previous objective.
        estimates = themes.style(new LineChart());
        estimates.setMinSize(0, 0);
        estimates.setId(idPrefix + "chart-estimate");
        estimates.setTitle(i18n.text("train.chart.estimate"));
        estimates.setAxisLabels(i18n.text("train.axis.iteration"), "");
        estimateSlot.getChildren().setAll(estimates);
        estimateSeries.clear();
        truthMethods.clear();
        w1Floor = Double.NaN;
    }

    /**
     * A single Step D or Step G: its loss as a marker between two iterations, at {@link StepReport#position()};
     * the full point that follows it (the same iteration) is charted there too, so the estimate, truth, modes
     * and accuracy show what the step changed instead of stacking on the iteration's own point.
     */
    void step(StepReport r) {
        stepIteration = r.iteration();
        stepPosition = r.position();
        if (Double.isFinite(r.lossAfter())) {
            (r.critic() ? criticStepLoss : generatorStepLoss).append(stepPosition, r.lossAfter());
        }
    }

    void add(HistoryPoint h) {
        if (!h.full()) {
            if (Double.isFinite(h.criticLoss())) {
                criticLoss.append(h.iteration(), h.criticLoss());
            }
            if (Double.isFinite(h.generatorLoss())) {
                generatorLoss.append(h.iteration(), h.generatorLoss());
            }
            if (Double.isFinite(h.estimate())) {
                seriesFor(h.estimated())[0].append(h.iteration(), shown(h.estimated(), h.estimate()));
            }
            addAccuracy(h.iteration(), h.dAccuracy());
            return;
        }
        // A full point right after a single step: at the step's position, with its estimate (no cheap point
        // comes for a step); otherwise at its iteration (its estimate repeats the cheap point's).
        boolean afterStep = h.iteration() == stepIteration;
        double x = afterStep ? stepPosition : h.iteration();
        if (afterStep) {
            if (Double.isFinite(h.estimate())) {
                seriesFor(h.estimated())[0].append(x, shown(h.estimated(), h.estimate()));
            }
            addAccuracy(x, h.dAccuracy());
        }
        if (Double.isFinite(h.truth())) {
            LineSeries[] pair = seriesFor(h.estimated());
            pair[1].append(x, shown(h.estimated(), h.truth()));
            String method = h.truthMethod() == null ? "" : h.truthMethod();
            if (!method.equals(truthMethods.get(h.estimated()))) {
                truthMethods.put(h.estimated(), method);
                pair[1].setName(truthLegend(h.estimated()));
            }
            if (h.estimated() == Objective.Estimated.W1 && Double.isFinite(h.w1Floor()) && h.w1Floor() != w1Floor) {
                w1Floor = h.w1Floor();
                estimates.clearReferenceLines();
                addReferenceLines();
            }
        }
        if (Double.isFinite(h.lipschitz())) {
            lipschitzSeries.append(x, h.lipschitz());
        }
        if (Double.isFinite(h.modes())) {
            modesSeries.append(x, h.modes());
            if (!modes.isVisible()) {
                showModes(true);
            }
            if (h.modeCount() != modeCount) {
                modeCount = h.modeCount();
                modes.setTitle(i18n.text("train.chart.modesOf", modeCount));
            }
        }
    }

    private void addAccuracy(double x, double a) {
        if (Double.isFinite(a)) {
            accuracySeries.append(x, a);
            if (!accuracy.isVisible()) {
                showAccuracy(true);
            }
        }
    }

    /**
     * The estimate and truth series of a divergence, created on first use (a live JS ↔ W switch adds a pair).
     * Only the pair of the divergence estimated now shows: the other is kept but hidden, so its values (W1 in data
     * units, JS in nats) do not set the axis.
     */
    private LineSeries[] seriesFor(Objective.Estimated e) {
        LineSeries[] s = estimateSeries.get(e);
        if (s == null) {
            int base = 2 * estimateSeries.size();
            s = new LineSeries[] {estimates.addSeries(i18n.text("train.legend.estimate", label(e)), 2 + base % 4),
                    estimates.addSeries(i18n.text("train.legend.truth", label(e)), 3 + base % 4)};
            s[1].setDashed(true);
            estimateSeries.put(e, s);
        }
        if (e != current) {
            current = e;
            for (Map.Entry<Objective.Estimated, LineSeries[]> pair : estimateSeries.entrySet()) {
                for (LineSeries one : pair.getValue()) {
                    one.setVisible(pair.getKey() == e);
                }
            }
            estimates.clearReferenceLines();
            addReferenceLines();
        }
        return s;
    }

    /** The divergence whose pair the estimate chart shows (null before the first point). */
    Objective.Estimated shownEstimate() {
        return current;
    }

    private void addReferenceLines() {
        if (current == Objective.Estimated.JS) {
            estimates.addReferenceLine(ReferenceLine.horizontal(themes.units().shown(Math.log(2)), "log 2"));
        }
        if (current == Objective.Estimated.W1 && Double.isFinite(w1Floor)) {
            estimates.addReferenceLine(ReferenceLine.horizontal(w1Floor,
                    i18n.text("train.legend.w1Floor", sampleSize(truthMethods.get(Objective.Estimated.W1)))));
        }
    }

    /** The second line's legend: the divergence and what kind of value it is, from its method label. */
    private String truthLegend(Objective.Estimated e) {
        String method = truthMethods.getOrDefault(e, "");
        return i18n.text(legendKey(method), label(e), sampleSize(method));
    }

    /** The bundle key naming a method label's kind (see {@link TruthMethod}). */
    static String legendKey(String label) {
        TruthMethod m = TruthMethod.parse(label);
        if (m == null) {
            return "train.legend.truth";
        }
        return switch (m.kind()) {
            case CLOSED_FORM, QUADRATURE, SINGULAR -> "train.legend.truthExact";
            case EXACT_DENSITY_MONTE_CARLO -> "train.legend.truthMc";
            case SAMPLE_TRANSPORT -> "train.legend.truthOt";
            case KDE -> "train.legend.truthKde";
            case HISTOGRAM -> "train.legend.truthHistogram";
            case OTHER -> "train.legend.truth";
        };
    }

    /** The n of a method label ("ot-n=512(…)", "histogram(n=512)", "exact-mc(se=…,n=4096)"), or "?" . */
    static String sampleSize(String label) {
        TruthMethod m = TruthMethod.parse(label);
        return m == null || m.n() < 0 ? "?" : Integer.toString(m.n());
    }
}
