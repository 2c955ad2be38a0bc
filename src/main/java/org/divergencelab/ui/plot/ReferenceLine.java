package org.divergencelab.ui.plot;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.divergencelab.ui.theme.Theme;

/**
 * A dashed horizontal (or vertical) line at a fixed value with a label at its end: "log 2" on a JS chart,
 * "1" on a Lipschitz chart, the current offset on a sweep.
 *
 * @param vertical  vertical line at x = value instead of horizontal at y = value
 * @param value     the data value
 * @param label     text drawn beside the line; empty for none
 * @param color     explicit colour or {@code null} for the theme's muted text colour
 */
public record ReferenceLine(boolean vertical, double value, String label, Color color) implements Layer {

    public ReferenceLine {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("reference line '" + label + "': value must be finite, got " + value);
        }
    }

    /** A horizontal line at y = {@code y}. */
    public static ReferenceLine horizontal(double y, String label) {
        return new ReferenceLine(false, y, label, null);
    }

    /** A vertical line at x = {@code x}. */
    public static ReferenceLine vertical(double x, String label) {
        return new ReferenceLine(true, x, label, null);
    }

    @Override
    public Range xRange() {
        return vertical ? new Range(value, value) : null;
    }

    @Override
    public Range yRange() {
        // A horizontal reference is always in view: "log 2" must show even before the curve gets there.
        return vertical ? null : new Range(value, value);
    }

    @Override
    public void paint(Painter p, Axes a, Theme theme) {
        Color c = color != null ? color : theme.muted();
        p.setStroke(c);
        p.setFill(c);
        p.setLineWidth(Math.max(1, theme.lineWidth() * 0.8));
        p.setLineDashes(6, 4);
        p.setFont(Font.font(a.tickFont().getFamily(), FontWeight.NORMAL, a.tickFont().getSize()));
        if (vertical) {
            double x = a.toPixelX(value);
            p.strokeLine(x, a.top(), x, a.top() + a.height());
            p.setLineDashes();
            if (label != null && !label.isEmpty()) {
                // Right of the line, unless that runs past the frame (a line at the right edge, "+c"): then left.
                boolean fitsRight = x + 4 + TextMetrics.width(label, p.getFont()) <= a.left() + a.width() - 2;
                if (fitsRight) {
                    p.fillText(label, x + 4, a.top() + 3, TextAlignment.LEFT, VPos.TOP);
                } else {
                    p.fillText(label, x - 4, a.top() + 3, TextAlignment.RIGHT, VPos.TOP);
                }
            }
        } else {
            double y = a.toPixelY(value);
            if (Double.isNaN(y)) {
                return; // y <= 0 on a log axis: no position
            }
            p.strokeLine(a.left(), y, a.left() + a.width(), y);
            p.setLineDashes();
            if (label != null && !label.isEmpty()) {
                // Label at the left end, above the line (the legend usually sits top-right); below it when above
                // would leave the plot area for the title ("100 %" near the top of the accuracy chart)
                double th = TextMetrics.height(p.getFont());
                if (y - 3 - th >= a.top() || y + 3 + th > a.top() + a.height()) {
                    p.fillText(label, a.left() + 6, y - 3, TextAlignment.LEFT, VPos.BOTTOM);
                } else {
                    p.fillText(label, a.left() + 6, y + 3, TextAlignment.LEFT, VPos.TOP);
                }
            }
        }
    }
}
