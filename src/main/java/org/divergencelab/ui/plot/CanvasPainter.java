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
    /** Current clip rectangles (x, y, w, h), innermost last: the batch point rasteriser draws inside it. */
    private final java.util.ArrayDeque<double[]> clips = new java.util.ArrayDeque<>();
    /** Device pixels per canvas unit (2 on a HiDPI screen), so rasterised points stay sharp. */
    private double deviceScale = 1;
    private int[] pointBuffer = new int[0];
    private float[] coverage = new float[0];
    /**
     * The largest share of {@link #pointBuffer} and {@link #coverage} the current frame used, and how many frames
     * in a row used under a quarter of them: the buffers grow to the largest clip a canvas ever had (a window
     * made full-screen once kept 80 MB of them), so they are reallocated at the smaller size once
     * {@link #SHRINK_AFTER_FRAMES} frames in a row needed under a quarter (not on one small frame, so that
     * frames alternating between a large and a small need do not allocate every time).
     */
    private int pointNeed;
    private int coverageNeed;
    private int pointSmallFrames;
    private int coverageSmallFrames;
    static final int SHRINK_AFTER_FRAMES = 2;
    /** Buffers of at most this many pixels (256 KB) are kept whatever the need: not worth reallocating. */
    static final int SHRINK_MIN_PIXELS = 1 << 16;
    /** Points of several series accumulate in one raster, drawn when anything else is drawn. */
    private boolean pointsPending;
    private double[] pendingClip;
    private int pendingW;
    private int pendingH;
    private Color stroke = Color.BLACK;
    private Color fill = Color.BLACK;
    private double lineWidth = 1;
    private boolean dashed;

    /** Below this many points, plain fillOval calls are cheap enough. */
    static final int BATCH_THRESHOLD = 64;

    public CanvasPainter(GraphicsContext gc) {
        this.gc = gc;
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineJoin(StrokeLineJoin.ROUND);
    }

    /** Starts a new frame: raster slots may be reused from here on. */
    public void beginFrame(double scale) {
        rastersUsed = 0;
        clips.clear();
        pointsPending = false;
        deviceScale = scale > 0 && Double.isFinite(scale) ? Math.min(scale, 4) : 1;
    }

    /** Ends a frame: draws any points still pending. */
    public void endFrame() {
        flushPoints();
        // after the flush: nothing of this frame is left in the buffers
        pointSmallFrames = shrinks(pointBuffer.length, pointNeed) ? pointSmallFrames + 1 : 0;
        if (pointSmallFrames >= SHRINK_AFTER_FRAMES) {
            pointBuffer = new int[pointNeed];
            pointSmallFrames = 0;
        }
        coverageSmallFrames = shrinks(coverage.length, coverageNeed) ? coverageSmallFrames + 1 : 0;
        if (coverageSmallFrames >= SHRINK_AFTER_FRAMES) {
            coverage = new float[coverageNeed];
            coverageSmallFrames = 0;
        }
        pointNeed = 0;
        coverageNeed = 0;
    }

    private static boolean shrinks(int capacity, int need) {
        return capacity > SHRINK_MIN_PIXELS && need < capacity / 4;
    }

    /** Capacity of the point raster buffer, in pixels (tests: it shrinks after the canvas did). */
    int pointBufferCapacity() {
        return pointBuffer.length;
    }

    /** Capacity of the segment coverage buffer, in pixels. */
    int coverageCapacity() {
        return coverage.length;
    }

    private void flushPoints() {
        if (pointsPending) {
            pointsPending = false;
            double s = deviceScale;
            drawOverlay(pointBuffer, pendingW, pendingH, pendingClip);
        }
    }

    @Override
    public void setStroke(Color c) {
        gc.setStroke(c);
        stroke = c;
    }

    @Override
    public void setFill(Color c) {
        gc.setFill(c);
        fill = c;
    }

    @Override
    public void setLineWidth(double w) {
        gc.setLineWidth(w);
        lineWidth = w;
    }

    @Override
    public void setLineDashes(double... dashes) {
        gc.setLineDashes(dashes == null || dashes.length == 0 ? null : dashes);
        dashed = dashes != null && dashes.length > 0;
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
        flushPoints();
        if (!dashed && (x1 == x2 || y1 == y2)) {
            // An axis-aligned butt-capped line covers exactly this rectangle; the software pipeline fills a
            // rectangle directly, while a stroke goes through the general path rasteriser (grid lines and
            // ticks were a visible share of the render thread's time).
            double h = lineWidth / 2;
            gc.setFill(stroke);
            if (x1 == x2) {
                gc.fillRect(x1 - h, Math.min(y1, y2), lineWidth, Math.abs(y2 - y1));
            } else {
                gc.fillRect(Math.min(x1, x2), y1 - h, Math.abs(x2 - x1), lineWidth);
            }
            gc.setFill(fill);
            return;
        }
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        flushPoints();
        if (n >= 2) {
            gc.strokePolyline(xs, ys, n);
        }
    }

    @Override
    public void strokeSegments(double[] xy, int n) {
        flushPoints();
        if (n <= 0) {
            return;
        }
        if (n >= BATCH_THRESHOLD && !clips.isEmpty() && !dashed) {
            rasterSegments(xy, n);
            return;
        }
        // One path, one stroke: many segments cost one rasterisation, not many.
        gc.beginPath();
        for (int i = 0; i < n; i++) {
            int k = 4 * i;
            gc.moveTo(xy[k], xy[k + 1]);
            gc.lineTo(xy[k + 2], xy[k + 3]);
        }
        gc.stroke();
    }

    /**
     * Contour-style batches (thousands of short segments) rasterised in Java: per pixel the largest coverage
     * of any segment (so joints are not darker), then one image in the stroke colour. The software pipeline
     * takes about 20 ms for the same path; this takes a few.
     */
    private void rasterSegments(double[] xy, int n) {
        double[] clip = clips.peekLast();
        double s = deviceScale;
        // Buffer origin on a whole device pixel, so the overlay is blitted 1:1 (see drawOverlay).
        double ox = Math.floor(clip[0] * s) / s;
        double oy = Math.floor(clip[1] * s) / s;
        int bw = (int) Math.ceil((clip[0] + clip[2]) * s) - (int) Math.floor(clip[0] * s);
        int bh = (int) Math.ceil((clip[1] + clip[3]) * s) - (int) Math.floor(clip[1] * s);
        if (bw <= 0 || bh <= 0) {
            return;
        }
        coverageNeed = Math.max(coverageNeed, bw * bh);
        pointNeed = Math.max(pointNeed, bw * bh);
        if (coverage.length < bw * bh) {
            coverage = new float[bw * bh];
        } else {
            java.util.Arrays.fill(coverage, 0, bw * bh, 0f);
        }
        double half = lineWidth * s / 2;
        double reach = half + 1;
        for (int i = 0; i < n; i++) {
            int k = 4 * i;
            double ax = (xy[k] - ox) * s;
            double ay = (xy[k + 1] - oy) * s;
            double bx = (xy[k + 2] - ox) * s;
            double by = (xy[k + 3] - oy) * s;
            double vx = bx - ax;
            double vy = by - ay;
            double len2 = vx * vx + vy * vy;
            int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - reach));
            int x1 = Math.min(bw - 1, (int) Math.ceil(Math.max(ax, bx) + reach));
            int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - reach));
            int y1 = Math.min(bh - 1, (int) Math.ceil(Math.max(ay, by) + reach));
            for (int y = y0; y <= y1; y++) {
                double py = y + 0.5;
                int row = y * bw;
                for (int x = x0; x <= x1; x++) {
                    double pxc = x + 0.5;
                    double t = len2 > 0 ? ((pxc - ax) * vx + (py - ay) * vy) / len2 : 0;
                    t = t < 0 ? 0 : t > 1 ? 1 : t;
                    double dx = pxc - (ax + t * vx);
                    double dy = py - (ay + t * vy);
                    double cov = half + 0.5 - Math.sqrt(dx * dx + dy * dy);
                    if (cov > coverage[row + x]) {
                        coverage[row + x] = (float) Math.min(1, cov);
                    }
                }
            }
        }
        if (pointBuffer.length < bw * bh) {
            pointBuffer = new int[bw * bh];
        }
        int rgb = ((int) Math.round(stroke.getRed() * 255) << 16) | ((int) Math.round(stroke.getGreen() * 255) << 8)
                | (int) Math.round(stroke.getBlue() * 255);
        double alpha = stroke.getOpacity() * 255;
        for (int i = 0; i < bw * bh; i++) {
            float c = coverage[i];
            pointBuffer[i] = c <= 0 ? 0 : ((int) (c * alpha + 0.5) << 24) | rgb;
        }
        flushPoints();
        drawOverlay(pointBuffer, bw, bh, clip);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        flushPoints();
        if (n >= 3) {
            gc.fillPolygon(xs, ys, n);
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        flushPoints();
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        flushPoints();
        double lw = lineWidth;
        double half = lw / 2;
        double t = Math.abs(gc.getTransform().getMxx());
        // Only when every band edge is a whole pixel: bands meeting inside a pixel would each cover part of it
        // and blend twice there (a lighter seam at the corners of a translucent frame).
        boolean whole = whole((x - half) * t) && whole((x + half) * t) && whole((y - half) * t)
                && whole((y + half) * t) && whole((x + w - half) * t) && whole((y + h - half) * t);
        if (dashed || w <= lw || h <= lw || !whole) {
            gc.strokeRect(x, y, w, h);
            return;
        }
        // The stroke of a rectangle as four non-overlapping filled bands (same pixels as the stroke with
        // square joins): filled rectangles take the software pipeline's fast path, a stroked outline the path
        // rasteriser over the whole bounding box. Plot frames and legend boxes (1 px on half pixels) qualify.
        gc.setFill(stroke);
        gc.fillRect(x - half, y - half, w + lw, lw);
        gc.fillRect(x - half, y + h - half, w + lw, lw);
        gc.fillRect(x - half, y + half, lw, h - lw);
        gc.fillRect(x + w - half, y + half, lw, h - lw);
        gc.setFill(fill);
    }

    private static boolean whole(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-6;
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        flushPoints();
        gc.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
        flushPoints();
        gc.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    /**
     * Rasterises the points into one ARGB image over the clip rectangle (anti-aliased coverage, "over"
     * blending) and draws that once: thousands of separate ovals cost the software pipeline well over a
     * frame, one image costs about a millisecond.
     */
    @Override
    public void fillCircles(double[] xs, double[] ys, int n, double r, Color c, boolean ring, double ringWidth) {
        if (n < BATCH_THRESHOLD || clips.isEmpty()) {
            Painter.super.fillCircles(xs, ys, n, r, c, ring, ringWidth);
            return;
        }
        double[] clip = clips.peekLast();
        double s = deviceScale;
        // Buffer origin on a whole device pixel, so the overlay is blitted 1:1 (see drawOverlay).
        double ox = Math.floor(clip[0] * s) / s;
        double oy = Math.floor(clip[1] * s) / s;
        int bw = (int) Math.ceil((clip[0] + clip[2]) * s) - (int) Math.floor(clip[0] * s);
        int bh = (int) Math.ceil((clip[1] + clip[3]) * s) - (int) Math.floor(clip[1] * s);
        if (bw <= 0 || bh <= 0) {
            return;
        }
        if (!(pointsPending && pendingClip == clip)) {
            flushPoints();
            pointNeed = Math.max(pointNeed, bw * bh);
            if (pointBuffer.length < bw * bh) {
                pointBuffer = new int[bw * bh];
            } else {
                java.util.Arrays.fill(pointBuffer, 0, bw * bh, 0);
            }
            pointsPending = true;
            pendingClip = clip;
            pendingW = bw;
            pendingH = bh;
        }
        int[] buf = pointBuffer;
        double alpha = c.getOpacity();
        int cr = (int) Math.round(c.getRed() * 255);
        int cg = (int) Math.round(c.getGreen() * 255);
        int cb = (int) Math.round(c.getBlue() * 255);
        double rd = r * s;
        double half = ringWidth * s / 2;
        double reach = rd + (ring ? half : 0) + 1;
        for (int i = 0; i < n; i++) {
            double cx = (xs[i] - ox) * s;
            double cy = (ys[i] - oy) * s;
            int x0 = Math.max(0, (int) Math.floor(cx - reach));
            int x1 = Math.min(bw - 1, (int) Math.ceil(cx + reach));
            int y0 = Math.max(0, (int) Math.floor(cy - reach));
            int y1 = Math.min(bh - 1, (int) Math.ceil(cy + reach));
            // Squared-distance bounds skip the square root for pixels fully outside or fully inside.
            double outer = ring ? rd + half + 0.5 : rd + 0.5;
            double inner = ring ? Math.max(0, rd - half - 0.5) : 0;
            double full = ring ? -1 : Math.max(0, rd - 0.5);
            double outer2 = outer * outer;
            double inner2 = inner * inner;
            double full2 = full < 0 ? -1 : full * full;
            for (int y = y0; y <= y1; y++) {
                double dy = y + 0.5 - cy;
                int row = y * bw;
                for (int x = x0; x <= x1; x++) {
                    double dx = x + 0.5 - cx;
                    double d2 = dx * dx + dy * dy;
                    if (d2 >= outer2 || d2 < inner2) {
                        continue;
                    }
                    double cov;
                    if (d2 <= full2) {
                        cov = 1;
                    } else {
                        double d = Math.sqrt(d2);
                        // Coverage of the pixel by the disc (or ring), linear over one pixel of edge.
                        cov = Math.min(1, ring ? half + 0.5 - Math.abs(d - rd) : rd + 0.5 - d);
                        if (cov <= 0) {
                            continue;
                        }
                    }
                    double a = alpha * cov;
                    int dst = buf[row + x];
                    if (dst == 0) {
                        buf[row + x] = ((int) (a * 255 + 0.5) << 24) | (cr << 16) | (cg << 8) | cb;
                        continue;
                    }
                    double da = (dst >>> 24) / 255.0;
                    double oa = a + da * (1 - a);
                    int orr = (int) ((cr * a + ((dst >> 16) & 0xff) * da * (1 - a)) / oa + 0.5);
                    int og = (int) ((cg * a + ((dst >> 8) & 0xff) * da * (1 - a)) / oa + 0.5);
                    int ob = (int) ((cb * a + (dst & 0xff) * da * (1 - a)) / oa + 0.5);
                    buf[row + x] = ((int) (oa * 255 + 0.5) << 24) | (orr << 16) | (og << 8) | ob;
                }
            }
        }
        // Drawn later, together with any further series, by flushPoints().
    }

    @Override
    public void fillText(String text, double x, double y, TextAlignment align, VPos baseline) {
        flushPoints();
        gc.setTextAlign(align);
        gc.setTextBaseline(baseline);
        gc.fillText(text, x, y);
    }

    @Override
    public void fillTextRotated(String text, double x, double y, double degrees, TextAlignment align, VPos baseline) {
        flushPoints();
        gc.save();
        gc.translate(x, y);
        gc.rotate(degrees);
        fillText(text, 0, 0, align, baseline);
        gc.restore();
    }

    @Override
    public void drawRaster(int[] argb, int w, int h, double x, double y, double dw, double dh) {
        flushPoints();
        drawRasterNow(argb, w, h, x, y, dw, dh);
    }

    /**
     * A device-resolution overlay (points, contour lines) drawn 1:1 at a whole-pixel position: no
     * resampling, so the pipeline can take its plain blit path (nearest-neighbour scaling is a slow path in
     * the software renderer).
     */
    private void drawOverlay(int[] argb, int w, int h, double[] clip) {
        double s = deviceScale;
        double x = Math.floor(clip[0] * s) / s;
        double y = Math.floor(clip[1] * s) / s;
        WritableImage raster = slot(w, h);
        raster.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        gc.drawImage(raster, x, y, w / s, h / s);
    }

    private WritableImage slot(int w, int h) {
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
        return raster;
    }

    private void drawRasterNow(int[] argb, int w, int h, double x, double y, double dw, double dh) {
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
        flushPoints();
        // Snapped outwards to whole pixels of the context's transform: the canvas clips to a rectangle with
        // whole-pixel edges directly, but any other clip (a fractional plot-area edge) becomes a mask that
        // every later drawing command is rendered and blended through (the largest share of the render
        // thread's time while training plays, measured with JFR).
        double t = Math.abs(gc.getTransform().getMxx());
        t = t > 0 && Double.isFinite(t) ? t : 1;
        double x0 = Math.floor(x * t) / t;
        double y0 = Math.floor(y * t) / t;
        double x1 = Math.ceil((x + w) * t) / t;
        double y1 = Math.ceil((y + h) * t) / t;
        x = x0;
        y = y0;
        w = x1 - x0;
        h = y1 - y0;
        clips.addLast(new double[] {x, y, w, h});
        gc.save();
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.closePath();
        gc.clip();
    }

    @Override
    public void popClip() {
        flushPoints();
        clips.pollLast();
        gc.restore();
    }
}
