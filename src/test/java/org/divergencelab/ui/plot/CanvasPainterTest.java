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
}
