package org.divergencelab.ui.lesson;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.divergencelab.lesson.SceneFigure;
import org.divergencelab.ui.plot.LineChart;
import org.divergencelab.ui.plot.LineSeries;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * A scene's computed figure ({@link SceneFigure.Data}) as a line chart (log y where the figure asks), with a
 * "computing … %" label while its data are being computed off the FX thread. FX thread only.
 */
public final class SceneFigureView {
    private static final String[] COMPUTING = {"Computing the figure … ", "正在計算圖表 … ", "正在计算图表 … "};
    private static final String[] FAILED = {"The figure could not be computed: ", "無法計算圖表：", "无法计算图表："};
    /** Width and height of the figure beside the caption. */
    static final double WIDTH = 470;
    static final double HEIGHT = 250;

    private final StackPane root = new StackPane();
    private final ThemeManager themes;
    private final Label status = new Label();
    private volatile LineChart chart;
    private VBox chartBox;
    private final FlowPane legend = new FlowPane(12, 2);
    private volatile SceneFigure.Data data;
    private Locale locale = Locale.ENGLISH;
    private double done;

    public SceneFigureView(ThemeManager themes) {
        this.themes = themes;
        root.setId("scene-figure");
        legend.setAlignment(javafx.geometry.Pos.CENTER);
        resize();
        themes.themeProperty().addListener((o, a, b) -> resize());
        themes.fontScaleProperty().addListener((o, a, b) -> resize());
        status.setId("scene-figure-status");
        root.getChildren().add(status);
        clear();
    }

    /**
     * {@link #WIDTH}×{@link #HEIGHT} at the light theme's 12 px plot font, larger with the plots' font (projector
     * 20 px, font scale): at a fixed size the projector's two-line title and legend left the chart a 25 px strip
     * (S15 at 1280×720). Width grows to 1.4×, height to 2× at most; the caption scrolls past its cap.
     */
    private void resize() {
        double k = themes.getTheme().fontSize() * themes.fontScaleProperty().get() / 100.0 / Theme.LIGHT.fontSize();
        double w = WIDTH * Math.clamp(k, 1, 1.4);
        double h = HEIGHT * Math.clamp(k, 1, 2);
        root.setPrefSize(w, h);
        root.setMinSize(w, h);
        root.setMaxSize(w, h);
    }

    /** The node. */
    public StackPane node() {
        return root;
    }

    /** The chart of the figure shown, or null while computing. */
    public LineChart chart() {
        return chart;
    }

    /** The figure shown, or null while computing. */
    public SceneFigure.Data data() {
        return data;
    }

    /** Removes the chart and shows "computing 0 %". */
    public void clear() {
        data = null;
        if (chartBox != null) {
            root.getChildren().remove(chartBox);
            chartBox = null;
            chart = null;
        }
        status.setVisible(true);
        progress(0);
    }

    /** Shows the progress of the computation, {@code f} in [0, 1]. */
    public void progress(double f) {
        done = Math.max(0, Math.min(1, f));
        status.setText(COMPUTING[lang()] + Math.round(100 * done) + " %");
    }

    /** Says the figure could not be computed, and why. */
    public void failed(String why) {
        clear();
        status.setText(FAILED[lang()] + why);
    }

    /** Shows {@code d} (series cannot be removed from a LineChart, so each figure gets a fresh chart). */
    public void show(SceneFigure.Data d) {
        clear();
        LineChart c = themes.style(new LineChart());
        c.setId("scene-figure-chart");
        c.axes().setLogY(d.logY());
        // chart before data, both volatile: whoever sees the data (a test polling off the FX thread) sees its chart
        chart = c;
        data = d;
        // The legend goes below the chart: in a figure this small any corner of the plot hides a curve.
        chart.setLegendPosition(org.divergencelab.ui.plot.XYPlot.LegendPosition.NONE);
        lines.clear();
        for (int i = 0; i < d.series().size(); i++) {
            SceneFigure.Series s = d.series().get(i);
            LineSeries ls = chart.addSeries(s.name().in(locale), s.colour() >= 0 ? s.colour() : i);
            ls.setDashed(s.dashed());
            lines.add(ls);
            double[] x = s.x();
            double[] y = s.y();
            for (int k = 0; k < x.length; k++) {
                ls.append(x[k], y[k]);
            }
        }
        planeAxes(c, d);
        legend.getChildren().clear();
        for (int i = 0; i < d.series().size(); i++) {
            SceneFigure.Series s = d.series().get(i);
            javafx.scene.shape.Line swatch = new javafx.scene.shape.Line(0, 0, 18, 0);
            swatch.setStrokeWidth(3);
            if (s.dashed()) {
                swatch.getStrokeDashArray().setAll(5.0, 3.0);
            }
            int palette = s.colour() >= 0 ? s.colour() : i;
            swatch.strokeProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                    () -> themes.getTheme().series(palette), themes.themeProperty()));
            Label name = new Label(d.series().get(i).name().in(locale), swatch);
            name.setId("scene-figure-legend-" + i);
            legend.getChildren().add(name);
        }
        // A long legend in a large font (projector theme, S22's six stages) must not squeeze the chart away: it
        // scrolls within a third of the figure's height.
        javafx.scene.control.ScrollPane legendPane = new javafx.scene.control.ScrollPane(legend);
        legendPane.setFitToWidth(true);
        legendPane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        legendPane.maxHeightProperty().bind(root.heightProperty().divide(3));
        // the whole legend when it fits in that third (its height as laid out at the figure's width)
        legendPane.minViewportHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(legend.getHeight(), root.getHeight() / 3 - 4), legend.heightProperty(),
                root.heightProperty()));
        legendPane.getStyleClass().add("edge-to-edge");
        VBox box = new VBox(2, chart, legendPane);
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        chartBox = box;
        root.getChildren().add(0, box);
        status.setVisible(false);
        relabel(locale);
    }

    /**
     * A figure drawn in the data plane ({@link SceneFigure#PLANE_X}: S22's segments, S25's path and crosses) has
     * series whose x goes back and forth or stands still, while a chart series ranges from its first to its last
     * x: such a figure gets its x and y ranges from all finite points (5 % margin), one unit the same length on
     * both axes and ticks at any x.
     */
    private static void planeAxes(LineChart c, SceneFigure.Data d) {
        if (!SceneFigure.PLANE_X.equals(d.xLabel()) || d.logY()) {
            return;
        }
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (SceneFigure.Series s : d.series()) {
            double[] x = s.x();
            double[] y = s.y();
            for (int k = 0; k < x.length; k++) {
                if (Double.isFinite(y[k])) {
                    x0 = Math.min(x0, x[k]);
                    x1 = Math.max(x1, x[k]);
                    y0 = Math.min(y0, y[k]);
                    y1 = Math.max(y1, y[k]);
                }
            }
        }
        double m = 0.05 * Math.max(x1 - x0, y1 - y0) + 1e-9;
        c.axes().setIntegerX(false).setAspectLocked(true)
                .setXRange(new org.divergencelab.ui.plot.Range(x0 - m, x1 + m))
                .setYRange(new org.divergencelab.ui.plot.Range(y0 - m, y1 + m));
    }

    /** The chart's curves, in the figure's series order (their names follow the language). */
    private final java.util.List<LineSeries> lines = new java.util.ArrayList<>();

    /** Titles, axis labels and legend names in {@code l}. */
    public void relabel(Locale l) {
        this.locale = l;
        if (chart != null) {
            chart.setTitle(data.title().in(l));
            chart.setAxisLabels(data.xLabel().in(l), data.yLabel().in(l));
            for (int i = 0; i < lines.size() && i < data.series().size(); i++) {
                String name = data.series().get(i).name().in(l);
                lines.get(i).setName(name);
                if (i < legend.getChildren().size() && legend.getChildren().get(i) instanceof Label label) {
                    label.setText(name);
                }
            }
            chart.invalidate();
        } else {
            progress(done);
        }
    }

    private int lang() {
        return "zh".equals(locale.getLanguage()) ? ("TW".equals(locale.getCountry()) ? 1 : 2) : 0;
    }
}
