package org.divergencelab.ui.lesson;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.IntConsumer;

import javafx.embed.swing.SwingFXUtils;

import javafx.scene.Parent;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.gan.Experiment;
import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.SceneFigure;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.sandbox.Edits;
import org.divergencelab.sandbox.SandboxState;
import org.divergencelab.ui.plot.LineChart;
import org.divergencelab.ui.record.AnimationEncoder;
import org.divergencelab.ui.sandbox.SandboxView;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.train.TrainingRender;
import org.divergencelab.ui.util.HeadlessFx;

/**
 * Renders a scene off screen as it first appears: caption bar on top, below it the scene's view (a training
 * view after the scene's own warm-up iterations, or the sandbox once its background computations are drawn).
 * Call from any thread but the FX thread (training and waiting happen here, drawing on the FX thread).
 */
public final class SceneRender {
    /** How long a sandbox scene may take to compute its read-outs before rendering fails. */
    static final long SETTLE_TIMEOUT_NANOS = 180_000_000_000L;

    private SceneRender() {
    }

    /**
     * The scene as a {@code width × height} image in {@code theme} and {@code locale}.
     *
     * @param iterations training scenes: iterations to train, or -1 for the scene's own warm-up; ignored for sandbox
     */
    public static WritableImage render(Scene s, int iterations, Locale locale, Theme theme, double width, double height)
            throws Exception {
        if (s.mode() == Scene.Mode.TRAINING) {
            int n = iterations < 0 ? s.iterations() : iterations;
            TrainingRender.Result r = TrainingRender.train(s.experiment(), n, false);
            // The figure as the app computes it when the scene opens (from the scene's own warm-up).
            SceneFigure.Data figure = s.figure() == SceneFigure.NONE ? null : s.figure().compute(s, f -> { });
            return HeadlessFx.call(() -> {
                I18n i18n = new I18n(locale);
                ThemeManager themes = themesFor(theme, locale);
                Parent content = TrainingRender.build(r, s.view(), i18n, themes);
                for (LineChart c : ScenePicker.gradientCharts(content, s)) {
                    c.axes().setLogY(true);
                }
                javafx.scene.Scene fx = new javafx.scene.Scene(wrap(s, i18n, themes, content, figure, width), width,
                        height);
                themes.attach(fx);
                return snapshot(fx);
            });
        }
        SceneFigure.Data sandboxFigure = s.figure() == SceneFigure.NONE ? null : s.figure().compute(s, f -> { });
        SandboxView[] view = new SandboxView[1];
        javafx.scene.Scene[] fx = new javafx.scene.Scene[1];
        HeadlessFx.call(() -> {
            fx[0] = sandboxScene(s, view, locale, theme, width, height, sandboxFigure);
            view[0].setState(s.sandbox());
            return null;
        });
        try {
            waitSettled(s, view[0]);
            return HeadlessFx.call(() -> snapshot(fx[0]));
        } finally {
            HeadlessFx.call(() -> {
                view[0].close();
                return null;
            });
        }
    }

    /** A new sandbox view (into {@code view[0]}) under the scene's caption, in a scene of its own; FX thread. */
    private static javafx.scene.Scene sandboxScene(Scene s, SandboxView[] view, Locale locale, Theme theme,
            double width, double height, SceneFigure.Data figure) {
        I18n i18n = new I18n(locale);
        ThemeManager themes = themesFor(theme, locale);
        view[0] = new SandboxView(i18n, themes);
        javafx.scene.Scene fx = new javafx.scene.Scene(wrap(s, i18n, themes, view[0].node(), figure, width), width,
                height);
        themes.attach(fx);
        return fx;
    }

    /** Waits until the sandbox's background work for its newest state is done and drawn. */
    private static void waitSettled(Scene s, SandboxView view) throws Exception {
        waitFor(s, view::settled, "finish computing", 50);
        // One more pulse so the newest results are painted, then lay out and snapshot.
        Thread.sleep(100);
    }

    /** Waits until the sandbox's fast frame for its newest state is drawn. */
    private static void waitFrame(Scene s, SandboxView view) throws Exception {
        waitFor(s, view::frameShown, "draw a frame", 10);
    }

    /** Polls {@code done} on the FX thread every {@code pollMillis} until it holds or the timeout passes. */
    private static void waitFor(Scene s, java.util.concurrent.Callable<Boolean> done, String what, long pollMillis)
            throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT_NANOS;
        while (!HeadlessFx.call(done)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("scene " + s.id() + ": the sandbox did not " + what + " within "
                        + SETTLE_TIMEOUT_NANOS / 1_000_000_000L + " s");
            }
            Thread.sleep(pollMillis);
        }
    }

    /**
     * Lays the scene out (twice: widgets paint in layout, and nodes whose size depended on the first pass settle)
     * and snapshots it: the scene's snapshot is exactly its size even where a view's minimum width is larger.
     */
    public static WritableImage snapshot(javafx.scene.Scene fx) {
        for (int i = 0; i < 2; i++) {
            fx.getRoot().applyCss();
            fx.getRoot().layout();
        }
        return fx.snapshot(null);
    }

    private static ThemeManager themesFor(Theme theme, Locale locale) {
        ThemeManager themes = new ThemeManager();
        themes.setTheme(theme);
        themes.useFontFor(locale);
        return themes;
    }

    /** The caption bar (with {@code figure} when not null, {@code width} wide at most) above {@code content}. */
    static Parent wrap(Scene s, I18n i18n, ThemeManager themes, Parent content, SceneFigure.Data figure, double width) {
        SceneCaption caption = new SceneCaption(i18n, themes);
        // A view whose minimum width exceeds the image widens the pane; the caption still wraps at the image width.
        caption.node().setMaxWidth(width);
        caption.node().setPrefWidth(width);
        caption.show(s);
        if (figure != null) {
            caption.figure().show(figure);
        }
        BorderPane p = new BorderPane(content);
        p.setTop(caption.node());
        return p;
    }

    // ------------------------------------------------------------------ animations (render --animate)

    /** Iterations an animation of a preset spans by default (a scene spans its own warm-up). */
    public static final int DEFAULT_SPAN = 200;

    /** Iterations between frames so that {@code frames} frames span {@code span} iterations (at least 1). */
    public static int defaultEvery(int span, int frames) {
        return Math.max(1, (int) Math.ceil(span / (double) Math.max(1, frames - 1)));
    }

    /**
     * Animates a scene into {@code out}: a training scene trains from fresh networks, a frame after every
     * {@code every} iterations (≤ 0: the frames span the scene's warm-up); a sandbox scene drags Q along the
     * sweep, from where the scene puts it onto P: the first and last frames with all read-outs, the frames
     * between as the app shows a drag (truths, plan, the sweep's marker). Not on the FX thread.
     */
    public static void animate(Scene s, int frames, int every, Locale locale, Theme theme, double width, double height,
            AnimationEncoder out, IntConsumer progress) throws Exception {
        if (s.mode() == Scene.Mode.TRAINING) {
            int k = every > 0 ? every : defaultEvery(s.iterations() > 0 ? s.iterations() : DEFAULT_SPAN, frames);
            animateTraining(s.experiment(), false, s.view(), s, frames, k, locale, theme, width, height, out, progress);
        } else {
            animateSandbox(s, frames, locale, theme, width, height, out, progress);
        }
    }

    /**
     * Trains {@code e} (and its twin when {@code compare}) and writes view {@code view} after 0, k, 2k, …
     * iterations, {@code frames} frames in all, under {@code scene}'s caption when it is not null.
     */
    public static void animateTraining(Experiment e, boolean compare, String view, Scene scene, int frames, int every,
            Locale locale, Theme theme, double width, double height, AnimationEncoder out, IntConsumer progress)
            throws Exception {
        TrainingRender.Animation a = new TrainingRender.Animation(e, compare, (long) every * Math.max(1, frames - 1));
        SceneFigure.Data figure = scene == null || scene.figure() == SceneFigure.NONE ? null
                : scene.figure().compute(scene, f -> { });
        I18n i18n = HeadlessFx.call(() -> new I18n(locale));
        ThemeManager themes = HeadlessFx.call(() -> themesFor(theme, locale));
        javafx.scene.Scene[] fx = new javafx.scene.Scene[1];
        for (int i = 0; i < frames; i++) {
            if (i > 0) {
                a.advance(every);
            }
            BufferedImage img = HeadlessFx.call(() -> {
                Parent content = a.show(view, i18n, themes);
                if (fx[0] == null) {
                    Parent root = content;
                    if (scene != null) {
                        for (LineChart c : ScenePicker.gradientCharts(content, scene)) {
                            c.axes().setLogY(true);
                        }
                        root = wrap(scene, i18n, themes, content, figure, width);
                    }
                    fx[0] = new javafx.scene.Scene(root, width, height);
                    themes.attach(fx[0]);
                }
                return SwingFXUtils.fromFXImage(snapshot(fx[0]), null);
            });
            out.add(img); // encoded here, off the FX thread
            progress.accept(i + 1);
        }
    }

    /** Sandbox: Q moves in a straight line along x from where the scene puts it onto P (offset 0). */
    private static void animateSandbox(Scene s, int frames, Locale locale, Theme theme, double width, double height,
            AnimationEncoder out, IntConsumer progress) throws Exception {
        SandboxState start = s.sandbox();
        Distribution q = start.distributionQ();
        // The offset the sweep measures: Q's mean x minus P's.
        double gap = meanX(q.sample(SWEEP_DRAWS, start.seed())) - meanX(start.distributionP().sample(SWEEP_DRAWS,
                start.seed()));
        SandboxView[] view = new SandboxView[1];
        javafx.scene.Scene[] fx = new javafx.scene.Scene[1];
        HeadlessFx.call(() -> {
            fx[0] = sandboxScene(s, view, locale, theme, width, height, null);
            return null;
        });
        try {
            for (int i = 0; i < frames; i++) {
                double f = frames == 1 ? 0 : i / (double) (frames - 1);
                // Offsets in millionths: a readable spec, and the last frame lands exactly on P.
                double dx = Math.round(-f * gap * 1e6) / 1e6;
                SandboxState at = i == 0 ? start : start.withQ(Edits.move(q, -1, dx, 0).spec());
                // First and last frame: everything computed (as before a drag and after the release); between
                // them Q is dragged, and only what follows the mouse in the app moves.
                boolean full = i == 0 || i == frames - 1;
                HeadlessFx.call(() -> {
                    if (full) {
                        view[0].setState(at);
                    } else {
                        view[0].dragTo(at);
                    }
                    return null;
                });
                if (full) {
                    waitSettled(s, view[0]);
                } else {
                    waitFrame(s, view[0]);
                }
                out.add(HeadlessFx.call(() -> SwingFXUtils.fromFXImage(snapshot(fx[0]), null)));
                progress.accept(i + 1);
            }
        } finally {
            HeadlessFx.call(() -> {
                view[0].close();
                return null;
            });
        }
    }

    /** Draws that locate P and Q (sample means: exact for segments, within about σ/60 for a spread). */
    private static final int SWEEP_DRAWS = 4000;

    private static double meanX(PointCloud c) {
        double[] xs = c.coordsView();
        double[] w = c.weightsView();
        int d = c.dimension();
        double m = 0;
        for (int i = 0; i < c.size(); i++) {
            m += w[i] * xs[i * d];
        }
        return m;
    }
}
