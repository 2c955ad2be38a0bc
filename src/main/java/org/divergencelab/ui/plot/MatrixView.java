package org.divergencelab.ui.plot;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.divergencelab.ui.theme.Theme;

/**
 * A transport plan γ as the lecture's earth-mover slide draws it: a matrix of cells (rows = support points
 * x_p of P, columns = x_q of Q, brightness = mass), the marginal of P as bars on the left, the marginal of
 * Q as bars on top. With few cells each shows its mass.
 */
public class MatrixView extends PlotWidget {

    private double[] gamma = new double[0];
    private int rows;
    private int cols;
    private double[] rowPositions = new double[0];
    private double[] colPositions = new double[0];
    private double[] rowMarginal = new double[0];
    private double[] colMarginal = new double[0];
    private String rowLabel = "x_p";
    private String colLabel = "x_q";
    private ColorMap map = ColorMap.VIRIDIS;
    private boolean showValues = true;

    public MatrixView() {
        getStyleClass().add("matrix-view");
    }

    /**
     * The plan. Marginals default to the row and column sums of γ.
     *
     * @param gamma        {@code gamma[r * cols + c]} = mass moved from x_p[r] to x_q[c], non-negative
     * @param rows         number of support points of P
     * @param cols         number of support points of Q
     * @param rowPositions x_p, one per row (labels)
     * @param colPositions x_q, one per column (labels)
     */
    public void setPlan(double[] gamma, int rows, int cols, double[] rowPositions, double[] colPositions) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("plan must have at least one row and column, got " + rows + "x" + cols);
        }
        if (gamma == null || gamma.length != rows * cols) {
            throw new IllegalArgumentException("plan of " + rows + "x" + cols + " needs " + rows * cols
                    + " masses, got " + (gamma == null ? "null" : gamma.length));
        }
        if (rowPositions == null || rowPositions.length != rows || colPositions == null
                || colPositions.length != cols) {
            throw new IllegalArgumentException("plan labels: need " + rows + " row and " + cols + " column positions");
        }
        for (int i = 0; i < gamma.length; i++) {
            if (!(gamma[i] >= 0)) {
                throw new IllegalArgumentException("plan mass at row " + i / cols + ", column " + i % cols
                        + " must be >= 0, got " + gamma[i]);
            }
        }
        this.gamma = gamma.clone();
        this.rows = rows;
        this.cols = cols;
        this.rowPositions = rowPositions.clone();
        this.colPositions = colPositions.clone();
        this.rowMarginal = new double[rows];
        this.colMarginal = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                rowMarginal[r] += gamma[r * cols + c];
                colMarginal[c] += gamma[r * cols + c];
            }
        }
        invalidate();
    }

    /** Axis titles for the rows (P's support) and columns (Q's support). */
    public void setLabels(String rowsLabel, String colsLabel) {
        rowLabel = rowsLabel == null ? "" : rowsLabel;
        colLabel = colsLabel == null ? "" : colsLabel;
        invalidate();
    }

    /** Colour map for the mass (default viridis: brighter = more mass). */
    public void setColorMap(ColorMap m) {
        map = m;
        invalidate();
    }

    /** Print each cell's mass when the cells are large enough. */
    public void setShowValues(boolean show) {
        showValues = show;
        invalidate();
    }

    /** Row marginal (sums of γ over columns), as drawn. */
    public double[] rowMarginal() {
        return rowMarginal.clone();
    }

    /** Column marginal, as drawn. */
    public double[] colMarginal() {
        return colMarginal.clone();
    }

    @Override
    protected void paint(Painter p, double x0, double y0, double w, double h) {
        if (rows == 0) {
            return;
        }
        Theme theme = getTheme();
        Font tick = font(1, FontWeight.NORMAL);
        Font label = font(1.1, FontWeight.NORMAL);
        double fh = TextMetrics.height(tick);
        double lh = TextMetrics.height(label);
        double rowTickW = 0;
        for (double v : rowPositions) {
            rowTickW = Math.max(rowTickW, TextMetrics.width(fmt(v), tick));
        }
        // Marginal bars take about a fifth of each side.
        double barsW = Math.max(40, w * 0.18);
        double barsH = Math.max(30, h * 0.18);
        double left = x0 + lh + 8 + barsW + 6 + rowTickW + 6;
        double top = y0 + 8 + barsH + 6;
        double bottom = fh + 8 + lh + 6;
        double availW = Math.max(1, x0 + w - 8 - left);
        double availH = Math.max(1, y0 + h - bottom - top);
        double cell = Math.min(availW / cols, availH / rows);
        double mw = cell * cols;
        double mh = cell * rows;
        left += (availW - mw) / 2;

        double max = 0;
        for (double g : gamma) {
            max = Math.max(max, g);
        }
        double inv = max > 0 ? 1 / max : 0;
        int[] argb = new int[rows * cols];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = map.argb(gamma[i] * inv);
        }
        p.drawRaster(argb, cols, rows, left, top, mw, mh);
        p.setStroke(theme.plotBackground());
        p.setLineWidth(cell > 10 ? 1 : 0.5);
        p.setLineDashes();
        if (cell > 6) {
            for (int r = 1; r < rows; r++) {
                p.strokeLine(left, top + r * cell, left + mw, top + r * cell);
            }
            for (int c = 1; c < cols; c++) {
                p.strokeLine(left + c * cell, top, left + c * cell, top + mh);
            }
        }
        p.setStroke(theme.foreground());
        p.setLineWidth(1);
        p.strokeRect(Axes.crisp(left), Axes.crisp(top), Math.round(mw), Math.round(mh));

        if (showValues && cell > TextMetrics.width("0.00", tick) + 6 && cell > fh + 4) {
            p.setFont(tick);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double g = gamma[r * cols + c];
                    if (g < 0.005) {
                        continue; // would print as 0.00, which reads as "no mass"
                    }
                    double t = g * inv;
                    // Dark text on the bright (yellow) end of viridis, white on the dark end.
                    p.setFill(t > 0.55 ? Color.BLACK : Color.WHITE);
                    p.fillText(String.format(java.util.Locale.ROOT, "%.2f", g), left + (c + 0.5) * cell,
                            top + (r + 0.5) * cell, TextAlignment.CENTER, VPos.CENTER);
                }
            }
        }

        // Marginals: P on the left (bars grow leftwards), Q on top (bars grow upwards).
        double mMax = 0;
        for (double v : rowMarginal) {
            mMax = Math.max(mMax, v);
        }
        for (double v : colMarginal) {
            mMax = Math.max(mMax, v);
        }
        double mInv = mMax > 0 ? 1 / mMax : 0;
        double barRight = left - rowTickW - 12;
        p.setFill(Style.alpha(theme.series(Theme.REAL), 0.85));
        for (int r = 0; r < rows; r++) {
            double len = rowMarginal[r] * mInv * barsW;
            p.fillRect(barRight - len, top + r * cell + cell * 0.15, len, cell * 0.7);
        }
        p.setFill(Style.alpha(theme.series(Theme.GENERATED), 0.85));
        for (int c = 0; c < cols; c++) {
            double len = colMarginal[c] * mInv * barsH;
            p.fillRect(left + c * cell + cell * 0.15, top - 6 - len, cell * 0.7, len);
        }

        p.setFill(theme.foreground());
        p.setFont(tick);
        int rowStep = Math.max(1, (int) Math.ceil((fh + 2) / cell));
        for (int r = 0; r < rows; r += rowStep) {
            p.fillText(fmt(rowPositions[r]), left - 6, top + (r + 0.5) * cell, TextAlignment.RIGHT, VPos.CENTER);
        }
        double colLabelW = 0;
        for (double v : colPositions) {
            colLabelW = Math.max(colLabelW, TextMetrics.width(fmt(v), tick));
        }
        int colStep = Math.max(1, (int) Math.ceil((colLabelW + 6) / cell));
        for (int c = 0; c < cols; c += colStep) {
            p.fillText(fmt(colPositions[c]), left + (c + 0.5) * cell, top + mh + 4, TextAlignment.CENTER, VPos.TOP);
        }
        p.setFont(label);
        p.fillText(colLabel, left + mw / 2, top + mh + fh + 8, TextAlignment.CENTER, VPos.TOP);
        double labelX = Math.max(x0 + 4, barRight - barsW - 8 - TextMetrics.height(label));
        p.fillTextRotated(rowLabel, labelX, top + mh / 2, -90, TextAlignment.CENTER, VPos.TOP);
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
