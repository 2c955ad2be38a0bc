package org.divergencelab.ui.plot;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A painter that records what is drawn, for geometry tests of the layers. */
final class RecordingPainter implements Painter {

    record Line(double x1, double y1, double x2, double y2, double width, Color color) {
        double length() {
            return Math.hypot(x2 - x1, y2 - y1);
        }
    }

    record Raster(int[] argb, int w, int h, double x, double y, double dw, double dh) {
    }

    final List<Line> lines = new ArrayList<>();
    final List<Raster> rasters = new ArrayList<>();
    final List<String> texts = new ArrayList<>();
    final List<double[]> circles = new ArrayList<>();
    int polygons;
    private Color stroke = Color.BLACK;
    private double width = 1;
    private Font font = Font.font(12);

    @Override
    public void setStroke(Color c) {
        stroke = c;
    }

    @Override
    public void setFill(Color c) {
    }

    @Override
    public void setLineWidth(double w) {
        width = w;
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
        lines.add(new Line(x1, y1, x2, y2, width, stroke));
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        for (int i = 1; i < n; i++) {
            strokeLine(xs[i - 1], ys[i - 1], xs[i], ys[i]);
        }
    }

    @Override
    public void strokeSegments(double[] xy, int n) {
        for (int i = 0; i < n; i++) {
            strokeLine(xy[4 * i], xy[4 * i + 1], xy[4 * i + 2], xy[4 * i + 3]);
        }
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        polygons++;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        circles.add(new double[] {cx, cy, r});
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
        circles.add(new double[] {cx, cy, r});
    }

    @Override
    public void fillText(String text, double x, double y, TextAlignment align, VPos baseline) {
        texts.add(text);
    }

    @Override
    public void fillTextRotated(String text, double x, double y, double degrees, TextAlignment align, VPos baseline) {
        texts.add(text);
    }

    @Override
    public void drawRaster(int[] argb, int w, int h, double x, double y, double dw, double dh) {
        rasters.add(new Raster(argb.clone(), w, h, x, y, dw, dh));
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
    }

    @Override
    public void popClip() {
    }
}
