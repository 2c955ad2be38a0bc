package org.divergencelab.ui.plot;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A {@link Painter} that draws nothing but remembers where marks would go: the plot area as a grid of
 * {@link #CELL}-pixel cells, each set when a point, a line, a bar or a text would cover it. {@link XYPlot} paints
 * its layers through one to find a legend corner that hides no data. Rasters (a heatmap's colours) are not
 * marks: a legend box may sit on a field, not on its contours, points or curves.
 */
final class MarkGrid implements Painter {
    /** Cell size in pixels: fine enough for thin curves, coarse enough to stay cheap. */
    static final double CELL = 4;

    private final double x0;
    private final double y0;
    private final int cols;
    private final int rows;
    private final boolean[] marked;
    private Font font = Font.getDefault();

    MarkGrid(double x, double y, double w, double h) {
        x0 = x;
        y0 = y;
        cols = Math.max(1, (int) Math.ceil(w / CELL));
        rows = Math.max(1, (int) Math.ceil(h / CELL));
        marked = new boolean[cols * rows];
    }

    /** Marked cells whose centre lies in the pixel rectangle. */
    int count(double x, double y, double w, double h) {
        int c0 = Math.max(0, (int) Math.floor((x - x0) / CELL));
        int c1 = Math.min(cols - 1, (int) Math.floor((x + w - x0) / CELL));
        int r0 = Math.max(0, (int) Math.floor((y - y0) / CELL));
        int r1 = Math.min(rows - 1, (int) Math.floor((y + h - y0) / CELL));
        int n = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                n += marked[r * cols + c] ? 1 : 0;
            }
        }
        return n;
    }

    private void mark(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        int c = (int) Math.floor((x - x0) / CELL);
        int r = (int) Math.floor((y - y0) / CELL);
        if (c >= 0 && c < cols && r >= 0 && r < rows) {
            marked[r * cols + c] = true;
        }
    }

    private void markRect(double x, double y, double w, double h) {
        double xa = Math.max(x, x0);
        double ya = Math.max(y, y0);
        double xb = Math.min(x + w, x0 + cols * CELL);
        double yb = Math.min(y + h, y0 + rows * CELL);
        if (!(xa <= xb && ya <= yb)) {
            return;
        }
        for (double yy = ya; yy <= yb; yy += CELL / 2) {
            for (double xx = xa; xx <= xb; xx += CELL / 2) {
                mark(xx, yy);
            }
        }
    }

    private void markLine(double x1, double y1, double x2, double y2) {
        if (!Double.isFinite(x1) || !Double.isFinite(y1) || !Double.isFinite(x2) || !Double.isFinite(y2)) {
            return;
        }
        // only the part inside the grid is walked (Liang–Barsky): a curve far outside the axes costs nothing
        double xmin = x0;
        double ymin = y0;
        double xmax = x0 + cols * CELL;
        double ymax = y0 + rows * CELL;
        double dx = x2 - x1;
        double dy = y2 - y1;
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - xmin, xmax - x1, y1 - ymin, ymax - y1};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        if (t0 > t1) {
            return;
        }
        double ax = x1 + t0 * dx;
        double ay = y1 + t0 * dy;
        x2 = x1 + t1 * dx;
        y2 = y1 + t1 * dy;
        x1 = ax;
        y1 = ay;
        double len = Math.hypot(x2 - x1, y2 - y1);
        int steps = (int) Math.ceil(len / (CELL / 2));
        for (int i = 0; i <= steps; i++) {
            double t = steps == 0 ? 0 : (double) i / steps;
            mark(x1 + t * (x2 - x1), y1 + t * (y2 - y1));
        }
    }

    @Override
    public void setStroke(Color c) {
    }

    @Override
    public void setFill(Color c) {
    }

    @Override
    public void setLineWidth(double w) {
    }

    @Override
    public void setLineDashes(double... dashes) {
    }

    @Override
    public void setFont(Font f) {
        font = f;
    }

    @Override
    public Font getFont() {
        return font;
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        markLine(x1, y1, x2, y2);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        if (n == 1) {
            mark(xs[0], ys[0]);
        }
        for (int i = 1; i < n; i++) {
            markLine(xs[i - 1], ys[i - 1], xs[i], ys[i]);
        }
    }

    @Override
    public void strokeSegments(double[] xy, int n) {
        for (int i = 0; i < n; i++) {
            markLine(xy[4 * i], xy[4 * i + 1], xy[4 * i + 2], xy[4 * i + 3]);
        }
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        // a shaded area's outline is its data (the curve); the fill under it may be covered
        for (int i = 1; i < n; i++) {
            markLine(xs[i - 1], ys[i - 1], xs[i], ys[i]);
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        markRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        markLine(x, y, x + w, y);
        markLine(x, y + h, x + w, y + h);
        markLine(x, y, x, y + h);
        markLine(x + w, y, x + w, y + h);
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        markRect(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
        fillCircle(cx, cy, r);
    }

    @Override
    public void fillCircles(double[] xs, double[] ys, int n, double r, Color c, boolean ring, double ringWidth) {
        for (int i = 0; i < n; i++) {
            fillCircle(xs[i], ys[i], r);
        }
    }

    @Override
    public void fillText(String text, double x, double y, TextAlignment align, VPos baseline) {
        double w = TextMetrics.width(text, font);
        double h = TextMetrics.height(font);
        double left = align == TextAlignment.CENTER ? x - w / 2 : align == TextAlignment.RIGHT ? x - w : x;
        double top = baseline == VPos.CENTER ? y - h / 2 : baseline == VPos.TOP ? y : y - h;
        markRect(left, top, w, h);
    }

    @Override
    public void fillTextRotated(String text, double x, double y, double degrees, TextAlignment align, VPos baseline) {
        mark(x, y);
    }

    @Override
    public void drawRaster(int[] argb, int w, int h, double x, double y, double dw, double dh) {
        // a field's colours are the background of the data, not marks
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
    }

    @Override
    public void popClip() {
    }
}
