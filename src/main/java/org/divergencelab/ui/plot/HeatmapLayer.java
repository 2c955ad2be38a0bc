package org.divergencelab.ui.plot;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.divergencelab.ui.theme.Theme;

/**
 * A scalar field as coloured cells, optional contour lines, optional colour bar. Immutable; the colour
 * raster and contour segments are computed on first paint and kept, so a repaint for a resize or theme
 * change does not redo them.
 */
public final class HeatmapLayer implements Layer {

    private static final double BAR_WIDTH = 14;
    private static final double BAR_GAP = 14;

    private final Field field;
    private final ColorMap map;
    private final double vmin;
    private final double vmax;
    private final double[] levels;
    private final boolean colorBar;
    private final String colorBarLabel;
    private final double opacity;
    private int[] argb;
    private double[][] contours;

    private HeatmapLayer(Builder b) {
        this.field = b.field;
        this.map = b.map;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : field.values()) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        if (b.range != null) {
            lo = b.range.min();
            hi = b.range.max();
        } else if (b.symmetric) {
            double m = Math.max(Math.abs(lo), Math.abs(hi));
            lo = -m;
            hi = m;
        }
        if (hi - lo < 1e-300) {
            hi = lo + 1;
        }
        this.vmin = lo;
        this.vmax = hi;
        this.levels = b.levels != null ? b.levels.clone()
                : b.autoLevels > 0 ? Contours.evenLevels(lo, hi, b.autoLevels) : new double[0];
        this.colorBar = b.colorBar;
        this.colorBarLabel = b.colorBarLabel == null ? "" : b.colorBarLabel;
        this.opacity = b.opacity;
    }

    /** Starts a heatmap of {@code field}. */
    public static Builder of(Field field) {
        return new Builder(field);
    }

    /** The field drawn. */
    public Field field() {
        return field;
    }

    /** Lower end of the colour scale. */
    public double vmin() {
        return vmin;
    }

    /** Upper end of the colour scale. */
    public double vmax() {
        return vmax;
    }

    /** Contour levels drawn. */
    public double[] levels() {
        return levels.clone();
    }

    @Override
    public Range xRange() {
        double h = (field.x1() - field.x0()) / (field.nx() - 1) / 2;
        return new Range(field.x0() - h, field.x1() + h);
    }

    @Override
    public Range yRange() {
        double h = (field.y1() - field.y0()) / (field.ny() - 1) / 2;
        return new Range(field.y0() - h, field.y1() + h);
    }

    /** The colour raster, row 0 at the top (largest y), as the painter expects. */
    int[] raster() {
        if (argb == null) {
            int nx = field.nx();
            int ny = field.ny();
            double[] v = field.values();
            int[] out = new int[nx * ny];
            double inv = 1 / (vmax - vmin);
            int alpha = (int) Math.round(opacity * 255) << 24;
            for (int r = 0; r < ny; r++) {
                int src = r * nx;
                int dst = (ny - 1 - r) * nx;
                for (int c = 0; c < nx; c++) {
                    int col = map.argb((v[src + c] - vmin) * inv);
                    out[dst + c] = col == 0 ? 0 : (col & 0x00ffffff) | alpha;
                }
            }
            argb = out;
        }
        return argb;
    }

    private double[][] contours() {
        if (contours == null) {
            double[][] c = new double[levels.length][];
            for (int i = 0; i < levels.length; i++) {
                c[i] = Contours.segments(field.values(), field.nx(), field.ny(), field.x0(), field.x1(), field.y0(),
                        field.y1(), levels[i]);
            }
            contours = c;
        }
        return contours;
    }

    @Override
    public void paint(Painter p, Axes a, Theme theme) {
        Range rx = xRange();
        Range ry = yRange();
        double px0 = a.toPixelX(rx.min());
        double px1 = a.toPixelX(rx.max());
        double py0 = a.toPixelY(ry.max());
        double py1 = a.toPixelY(ry.min());
        p.drawRaster(raster(), field.nx(), field.ny(), px0, py0, px1 - px0, py1 - py0);
        if (levels.length == 0) {
            return;
        }
        // Contour colour chosen against the colour map, not the theme: the lines sit on the cells.
        Color line = map == ColorMap.VIRIDIS ? Color.rgb(255, 255, 255, 0.7) : Color.rgb(30, 30, 30, 0.6);
        p.setStroke(line);
        p.setLineWidth(Math.max(1, theme.lineWidth() * 0.7));
        p.setLineDashes();
        // All levels share one colour: one batch, so a canvas rasterises them as one image.
        double[][] segs = contours();
        int total = 0;
        for (double[] sg : segs) {
            total += sg.length;
        }
        double[] px = new double[total];
        int k = 0;
        for (double[] sg : segs) {
            for (int i = 0; i < sg.length; i += 4) {
                px[k++] = a.toPixelX(sg[i]);
                px[k++] = a.toPixelY(sg[i + 1]);
                px[k++] = a.toPixelX(sg[i + 2]);
                px[k++] = a.toPixelY(sg[i + 3]);
            }
        }
        p.strokeSegments(px, total / 4);
    }

    /**
     * Extra room between the colour bar's tick labels and its label, in font sizes: a bracket of "D(x)" reaches
     * further below the baseline than the line height the label is placed by.
     */
    private static final double LABEL_GAP = 0.3;

    @Override
    public double rightReserve(Theme theme, String family) {
        if (!colorBar) {
            return 0;
        }
        Font f = Font.font(family, FontWeight.NORMAL, theme.fontSize());
        Ticks t = Ticks.of(vmin, vmax, 5);
        double w = 0;
        for (double v : t.values()) {
            w = Math.max(w, TextMetrics.width(t.label(v), f));
        }
        double label = colorBarLabel.isEmpty() ? 0 : TextMetrics.height(f) * 1.1 + 4;
        return BAR_GAP + BAR_WIDTH + 5 + w + label + 4 + LABEL_GAP * theme.fontSize();
    }

    @Override
    public boolean legendMayCover() {
        return true; // a field fills the whole area: the legend sits on it, not on the data above it
    }

    @Override
    public void paintOutside(Painter p, Axes a, Theme theme, String family) {
        if (!colorBar) {
            return;
        }
        double x = a.left() + a.width() + BAR_GAP;
        double y = a.top();
        double h = a.height();
        int steps = 256;
        int[] bar = new int[steps];
        for (int i = 0; i < steps; i++) {
            bar[i] = map.argb(1 - i / (double) (steps - 1)) | 0xff000000;
        }
        p.drawRaster(bar, 1, steps, x, y, BAR_WIDTH, h);
        p.setStroke(theme.foreground());
        p.setLineWidth(1);
        p.setLineDashes();
        p.strokeRect(Axes.crisp(x), Axes.crisp(y), Math.round(BAR_WIDTH), Math.round(h));
        Font f = Font.font(family, FontWeight.NORMAL, theme.fontSize());
        p.setFont(f);
        p.setFill(theme.foreground());
        Ticks t = Ticks.of(vmin, vmax, Math.max(2, Math.min(6, (int) (h / (TextMetrics.height(f) * 2.5)))));
        // fewer ticks while neighbouring labels would touch (a short bar under large fonts: "0" over "-2")
        for (int target = t.values().length - 1; target >= 2 && barCrowded(t, h, TextMetrics.height(f) * 1.2); target--) {
            t = Ticks.of(vmin, vmax, target);
        }
        double w = 0;
        for (double v : t.values()) {
            double ty = y + h - (v - vmin) / (vmax - vmin) * h;
            p.strokeLine(x + BAR_WIDTH, Axes.crisp(ty), x + BAR_WIDTH + 4, Axes.crisp(ty));
            String s = t.label(v);
            p.fillText(s, x + BAR_WIDTH + 6, ty, TextAlignment.LEFT, VPos.CENTER);
            w = Math.max(w, TextMetrics.width(s, f));
        }
        if (!colorBarLabel.isEmpty()) {
            p.setFont(Font.font(family, FontWeight.NORMAL, theme.fontSize() * 1.1));
            p.fillTextRotated(colorBarLabel, x + BAR_WIDTH + 8 + LABEL_GAP * theme.fontSize() + w, y + h / 2, 90, TextAlignment.CENTER,
                    VPos.BOTTOM);
        }
    }

    /** Whether two neighbouring tick labels of a colour bar {@code h} px high come closer than {@code need}. */
    private boolean barCrowded(Ticks t, double h, double need) {
        double[] v = t.values();
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i] - v[i - 1]) / (vmax - vmin) * h < need) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<LegendEntry> legend() {
        return List.of();
    }

    /** Options of a {@link HeatmapLayer}. */
    public static final class Builder {
        private final Field field;
        private ColorMap map = ColorMap.VIRIDIS;
        private Range range;
        private boolean symmetric;
        private double[] levels;
        private int autoLevels;
        private boolean colorBar = true;
        private String colorBarLabel = "";
        private double opacity = 1;

        private Builder(Field field) {
            if (field == null) {
                throw new IllegalArgumentException("heatmap field must not be null");
            }
            this.field = field;
        }

        /** Colour map (default viridis; {@link ColorMap#DIVERGING} for critic values). */
        public Builder colorMap(ColorMap m) {
            map = m;
            return this;
        }

        /** Fixed value range of the colour scale (default: the field's min..max). */
        public Builder range(Range r) {
            range = r;
            return this;
        }

        /** Auto range symmetric about 0, so that 0 is the diverging map's neutral centre. */
        public Builder symmetric(boolean s) {
            symmetric = s;
            return this;
        }

        /** Contour lines at these values. */
        public Builder contourLevels(double... l) {
            levels = l;
            return this;
        }

        /** {@code n} evenly spaced contour levels across the colour range. */
        public Builder contours(int n) {
            autoLevels = n;
            return this;
        }

        /** Show (default) or hide the colour bar. */
        public Builder colorBar(boolean show) {
            colorBar = show;
            return this;
        }

        /** Label beside the colour bar, e.g. "D(x)". */
        public Builder colorBarLabel(String s) {
            colorBarLabel = s;
            return this;
        }

        /** Opacity of the cells (a translucent heatmap under points). */
        public Builder opacity(double o) {
            if (!(o > 0 && o <= 1)) {
                throw new IllegalArgumentException("heatmap opacity must be in (0, 1], got " + o);
            }
            opacity = o;
            return this;
        }

        public HeatmapLayer build() {
            return new HeatmapLayer(this);
        }
    }
}
