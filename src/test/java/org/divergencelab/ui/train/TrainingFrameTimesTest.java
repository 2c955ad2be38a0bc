package org.divergencelab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.NetworkSpec;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.training.ViewData;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.MainWindow;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.util.Export;
import org.divergencelab.ui.util.FrameTimeRecorder;
import org.divergencelab.ui.util.HeadlessFx;
import org.junit.jupiter.api.Test;

/**
 * Measures (never asserts on timings): frame times of the real main window while ring8-wgan-gp trains flat
 * out, and the cost of refreshing a 128×128 critic surface of a 64-wide critic. Writes
 * {@code target/train-frame-times.txt}; docs/benchmarks.md quotes it.
 */
class TrainingFrameTimesTest {

    private static final Path OUT = Path.of("target", "train-frame-times.txt");

    @Test
    void frameTimesWhileTrainingFlatOutAndCriticSurfaceRefresh() throws Exception {
        FxTestSupport.start();
        StringBuilder report = new StringBuilder();
        report.append("load average before: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
        // Reference: the same session with no UI drawing, same machine, same moment.
        try (TrainingSession alone = new TrainingSession()) {
            alone.load(List.of(Presets.get("ring8-wgan-gp")));
            alone.awaitIdle(60_000);
            alone.play();
            // JIT warm-up of the training kernels (a cold JVM trains several times slower for seconds).
            Thread.sleep(6000);
            long a0 = alone.latest().iteration();
            long ta = System.nanoTime();
            Thread.sleep(4000);
            long a1 = alone.latest().iteration();
            alone.pause();
            report.append(String.format(Locale.ROOT, "session alone (no UI), ring8-wgan-gp flat out: %.1f it/s%n",
                    (a1 - a0) / ((System.nanoTime() - ta) / 1e9)));
        }
        Object[] held = HeadlessFx.call(() -> {
            MainWindow w = new MainWindow(new I18n(I18n.ENGLISH), new ThemeManager());
            Stage stage = new Stage();
            stage.setScene(new Scene(w.root(), 1280, 720));
            w.attach(stage.getScene());
            stage.show();
            w.selectView("training");
            TrainingView v = TrainingView.of(stage.getScene().lookup("#training-view"));
            v.editor().preset.setValue("ring8-wgan-gp");
            return new Object[] {w, v, stage};
        });
        MainWindow w = (MainWindow) held[0];
        TrainingView v = (TrainingView) held[1];
        v.session().awaitIdle(60_000);
        // The Sandbox tab computes its opening state once at start-up (sweep, live discriminator) on its own
        // threads; wait for it so the window below measures steady training, not the app's start.
        long settleDeadline = System.nanoTime() + 120_000_000_000L;
        while (!HeadlessFx.call(() -> w.sandbox().settled()) && System.nanoTime() < settleDeadline) {
            Thread.sleep(100);
        }
        // Reference: the same window idle (nothing training, nothing redrawn) on the same machine, same moment.
        FrameTimeRecorder idleRec = w.frameTimes();
        HeadlessFx.call(() -> {
            idleRec.reset();
            return null;
        });
        Thread.sleep(3000);
        FrameTimeRecorder.Stats idle = HeadlessFx.call(idleRec::compute);
        report.append(String.format(Locale.ROOT, "main window 1280x720 idle for 3 s: frames %d, p50 %.1f ms, p99 %.1f ms%n",
                idle.frames(), idle.p50Millis(), idle.p99Millis()));
        HeadlessFx.call(() -> {
            v.play.fire();
            return null;
        });
        // Play before the measured window: 1.5 s by default; a long value (e.g. -Dlab.frames.playMillis=90000)
        // measures a long session, whose charts hold their full 2000-point histories.
        long playMillis = Long.getLong("lab.frames.playMillis", 1500);
        Thread.sleep(playMillis);
        report.append(String.format(Locale.ROOT, "played %.1f s before the measured window%n", playMillis / 1e3));
        FrameTimeRecorder rec = w.frameTimes();
        long it0 = v.session().latest().iteration();
        long draws0 = v.frameUpdates();
        HeadlessFx.call(() -> {
            rec.reset();
            return null;
        });
        long[] gc0 = gcCountAndMillis();
        long t0 = System.nanoTime();
        // FX-thread cost of drawing one new frame (all views of the panel), sampled while playing.
        List<Double> drawMs = new java.util.ArrayList<>();
        long seen = v.frameUpdates();
        while (System.nanoTime() - t0 < 6_000_000_000L) {
            Thread.sleep(50);
            if (v.frameUpdates() != seen) {
                seen = v.frameUpdates();
                drawMs.add(v.lastUpdateNanos() / 1e6);
            }
        }
        FrameTimeRecorder.Stats s = HeadlessFx.call(rec::compute);
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] gc1 = gcCountAndMillis();
        long its = v.session().latest().iteration() - it0;
        long draws = v.frameUpdates() - draws0;
        HeadlessFx.call(() -> {
            v.play.fire();
            ((Stage) held[2]).close();
            return null;
        });
        v.dispose();
        report.append(String.format(Locale.ROOT, "main window 1280x720, ring8-wgan-gp playing flat out for %.1f s:%n", secs));
        report.append(String.format(Locale.ROOT, "  frames %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d iterations (%.1f it/s);"
                + " %d new frames drawn (%.1f /s)%n", s.frames(), s.p50Millis(), s.p99Millis(), s.maxMillis(), its,
                its / secs, draws, draws / secs));
        report.append(String.format(Locale.ROOT, "  GC in that window (%s): %d collections, %d ms in total (JVM's own count;"
                + " pauses and concurrent cycles as the collector reports them)%n", gcNames(), gc1[0] - gc0[0],
                gc1[1] - gc0[1]));
        double[] dm = drawMs.stream().mapToDouble(Double::doubleValue).toArray();
        if (dm.length > 0) {
            report.append(String.format(Locale.ROOT, "  FX-thread time to draw a new frame (all views): median %.1f ms, max %.1f ms"
                    + " (%d sampled)%n", median(dm), Arrays.stream(dm).max().getAsDouble(), dm.length));
        }
        assertTrue(s.frames() > 0, "frames recorded");
        assertTrue(its > 0, "training ran");

        // A 128×128 critic surface of a 64-wide critic: snapshot on this thread, drawing on the FX thread.
        Experiment e = Presets.get("ring8-wgan-gp").withCritic(NetworkSpec.relu(64, 64, 64))
                .withEvaluation(Presets.get("ring8-wgan-gp").evaluation().withGridResolution(128));
        Trainer t = new Trainer(e);
        for (int i = 0; i < 20; i++) {
            t.iteration();
        }
        Snapshot snap = t.snapshot(true);
        assertEquals(128, snap.criticField().resolution());
        TrainingSession.PanelState p = new TrainingSession.PanelState(e, snap, ViewData.of(snap, e.dataDistribution(), e.seed()));
        double[][] ms = HeadlessFx.call(() -> {
            CriticView cv = new CriticView(new I18n(I18n.ENGLISH), new ThemeManager(), "bench-");
            StackPane root = new StackPane(cv.node());
            Stage st = new Stage();
            st.setScene(new Scene(root, 640, 560));
            st.show();
            int n = 25;
            double[] draw = new double[n];
            double[] raster = new double[n];
            for (int i = 0; i < n; i++) {
                long a = System.nanoTime();
                cv.show(p);
                cv.surface.repaintNow();
                long b = System.nanoTime();
                Export.snapshot(cv.surface, 1);
                long c = System.nanoTime();
                draw[i] = (b - a) / 1e6;
                raster[i] = (c - a) / 1e6;
            }
            st.close();
            return new double[][] {Arrays.copyOfRange(draw, 5, n), Arrays.copyOfRange(raster, 5, n)};
        });
        report.append(String.format(Locale.ROOT, "critic surface 128x128 of a 64-wide critic (+ 512 fakes, 128 arrows, 8 contours),"
                + " widget 640x560, median of 20: FX-thread layers + paint %.1f ms, paint + rasterise (snapshot) %.1f ms%n",
                median(ms[0]), median(ms[1])));
        Files.createDirectories(OUT.getParent());
        Files.writeString(OUT, report.toString());
        System.out.print(report);
    }

    /** Collections and milliseconds summed over every collector of this JVM. */
    private static long[] gcCountAndMillis() {
        long n = 0;
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, b.getCollectionCount());
            ms += Math.max(0, b.getCollectionTime());
        }
        return new long[] {n, ms};
    }

    private static String gcNames() {
        return String.join(", ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    }

    private static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
