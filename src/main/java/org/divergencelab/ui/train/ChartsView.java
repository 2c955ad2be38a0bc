package org.divergencelab.ui.train;

import java.util.EnumMap;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

import org.divergencelab.gan.Objective;
import org.divergencelab.training.HistoryPoint;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.LineChart;
import org.divergencelab.ui.plot.LineSeries;
import org.divergencelab.ui.plot.ReferenceLine;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * Charts over iterations: D and G losses; the estimate beside the truth (JS estimate vs KDE JS with log 2
 * marked, W estimate vs exact W1); Lipschitz estimate vs 1; modes captured. Fed by {@link HistoryPoint}s:
 * losses and estimates from the cheap per-iteration points, truths from full snapshots.
 */
final class ChartsView {
    private final I18n i18n;
    final LineChart losses;
    LineChart estimates;
    private final ThemeManager themes;
    private final String idPrefix;
    final LineChart lipschitz;
    final LineChart modes;
    final LineSeries criticLoss;
    final LineSeries generatorLoss;
    private final LineSeries lipschitzSeries;
    private final LineSeries modesSeries;
    private final Map<Objective.Estimated, LineSeries[]> estimateSeries = new EnumMap<>(Objective.Estimated.class);
    private final GridPane root = new GridPane();
    private int modeCount;

    ChartsView(I18n i18n, ThemeManager themes, String idPrefix) {
        this.i18n = i18n;
        this.themes = themes;
        this.idPrefix = idPrefix;
        losses = themes.style(new LineChart());
        estimates = themes.style(new LineChart());
        lipschitz = themes.style(new LineChart());
        modes = themes.style(new LineChart());
        losses.setId(idPrefix + "chart-losses");
        estimates.setId(idPrefix + "chart-estimate");
        lipschitz.setId(idPrefix + "chart-lipschitz");
        modes.setId(idPrefix + "chart-modes");
        criticLoss = losses.addSeries("D", 2);
        generatorLoss = losses.addSeries("G", 1);
        lipschitzSeries = lipschitz.addSeries("L", 2);
        modesSeries = modes.addSeries("modes", 1);
        root.add(losses, 0, 0);
        root.add(estimates, 1, 0);
        root.add(lipschitz, 0, 1);
        root.add(modes, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            root.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            root.getRowConstraints().add(r);
        }
        root.setHgap(4);
        root.setVgap(4);
        root.setMinSize(0, 0);
        for (LineChart c : new LineChart[] {losses, estimates, lipschitz, modes}) {
            c.setMinSize(0, 0);
        }
        showModes(false);
        relabel();
    }

    Node node() {
        return root;
    }

    void relabel() {
        losses.setTitle(i18n.text("train.chart.losses"));
        estimates.setTitle(i18n.text("train.chart.estimate"));
        lipschitz.setTitle(i18n.text("train.chart.lipschitz"));
        modes.setTitle(modeCount > 0 ? i18n.text("train.chart.modesOf", modeCount) : i18n.text("train.chart.modes"));
        for (LineChart c : new LineChart[] {losses, estimates, lipschitz, modes}) {
            c.setAxisLabels(i18n.text("train.axis.iteration"), "");
        }
        criticLoss.setName(i18n.text("train.legend.dLoss"));
        generatorLoss.setName(i18n.text("train.legend.gLoss"));
        lipschitzSeries.setName(i18n.text("train.legend.lipschitz"));
        modesSeries.setName(i18n.text("train.legend.modes"));
        for (Map.Entry<Objective.Estimated, LineSeries[]> e : estimateSeries.entrySet()) {
            e.getValue()[0].setName(i18n.text("train.legend.estimate", e.getKey().label()));
            e.getValue()[1].setName(i18n.text("train.legend.truth", e.getKey().label()));
        }
        lipschitz.clearReferenceLines();
        lipschitz.addReferenceLine(ReferenceLine.horizontal(1, "1"));
        estimates.clearReferenceLines();
        if (estimateSeries.containsKey(Objective.Estimated.JS)) {
            estimates.addReferenceLine(ReferenceLine.horizontal(Math.log(2), "log 2"));
        }
        for (LineChart c : new LineChart[] {losses, estimates, lipschitz, modes}) {
            c.invalidate();
        }
    }

    /** The modes chart only for data with modes (Gaussian mixtures); otherwise Lipschitz takes its cell. */
    private void showModes(boolean on) {
        modes.setVisible(on);
        modes.setManaged(on);
        GridPane.setColumnSpan(lipschitz, on ? 1 : 2);
    }

    /** Empties every chart (a new model). */
    void clear() {
        showModes(false);
        losses.clearData();
        lipschitz.clearData();
        modes.clearData();
        // Series cannot be removed from a LineChart: a fresh chart drops the pairs of a previous objective.
        root.getChildren().remove(estimates);
        estimates = themes.style(new LineChart());
        estimates.setMinSize(0, 0);
        estimates.setId(idPrefix + "chart-estimate");
        estimates.setTitle(i18n.text("train.chart.estimate"));
        estimates.setAxisLabels(i18n.text("train.axis.iteration"), "");
        root.add(estimates, 1, 0);
        estimateSeries.clear();
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
                seriesFor(h.estimated())[0].append(h.iteration(), h.estimate());
            }
            return;
        }
        if (Double.isFinite(h.truth())) {
            seriesFor(h.estimated())[1].append(h.iteration(), h.truth());
        }
        if (Double.isFinite(h.lipschitz())) {
            lipschitzSeries.append(h.iteration(), h.lipschitz());
        }
        if (Double.isFinite(h.modes())) {
            modesSeries.append(h.iteration(), h.modes());
            if (!modes.isVisible()) {
                showModes(true);
            }
            if (h.modeCount() != modeCount) {
                modeCount = h.modeCount();
                modes.setTitle(i18n.text("train.chart.modesOf", modeCount));
            }
        }
    }

    /** The estimate and truth series of a divergence, created on first use (a live JS ↔ W switch adds a pair). */
    private LineSeries[] seriesFor(Objective.Estimated e) {
        LineSeries[] s = estimateSeries.get(e);
        if (s == null) {
            int base = 2 * estimateSeries.size();
            s = new LineSeries[] {estimates.addSeries(i18n.text("train.legend.estimate", e.label()), 2 + base % 4),
                    estimates.addSeries(i18n.text("train.legend.truth", e.label()), 3 + base % 4)};
            s[1].setDashed(true);
            estimateSeries.put(e, s);
            if (e == Objective.Estimated.JS) {
                estimates.addReferenceLine(ReferenceLine.horizontal(Math.log(2), "log 2"));
            }
        }
        return s;
    }
}
