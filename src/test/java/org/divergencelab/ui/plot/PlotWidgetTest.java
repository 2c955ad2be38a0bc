package org.divergencelab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.util.Export;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Repaint behaviour of widgets on a live (headless) stage. */
@ExtendWith(ApplicationExtension.class)
class PlotWidgetTest {

    private Heatmap heatmap;
    private ScatterPlot scatter;

    @Start
    void start(Stage stage) {
        heatmap = new Heatmap();
        scatter = new ScatterPlot();
        stage.setScene(new Scene(new javafx.scene.layout.HBox(heatmap, scatter), 1000, 500));
        stage.show();
    }

    private static Field field(int n, double phase) {
        double[] v = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                v[r * n + c] = Math.sin(c * 0.1 + phase) * Math.cos(r * 0.07);
            }
        }
        return new Field(v, n, n, -1, 1, -1, 1);
    }

    @Test
    void manyUpdatesBetweenFramesCostOneRepaint() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        long before = FxTestSupport.onFx(() -> {
            long p = heatmap.paintCount();
            for (int i = 0; i < 10; i++) {
                heatmap.setField(HeatmapLayer.of(field(32, i)).build());
            }
            assertEquals(p, heatmap.paintCount(), "no repaint inside the burst");
            return p;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, heatmap.paintCount());
    }

    /**
     * Measures (does not assert) the repaint of a 128×128 heatmap with 8 contour levels and a 2 000-point
     * scatter: the FX-thread time to issue the drawing and the time to rasterise it (snapshot). Results go
     * to target/ui-paint-timings.txt for the report; timing assertions would be flaky on a shared machine.
     */
    /** A hidden tab's plots leave the scene graph: they must not keep their full-size raster buffers. */
    @Test
    void aWidgetOutOfTheSceneDropsItsPainterAndRepaintsWhenBack() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.HBox box = FxTestSupport.onFx(() -> (javafx.scene.layout.HBox) heatmap.getParent());
        CanvasPainter before = FxTestSupport.onFx(heatmap::painter);
        long painted = FxTestSupport.onFx(() -> {
            box.getChildren().remove(heatmap);
            return heatmap.paintCount();
        });
        assertTrue(before != FxTestSupport.onFx(heatmap::painter), "out of the scene: a fresh painter");
        FxTestSupport.onFx(() -> {
            heatmap.setField(HeatmapLayer.of(field(32, 1)).build());
            box.getChildren().add(0, heatmap);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(painted + 1, FxTestSupport.onFx(heatmap::paintCount), "back in the scene: drawn again");
    }

    @Test
    void measureRepaintTimes() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] xs = new double[2000];
        double[] ys = new double[2000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = rnd.nextGaussian();
            ys[i] = rnd.nextGaussian();
        }
        int reps = 40;
        long[] heatIssue = new long[reps];
        long[] heatTotal = new long[reps];
        long[] scatIssue = new long[reps];
        long[] scatTotal = new long[reps];
        long[] snapOnly = new long[reps];
        long[] heatNoContours = new long[reps];
        FxTestSupport.onFx(() -> {
            for (int i = 0; i < reps; i++) {
                // New data each time, as from a fresh snapshot: colour raster and contours are recomputed.
                heatmap.setField(HeatmapLayer.of(field(128, i * 0.1)).contours(8).build());
                long t0 = System.nanoTime();
                heatmap.repaintNow();
                heatIssue[i] = heatmap.lastPaintNanos();
                Export.snapshot(heatmap, 1);
                heatTotal[i] = System.nanoTime() - t0;

                heatmap.setField(HeatmapLayer.of(field(128, i * 0.1)).build());
                long t3 = System.nanoTime();
                heatmap.repaintNow();
                Export.snapshot(heatmap, 1);
                heatNoContours[i] = System.nanoTime() - t3;

                double[] jx = xs.clone();
                jx[0] += i * 1e-3;
                scatter.setSeries(new ScatterLayer("real", jx, ys, Theme.REAL),
                        new ScatterLayer("fake", ys, jx, Theme.GENERATED));
                long t1 = System.nanoTime();
                scatter.repaintNow();
                scatIssue[i] = scatter.lastPaintNanos();
                Export.snapshot(scatter, 1);
                scatTotal[i] = System.nanoTime() - t1;

                // Baseline: snapshot of the unchanged widget (the snapshot machinery alone).
                long t2 = System.nanoTime();
                Export.snapshot(scatter, 1);
                snapOnly[i] = System.nanoTime() - t2;
            }
            return null;
        });
        String report = String.format(Locale.ROOT,
                "widget size %.0fx%.0f px, %d repaints, medians (ms), first 5 discarded as warm-up:%n"
                        + "heatmap 128x128 + 8 contours: issue %.2f, issue+rasterise(snapshot) %.2f%n"
                        + "heatmap 128x128, no contours: issue+rasterise(snapshot) %.2f%n"
                        + "scatter 2x2000 points:        issue %.2f, issue+rasterise(snapshot) %.2f%n"
                        + "snapshot of an unchanged widget (overhead baseline): %.2f%n",
                heatmap.getWidth(), heatmap.getHeight(), reps, median(heatIssue), median(heatTotal), median(heatNoContours),
                median(scatIssue), median(scatTotal), median(snapOnly));
        writeReport(report);
        assertTrue(heatmap.paintCount() >= reps && scatter.paintCount() >= reps);
    }

    /**
     * Live version of the measurement: for 3 s every pulse gets a new 128×128 heatmap (contours included)
     * and a new 2×2 000-point scatter, as a training view would, while a {@link
     * org.divergencelab.ui.util.FrameTimeRecorder} times the pulses. Appends p50/p99 to the timings file.
     */
    @Test
    void measureLiveFrameTimes() throws Exception {
        Field[] fields = new Field[12];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = field(128, i * 0.5);
        }
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] pts = new double[12][2000];
        for (double[] p : pts) {
            for (int i = 0; i < p.length; i++) {
                p[i] = rnd.nextGaussian();
            }
        }
        org.divergencelab.ui.util.FrameTimeRecorder idle = new org.divergencelab.ui.util.FrameTimeRecorder(10_000, 1);
        FxTestSupport.onFx(() -> {
            idle.start();
            return null;
        });
        Thread.sleep(1500);
        org.divergencelab.ui.util.FrameTimeRecorder.Stats base = FxTestSupport.onFx(() -> {
            idle.stop();
            return idle.compute();
        });
        org.divergencelab.ui.util.FrameTimeRecorder rec = new org.divergencelab.ui.util.FrameTimeRecorder(10_000, 1);
        int[] frame = {0};
        javafx.animation.AnimationTimer feeder = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                int i = frame[0]++;
                heatmap.setField(HeatmapLayer.of(fields[i % fields.length]).contours(8).build());
                scatter.setSeries(new ScatterLayer("real", pts[i % 12], pts[(i + 1) % 12], Theme.REAL),
                        new ScatterLayer("fake", pts[(i + 2) % 12], pts[(i + 3) % 12], Theme.GENERATED));
            }
        };
        FxTestSupport.onFx(() -> {
            rec.start();
            feeder.start();
            return null;
        });
        Thread.sleep(3000);
        org.divergencelab.ui.util.FrameTimeRecorder.Stats st = FxTestSupport.onFx(() -> {
            feeder.stop();
            rec.stop();
            return rec.compute();
        });
        String line = String.format(Locale.ROOT,
                "idle 1.5 s, same stage, nothing changing: %d frames, p50 %.2f ms, p99 %.2f ms%n",
                base.frames(), base.p50Millis(), base.p99Millis()) + String.format(Locale.ROOT,
                "live 3 s, heatmap 128x128+8 contours and scatter 2x2000 renewed every pulse: %d frames, "
                        + "frame interval p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                st.frames(), st.p50Millis(), st.p99Millis(), st.maxMillis());
        Path out = Path.of("target", "ui-live-frame-times.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line);
        System.out.print(line);
        assertTrue(st.frames() > 10, "pulses ran: " + st.frames());
    }

    private static double median(long[] v) {
        long[] s = Arrays.copyOfRange(v, 5, v.length);
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static void writeReport(String s) throws IOException {
        Path out = Path.of("target", "ui-paint-timings.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, s);
        System.out.print(s);
    }

    @Test
    void mousePositionsMapToDataThroughTheLastLayout() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        FxTestSupport.onFx(() -> {
            scatter.setTitle("with a title, so the plot area is offset");
            scatter.setSeries(new ScatterLayer("p", new double[] {-1, 3}, new double[] {0, 2}, Theme.REAL));
            scatter.repaintNow();
            Axes a = scatter.axes();
            double px = a.toPixelX(3);
            double py = a.toPixelY(2);
            javafx.geometry.Point2D d = scatter.toData(px, py);
            assertEquals(3, d.getX(), 1e-9);
            assertEquals(2, d.getY(), 1e-9);
            assertTrue(scatter.inPlotArea(px, py));
            assertTrue(!scatter.inPlotArea(1, 1), "the title strip is outside the plot");
            return null;
        });
    }

    @Test
    void widgetsDrawInEveryThemeWithoutData() throws Exception {
        FxTestSupport.onFx(() -> {
            for (Theme t : Theme.builtIns()) {
                for (PlotWidget w : new PlotWidget[] {new ScatterPlot(), new LineChart(), new DensityPlot(),
                    new Heatmap(), new MatrixView(), new WarpedGrid()}) {
                    w.setTheme(t);
                    StackPane root = new StackPane(w);
                    Export.renderOffscreen(root, 300, 200, t, 1);
                    assertTrue(w.paintCount() > 0, w.getClass().getSimpleName() + " in " + t.id());
                    assertTrue(w.toSvg(300, 200).startsWith("<?xml"));
                }
            }
            return null;
        });
    }
}
