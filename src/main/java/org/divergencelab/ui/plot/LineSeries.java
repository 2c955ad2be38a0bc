package org.divergencelab.ui.plot;

import java.util.Arrays;
import java.util.List;

import javafx.scene.paint.Color;

import org.divergencelab.ui.theme.Theme;

/**
 * A growing series of (x, y) points for a chart over iterations, with bounded memory and drawing cost.
 *
 * <p>It keeps at most {@code capacity} points. When full, it drops every second kept point and from then on
 * keeps only every second appended point (the stride doubles), so the kept points stay evenly spread over
 * the whole history, appending stays O(1) amortised, and a repaint draws at most {@code capacity + 1}
 * vertices however long training runs. The newest point is always drawn, so the curve reaches the
 * current iteration.
 */
public final class LineSeries implements Layer {

    private final int capacity;
    private String name;
    private int palette;
    private Color color;
    private boolean dashed;
    private boolean markers;
    private boolean visible = true;
    private double[] xs;
    private double[] ys;
    private int size;
    private long stride = 1;
    private long appended;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;
    private Runnable onChange = () -> { };

    /**
     * @param name     legend label
     * @param palette  palette index
     * @param capacity most points kept (at least 16)
     */
    public LineSeries(String name, int palette, int capacity) {
        if (capacity < 16) {
            throw new IllegalArgumentException("line series capacity must be >= 16, got " + capacity);
        }
        this.name = name == null ? "" : name;
        this.palette = palette;
        this.capacity = capacity;
        this.xs = new double[Math.min(capacity, 256)];
        this.ys = new double[xs.length];
    }

    /** Called after every change (the chart uses it to repaint). */
    void setOnChange(Runnable r) {
        onChange = r == null ? () -> { } : r;
    }

    /** Appends one point; x should not decrease. */
    public void append(double x, double y) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("series '" + name + "': x must not be NaN");
        }
        lastX = x;
        lastY = y;
        if (appended++ % stride == 0) {
            if (size == capacity) {
                // Halve: keep points 0, 2, 4, … and double the stride for what comes next.
                int k = 0;
                for (int i = 0; i < size; i += 2) {
                    xs[k] = xs[i];
                    ys[k] = ys[i];
                    k++;
                }
                size = k;
                stride *= 2;
                // The point just appended is on the new stride only if its index is a multiple of it.
                if ((appended - 1) % stride != 0) {
                    onChange.run();
                    return;
                }
            }
            if (size == xs.length) {
                int n = Math.min(capacity, xs.length * 2);
                xs = Arrays.copyOf(xs, n);
                ys = Arrays.copyOf(ys, n);
            }
            xs[size] = x;
            ys[size] = y;
            size++;
        }
        onChange.run();
    }

    /** Replaces the whole series with these points (e.g. a history array from a snapshot). */
    public void setAll(double[] newXs, double[] newYs) {
        Layer.sameLength("series '" + name + "'", newXs, newYs);
        clearQuietly();
        Runnable saved = onChange;
        onChange = () -> { };
        try {
            for (int i = 0; i < newXs.length; i++) {
                append(newXs[i], newYs[i]);
            }
        } finally {
            onChange = saved;
        }
        onChange.run();
    }

    /** Removes all points. */
    public void clear() {
        clearQuietly();
        onChange.run();
    }

    private void clearQuietly() {
        size = 0;
        stride = 1;
        appended = 0;
        lastX = Double.NaN;
        lastY = Double.NaN;
    }

    /** Points kept (not counting the separately kept newest point). */
    public int keptCount() {
        return size;
    }

    /** Points ever appended since the last clear. */
    public long appendedCount() {
        return appended;
    }

    /** Current stride: one appended point in {@code stride} is kept. */
    public long stride() {
        return stride;
    }

    /** x of kept point {@code i}. */
    public double keptX(int i) {
        return xs[i];
    }

    /** y of kept point {@code i}. */
    public double keptY(int i) {
        return ys[i];
    }

    /** The newest appended y, NaN when empty. */
    public double lastY() {
        return lastY;
    }

    public String name() {
        return name;
    }

    /** Renames (e.g. on a language switch). */
    public void setName(String n) {
        name = n == null ? "" : n;
        onChange.run();
    }

    /** Dashed line (an estimate beside a solid truth). */
    public void setDashed(boolean d) {
        dashed = d;
        onChange.run();
    }

    /** Markers only (a disc at every point, no line): points that are not a curve, such as single steps. */
    public void setMarkers(boolean m) {
        markers = m;
        onChange.run();
    }

    /**
     * Hidden: kept (and still growing) but neither drawn, nor in the legend, nor counted in the chart's range
     * (a divergence the objective no longer estimates must not squash the current one's axis).
     */
    public void setVisible(boolean v) {
        visible = v;
        onChange.run();
    }

    public boolean isVisible() {
        return visible;
    }

    /** Explicit colour instead of the palette's. */
    public void setColor(Color c) {
        color = c;
        onChange.run();
    }

    /** Palette index of the colour. */
    public void setPalette(int p) {
        palette = p;
        onChange.run();
    }

    private boolean lastIsKept() {
        return size > 0 && xs[size - 1] == lastX && (ys[size - 1] == lastY || Double.isNaN(lastY));
    }

    @Override
    public Range xRange() {
        if (!visible || size == 0 && Double.isNaN(lastX)) {
            return null;
        }
        double lo = size > 0 ? xs[0] : lastX;
        return new Range(lo, Math.max(lo, lastX));
    }

    @Override
    public Range yRange() {
        if (!visible) {
            return null;
        }
        Range r = Range.of(ys, size);
        return Double.isFinite(lastY) ? Range.union(r, new Range(lastY, lastY)) : r;
    }

    @Override
    public Range positiveYRange() {
        if (!visible) {
            return null;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= size; i++) {
            double y = i < size ? ys[i] : lastY;
            if (y > 0 && Double.isFinite(y)) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        return lo <= hi ? new Range(lo, hi) : null;
    }

    @Override
    public void paint(Painter p, Axes a, Theme theme) {
        int n = size + (lastIsKept() || Double.isNaN(lastX) ? 0 : 1);
        if (n == 0 || !visible) {
            return;
        }
        double[] px = new double[n];
        double[] py = new double[n];
        Color c = Style.color(theme, palette, color);
        p.setStroke(c);
        p.setLineWidth(theme.lineWidth() * 1.25);
        if (dashed) {
            double d = 4 * theme.lineWidth();
            p.setLineDashes(d, d * 0.7);
        } else {
            p.setLineDashes();
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            double x = i < size ? xs[i] : lastX;
            double y = i < size ? ys[i] : lastY;
            // A value without a position (NaN, or y <= 0 on a log axis) breaks the line.
            double yp = Double.isFinite(y) ? a.toPixelY(y) : Double.NaN;
            if (!Double.isNaN(yp)) {
                px[m] = a.toPixelX(x);
                py[m] = yp;
                m++;
            } else {
                p.strokePolyline(px, py, m);
                m = 0;
            }
        }
        if (markers) {
            p.setLineDashes();
            p.fillCircles(px, py, m, theme.pointRadius() * 1.4, c, false, 0);
            return;
        }
        if (m == 1 || m > 1 && coincide(px, py, m)) {
            // One point, or several at the same pixel (a step that did not move the iteration): a line of zero
            // length would draw nothing, so the point shows as a dot.
            p.setFill(c);
            p.fillCircle(px[0], py[0], theme.lineWidth() * 1.5);
        }
        p.strokePolyline(px, py, m);
        p.setLineDashes();
    }

    private static boolean coincide(double[] px, double[] py, int m) {
        for (int i = 1; i < m; i++) {
            if (Math.abs(px[i] - px[0]) >= 1 || Math.abs(py[i] - py[0]) >= 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<LegendEntry> legend() {
        // a series with nothing drawn yet (e.g. single steps before the first) takes no legend room
        return name.isEmpty() || !visible || size == 0 && Double.isNaN(lastX) ? List.of()
                : List.of(new LegendEntry(name, markers ? LegendEntry.Swatch.POINT
                        : dashed ? LegendEntry.Swatch.DASHED : LegendEntry.Swatch.LINE, palette, color));
    }
}
