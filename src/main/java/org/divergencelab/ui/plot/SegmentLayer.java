package org.divergencelab.ui.plot;

import java.util.List;

import javafx.scene.paint.Color;

import org.divergencelab.ui.theme.Theme;

/**
 * Line segments between point pairs with width proportional to a weight: the lines of a transport plan
 * between coupled samples, width ∝ mass.
 *
 * @param name       legend label; empty for none
 * @param x0         start x
 * @param y0         start y
 * @param x1         end x
 * @param y1         end y
 * @param weights    non-negative weight per segment (mass); the heaviest gets {@code maxWidth}
 * @param palette    palette index
 * @param color      explicit colour or {@code null}
 * @param maxWidth   width in px of the heaviest segment
 */
public record SegmentLayer(String name, double[] x0, double[] y0, double[] x1, double[] y1, double[] weights,
        int palette, Color color, double maxWidth) implements Layer {

    /** Segments lighter than this fraction of the heaviest are not drawn (invisible at any width). */
    static final double MIN_VISIBLE = 1e-3;

    public SegmentLayer {
        Layer.sameLength("segments (x0, y0)", x0, y0);
        Layer.sameLength("segments (x0, x1)", x0, x1);
        Layer.sameLength("segments (x0, y1)", x0, y1);
        Layer.sameLength("segments (x0, weights)", x0, weights);
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("segments: weight " + i + " must be >= 0, got " + weights[i]);
            }
        }
        if (!(maxWidth > 0)) {
            throw new IllegalArgumentException("segments: maxWidth must be > 0, got " + maxWidth);
        }
    }

    /** Segments in the theme's neutral grey, heaviest 4 px wide. */
    public SegmentLayer(String name, double[] x0, double[] y0, double[] x1, double[] y1, double[] weights) {
        this(name, x0, y0, x1, y1, weights, 6, null, 4);
    }

    @Override
    public Range xRange() {
        return Range.union(Range.of(x0), Range.of(x1));
    }

    @Override
    public Range yRange() {
        return Range.union(Range.of(y0), Range.of(y1));
    }

    @Override
    public void paint(Painter p, Axes a, Theme theme) {
        double wMax = 0;
        for (double w : weights) {
            wMax = Math.max(wMax, w);
        }
        if (wMax == 0) {
            return;
        }
        p.setStroke(Style.alpha(Style.color(theme, palette, color), 0.75));
        p.setLineDashes();
        for (int i = 0; i < weights.length; i++) {
            double f = weights[i] / wMax;
            if (f < MIN_VISIBLE) {
                continue;
            }
            p.setLineWidth(Math.max(0.4, f * maxWidth * theme.lineWidth() / 1.6));
            p.strokeLine(a.toPixelX(x0[i]), a.toPixelY(y0[i]), a.toPixelX(x1[i]), a.toPixelY(y1[i]));
        }
    }

    @Override
    public List<LegendEntry> legend() {
        return name == null || name.isEmpty() ? List.of()
                : List.of(new LegendEntry(name, LegendEntry.Swatch.LINE, palette, color));
    }
}
