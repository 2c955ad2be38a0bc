package org.divergencelab.ui.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.sandbox.SandboxCompute;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.CurveLayer;
import org.divergencelab.ui.plot.Layer;
import org.divergencelab.ui.plot.LineChart;
import org.divergencelab.ui.plot.LineSeries;
import org.divergencelab.ui.plot.Range;
import org.divergencelab.ui.plot.ReferenceLine;
import org.divergencelab.ui.plot.ScatterLayer;
import org.divergencelab.ui.plot.XYPlot;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * Two of the sandbox's plots: the sweep (each divergence and W1 against Q's offset, WGAN paper Fig. 1) and
 * the 1-D critic with its Lipschitz cone following the mouse.
 */
final class SweepAndCriticPlots {
    private static final double LOG2 = Math.log(2);

    private final I18n i18n;
    private final LineChart sweepChart = new LineChart();
    private final XYPlot criticPlot = new XYPlot();
    private final Map<String, LineSeries> sweepSeries = new HashMap<>();
    private double criticCursor = Double.NaN;
    private SandboxCompute.Learned learned;
    private boolean cursorDot;
    private int dimension;
    /** The plots with a "computing…" hint over them while their numbers are older than the state. */
    private final StackPane sweepNode = new StackPane(sweepChart);
    private final StackPane criticNode = new StackPane(criticPlot);
    private final Label sweepHint = hint("sandbox-sweep-computing");
    private final Label criticHint = hint("sandbox-critic-computing");
    private boolean sweepComputing;
    private boolean criticComputing;
    private boolean onRelease;

    SweepAndCriticPlots(I18n i18n, ThemeManager themes) {
        this.i18n = i18n;
        themes.style(sweepChart);
        themes.style(criticPlot);
        sweepChart.setId("sandbox-sweep");
        criticPlot.setId("sandbox-critic");
        sweepChart.axes().setIntegerX(false);
        // six curves fill the sweep's corners (W1 rises to the top corners, JS and TV sit at log 2 and 1, the
        // divergences all reach 0 at θ = 0): the legend goes below the plot area, never over a curve
        sweepChart.setLegendPosition(XYPlot.LegendPosition.BELOW);
        // the critic runs corner to corner and the cone fans out from the cursor: below as well
        criticPlot.setLegendPosition(XYPlot.LegendPosition.BELOW);
        sweepNode.getChildren().add(sweepHint);
        criticNode.getChildren().add(criticHint);
        for (String k : new String[] {"js", "kl", "klr", "tv", "h2", "w1"}) {
            sweepSeries.put(k, sweepChart.addSeries(k, paletteOf(k)));
        }
        criticPlot.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            if (criticPlot.inPlotArea(e.getX(), e.getY())) {
                criticCursor = criticPlot.toData(e.getX(), e.getY()).getX();
                drawCone();
            }
        });
    }

    LineChart sweep() {
        return sweepChart;
    }

    XYPlot critic() {
        return criticPlot;
    }

    /** The sweep with its hint (what the layout places). */
    StackPane sweepNode() {
        return sweepNode;
    }

    /** The critic with its hint (what the layout places). */
    StackPane criticNode() {
        return criticNode;
    }

    private static Label hint(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("sandbox-computing-hint");
        l.setStyle("-fx-background-color: -fx-background; -fx-background-radius: 4; -fx-padding: 2 8 2 8;"
                + " -fx-opacity: 0.9;");
        l.setMouseTransparent(true);
        l.setVisible(false);
        StackPane.setAlignment(l, Pos.CENTER);
        return l;
    }

    /**
     * Dims the critic ({@code learned}: the networks are older than the state) and the sweep ({@code sweep}) with
     * a hint over them until their new results arrive ({@code onRelease}: during a drag they follow on release).
     */
    void setComputing(boolean learned, boolean sweep, boolean onRelease) {
        this.criticComputing = learned;
        this.sweepComputing = sweep;
        this.onRelease = onRelease;
        String text = i18n.text(onRelease ? "sandbox.computing.onRelease" : "sandbox.computing");
        sweepHint.setText(text);
        criticHint.setText(text);
        sweepHint.setVisible(sweep);
        criticHint.setVisible(learned && dimension == 1);
        sweepChart.setOpacity(sweep ? 0.45 : 1);
        criticPlot.setOpacity(learned ? 0.45 : 1);
    }

    boolean sweepComputing() {
        return sweepComputing;
    }

    void refreshTexts() {
        sweepChart.setTitle(i18n.text("sandbox.title.sweep"));
        sweepChart.setAxisLabels(i18n.text("sandbox.axis.offset"), i18n.text("sandbox.axis.nats"));
        criticPlot.setTitle(i18n.text("sandbox.title.critic"));
        criticPlot.setAxisLabels(i18n.text("sandbox.axis.x"), i18n.text("sandbox.axis.critic"));
        for (String k : sweepSeries.keySet()) {
            sweepSeries.get(k).setName(i18n.text("sandbox.series." + k));
        }
        if (w1Method != null && !w1Method.exact()) {
            sweepSeries.get("w1").setName(i18n.text("sandbox.series.w1.sample", Integer.toString(w1Method.n())));
        }
        setComputing(criticComputing, sweepComputing, onRelease);
    }

    private org.divergencelab.sandbox.ValueMethod w1Method;

    /** Each divergence and W1 against the offset; {@code offset} is the current one (marked). */
    void drawSweep(SandboxCompute.Sweep s, double offset) {
        for (DivergenceKind k : SandboxCompute.KINDS) {
            double[] v = s.values().get(k).clone();
            for (int i = 0; i < v.length; i++) {
                if (Double.isInfinite(v[i])) {
                    v[i] = Double.NaN; // ∞ breaks the curve (the read-outs print ∞)
                }
            }
            sweepSeries.get(SandboxReadouts.key(k)).setAll(s.offsets(), v);
        }
        sweepSeries.get("w1").setAll(s.offsets(), s.w1());
        // the W1 curve says when it is a sample value (transport between draws), as the read-outs do
        w1Method = s.w1Method();
        sweepSeries.get("w1").setName(w1Method.exact() ? i18n.text("sandbox.series.w1")
                : i18n.text("sandbox.series.w1.sample", Integer.toString(w1Method.n())));
        // y up to the larger of W1 and 1 (JS, TV, H² live in [0, 1]); KL's large values leave the chart
        double top = 1;
        for (double w : s.w1()) {
            top = Math.max(top, w);
        }
        sweepChart.axes().setYRange(new Range(0, 1.1 * top));
        markOffset(offset);
    }


    /** The log 2 line and the current offset on the sweep. */
    void markOffset(double offset) {
        sweepChart.clearReferenceLines();
        sweepChart.addReferenceLine(ReferenceLine.horizontal(LOG2, "log 2"));
        sweepChart.addReferenceLine(ReferenceLine.vertical(offset, i18n.text("sandbox.sweep.current")));
    }


    /**
     * The critic with the cone of slopes ±1 at the cursor (a 1-Lipschitz f stays inside it); remembers its
     * inputs so that moving the cursor redraws it.
     */
    void drawCone(SandboxCompute.Learned learned, boolean cursorDot, int dimension) {
        this.learned = learned;
        this.cursorDot = cursorDot;
        this.dimension = dimension;
        drawCone();
    }

    private void drawCone() {
        if (learned == null || learned.critic() == null || dimension != 1) {
            criticPlot.setLayers(List.of());
            return;
        }
        var c = learned.critic();
        double[] xs = c.xs();
        double[] f = c.feasibleValues();
        double lo = xs[0];
        double hi = xs[xs.length - 1];
        double cx = Double.isNaN(criticCursor) || criticCursor < lo || criticCursor > hi ? (lo + hi) / 2 : criticCursor;
        int i = (int) Math.round((cx - lo) / (hi - lo) * (xs.length - 1));
        double fx = f[i];
        cx = xs[i];
        double[] cone = {lo, cx, hi};
        double[] up = {fx - (cx - lo), fx, fx + (hi - cx)};
        double[] down = {fx + (cx - lo), fx, fx - (hi - cx)};
        List<Layer> layers = new ArrayList<>();
        layers.add(new CurveLayer(i18n.text("sandbox.legend.criticFeasible"), xs, f, 2));
        layers.add(new CurveLayer(i18n.text("sandbox.legend.cone"), cone, up, 6, null, true, false, 0));
        layers.add(new CurveLayer("", cone, down, 6, null, true, false, 0));
        if (cursorDot) {
            layers.add(new ScatterLayer(i18n.text("sandbox.legend.cursor"), new double[] {cx}, new double[] {fx}, 3));
        }
        criticPlot.setLayers(layers);
    }


    private static int paletteOf(String k) {
        return switch (k) {
            case "js" -> 0;
            case "kl" -> 1;
            case "klr" -> 3;
            case "tv" -> 4;
            case "h2" -> 5;
            default -> 2;
        };
    }

}
