package org.divergencelab.ui.train;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.divergencelab.gan.Objective;
import org.divergencelab.nn.Readouts;
import org.divergencelab.training.HistoryPoint;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.DensityPlot;
import org.divergencelab.ui.plot.HistogramLayer;
import org.divergencelab.ui.plot.LineChart;
import org.divergencelab.ui.plot.LineSeries;
import org.divergencelab.ui.plot.ReferenceLine;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * Critic internals on demand: per-layer weight histograms (with weight clipping, the pile-up at ±c is
 * marked) and per-layer weight-gradient norms over iterations.
 */
final class InternalsView {
    private final I18n i18n;
    final DensityPlot weights;
    final LineChart gradients;
    private final List<LineSeries> gradientSeries = new ArrayList<>();
    private final HBox root;
    private TrainingSession.PanelState last;

    InternalsView(I18n i18n, ThemeManager themes, String idPrefix) {
        this.i18n = i18n;
        weights = themes.style(new DensityPlot());
        gradients = themes.style(new LineChart());
        weights.setId(idPrefix + "internals-weights");
        // The ±c lines sit at both edges with their labels at the top: a legend in a corner would hide one.
        weights.setLegendPosition(org.divergencelab.ui.plot.XYPlot.LegendPosition.BELOW);
        gradients.setId(idPrefix + "internals-gradients");
        root = new HBox(4, weights, gradients);
        HBox.setHgrow(weights, Priority.ALWAYS);
        HBox.setHgrow(gradients, Priority.ALWAYS);
        weights.setMinWidth(0);
        gradients.setMinWidth(0);
        weights.prefWidthProperty().bind(root.widthProperty().divide(2));
        gradients.prefWidthProperty().bind(root.widthProperty().divide(2));
        relabel();
    }

    Node node() {
        return root;
    }

    void relabel() {
        weights.setTitle(i18n.text("train.view.weights"));
        weights.setAxisLabels(i18n.text("train.axis.weight"), i18n.text("train.axis.density"));
        gradients.setTitle(i18n.text("train.view.gradNorms"));
        gradients.setAxisLabels(i18n.text("train.axis.iteration"), "‖∇W‖");
        for (int i = 0; i < gradientSeries.size(); i++) {
            gradientSeries.get(i).setName(i18n.text("train.legend.layer", i + 1));
        }
        if (last != null) {
            show(last);
        }
    }

    void clear() {
        gradients.clearData();
    }

    /**
     * Palette index of critic layer {@code k}: the layer colours start after the real/generated pair (indices 0
     * and 1) but may use them too, as this view shows no data; so up to 7 layers (S19's deep critic) get
     * distinct colours before any repeats.
     */
    static int layerColour(int k) {
        return (2 + k) % 7;
    }

    void add(HistoryPoint h) {
        if (h.gradNorms() == null) {
            return;
        }
        while (gradientSeries.size() < h.gradNorms().length) {
            int k = gradientSeries.size();
            gradientSeries.add(gradients.addSeries(i18n.text("train.legend.layer", k + 1), layerColour(k)));
        }
        for (int i = 0; i < h.gradNorms().length; i++) {
            if (Double.isFinite(h.gradNorms()[i])) {
                gradientSeries.get(i).append(h.iteration(), h.gradNorms()[i]);
            }
        }
    }

    void show(TrainingSession.PanelState p) {
        last = p;
        List<Readouts.LayerReadout> layers = p.snapshot().criticLayers();
        if (layers.isEmpty()) {
            return;
        }
        List<HistogramLayer> hs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Readouts.Histogram h = layers.get(i).weights();
            int[] counts = h.counts();
            int bins = counts.length;
            double lo = h.min();
            double hi = h.max() > h.min() ? h.max() : h.min() + 1e-9;
            double width = (hi - lo) / bins;
            double[] edges = new double[bins + 1];
            double[] heights = new double[bins];
            for (int b = 0; b <= bins; b++) {
                edges[b] = lo + width * b;
            }
            for (int b = 0; b < bins; b++) {
                heights[b] = counts[b] / (h.total() * width);
            }
            hs.add(new HistogramLayer(i18n.text("train.legend.layer", i + 1), edges, heights, layerColour(i)));
        }
        weights.setHistograms(hs);
        weights.layers().clear();
        Objective o = p.experiment().objective();
        if (o.kind() == Objective.Kind.WGAN_CLIP) {
            weights.layers().addAll(ReferenceLine.vertical(-o.clip(), "−c"), ReferenceLine.vertical(o.clip(), "+c"));
        }
    }
}
