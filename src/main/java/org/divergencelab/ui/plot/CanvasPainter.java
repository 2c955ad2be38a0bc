package org.divergencelab.ui.plot;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** {@link Painter} onto a JavaFX {@link GraphicsContext}. */
public final class CanvasPainter implements Painter {

    private final GraphicsContext gc;
    /**
     * Raster images reused between frames so a live heatmap does not allocate per frame. One slot per
     * {@link #drawRaster} call of a frame: the canvas keeps a reference until it renders, so one image must
     * not be rewritten twice within a frame.
     */
    private final java.util.List<WritableImage> rasters = new java.util.ArrayList<>();
    private int rastersUsed;

    public CanvasPainter(GraphicsContext gc) {
        this.gc = gc;
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineJoin(StrokeLineJoin.ROUND);
    }

    /** Starts a new frame: raster slots may be reused from here on. */
    public void beginFrame() {
        rastersUsed = 0;
    }

    @Override
    public void setStroke(Color c) {
        gc.setStroke(c);
    }

    @Override
    public void setFill(Color c) {
        gc.setFill(c);
    }

    @Override
    public void setLineWidth(double w) {
        gc.setLineWidth(w);
    }

    @Override
    public void setLineDashes(double... dashes) {
        gc.setLineDashes(dashes == null || dashes.length == 0 ? null : dashes);
    }

    @Override
    public void setFont(Font font) {
        gc.setFont(font);
    }

    @Override
    public Font getFont() {
        return gc.getFont();
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        if (n >= 2) {
            gc.strokePolyline(xs, ys, n);
        }
    }

    @Override
    public void strokeSegments(double[] xy, int n) {
        if (n <= 0) {
            return;
        }
        // One path, one stroke: thousands of contour segments cost one rasterisation, not thousands.
        gc.beginPath();
        for (int i = 0; i < n; i++) {
            int k = 4 * i;
            gc.moveTo(xy[k], xy[k + 1]);
            gc.lineTo(xy[k + 2], xy[k + 3]);
        }
        gc.stroke();
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (n >= 3) {
            gc.fillPolygon(xs, ys, n);
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        gc.strokeRect(x, y, w, h);
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        gc.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
        gc.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void fillText(String text, double x, double y, TextAlignment align, VPos baseline) {
        gc.setTextAlign(align);
        gc.setTextBaseline(baseline);
        gc.fillText(text, x, y);
    }

    @Override
    public void fillTextRotated(String text, double x, double y, double degrees, TextAlignment align, VPos baseline) {
        gc.save();
        gc.translate(x, y);
        gc.rotate(degrees);
        fillText(text, 0, 0, align, baseline);
        gc.restore();
    }

    @Override
    public void drawRaster(int[] argb, int w, int h, double x, double y, double dw, double dh) {
        WritableImage raster = rastersUsed < rasters.size() ? rasters.get(rastersUsed) : null;
        if (raster == null || (int) raster.getWidth() != w || (int) raster.getHeight() != h) {
            raster = new WritableImage(w, h);
            if (rastersUsed < rasters.size()) {
                rasters.set(rastersUsed, raster);
            } else {
                rasters.add(raster);
            }
        }
        rastersUsed++;
        raster.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        boolean smooth = gc.isImageSmoothing();
        gc.setImageSmoothing(false);
        gc.drawImage(raster, x, y, dw, dh);
        gc.setImageSmoothing(smooth);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        gc.save();
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.closePath();
        gc.clip();
    }

    @Override
    public void popClip() {
        gc.restore();
    }
}
