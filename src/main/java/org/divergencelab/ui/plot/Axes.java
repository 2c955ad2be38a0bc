package org.divergencelab.ui.plot;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.divergencelab.ui.theme.Theme;

/**
 * The plot area of an x–y widget: where the data rectangle sits inside the widget after room is made for
 * tick labels and axis labels, the data ↔ pixel transform, and the drawing of grid, frame, ticks and
 * labels. Configure it (ranges, labels, grid, aspect lock), then call {@link #layout} once per frame before
 * using the transform.
 */
public final class Axes {

    private static final double TICK_LENGTH = 5;
    private static final double AUTO_PADDING = 0.04;

    private Range fixedX;
    private Range fixedY;
    private Range secondaryY;
    private boolean niceAutoRange;
    private boolean grid = true;
    private boolean aspectLocked;
    private boolean integerX;
    private boolean logY;
    private String xLabel = "";
    /** Whether the last layout had room for the x axis label. */
    private boolean xLabelShown;
    private String yLabel = "";
    private String y2Label = "";

    // Computed by layout().
    private double left;
    private double top;
    private double width = 1;
    private double height = 1;
    private double xMin = 0;
    private double xMax = 1;
    private double yMin = 0;
    private double yMax = 1;
    private Ticks xTicks = Ticks.of(0, 1, 5);
    private Ticks yTicks = Ticks.of(0, 1, 5);
    private Ticks y2Ticks;
    private Font tickFont = Font.getDefault();
    private Font labelFont = Font.getDefault();

    /** Fixes the x range ({@code null}: auto from the data). */
    public Axes setXRange(Range r) {
        fixedX = r;
        return this;
    }

    /** Fixes the y range ({@code null}: auto from the data). */
    public Axes setYRange(Range r) {
        fixedY = r;
        return this;
    }

    /** Shows a secondary y axis on the right with this range ({@code null}: none), e.g. [0, 1] for D(x). */
    public Axes setSecondaryYRange(Range r) {
        secondaryY = r;
        return this;
    }

    /** Auto ranges widened to whole ticks (charts) instead of a 4 % margin (scatters). */
    public Axes setNiceAutoRange(boolean nice) {
        niceAutoRange = nice;
        return this;
    }

    public Axes setGrid(boolean on) {
        grid = on;
        return this;
    }

    /** One data unit the same number of pixels on both axes (2-D data: a circle stays a circle). */
    public Axes setAspectLocked(boolean locked) {
        aspectLocked = locked;
        return this;
    }

    /**
     * A base-10 logarithmic y axis: whole-decade range, ticks 10^k; non-positive values have no position
     * ({@link #toPixelY} gives NaN) and are left out of the auto range. A fixed y range must then be positive.
     */
    public Axes setLogY(boolean log) {
        this.logY = log;
        return this;
    }

    /** Whether the y axis is logarithmic. */
    public boolean isLogY() {
        return logY;
    }

    /** Ticks on whole numbers only (iteration counts). */
    public Axes setIntegerX(boolean integer) {
        integerX = integer;
        return this;
    }

    public Axes setXLabel(String s) {
        xLabel = s == null ? "" : s;
        return this;
    }

    public Axes setYLabel(String s) {
        yLabel = s == null ? "" : s;
        return this;
    }

    public Axes setY2Label(String s) {
        y2Label = s == null ? "" : s;
        return this;
    }

    public boolean isAspectLocked() {
        return aspectLocked;
    }

    public Range secondaryYRange() {
        return secondaryY;
    }

    /**
     * Places the plot rectangle inside {@code [x0, x0+w] × [y0, y0+h]} and settles ranges and ticks.
     *
     * @param dataX  range of the data on x ({@code null}: none; used when x is auto)
     * @param dataY  range of the data on y
     * @param family font family for ticks and labels
     * @param rightReserve extra pixels to keep free on the right (colour bar, outside legend)
     */
    public void layout(double x0, double y0, double w, double h, Range dataX, Range dataY, Theme theme,
            String family, double rightReserve) {
        tickFont = Font.font(family, FontWeight.NORMAL, theme.fontSize());
        labelFont = Font.font(family, FontWeight.NORMAL, theme.fontSize() * 1.1);
        double fh = TextMetrics.height(tickFont);
        double lh = TextMetrics.height(labelFont);

        Range rx = fixedX != null ? fixedX : auto(dataX);
        Range ry = logY ? logRange(fixedY != null ? fixedY : dataY) : fixedY != null ? fixedY : auto(dataY);
        // A zero-width range (a fixed [c, c]) would divide by zero in the transform.
        if (rx.span() == 0) {
            rx = rx.padded(0);
        }
        if (ry.span() == 0) {
            ry = ry.padded(0);
        }

        double topPad = Math.max(6, fh / 2);
        // The x axis label only where it leaves the plot at least two tick-label heights and 40 px (a small chart
        // under large fonts keeps its data instead; its title says what x is)
        xLabelShown = !xLabel.isEmpty() && h - topPad - (TICK_LENGTH + 3 + fh + lh + 4) >= Math.max(40, 2 * fh);
        double bottom = TICK_LENGTH + 3 + fh + (xLabelShown ? lh + 4 : 2);
        double right = Math.max(8, TextMetrics.width("0000", tickFont) / 2) + rightReserve;
        if (secondaryY != null) {
            y2Ticks = Ticks.of(secondaryY.min(), secondaryY.max(), 3);
            right += TICK_LENGTH + 4 + maxLabelWidth(y2Ticks) + (y2Label.isEmpty() ? 0 : lh + yLabelGap() - 2);
        } else {
            y2Ticks = null;
        }
        top = y0 + topPad;
        height = Math.max(1, h - topPad - bottom);

        // Two passes: the y tick labels set the left margin, which sets the width, which (with an aspect
        // lock) can widen the y range and so change the y tick labels.
        double leftPad = 0;
        for (int pass = 0; pass < 2; pass++) {
            yMin = ry.min();
            yMax = ry.max();
            yTicks = yTicksFor(yMin, yMax);
            leftPad = TICK_LENGTH + 4 + maxLabelWidth(yTicks) + (yLabel.isEmpty() ? 2 : lh + yLabelGap());
            left = x0 + leftPad;
            width = Math.max(1, w - leftPad - right);
            xMin = rx.min();
            xMax = rx.max();
            if (aspectLocked && !logY) {
                double ux = (xMax - xMin) / width;
                double uy = (yMax - yMin) / height;
                if (ux > uy) {
                    double half = ux * height / 2;
                    double c = (yMin + yMax) / 2;
                    yMin = c - half;
                    yMax = c + half;
                } else {
                    double half = uy * width / 2;
                    double c = (xMin + xMax) / 2;
                    xMin = c - half;
                    xMax = c + half;
                }
                yTicks = Ticks.of(yMin, yMax, targetY());
                double need = TICK_LENGTH + 4 + maxLabelWidth(yTicks) + (yLabel.isEmpty() ? 2 : lh + yLabelGap());
                if (Math.abs(need - leftPad) < 1) {
                    break;
                }
                ry = new Range(Math.min(ry.min(), yMin), Math.max(ry.max(), yMax));
            } else {
                break;
            }
        }
        yTicks = spacedY(yTicks);
        int tx = Math.max(2, (int) (width / (theme.fontSize() * 6.5)));
        xTicks = xTicksFor(tx);
        // Thin the ticks until neighbouring labels, as measured, keep a gap of one em (long iteration counts
        // such as "12000" in a narrow compare-mode chart once overlapped).
        while (tx > 2 && xLabelsCrowded(theme.fontSize())) {
            tx--;
            xTicks = xTicksFor(tx);
        }
        // a target of 2 may still give three crowded labels ("0 20 40" in a 50 px projector-font chart): every
        // other one, keeping the first, never fewer than two (as spacedY)
        while (xTicks.values().length > 2 && xLabelsCrowded(0)) {
            xTicks = everyOther(xTicks);
        }
    }

    private static Ticks everyOther(Ticks t) {
        double[] v = t.values();
        double[] half = new double[(v.length + 1) / 2];
        for (int i = 0; i < half.length; i++) {
            half[i] = v[2 * i];
        }
        return new Ticks(t.step() * 2, half, t.decimals());
    }

    /**
     * Pixels between the y (and secondary y) tick labels and the rotated axis label: 6, or 0.3 of the label's line height when
     * that is more (projector, 200 % font size), where 6 px between 26–44 px letters reads as touching.
     */
    private double yLabelGap() {
        return Math.max(6, 0.3 * TextMetrics.height(labelFont));
    }

    /**
     * {@code t}, or fewer ticks when neighbouring labels would come closer than 1.5 label heights (a short plot under
     * large fonts: "0.5" over "1.0"); every other one while still crowded, never fewer than two.
     */
    private Ticks spacedY(Ticks t) {
        if (logY) {
            return t;
        }
        double need = 1.5 * TextMetrics.height(tickFont);
        for (int target = targetY() - 1; target >= 2 && crowdedY(t, need); target--) {
            t = Ticks.of(yMin, yMax, target);
        }
        while (t.values().length > 2 && crowdedY(t, need)) {
            t = everyOther(t); // keeping the first
        }
        return t;
    }

    private boolean crowdedY(Ticks t, double need) {
        double[] v = t.values();
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(toPixelY(v[i]) - toPixelY(v[i - 1])) < need) {
                return true;
            }
        }
        return false;
    }

    private Ticks xTicksFor(int target) {
        Ticks t = Ticks.of(xMin, xMax, target);
        return integerX && t.step() < 1 ? integerTicks(xMin, xMax) : t;
    }

    /** Whether two neighbouring x tick labels come closer than {@code gap} pixels. */
    private boolean xLabelsCrowded(double gap) {
        double[] v = xTicks.values();
        for (int i = 1; i < v.length; i++) {
            double half = (TextMetrics.width(xTicks.label(v[i - 1]), tickFont)
                    + TextMetrics.width(xTicks.label(v[i]), tickFont)) / 2;
            if (toPixelX(v[i]) - toPixelX(v[i - 1]) < half + gap) {
                return true;
            }
        }
        return false;
    }

    /** Whether the x tick labels of the last layout overlap or touch (tests). */
    public boolean xTickLabelsOverlap() {
        return xLabelsCrowded(0);
    }

    private Ticks yTicksFor(double min, double max) {
        if (!logY) {
            return Ticks.of(min, max, targetY());
        }
        // Decade ticks in a Ticks record (step 10 marks them as decades for the labels); decades are evenly
        // spaced and their labels short, so they may sit closer than linear ticks (1.8 label heights apart).
        int target = Math.max(2, (int) (height / (TextMetrics.height(tickFont) * 1.8)));
        return new Ticks(10, LogScale.ticks(min, max, target), 0);
    }

    /** The whole-decade range of the positive data (one decade around 1 when there is none). */
    private static Range logRange(Range data) {
        if (data == null || !(data.max() > 0) || !Double.isFinite(data.max())) {
            return new Range(1, 10);
        }
        double min = data.min() > 0 ? data.min() : data.max();
        double[] r = LogScale.decadeRange(min, data.max());
        return new Range(r[0], r[1]);
    }

    /** The label of y tick {@code v} (10^k on a log axis). */
    private String yTickLabel(double v) {
        return logY ? LogScale.label(v) : yTicks.label(v);
    }

    private int targetY() {
        return Math.max(2, (int) (height / (TextMetrics.height(tickFont) * 3.2)));
    }

    private Range auto(Range data) {
        if (data == null) {
            return new Range(0, 1);
        }
        if (niceAutoRange) {
            Range p = data.span() > 0 ? data : data.padded(0);
            double[] r = Ticks.niceRange(p.min(), p.max(), 6);
            return new Range(r[0], r[1]);
        }
        Range padded = data.padded(AUTO_PADDING);
        // Sticky zero: densities, histograms and losses that start at 0 keep their baseline on the axis
        // (and aligned with a secondary [0, 1] axis) instead of floating above a sliver of negative values.
        if (data.min() == 0 && data.max() > 0) {
            return new Range(0, padded.max());
        }
        return padded;
    }

    private static Ticks integerTicks(double min, double max) {
        long a = (long) Math.ceil(min);
        long b = (long) Math.floor(max);
        int n = (int) Math.max(0, Math.min(50, b - a + 1));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + i;
        }
        return new Ticks(1, v, 0);
    }

    private double maxLabelWidth(Ticks t) {
        double m = 0;
        for (double v : t.values()) {
            m = Math.max(m, TextMetrics.width(logY && t == yTicks ? LogScale.label(v) : t.label(v), tickFont));
        }
        return m;
    }

    /** Pixel x of data x. */
    public double toPixelX(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    /** Pixel y of data y (pixel y grows downwards). */
    public double toPixelY(double y) {
        if (logY) {
            return top + height - LogScale.fraction(y, yMin, yMax) * height;
        }
        return top + height - (y - yMin) / (yMax - yMin) * height;
    }

    /** Pixel y of a value on the secondary axis. */
    public double toPixelY2(double y) {
        Range r = secondaryY == null ? new Range(0, 1) : secondaryY;
        return top + height - (y - r.min()) / r.span() * height;
    }

    /** Data x of pixel x (for mouse interaction). */
    public double toDataX(double px) {
        return xMin + (px - left) / width * (xMax - xMin);
    }

    /** Data y of pixel y. */
    public double toDataY(double py) {
        if (logY) {
            return LogScale.valueAt((top + height - py) / height, yMin, yMax);
        }
        return yMin + (top + height - py) / height * (yMax - yMin);
    }

    /** Pixels per data unit along x. */
    public double pixelsPerUnitX() {
        return width / (xMax - xMin);
    }

    /** Pixels per data unit along y. */
    public double pixelsPerUnitY() {
        return height / (yMax - yMin);
    }

    public double left() {
        return left;
    }

    public double top() {
        return top;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double xMin() {
        return xMin;
    }

    public double xMax() {
        return xMax;
    }

    public double yMin() {
        return yMin;
    }

    public double yMax() {
        return yMax;
    }

    public Ticks xTicks() {
        return xTicks;
    }

    public Ticks yTicks() {
        return yTicks;
    }

    public Font tickFont() {
        return tickFont;
    }

    public Font labelFont() {
        return labelFont;
    }

    /** Plot background and, when enabled, grid lines at the ticks. */
    public void paintBackground(Painter p, Theme theme) {
        p.setFill(theme.plotBackground());
        p.fillRect(left, top, width, height);
        if (!grid) {
            return;
        }
        p.setStroke(theme.grid());
        p.setLineWidth(1);
        p.setLineDashes();
        for (double v : xTicks.values()) {
            double x = crisp(toPixelX(v));
            p.strokeLine(x, top, x, top + height);
        }
        for (double v : yTicks.values()) {
            double y = crisp(toPixelY(v));
            p.strokeLine(left, y, left + width, y);
        }
    }

    /** Frame, tick marks, tick labels and axis labels. */
    public void paintAxes(Painter p, Theme theme) {
        Color fg = theme.foreground();
        p.setLineDashes();
        p.setStroke(fg);
        p.setLineWidth(1);
        p.strokeRect(crisp(left), crisp(top), Math.round(width), Math.round(height));
        p.setFill(fg);
        p.setFont(tickFont);
        double bottom = top + height;
        for (double v : xTicks.values()) {
            double x = crisp(toPixelX(v));
            p.strokeLine(x, bottom, x, bottom + TICK_LENGTH);
            p.fillText(xTicks.label(v), x, bottom + TICK_LENGTH + 2, TextAlignment.CENTER, VPos.TOP);
        }
        double half = TextMetrics.height(tickFont) / 2;
        // the highest label above each tick (pixel y of the next tick up), to lift a bottom label only into free room
        double[] yv = yTicks.values();
        for (int i = 0; i < yv.length; i++) {
            double y = crisp(toPixelY(yv[i]));
            p.strokeLine(left - TICK_LENGTH, y, left, y);
            // a label centred on the bottom edge would reach down into the x tick labels: it sits just above them
            // when the label of the tick above leaves the room
            double ly = Math.min(y, bottom - half + TICK_LENGTH + 1);
            double above = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < yv.length; j++) {
                double yj = toPixelY(yv[j]);
                if (yj < toPixelY(yv[i]) - 0.5) {
                    above = Math.max(above, yj);
                }
            }
            if (ly - half < above + half + 2) {
                ly = y;
            }
            p.fillText(yTickLabel(yv[i]), left - TICK_LENGTH - 3, ly, TextAlignment.RIGHT, VPos.CENTER);
        }
        double fh = TextMetrics.height(tickFont);
        p.setFont(labelFont);
        if (xLabelShown) {
            p.fillText(xLabel, left + width / 2, bottom + TICK_LENGTH + 4 + fh, TextAlignment.CENTER, VPos.TOP);
        }
        if (!yLabel.isEmpty()) {
            double widest = maxLabelWidth(yTicks);
            p.fillTextRotated(yLabel, left - TICK_LENGTH - yLabelGap() - widest, top + height / 2, -90, TextAlignment.CENTER,
                    VPos.BOTTOM);
        }
        if (y2Ticks != null) {
            Color muted = theme.muted();
            p.setStroke(muted);
            p.setFill(muted);
            p.setFont(tickFont);
            double right = left + width;
            for (double v : y2Ticks.values()) {
                double y = crisp(toPixelY2(v));
                p.strokeLine(right, y, right + TICK_LENGTH, y);
                p.fillText(y2Ticks.label(v), right + TICK_LENGTH + 3, y, TextAlignment.LEFT, VPos.CENTER);
            }
            if (!y2Label.isEmpty()) {
                p.setFont(labelFont);
                double widest = maxLabelWidth(y2Ticks);
                p.fillTextRotated(y2Label, right + TICK_LENGTH + yLabelGap() + widest, top + height / 2, 90,
                        TextAlignment.CENTER, VPos.BOTTOM);
            }
        }
    }

    /** Half-pixel alignment so 1-px lines are sharp instead of smeared over two pixels. */
    static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }
}
