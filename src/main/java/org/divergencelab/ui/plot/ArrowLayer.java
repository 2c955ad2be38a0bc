package org.divergencelab.ui.plot;

import java.util.List;

import javafx.scene.paint.Color;

import org.divergencelab.ui.theme.Theme;

/**
 * Short arrows at points, e.g. ∇x D at the generated samples. The vectors are rescaled together so that
 * the longest is {@code maxLengthFraction} of the plot's smaller side: directions and relative lengths are
 * kept, absolute magnitude is not (the view should print the largest norm if it matters).
 *
 * @param name              legend label; empty for none
 * @param xs                tail x
 * @param ys                tail y
 * @param dxs               vector x component (data units)
 * @param dys               vector y component
 * @param palette           palette index
 * @param color             explicit colour or {@code null}
 * @param maxLengthFraction longest arrow as a fraction of min(plot width, plot height)
 */
public record ArrowLayer(String name, double[] xs, double[] ys, double[] dxs, double[] dys, int palette, Color color,
        double maxLengthFraction) implements Layer {

    public ArrowLayer {
        Layer.sameLength("arrows (x, y)", xs, ys);
        Layer.sameLength("arrows (x, dx)", xs, dxs);
        Layer.sameLength("arrows (x, dy)", xs, dys);
        if (!(maxLengthFraction > 0 && maxLengthFraction <= 1)) {
            throw new IllegalArgumentException("arrows: maxLengthFraction must be in (0, 1], got " + maxLengthFraction);
        }
    }

    /** Arrows in palette colour {@code palette}, longest 8 % of the plot. */
    public ArrowLayer(String name, double[] xs, double[] ys, double[] dxs, double[] dys, int palette) {
        this(name, xs, ys, dxs, dys, palette, null, 0.08);
    }

    @Override
    public void paint(Painter p, Axes a, Theme theme) {
        // Pixel-space lengths, so the scaling respects unequal axis scales in 1-D style plots too.
        double sx = a.pixelsPerUnitX();
        double sy = a.pixelsPerUnitY();
        double longest = 0;
        for (int i = 0; i < xs.length; i++) {
            double l = Math.hypot(dxs[i] * sx, dys[i] * sy);
            if (Double.isFinite(l)) {
                longest = Math.max(longest, l);
            }
        }
        if (longest == 0) {
            return;
        }
        double scale = maxLengthFraction * Math.min(a.width(), a.height()) / longest;
        Color c = Style.color(theme, palette, color);
        p.setStroke(c);
        p.setFill(c);
        p.setLineDashes();
        double lw = Math.max(1, theme.lineWidth() * 0.8);
        p.setLineWidth(lw);
        double head = 3 + 2 * lw;
        double[] hx = new double[3];
        double[] hy = new double[3];
        // Shafts first as one batch of segments (a canvas rasterises a batch as one image; one stroke per
        // shaft cost the software pipeline a path set-up each), then the heads on top.
        double[] shafts = new double[4 * xs.length];
        double[] heads = new double[6 * xs.length];
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            double x0 = a.toPixelX(xs[i]);
            double y0 = a.toPixelY(ys[i]);
            double vx = dxs[i] * sx * scale;
            double vy = -dys[i] * sy * scale;
            double len = Math.hypot(vx, vy);
            if (!Double.isFinite(len) || len < 0.5) {
                continue;
            }
            double ux = vx / len;
            double uy = vy / len;
            double h = Math.min(head, len * 0.6);
            double x1 = x0 + vx;
            double y1 = y0 + vy;
            shafts[4 * n] = x0;
            shafts[4 * n + 1] = y0;
            shafts[4 * n + 2] = x1 - ux * h * 0.8;
            shafts[4 * n + 3] = y1 - uy * h * 0.8;
            heads[6 * n] = x1;
            heads[6 * n + 1] = y1;
            heads[6 * n + 2] = x1 - ux * h - uy * h * 0.5;
            heads[6 * n + 3] = y1 - uy * h + ux * h * 0.5;
            heads[6 * n + 4] = x1 - ux * h + uy * h * 0.5;
            heads[6 * n + 5] = y1 - uy * h - ux * h * 0.5;
            n++;
        }
        p.strokeSegments(shafts, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                hx[j] = heads[6 * i + 2 * j];
                hy[j] = heads[6 * i + 2 * j + 1];
            }
            p.fillPolygon(hx, hy, 3);
        }
    }

    @Override
    public List<LegendEntry> legend() {
        return name == null || name.isEmpty() ? List.of()
                : List.of(new LegendEntry(name, LegendEntry.Swatch.LINE, palette, color));
    }
}
