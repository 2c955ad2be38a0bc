package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import org.divergencelab.ui.FxTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The canvas painter's fast paths draw the same pixels as the plain strokes they replace (axis-aligned lines
 * and rectangle outlines as filled rectangles), and a fractional clip, snapped to whole pixels, still keeps
 * everything more than one pixel outside it untouched.
 */
class CanvasPainterTest {

    private static final int W = 80;
    private static final int H = 60;
    /** Same coverage, different rasterisers (fill vs stroke): allow 2 of 255 per channel for rounding. */
    private static final int TOLERANCE = 2;

    private static WritableImage draw(java.util.function.Consumer<GraphicsContext> d) {
        Canvas c = new Canvas(W, H);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, W, H);
        d.accept(g);
        return c.snapshot(null, null);
    }

    static String where = "";

    private static int maxDifference(WritableImage a, WritableImage b) {
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int max = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = ra.getArgb(x, y);
                int q = rb.getArgb(x, y);
                for (int s = 0; s < 32; s += 8) {
                    int d = Math.abs(((p >>> s) & 0xff) - ((q >>> s) & 0xff));
                    if (d > max) {
                        max = d;
                        where = "(" + x + ", " + y + ") " + Integer.toHexString(p) + " vs " + Integer.toHexString(q);
                    }
                }
            }
        }
        return max;
    }

    @Test
    void axisAlignedLinesAndRectanglesMatchThePlainStrokes() throws Exception {
        Color ink = Color.rgb(30, 90, 160, 0.8);
        for (double lw : new double[] {1, 2, 1.5}) {
            // Rectangle on whole-pixel band edges where the width allows (1 px on half pixels, 2 px on whole
            // ones): then the painter fills bands (square corners, a miter join); 1.5 px cannot, and the painter
            // strokes it with its usual round join.
            double rx = lw == 2 ? 30 : 30.5;
            double ry = lw == 2 ? 8 : 8.5;
            StrokeLineJoin join = lw == 1.5 ? StrokeLineJoin.ROUND : StrokeLineJoin.MITER;
            int diff = FxTestSupport.onFx(() -> {
                WritableImage fast = draw(g -> {
                    CanvasPainter p = new CanvasPainter(g);
                    p.beginFrame(1);
                    p.setStroke(ink);
                    p.setFill(Color.RED);
                    p.setLineWidth(lw);
                    p.strokeLine(10.5, 5, 10.5, 50);
                    p.strokeLine(20, 30.5, 70, 30.5);
                    p.strokeLine(15.25, 40.75, 60.5, 40.75);
                    p.strokeRect(rx, ry, 40, 15);
                    p.endFrame();
                });
                WritableImage plain = draw(g -> {
                    g.setStroke(ink);
                    g.setLineWidth(lw);
                    g.setLineCap(StrokeLineCap.BUTT);
                    g.setLineJoin(join);
                    g.strokeLine(10.5, 5, 10.5, 50);
                    g.strokeLine(20, 30.5, 70, 30.5);
                    g.strokeLine(15.25, 40.75, 60.5, 40.75);
                    g.strokeRect(rx, ry, 40, 15);
                });
                return maxDifference(fast, plain);
            });
            assertTrue(diff <= TOLERANCE, "line width " + lw + ": max channel difference " + diff + " at " + where);
        }
    }

    @Test
    void theFillColourSurvivesTheFastPaths() throws Exception {
        int argb = FxTestSupport.onFx(() -> draw(g -> {
            CanvasPainter p = new CanvasPainter(g);
            p.beginFrame(1);
            p.setFill(Color.RED);
            p.setStroke(Color.BLUE);
            p.strokeLine(5.5, 5, 5.5, 20);
            p.strokeRect(10.5, 10.5, 20, 20);
            p.fillRect(40, 40, 10, 10);
            p.endFrame();
        }).getPixelReader().getArgb(45, 45));
        assertEquals(0xffff0000, argb, Integer.toHexString(argb));
    }

    @Test
    void aFractionalClipKeepsEverythingBeyondOnePixelOutsideUntouched() throws Exception {
        double cx = 10.3;
        double cy = 12.6;
        double cw = 40.4;
        double ch = 25.2;
        WritableImage img = FxTestSupport.onFx(() -> draw(g -> {
            CanvasPainter p = new CanvasPainter(g);
            p.beginFrame(1);
            p.pushClip(cx, cy, cw, ch);
            p.setFill(Color.BLACK);
            p.fillRect(0, 0, W, H);
            p.popClip();
            p.endFrame();
        }));
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = r.getArgb(x, y) & 0xff;
                boolean inside = x >= Math.ceil(cx) && x + 1 <= Math.floor(cx + cw) && y >= Math.ceil(cy)
                        && y + 1 <= Math.floor(cy + ch);
                boolean farOutside = x + 1 < Math.floor(cx) || x >= Math.ceil(cx + cw) + 1 || y + 1 < Math.floor(cy)
                        || y >= Math.ceil(cy + ch) + 1;
                if (inside) {
                    assertEquals(0, v, "pixel (" + x + ", " + y + ") inside the clip not filled");
                }
                if (farOutside) {
                    assertEquals(255, v, "pixel (" + x + ", " + y + ") outside the clip touched");
                }
            }
        }
    }

    /** One frame: points and a contour-style batch of segments inside a clip of {@code w × h}, on white. */
    private static void paintBatches(CanvasPainter p, GraphicsContext g, double w, double h) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, g.getCanvas().getWidth(), g.getCanvas().getHeight());
        p.beginFrame(1);
        p.pushClip(0, 0, w, h);
        int n = 2 * CanvasPainter.BATCH_THRESHOLD;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] segments = new double[4 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = (i * 37 % 101) / 100.0 * w;
            ys[i] = (i * 53 % 97) / 96.0 * h;
            segments[4 * i] = xs[i];
            segments[4 * i + 1] = ys[i];
            segments[4 * i + 2] = xs[i] + 3;
            segments[4 * i + 3] = ys[i] + 2;
        }
        p.fillCircles(xs, ys, n, 2, Color.rgb(200, 40, 40, 0.7), false, 0);
        p.setStroke(Color.rgb(20, 60, 160));
        p.setLineWidth(1);
        p.strokeSegments(segments, n);
        p.popClip();
        p.endFrame();
    }

    /**
     * The raster buffers follow the canvas down again: after a frame over 1000 × 800 px they hold 800 000 px;
     * once frames of 100 × 80 px have gone on for {@link CanvasPainter#SHRINK_AFTER_FRAMES} in a row they hold
     * what those need (the UI monkey saw them stay at the largest size, 80 MB of them). One small frame alone
     * does not shrink them (no reallocation when frames alternate), and what is drawn does not change.
     */
    @Test
    void theRasterBuffersShrinkWhenTheCanvasHasBeenMuchSmallerForAFewFrames() throws Exception {
        int[] capacities = FxTestSupport.onFx(() -> {
            Canvas big = new Canvas(1000, 800);
            CanvasPainter p = new CanvasPainter(big.getGraphicsContext2D());
            paintBatches(p, big.getGraphicsContext2D(), 1000, 800);
            int[] c = new int[6];
            c[0] = p.pointBufferCapacity();
            c[1] = p.coverageCapacity();
            paintBatches(p, big.getGraphicsContext2D(), 100, 80);
            c[2] = p.pointBufferCapacity();
            c[3] = p.coverageCapacity();
            for (int f = 1; f < CanvasPainter.SHRINK_AFTER_FRAMES; f++) {
                paintBatches(p, big.getGraphicsContext2D(), 100, 80);
            }
            c[4] = p.pointBufferCapacity();
            c[5] = p.coverageCapacity();
            return c;
        });
        assertEquals(800_000, capacities[0], "point buffer after the large frame");
        assertEquals(800_000, capacities[1], "coverage buffer after the large frame");
        assertEquals(800_000, capacities[2], "one small frame keeps the point buffer");
        assertEquals(800_000, capacities[3], "one small frame keeps the coverage buffer");
        assertEquals(8_000, capacities[4], "point buffer after " + CanvasPainter.SHRINK_AFTER_FRAMES + " small frames");
        assertEquals(8_000, capacities[5], "coverage buffer after " + CanvasPainter.SHRINK_AFTER_FRAMES
                + " small frames");
        // the painter that shrank draws the small frame (and a large one after it) as a fresh painter does
        for (int size : new int[] {100, 1000}) {
            int diff = FxTestSupport.onFx(() -> {
                Canvas a = new Canvas(1000, 800);
                CanvasPainter shrunk = new CanvasPainter(a.getGraphicsContext2D());
                paintBatches(shrunk, a.getGraphicsContext2D(), 1000, 800);
                for (int f = 0; f < CanvasPainter.SHRINK_AFTER_FRAMES; f++) {
                    paintBatches(shrunk, a.getGraphicsContext2D(), 100, 80);
                }
                paintBatches(shrunk, a.getGraphicsContext2D(), size, size * 0.8);
                Canvas b = new Canvas(1000, 800);
                paintBatches(new CanvasPainter(b.getGraphicsContext2D()), b.getGraphicsContext2D(), size, size * 0.8);
                PixelReader ra = a.snapshot(null, null).getPixelReader();
                PixelReader rb = b.snapshot(null, null).getPixelReader();
                int differing = 0;
                for (int y = 0; y < 800; y++) {
                    for (int x = 0; x < 1000; x++) {
                        differing += ra.getArgb(x, y) != rb.getArgb(x, y) ? 1 : 0;
                    }
                }
                return differing;
            });
            assertEquals(0, diff, "pixels that differ from a fresh painter's, clip " + size + " px wide");
        }
    }
}
