package org.divergencelab.ui;

import java.util.List;
import java.util.SplittableRandom;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.ArrowLayer;
import org.divergencelab.ui.plot.ColorMap;
import org.divergencelab.ui.plot.CurveLayer;
import org.divergencelab.ui.plot.DensityPlot;
import org.divergencelab.ui.plot.Field;
import org.divergencelab.ui.plot.GridLayer;
import org.divergencelab.ui.plot.Heatmap;
import org.divergencelab.ui.plot.HeatmapLayer;
import org.divergencelab.divergence.Histogram;
import org.divergencelab.ui.plot.HistogramLayer;
import org.divergencelab.ui.plot.LineChart;
import org.divergencelab.ui.plot.LineSeries;
import org.divergencelab.ui.plot.MatrixView;
import org.divergencelab.ui.plot.PlotWidget;
import org.divergencelab.ui.plot.Range;
import org.divergencelab.ui.plot.ReferenceLine;
import org.divergencelab.ui.plot.ScatterLayer;
import org.divergencelab.ui.plot.ScatterPlot;
import org.divergencelab.ui.plot.SegmentLayer;
import org.divergencelab.ui.plot.WarpedGrid;
import org.divergencelab.ui.plot.XYPlot;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * A gallery of every plot widget fed with illustrative data that this class computes itself from a fixed
 * seed (two Gaussians, a smooth field, a random plan…). It is labelled as such in the window: nothing here
 * comes from training or from the exact divergence code.
 */
public final class WidgetGallery {

    private static final long SEED = 20_240_521L;

    private final I18n i18n;
    private final ScatterPlot scatter;
    private final DensityPlot density;
    private final LineChart chart;
    private final Heatmap heatmap;
    private final ScatterPlot critic;
    private final MatrixView matrix;
    private final WarpedGrid grid;
    private final WarpedGrid map;
    private final LineSeries rising;
    private final LineSeries falling;
    private final ScrollPane node;
    private final GridPane layout = new GridPane();
    private final VBox header;
    private final List<StackPane> cards = new java.util.ArrayList<>();
    private int columns;
    private double cardHeight;

    // Illustrative data, computed once.
    private final double[][] ring;
    private final double[][] blob;
    private final double[][] arrows;
    private final double[][] plan;
    private final double[] histEdges;
    private final double[] histHeights;
    private final double[] curveX;
    private final double[] densP;
    private final double[] densG;
    private final double[] dOfX;
    private Field smooth;
    private long animatedFrames;
    private final CheckBox animate;
    /**
     * Frame-rate demo: every pulse the heatmap gets a new 128×128 field (colours and contours recomputed)
     * and the critic plot new points, as a live training view would; the status bar shows the frame times.
     */
    private final javafx.animation.AnimationTimer animation = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            animateStep(now * 1e-9);
        }
    };
    private final Field criticField;
    private final double[][] criticPoints;

    public WidgetGallery(I18n i18n, ThemeManager themes) {
        this.i18n = i18n;
        SplittableRandom rnd = new SplittableRandom(SEED);
        ring = ringSamples(rnd, 400);
        blob = gaussian2d(rnd, 400, 0, 0, 0.7);
        arrows = towardsRing(blob, 80);
        plan = couplings(rnd, blob, ring, 40);

        curveX = linspace(-4, 5, 361);
        densP = new double[curveX.length];
        densG = new double[curveX.length];
        dOfX = new double[curveX.length];
        for (int i = 0; i < curveX.length; i++) {
            densP[i] = normalPdf(curveX[i], -1.2, 0.6);
            densG[i] = normalPdf(curveX[i], 1.4, 0.9);
            dOfX[i] = densP[i] / (densP[i] + densG[i]);
        }
        histEdges = linspace(-2.5, 5, 41);
        histHeights = histogram(rnd, 2000, 1.4, 0.9, histEdges);

        smooth = field(128, -3, 3, (x, y) -> Math.sin(1.2 * x) * Math.cos(0.9 * y) + 0.25 * x);
        criticField = field(96, -3, 3, (x, y) -> Math.tanh(0.9 * x) * Math.exp(-0.06 * y * y) + 0.15 * y);
        double[][] left = gaussian2d(rnd, 150, -1.5, 0.3, 0.45);
        double[][] right = gaussian2d(rnd, 150, 1.6, -0.4, 0.5);
        criticPoints = new double[][] {left[0], left[1], right[0], right[1]};

        scatter = themes.style(new ScatterPlot());
        density = themes.style(new DensityPlot());
        chart = themes.style(new LineChart());
        heatmap = themes.style(new Heatmap());
        critic = themes.style(new ScatterPlot());
        matrix = themes.style(new MatrixView());
        grid = themes.style(new WarpedGrid());
        map = themes.style(new WarpedGrid());

        rising = chart.addSeries("", Theme.REAL);
        falling = chart.addSeries("", Theme.GENERATED);
        SplittableRandom noise = new SplittableRandom(SEED + 1);
        for (int t = 0; t <= 1500; t++) {
            rising.append(t, Math.log(2) * (1 - Math.exp(-t / 250.0)) + 0.02 * noise.nextGaussian());
            falling.append(t, 1.5 * Math.exp(-t / 400.0) + 0.03 * noise.nextGaussian());
        }

        density.setSecondaryAxis(new Range(0, 1), "");
        matrix.setPlan(randomPlan(rnd, 7, 7), 7, 7, linspace(0, 6, 7), linspace(2, 8, 7));

        layout.getStyleClass().add("gallery");
        Label note = new Label();
        note.setId("gallery-note");
        note.textProperty().bind(i18n.get("gallery.note"));
        note.getStyleClass().add("gallery-note");
        note.setWrapText(true);
        Label title = new Label();
        title.textProperty().bind(i18n.get("gallery.title"));
        title.getStyleClass().add("section-title");
        animate = new CheckBox();
        animate.setId("gallery-animate");
        animate.textProperty().bind(i18n.get("gallery.animate"));
        animate.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                animation.start();
            } else {
                animation.stop();
            }
        });
        header = new VBox(4, title, note, animate);
        for (PlotWidget w : widgets()) {
            StackPane card = new StackPane(w);
            card.getStyleClass().add("plot-card");
            cards.add(card);
        }
        node = new ScrollPane(layout);
        node.setFitToWidth(true);
        node.setId("gallery");
        // Columns follow the width and the theme's font size: two large cards on a projector, three or
        // four on a desk monitor.
        // (the widgets draw at the theme's font size times the font scale: 200 % needs cards twice as large)
        node.widthProperty().addListener((o, a, b) -> arrange(fontSize(themes)));
        themes.themeProperty().addListener((o, a, b) -> arrange(fontSize(themes)));
        themes.fontScaleProperty().addListener((o, a, b) -> arrange(fontSize(themes)));
        arrange(fontSize(themes));

        refreshTexts();
        i18n.localeProperty().addListener((o, a, b) -> refreshTexts());
    }

    /** The gallery's node (a scroll pane). */
    public Node node() {
        return node;
    }

    /** Every widget shown, in display order. */
    public List<PlotWidget> widgets() {
        return List.of(scatter, density, chart, heatmap, critic, matrix, grid, map);
    }

    /** The line chart (tests check its series). */
    public LineChart chart() {
        return chart;
    }

    /** Pulses animated so far (tests read it). */
    public long animatedFrames() {
        return animatedFrames;
    }

    /** Starts or stops the frame-rate demo animation. */
    public void setAnimating(boolean on) {
        animate.setSelected(on); // its listener starts or stops the timer, and the box shows the state
    }

    private void animateStep(double seconds) {
        animatedFrames++;
        double ph = seconds * 1.5;
        smooth = field(128, -3, 3, (x, y) -> Math.sin(1.2 * x + ph) * Math.cos(0.9 * y - 0.5 * ph) + 0.25 * x);
        heatmap.setField(HeatmapLayer.of(smooth).contours(7).colorBarLabel(i18n.text("gallery.heatmap.value")).build());
        double c = Math.cos(0.7 * seconds);
        double sn = Math.sin(0.7 * seconds);
        double[] gx = new double[blob[0].length];
        double[] gy = new double[gx.length];
        for (int i = 0; i < gx.length; i++) {
            gx[i] = c * blob[0][i] - sn * blob[1][i];
            gy[i] = sn * blob[0][i] + c * blob[1][i];
        }
        scatter.setSeries(new ScatterLayer(i18n.text("gallery.real"), ring[0], ring[1], Theme.REAL),
                new ScatterLayer(i18n.text("gallery.generated"), gx, gy, Theme.GENERATED));
        rising.append(rising.xRange().max() + 1, Math.log(2) + 0.02 * Math.sin(seconds * 7));
        falling.append(falling.xRange().max() + 1, 0.05 + 0.03 * Math.cos(seconds * 5));
    }

    /** Number of card columns now shown. */
    public int columns() {
        return columns;
    }

    /** The widgets' font size: the theme's times the font scale. */
    private static double fontSize(ThemeManager themes) {
        return themes.getTheme().fontSize() * themes.fontScaleProperty().get() / 100.0;
    }

    private void arrange(double fontSize) {
        double width = node.getWidth() > 0 ? node.getWidth() : 1200;
        double cardWidth = fontSize * 30;
        int n = Math.max(1, Math.min(4, (int) (width / cardWidth)));
        double cardHeight = fontSize * 26;
        if (n == columns && cardHeight == this.cardHeight) {
            return;
        }
        columns = n;
        this.cardHeight = cardHeight;
        layout.getChildren().clear();
        layout.getColumnConstraints().clear();
        for (int c = 0; c < n; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / n);
            cc.setHgrow(Priority.ALWAYS);
            layout.getColumnConstraints().add(cc);
        }
        layout.add(header, 0, 0, n, 1);
        for (int i = 0; i < cards.size(); i++) {
            StackPane card = cards.get(i);
            card.setMinHeight(cardHeight * 0.8);
            card.setPrefHeight(cardHeight);
            layout.add(card, i % n, 1 + i / n);
        }
    }

    /** Rebuilds layers and titles in the current language. */
    private void refreshTexts() {
        String real = i18n.text("gallery.real");
        String gen = i18n.text("gallery.generated");
        scatter.setTitle(i18n.text("gallery.scatter.title"));
        scatter.setAxisLabels(i18n.text("gallery.axis.x"), i18n.text("gallery.axis.y"));
        scatter.setSegments(new SegmentLayer(i18n.text("gallery.plan"), plan[0], plan[1], plan[2], plan[3], plan[4]));
        scatter.setSeries(new ScatterLayer(real, ring[0], ring[1], Theme.REAL),
                new ScatterLayer(gen, blob[0], blob[1], Theme.GENERATED));
        scatter.setArrows(new ArrowLayer(i18n.text("gallery.arrows"), arrows[0], arrows[1], arrows[2], arrows[3], 3));

        density.setTitle(i18n.text("gallery.density.title"));
        density.setAxisLabels(i18n.text("gallery.axis.x"), i18n.text("gallery.axis.density"));
        density.setSecondaryAxis(new Range(0, 1), i18n.text("gallery.axis.d"));
        density.setHistograms(new HistogramLayer(i18n.text("gallery.density.hist"), histEdges, histHeights,
                Theme.GENERATED));
        density.setCurves(new CurveLayer(i18n.text("gallery.density.truth"), curveX, densP, Theme.REAL, null, true,
                false, 0.12),
                new CurveLayer(i18n.text("gallery.density.model"), curveX, densG, Theme.GENERATED),
                new CurveLayer(i18n.text("gallery.density.d"), curveX, dOfX, 2, null, false, true, 0));
        density.setLegendPosition(XYPlot.LegendPosition.TOP_RIGHT);

        chart.setTitle(i18n.text("gallery.line.title"));
        chart.setAxisLabels(i18n.text("gallery.axis.iteration"), i18n.text("gallery.axis.nats"));
        rising.setName(i18n.text("gallery.line.rising"));
        falling.setName(i18n.text("gallery.line.falling"));
        chart.clearReferenceLines();
        chart.addReferenceLine(ReferenceLine.horizontal(Math.log(2), i18n.text("gallery.line.log2")));

        heatmap.setTitle(i18n.text("gallery.heatmap.title"));
        heatmap.setAxisLabels(i18n.text("gallery.axis.x"), i18n.text("gallery.axis.y"));
        heatmap.setField(HeatmapLayer.of(smooth).contours(7).colorBarLabel(i18n.text("gallery.heatmap.value")).build());

        critic.setTitle(i18n.text("gallery.critic.title"));
        critic.setAxisLabels(i18n.text("gallery.axis.x"), i18n.text("gallery.axis.y"));
        critic.setBackgroundField(HeatmapLayer.of(criticField).colorMap(ColorMap.DIVERGING).symmetric(true).contours(6)
                .colorBarLabel(i18n.text("gallery.axis.d")).build());
        critic.setSeries(new ScatterLayer(real, criticPoints[0], criticPoints[1], Theme.REAL, null, 1, false),
                new ScatterLayer(gen, criticPoints[2], criticPoints[3], Theme.GENERATED, null, 1, true));

        matrix.setTitle(i18n.text("gallery.matrix.title"));
        matrix.setLabels(i18n.text("gallery.matrix.rows"), i18n.text("gallery.matrix.cols"));

        grid.setTitle(i18n.text("gallery.grid.title"));
        grid.setAxisLabels(i18n.text("gallery.axis.x"), i18n.text("gallery.axis.y"));
        grid.setGrid(warpedGrid(15));

        map.setTitle(i18n.text("gallery.map.title"));
        map.setMappingLabels(i18n.text("gallery.map.z"), i18n.text("gallery.map.x"));
        double[] z = linspace(-2, 2, 9);
        double[] x = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            x[i] = 1.5 * Math.sin(1.3 * z[i]) + 0.5;
        }
        map.setMapping(z, x);
    }

    // ---- illustrative data (not the project's distribution code: the gallery stands alone) ----

    private interface Fn {
        double at(double x, double y);
    }

    private static Field field(int n, double lo, double hi, Fn f) {
        double[] v = new double[n * n];
        for (int r = 0; r < n; r++) {
            double y = lo + (hi - lo) * r / (n - 1);
            for (int c = 0; c < n; c++) {
                v[r * n + c] = f.at(lo + (hi - lo) * c / (n - 1), y);
            }
        }
        return new Field(v, n, n, lo, hi, lo, hi);
    }

    private static double[] linspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + (b - a) * i / (n - 1);
        }
        return v;
    }

    private static double normalPdf(double x, double mu, double sd) {
        double z = (x - mu) / sd;
        return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
    }

    private static double[] histogram(SplittableRandom rnd, int n, double mu, double sd, double[] edges) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mu + sd * rnd.nextGaussian();
        }
        return Histogram.density(x, edges); // density scale, comparable with the curves
    }

    private static double[][] ringSamples(SplittableRandom rnd, int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * rnd.nextInt(8) / 8;
            x[i] = 2 * Math.cos(a) + 0.1 * rnd.nextGaussian();
            y[i] = 2 * Math.sin(a) + 0.1 * rnd.nextGaussian();
        }
        return new double[][] {x, y};
    }

    private static double[][] gaussian2d(SplittableRandom rnd, int n, double mx, double my, double sd) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mx + sd * rnd.nextGaussian();
            y[i] = my + sd * rnd.nextGaussian();
        }
        return new double[][] {x, y};
    }

    /** Arrows from the first {@code n} points toward the nearest ring mode, longer when farther. */
    private static double[][] towardsRing(double[][] pts, int n) {
        double[][] a = new double[4][n];
        for (int i = 0; i < n; i++) {
            double x = pts[0][i];
            double y = pts[1][i];
            double ang = Math.round(Math.atan2(y, x) / (2 * Math.PI / 8)) * (2 * Math.PI / 8);
            a[0][i] = x;
            a[1][i] = y;
            a[2][i] = 2 * Math.cos(ang) - x;
            a[3][i] = 2 * Math.sin(ang) - y;
        }
        return a;
    }

    /** Lines from {@code n} generated points to their nearest real point, random weights. */
    private static double[][] couplings(SplittableRandom rnd, double[][] from, double[][] to, int n) {
        double[][] c = new double[5][n];
        for (int i = 0; i < n; i++) {
            int j = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < to[0].length; k++) {
                double d = Math.hypot(to[0][k] - from[0][100 + i], to[1][k] - from[1][100 + i]);
                if (d < best) {
                    best = d;
                    j = k;
                }
            }
            c[0][i] = from[0][100 + i];
            c[1][i] = from[1][100 + i];
            c[2][i] = to[0][j];
            c[3][i] = to[1][j];
            c[4][i] = 0.2 + rnd.nextDouble();
        }
        return c;
    }

    /** A random non-negative matrix with total mass 1, mass concentrated near a shifted diagonal. */
    private static double[] randomPlan(SplittableRandom rnd, int rows, int cols) {
        double[] g = new double[rows * cols];
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double near = Math.exp(-Math.abs(r - c));
                double v = rnd.nextDouble() < 0.55 * near + 0.05 ? near * (0.3 + rnd.nextDouble()) : 0;
                g[r * cols + c] = v;
                sum += v;
            }
        }
        for (int i = 0; i < g.length; i++) {
            g[i] /= sum;
        }
        return g;
    }

    private static GridLayer warpedGrid(int n) {
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        for (int v = 0; v < n; v++) {
            for (int u = 0; u < n; u++) {
                double a = -2 + 4.0 * u / (n - 1);
                double b = -2 + 4.0 * v / (n - 1);
                xs[v * n + u] = a + 0.45 * Math.sin(1.4 * b);
                ys[v * n + u] = b + 0.25 * a * a - 0.5;
            }
        }
        return new GridLayer("", n, n, xs, ys, Theme.REAL, Theme.GENERATED);
    }
}
