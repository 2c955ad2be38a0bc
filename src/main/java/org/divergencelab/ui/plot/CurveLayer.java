package org.divergencelab.ui.plot;

import java.util.List;

import javafx.scene.paint.Color;

import org.divergencelab.ui.theme.Theme;

/**
 * A curve y(x) through given points: a density, D(x), a divergence sweep.
 *
 * @param name       legend label; empty for none
 * @param xs         x of each vertex (need not be sorted)
 * @param ys         y of each vertex; NaN breaks the curve
 * @param palette    palette index
 * @param color      explicit colour or {@code null}
 * @param dashed     dashed line (true densities, reference curves)
 * @param secondary  measured on the secondary y axis (e.g. D(x) on [0, 1])
 * @param fillAlpha  opacity of the area between curve and y = 0 (0 for none)
 */
public record CurveLayer(String name, double[] xs, double[] ys, int palette, Color color, boolean dashed,
        boolean secondary, double fillAlpha) implements Layer {

    public CurveLayer {
        Layer.sameLength("curve '" + name + "'", xs, ys);
        if (!(fillAlpha >= 0 && fillAlpha <= 1)) {
            throw new IllegalArgumentException("curve '" + name + "': fillAlpha must be in [0, 1], got " + fillAlpha);
        }
    }

    /** A solid curve on the primary axis. */
    public CurveLayer(String name, double[] xs, double[] ys, int palette) {
        this(name, xs, ys, palette, null, false, false, 0);
    }

    @Override
    public Range xRange() {
        return Range.of(xs);
    }

    @Override
    public Range yRange() {
        return secondary ? null : Range.of(ys);
    }

    @Override
    public void paint(Painter p, Axes a, Theme theme) {
        int n = xs.length;
        double[] px = new double[n];
        double[] py = new double[n];
        Color c = Style.color(theme, palette, color);
        if (fillAlpha > 0 && !secondary) {
            double[] fx = new double[n + 2];
            double[] fy = new double[n + 2];
            double base = a.toPixelY(Math.max(a.yMin(), Math.min(a.yMax(), 0)));
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(ys[i])) {
                    fx[m] = a.toPixelX(xs[i]);
                    fy[m] = a.toPixelY(ys[i]);
                    m++;
                }
            }
            if (m >= 2) {
                fx[m] = fx[m - 1];
                fy[m] = base;
                fx[m + 1] = fx[0];
                fy[m + 1] = base;
                p.setFill(Style.alpha(c, fillAlpha));
                p.fillPolygon(fx, fy, m + 2);
            }
        }
        p.setStroke(c);
        p.setLineWidth(theme.lineWidth() * (dashed ? 1.1 : 1.25));
        if (dashed) {
            double d = 4 * theme.lineWidth();
            p.setLineDashes(d, d * 0.7);
        } else {
            p.setLineDashes();
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(ys[i]) && Double.isFinite(xs[i])) {
                px[m] = a.toPixelX(xs[i]);
                py[m] = secondary ? a.toPixelY2(ys[i]) : a.toPixelY(ys[i]);
                m++;
            } else {
                p.strokePolyline(px, py, m);
                m = 0;
            }
        }
        p.strokePolyline(px, py, m);
        p.setLineDashes();
    }

    @Override
    public List<LegendEntry> legend() {
        return name == null || name.isEmpty() ? List.of()
                : List.of(new LegendEntry(name, dashed ? LegendEntry.Swatch.DASHED : LegendEntry.Swatch.LINE, palette,
                        color));
    }
}
