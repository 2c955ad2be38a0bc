package org.divergencelab.ui.plot;

import java.util.List;

import javafx.scene.paint.Color;

import org.divergencelab.ui.theme.Theme;

/**
 * Histogram bars: {@code heights[i]} over {@code [edges[i], edges[i+1]]} (densities or counts, as the view
 * computed them).
 *
 * @param name    legend label; empty for none
 * @param edges   bin edges, ascending, one more than heights
 * @param heights bar heights
 * @param palette palette index
 * @param color   explicit colour or {@code null}
 * @param alpha   bar opacity, so two histograms can overlap
 */
public record HistogramLayer(String name, double[] edges, double[] heights, int palette, Color color, double alpha)
        implements Layer {

    public HistogramLayer {
        if (edges == null || heights == null || edges.length != heights.length + 1) {
            throw new IllegalArgumentException("histogram '" + name + "': needs edges.length == heights.length + 1, got "
                    + (edges == null ? "null" : edges.length) + " and " + (heights == null ? "null" : heights.length));
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("histogram '" + name + "': edges must increase, edge " + i + " = "
                        + edges[i] + " after " + edges[i - 1]);
            }
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("histogram '" + name + "': alpha must be in (0, 1], got " + alpha);
        }
    }

    /** Half-transparent bars in palette colour {@code palette}. */
    public HistogramLayer(String name, double[] edges, double[] heights, int palette) {
        this(name, edges, heights, palette, null, 0.45);
    }

    @Override
    public Range xRange() {
        return new Range(edges[0], edges[edges.length - 1]);
    }

    @Override
    public Range yRange() {
        Range r = Range.of(heights);
        return Range.union(r, new Range(0, 0));
    }

    @Override
    public void paint(Painter p, Axes a, Theme theme) {
        Color c = Style.color(theme, palette, color);
        p.setFill(Style.alpha(c, alpha));
        p.setStroke(Style.alpha(c, Math.min(1, alpha + 0.35)));
        p.setLineWidth(1);
        p.setLineDashes();
        double base = a.toPixelY(Math.max(a.yMin(), 0));
        for (int i = 0; i < heights.length; i++) {
            if (!(heights[i] > 0)) {
                continue;
            }
            double xl = a.toPixelX(edges[i]);
            double xr = a.toPixelX(edges[i + 1]);
            double yt = a.toPixelY(heights[i]);
            p.fillRect(xl, yt, xr - xl, base - yt);
            p.strokeRect(xl, yt, xr - xl, base - yt);
        }
    }

    @Override
    public List<LegendEntry> legend() {
        return name == null || name.isEmpty() ? List.of()
                : List.of(new LegendEntry(name, LegendEntry.Swatch.BAR, palette, color));
    }
}
