package org.divergencelab.ui.plot;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.divergencelab.ui.theme.Theme;

/**
 * The generator's map. In 2-D: a warped latent grid ({@link GridLayer}) with any other layers on top
 * (samples). In 1-D: the lecture's picture of points on a z axis (top) joined by lines to their images on
 * an x axis (bottom), each line coloured by its z so crossings (a non-monotone G) stand out.
 */
public class WarpedGrid extends XYPlot {

    private GridLayer grid;
    private double[] z;
    private double[] x;
    private String zLabel = "z";
    private String xLabel = "x";
    private double markerX = Double.NaN;
    private String markerLabel = "";

    public WarpedGrid() {
        getStyleClass().add("warped-grid");
        axes().setAspectLocked(true);
    }

    /** 2-D mode: the warped grid (clears the 1-D mapping). */
    public void setGrid(GridLayer g) {
        grid = g;
        z = null;
        x = null;
        invalidate();
    }

    /**
     * 1-D mode: lines from {@code z[i]} on the latent axis to {@code x[i]} on the data axis (clears the grid).
     */
    public void setMapping(double[] zs, double[] xs) {
        Layer.sameLength("z -> x mapping", zs, xs);
        z = zs.clone();
        x = xs.clone();
        grid = null;
        invalidate();
    }

    /**
     * 1-D mode: a labelled dashed marker at data value {@code value} on the data axis (say, the MSE regression's
     * answer beside the generator's); NaN removes it.
     */
    public void setDataMarker(double value, String label) {
        markerX = value;
        markerLabel = label == null ? "" : label;
        invalidate();
    }

    /** The data marker's value (NaN: none). */
    public double dataMarker() {
        return markerX;
    }

    /** Labels of the two axes in 1-D mode. */
    public void setMappingLabels(String latent, String data) {
        zLabel = latent == null ? "" : latent;
        xLabel = data == null ? "" : data;
        invalidate();
    }

    @Override
    protected List<Layer> layersToDraw() {
        List<Layer> all = new ArrayList<>(layers().size() + 1);
        if (grid != null) {
            all.add(grid);
        }
        all.addAll(layers());
        return all;
    }

    @Override
    protected void paint(Painter p, double x0, double y0, double w, double h) {
        if (z == null) {
            super.paint(p, x0, y0, w, h);
            return;
        }
        paintMapping(p, x0, y0, w, h);
    }

    private void paintMapping(Painter p, double x0, double y0, double w, double h) {
        Theme theme = getTheme();
        Font tick = Font.font(family(), FontWeight.NORMAL, theme.fontSize());
        Font label = Font.font(family(), FontWeight.BOLD, theme.fontSize() * 1.2);
        double fh = TextMetrics.height(tick);
        double labelW = Math.max(TextMetrics.width(zLabel, label), TextMetrics.width(xLabel, label)) + 14;
        double left = x0 + labelW;
        double right = x0 + w - Math.max(12, TextMetrics.width("00.0", tick) / 2 + 4);
        double width = Math.max(1, right - left);
        double yz = y0 + fh + 12;
        double yx = y0 + h - fh - 12;
        Range rz = Range.of(z);
        Range rx = Range.of(x);
        if (rz == null || rx == null) {
            return;
        }
        if (Double.isFinite(markerX)) {
            rx = Range.union(rx, new Range(markerX, markerX));
        }
        rz = rz.padded(0.05);
        rx = rx.padded(0.05);
        Ticks tz = Ticks.of(rz.min(), rz.max(), Math.max(2, (int) (width / (theme.fontSize() * 6.5))));
        Ticks tx = Ticks.of(rx.min(), rx.max(), Math.max(2, (int) (width / (theme.fontSize() * 6.5))));
        p.setFill(theme.plotBackground());
        p.fillRect(left, yz, width, yx - yz);

        // Lines first, axes and points on top.
        p.setLineDashes();
        p.setLineWidth(Math.max(1, theme.lineWidth() * 0.9));
        // The dark end of viridis vanishes on a dark background: start higher up the map there.
        double c0 = theme.isDark() ? 0.3 : 0.05;
        for (int i = 0; i < z.length; i++) {
            double t = (z[i] - rz.min()) / rz.span();
            p.setStroke(ColorMap.VIRIDIS.color(c0 + (0.95 - c0) * t));
            p.strokeLine(left + (z[i] - rz.min()) / rz.span() * width, yz,
                    left + (x[i] - rx.min()) / rx.span() * width, yx);
        }
        if (Double.isFinite(markerX)) {
            // The marker stands on the data axis over the lower half of the band, its label on top.
            double px = left + (markerX - rx.min()) / rx.span() * width;
            double top = yz + (yx - yz) * 0.45;
            p.setStroke(theme.foreground());
            p.setLineWidth(2);
            p.setLineDashes(7, 5);
            p.strokeLine(px, top, px, yx);
            p.setLineDashes();
            Font mf = Font.font(family(), FontWeight.BOLD, theme.fontSize());
            double lw = TextMetrics.width(markerLabel, mf);
            double lh = TextMetrics.height(mf);
            double lx = Math.max(left + lw / 2 + 3, Math.min(right - lw / 2 - 3, px));
            // a backing box so the label stays readable over the mapping lines
            p.setFill(theme.plotBackground());
            p.fillRect(lx - lw / 2 - 3, top - 4 - lh - 2, lw + 6, lh + 4);
            p.setFill(theme.foreground());
            p.setFont(mf);
            p.fillText(markerLabel, lx, top - 4, TextAlignment.CENTER, VPos.BOTTOM);
        }
        p.setStroke(theme.foreground());
        p.setFill(theme.foreground());
        p.setLineWidth(1.5);
        p.strokeLine(left, yz, right, yz);
        p.strokeLine(left, yx, right, yx);
        p.setFont(tick);
        for (double v : tz.values()) {
            double px = left + (v - rz.min()) / rz.span() * width;
            p.strokeLine(px, yz - 5, px, yz);
            p.fillText(tz.label(v), px, yz - 6, TextAlignment.CENTER, VPos.BOTTOM);
        }
        for (double v : tx.values()) {
            double px = left + (v - rx.min()) / rx.span() * width;
            p.strokeLine(px, yx, px, yx + 5);
            p.fillText(tx.label(v), px, yx + 6, TextAlignment.CENTER, VPos.TOP);
        }
        p.setFont(label);
        p.fillText(zLabel, x0 + 4, yz, TextAlignment.LEFT, VPos.CENTER);
        p.fillText(xLabel, x0 + 4, yx, TextAlignment.LEFT, VPos.CENTER);
        double r = theme.pointRadius() * 1.2;
        for (int i = 0; i < z.length; i++) {
            double t = (z[i] - rz.min()) / rz.span();
            p.setFill(ColorMap.VIRIDIS.color(c0 + (0.95 - c0) * t));
            p.fillCircle(left + (z[i] - rz.min()) / rz.span() * width, yz, r);
            p.fillCircle(left + (x[i] - rx.min()) / rx.span() * width, yx, r);
        }
    }
}
