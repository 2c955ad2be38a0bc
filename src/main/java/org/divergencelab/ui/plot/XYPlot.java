package org.divergencelab.ui.plot;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.divergencelab.ui.theme.Theme;

/**
 * An x–y plot: {@link Axes} plus a stack of {@link Layer}s drawn bottom to top, and a legend collected from
 * the layers. The specialised widgets ({@link ScatterPlot}, {@link LineChart}, {@link DensityPlot},
 * {@link Heatmap}, {@link WarpedGrid}) are XY plots with convenience setters; any mix of layers can be
 * put on a plain XYPlot.
 */
public class XYPlot extends PlotWidget {

    /**
     * Where the legend goes. {@code BELOW}: under the plot area, never over the data or its labels. {@code AUTO}
     * (the default): the first corner (top right, top left, bottom right, bottom left) where the boxed legend
     * covers no data mark (point, curve, bar, reference line or its label; a heatmap's field may be covered),
     * below the plot area when every corner is busy and the plot keeps room for its data, else the corner that
     * covers the fewest marks.
     */
    public enum LegendPosition { TOP_RIGHT, TOP_LEFT, BOTTOM_RIGHT, BOTTOM_LEFT, NONE, BELOW, AUTO }

    /** A legend goes below the plot only if the plot keeps at least this height (pixels) and half its own. */
    private static final double MIN_PLOT_HEIGHT = 80;
    /** A plot no higher than this is a strip: a legend never goes below it. */
    private static final double MIN_STRIP = 44;

    /** The corners {@link LegendPosition#AUTO} tries, in order. */
    private static final LegendPosition[] CORNERS = {LegendPosition.TOP_RIGHT, LegendPosition.TOP_LEFT,
            LegendPosition.BOTTOM_RIGHT, LegendPosition.BOTTOM_LEFT};

    private final Axes axes = new Axes();
    private final ObservableList<Layer> layers = FXCollections.observableArrayList();
    private LegendPosition legendPosition = LegendPosition.AUTO;
    /** Where the last paint put the legend (a corner, BELOW or NONE). */
    private LegendPosition placedLegend = LegendPosition.NONE;
    /** The legend box of the last paint, in local pixels: x, y, w, h (null when none or below). */
    private double[] legendBox;

    public XYPlot() {
        getStyleClass().add("xy-plot");
        layers.addListener((javafx.collections.ListChangeListener<Layer>) c -> invalidate());
    }

    /** The axes; after changing them call {@link #invalidate()}. */
    public final Axes axes() {
        return axes;
    }

    /**
     * Data coordinates of a point given in this widget's local coordinates (a mouse event's
     * {@code getX()/getY()}), as laid out by the last paint: for dragging and hover read-outs.
     */
    public final javafx.geometry.Point2D toData(double localX, double localY) {
        return new javafx.geometry.Point2D(axes.toDataX(localX), axes.toDataY(localY));
    }

    /** True when a local point lies inside the plot rectangle of the last paint. */
    public final boolean inPlotArea(double localX, double localY) {
        return localX >= axes.left() && localX <= axes.left() + axes.width() && localY >= axes.top()
                && localY <= axes.top() + axes.height();
    }

    /** The layers, bottom first. Changing the list repaints. */
    public final ObservableList<Layer> layers() {
        return layers;
    }

    /** Replaces all layers at once (one repaint). */
    public final void setLayers(List<? extends Layer> newLayers) {
        layers.setAll(newLayers);
    }

    /** Replaces all layers at once (one repaint). */
    public final void setLayers(Layer... newLayers) {
        layers.setAll(newLayers);
    }

    public final void setLegendPosition(LegendPosition p) {
        legendPosition = p;
        invalidate();
    }

    /** Axis labels (bind to i18n strings through {@link #setAxisLabels} on locale change). */
    public final void setAxisLabels(String x, String y) {
        axes.setXLabel(x).setYLabel(y);
        invalidate();
    }

    /** The layers to draw; subclasses may add their own around the user's. */
    protected List<Layer> layersToDraw() {
        return layers;
    }

    @Override
    protected void paint(Painter p, double x, double y, double w, double h) {
        Theme theme = getTheme();
        List<Layer> ls = layersToDraw();
        Range rx = null;
        Range ry = dataYRange();
        double right = 0;
        for (Layer l : ls) {
            rx = Range.union(rx, l.xRange());
            right = Math.max(right, l.rightReserve(theme, family()));
        }
        List<LegendEntry> entries = new ArrayList<>();
        for (Layer l : ls) {
            entries.addAll(l.legend());
        }
        // A legend that would hide much of a small plot goes below it instead.
        double pw = w - 6 * theme.fontSize() - right;
        double[] inside = legendSize(entries, theme, pw);
        double ph = h - 4 * theme.fontSize();
        boolean outside = !entries.isEmpty() && legendPosition != LegendPosition.NONE
                && (legendPosition == LegendPosition.BELOW || inside[0] > 0.5 * pw || inside[1] > 0.4 * ph);
        double below = outside ? outsideLegendHeight(entries, theme, w) : 0;

        axes.layout(x, y, w, h - below, rx, ry, theme, family(), right);
        boolean squashed = false;
        if (outside && legendPosition != LegendPosition.BELOW && axes.height() < MIN_PLOT_HEIGHT) {
            // below would squash a small plot to a strip (the Training tab's charts at 1280×720): the plot keeps
            // its height and the legend takes the corner covering the fewest marks, as AUTO does; unless that
            // corner still hides marks (a curve, a reference line's label) or is taller than the plot, and the plot
            // keeps a readable height with the legend below
            double keep = axes.height();
            axes.layout(x, y, w, h, rx, ry, theme, family(), right);
            double[] b = legendBox(entries, theme, leastBusyCorner(ls, entries, theme));
            boolean hides = marks(ls, theme).count(b[0], b[1], b[2], b[3]) > 0 || b[3] > axes.height() - 16;
            if (hides && keep >= Math.max(MIN_STRIP, 2 * TextMetrics.height(axes.tickFont()))) {
                axes.layout(x, y, w, h - below, rx, ry, theme, family(), right);
            } else {
                outside = false;
                below = 0;
                squashed = true;
            }
        }
        LegendPosition placed = entries.isEmpty() || legendPosition == LegendPosition.NONE ? LegendPosition.NONE
                : outside ? LegendPosition.BELOW : squashed ? leastBusyCorner(ls, entries, theme) : legendPosition;
        if (placed == LegendPosition.AUTO) {
            placed = freeCorner(ls, entries, theme);
            if (placed == LegendPosition.BELOW) {
                double need = outsideLegendHeight(entries, theme, w);
                if (axes.height() - need >= Math.max(MIN_PLOT_HEIGHT, 0.5 * axes.height())) {
                    outside = true;
                    below = need;
                    axes.layout(x, y, w, h - below, rx, ry, theme, family(), right);
                } else {
                    // below would squash the plot to a strip: the corner covering the fewest marks instead
                    placed = leastBusyCorner(ls, entries, theme);
                }
            }
        }
        placedLegend = placed;
        legendBox = null;
        axes.paintBackground(p, theme);
        p.pushClip(axes.left(), axes.top(), axes.width(), axes.height());
        for (Layer l : ls) {
            l.paint(p, axes, theme);
        }
        p.popClip();
        axes.paintAxes(p, theme);
        for (Layer l : ls) {
            l.paintOutside(p, axes, theme, family());
        }
        if (outside) {
            paintLegendBelow(p, entries, theme, x, y + h - below, w);
        } else if (placed != LegendPosition.NONE) {
            legendBox = legendBox(entries, theme, placed);
            paintLegend(p, entries, theme, legendBox);
        }
    }

    /** Where the last paint put the legend: a corner, {@code BELOW} or {@code NONE}. */
    public final LegendPosition placedLegend() {
        return placedLegend;
    }

    /** Data marks under the legend box of the last paint (0 when it covers none, or is not in the plot). */
    public final int marksUnderLegend() {
        if (legendBox == null) {
            return 0;
        }
        MarkGrid grid = marks(layersToDraw(), getTheme());
        return grid.count(legendBox[0], legendBox[1], legendBox[2], legendBox[3]);
    }

    /** The layers' marks (those a legend must not hide) over the plot area of the last layout. */
    private MarkGrid marks(List<Layer> ls, Theme theme) {
        MarkGrid grid = new MarkGrid(axes.left(), axes.top(), axes.width(), axes.height());
        for (Layer l : ls) {
            if (!l.legendMayCover()) {
                l.paint(grid, axes, theme);
            }
        }
        return grid;
    }

    /** The first corner whose legend box covers no mark, or {@code BELOW} when every corner is busy. */
    private LegendPosition freeCorner(List<Layer> ls, List<LegendEntry> entries, Theme theme) {
        MarkGrid grid = marks(ls, theme);
        for (LegendPosition c : CORNERS) {
            double[] b = legendBox(entries, theme, c);
            if (grid.count(b[0], b[1], b[2], b[3]) == 0) {
                return c;
            }
        }
        return LegendPosition.BELOW;
    }

    /** The corner whose legend box covers the fewest marks (the first of equals, in {@link #CORNERS} order). */
    private LegendPosition leastBusyCorner(List<Layer> ls, List<LegendEntry> entries, Theme theme) {
        MarkGrid grid = marks(ls, theme);
        LegendPosition best = CORNERS[0];
        int fewest = Integer.MAX_VALUE;
        for (LegendPosition c : CORNERS) {
            double[] b = legendBox(entries, theme, c);
            int n = grid.count(b[0], b[1], b[2], b[3]);
            if (n < fewest) {
                fewest = n;
                best = c;
            }
        }
        return best;
    }

    /** The boxed legend's rectangle (x, y, w, h) in corner {@code corner} of the plot area. */
    private double[] legendBox(List<LegendEntry> entries, Theme theme, LegendPosition corner) {
        double[] size = legendSize(entries, theme);
        double bw = size[0];
        double bh = size[1];
        double bx = switch (corner) {
            case TOP_LEFT, BOTTOM_LEFT -> axes.left() + 8;
            default -> axes.left() + axes.width() - bw - 8;
        };
        double by = switch (corner) {
            case BOTTOM_LEFT, BOTTOM_RIGHT -> axes.top() + axes.height() - bh - 8;
            default -> axes.top() + 8;
        };
        return new double[] {bx, by, bw, bh};
    }

    /**
     * The y extent the axis is fitted to: the union of what the layers report (a hidden series reports nothing),
     * positive values only on a log axis; null when no layer has data.
     */
    public final Range dataYRange() {
        Range ry = null;
        for (Layer l : layersToDraw()) {
            ry = Range.union(ry, axes.isLogY() ? l.positiveYRange() : l.yRange());
        }
        return ry;
    }

    private Font legendFont(Theme theme) {
        return Font.font(family(), FontWeight.NORMAL, theme.fontSize());
    }

    /** Width and height of the boxed legend inside the plot area of the last layout. */
    private double[] legendSize(List<LegendEntry> entries, Theme theme) {
        return legendSize(entries, theme, axes.width());
    }

    /**
     * Width and height of the boxed legend inside a plot area {@code plotW} wide: entries too long for it end in
     * "…" (see {@link #legendLabel}), so the box never runs past the plot's left edge over the tick labels.
     */
    private double[] legendSize(List<LegendEntry> entries, Theme theme, double plotW) {
        if (entries.isEmpty()) {
            return new double[] {0, 0};
        }
        Font f = legendFont(theme);
        double lh = TextMetrics.height(f);
        double tw = 0;
        for (LegendEntry e : entries) {
            tw = Math.max(tw, TextMetrics.width(legendLabel(e, f, lh, plotW), f));
        }
        return new double[] {12 + lh * 1.6 + 6 + tw, 12 + lh * entries.size() + 2 * (entries.size() - 1)};
    }

    /** An entry's label as a boxed legend in a plot area {@code plotW} wide shows it: cut with "…" to fit. */
    private static String legendLabel(LegendEntry e, Font f, double lh, double plotW) {
        double room = plotW - 16 - (12 + lh * 1.6 + 6);
        return PlotWidget.ellipsize(e.label(), f, Math.max(3 * lh, room));
    }

    private double outsideLegendHeight(List<LegendEntry> entries, Theme theme, double w) {
        Font f = legendFont(theme);
        double lh = TextMetrics.height(f);
        return rowsBelow(entries, f, lh, w).size() * (lh + 2) + 6;
    }

    /** Entries flowed into rows that fit the widget's width: indices where each row starts. */
    private List<Integer> rowsBelow(List<LegendEntry> entries, Font f, double lh, double w) {
        List<Integer> starts = new ArrayList<>();
        double cx = Double.POSITIVE_INFINITY;
        for (int i = 0; i < entries.size(); i++) {
            double ew = lh * 1.6 + 6 + TextMetrics.width(entries.get(i).label(), f) + lh;
            if (cx + ew > w - 8) {
                starts.add(i);
                cx = 8;
            }
            cx += ew;
        }
        return starts;
    }

    private void paintLegendBelow(Painter p, List<LegendEntry> entries, Theme theme, double x, double y, double w) {
        Font f = legendFont(theme);
        p.setFont(f);
        double lh = TextMetrics.height(f);
        double sw = lh * 1.6;
        List<Integer> starts = rowsBelow(entries, f, lh, w);
        for (int r = 0; r < starts.size(); r++) {
            int from = starts.get(r);
            int to = r + 1 < starts.size() ? starts.get(r + 1) : entries.size();
            double rowW = 0;
            for (int i = from; i < to; i++) {
                rowW += sw + 6 + TextMetrics.width(entries.get(i).label(), f) + lh;
            }
            double cx = x + Math.max(8, (w - rowW) / 2);
            double cy = y + 4 + r * (lh + 2) + lh / 2;
            for (int i = from; i < to; i++) {
                LegendEntry e = entries.get(i);
                swatch(p, e, theme, cx, cy, sw, lh);
                p.setFill(theme.foreground());
                // an entry wider than the widget ends in "…" instead of running past its edge
                String shown = ellipsize(e.label(), f, x + w - 4 - (cx + sw + 6));
                if (!shown.equals(e.label())) {
                    noteShortened(e.label());
                }
                p.fillText(shown, cx + sw + 6, cy, TextAlignment.LEFT, VPos.CENTER);
                cx += sw + 6 + TextMetrics.width(e.label(), f) + lh;
            }
        }
    }

    private static void swatch(Painter p, LegendEntry e, Theme theme, double sx, double cy, double sw, double lh) {
        Color c = e.resolve(theme);
        switch (e.swatch()) {
            case POINT -> {
                p.setFill(c);
                p.fillCircle(sx + sw / 2, cy, Math.min(lh / 2.6, theme.pointRadius() * 1.3));
            }
            case BAR -> {
                p.setFill(Style.alpha(c, 0.6));
                p.fillRect(sx + 2, cy - lh * 0.32, sw - 4, lh * 0.64);
            }
            case LINE, DASHED -> {
                p.setStroke(c);
                p.setLineWidth(theme.lineWidth() * 1.25);
                if (e.swatch() == LegendEntry.Swatch.DASHED) {
                    p.setLineDashes(sw / 4, sw / 6);
                }
                p.strokeLine(sx, cy, sx + sw, cy);
                p.setLineDashes();
            }
            default -> throw new IllegalStateException("swatch " + e.swatch());
        }
    }

    private void paintLegend(Painter p, List<LegendEntry> entries, Theme theme, double[] box) {
        Font f = Font.font(family(), FontWeight.NORMAL, theme.fontSize());
        p.setFont(f);
        double lh = TextMetrics.height(f);
        double sw = lh * 1.6;
        double pad = 6;
        double bx = box[0];
        double by = box[1];
        double bw = box[2];
        double bh = box[3];
        Color bg = theme.plotBackground();
        p.setFill(new Color(bg.getRed(), bg.getGreen(), bg.getBlue(), 0.88));
        p.fillRect(bx, by, bw, bh);
        p.setStroke(theme.grid().interpolate(theme.foreground(), 0.3));
        p.setLineWidth(1);
        p.setLineDashes();
        p.strokeRect(Axes.crisp(bx), Axes.crisp(by), Math.round(bw), Math.round(bh));
        double cy = by + pad + lh / 2;
        for (LegendEntry e : entries) {
            double sx = bx + pad;
            swatch(p, e, theme, sx, cy, sw, lh);
            p.setFill(theme.foreground());
            String shown = legendLabel(e, f, lh, axes.width());
            if (!shown.equals(e.label())) {
                noteShortened(e.label());
            }
            p.fillText(shown, sx + sw + 6, cy, TextAlignment.LEFT, VPos.CENTER);
            cy += lh + 2;
        }
    }
}
