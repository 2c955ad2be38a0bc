package org.divergencelab.ui.plot;

import java.util.List;

import javafx.scene.paint.Color;

import org.divergencelab.ui.theme.Theme;

/**
 * Points (real or generated samples).
 *
 * @param name        legend label; empty for no legend entry
 * @param xs          x of each point
 * @param ys          y of each point
 * @param palette     palette index ({@link Theme#REAL}, {@link Theme#GENERATED}, …)
 * @param color       explicit colour or {@code null}
 * @param sizeScale   radius as a multiple of the theme's point radius
 * @param hollow      rings instead of discs (a second series stays distinguishable without colour)
 */
public record ScatterLayer(String name, double[] xs, double[] ys, int palette, Color color, double sizeScale,
        boolean hollow) implements Layer {

    public ScatterLayer {
        Layer.sameLength("scatter '" + name + "'", xs, ys);
        if (!(sizeScale > 0)) {
            throw new IllegalArgumentException("scatter '" + name + "': sizeScale must be > 0, got " + sizeScale);
        }
    }

    /** Filled points in palette colour {@code palette} at the theme's size. */
    public ScatterLayer(String name, double[] xs, double[] ys, int palette) {
        this(name, xs, ys, palette, null, 1, false);
    }

    @Override
    public Range xRange() {
        return Range.of(xs);
    }

    @Override
    public Range yRange() {
        return Range.of(ys);
    }

    @Override
    public void paint(Painter p, Axes a, Theme theme) {
        Color c = Style.color(theme, palette, color);
        double r = theme.pointRadius() * sizeScale;
        double[] px = new double[xs.length];
        double[] py = new double[xs.length];
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = a.toPixelX(xs[i]);
            double y = a.toPixelY(ys[i]);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                px[n] = x;
                py[n] = y;
                n++;
            }
        }
        // Filled points slightly transparent so piles show; rings opaque so they stay legible.
        p.fillCircles(px, py, n, r, hollow ? c : Style.alpha(c, 0.8), hollow, Math.max(1, r / 2.5));
    }

    @Override
    public List<LegendEntry> legend() {
        return name == null || name.isEmpty() ? List.of()
                : List.of(new LegendEntry(name, LegendEntry.Swatch.POINT, palette, color));
    }
}
