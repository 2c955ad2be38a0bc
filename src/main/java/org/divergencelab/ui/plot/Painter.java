package org.divergencelab.ui.plot;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The small drawing vocabulary every plot widget uses, so that one {@code paint} method can draw on a
 * JavaFX canvas ({@link CanvasPainter}) or write an SVG document ({@link SvgPainter}). Coordinates are in
 * pixels, y pointing down.
 */
public interface Painter {

    void setStroke(Color c);

    void setFill(Color c);

    void setLineWidth(double w);

    /** Dash pattern in pixels; no argument (or {@code null}) for solid lines. */
    void setLineDashes(double... dashes);

    void setFont(Font font);

    Font getFont();

    void strokeLine(double x1, double y1, double x2, double y2);

    /** Strokes the open polyline through the first {@code n} points. */
    void strokePolyline(double[] xs, double[] ys, int n);

    /** Strokes {@code n} independent segments at once: {@code xy = x1,y1,x2,y2, x1,y1,x2,y2, ...}. */
    void strokeSegments(double[] xy, int n);

    void fillPolygon(double[] xs, double[] ys, int n);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void fillCircle(double cx, double cy, double r);

    void strokeCircle(double cx, double cy, double r);

    /**
     * Many discs (or rings of width {@code ringWidth} when {@code ring}) of one colour and radius, centres
     * in pixels: the hot path of scatter plots, which a canvas can rasterise in one go.
     */
    default void fillCircles(double[] xs, double[] ys, int n, double r, Color c, boolean ring, double ringWidth) {
        if (ring) {
            setStroke(c);
            setLineWidth(ringWidth);
            setLineDashes();
        } else {
            setFill(c);
        }
        for (int i = 0; i < n; i++) {
            if (ring) {
                strokeCircle(xs[i], ys[i], r);
            } else {
                fillCircle(xs[i], ys[i], r);
            }
        }
    }

    /** Draws text anchored at (x, y) with the given horizontal alignment and vertical anchor. */
    void fillText(String text, double x, double y, TextAlignment align, VPos baseline);

    /** Like {@link #fillText} but rotated by {@code degrees} about the anchor (-90 for a y-axis label). */
    void fillTextRotated(String text, double x, double y, double degrees, TextAlignment align, VPos baseline);

    /**
     * Draws a {@code w × h} ARGB raster (row 0 at the top) stretched over the pixel rectangle, without
     * smoothing so each cell stays a crisp block.
     */
    void drawRaster(int[] argb, int w, int h, double x, double y, double dw, double dh);

    /** Restricts drawing to a rectangle until the matching {@link #popClip()}. */
    void pushClip(double x, double y, double w, double h);

    void popClip();

    /** Width of {@code text} in the current font, in pixels. */
    default double textWidth(String text) {
        return TextMetrics.width(text, getFont());
    }

    /** Line height of the current font, in pixels. */
    default double textHeight() {
        return TextMetrics.height(getFont());
    }
}
