package org.divergencelab.ui.lesson;

import java.util.Locale;

import javafx.scene.Parent;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;

import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.SceneFigure;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.LineChart;
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
            I18n i18n = new I18n(locale);
            ThemeManager themes = themesFor(theme, locale);
            view[0] = new SandboxView(i18n, themes);
            view[0].setState(s.sandbox());
            fx[0] = new javafx.scene.Scene(wrap(s, i18n, themes, view[0].node(), sandboxFigure, width), width,
                    height);
            themes.attach(fx[0]);
            return null;
        });
        try {
            long deadline = System.nanoTime() + SETTLE_TIMEOUT_NANOS;
            while (!HeadlessFx.call(view[0]::settled)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("scene " + s.id() + ": the sandbox did not finish computing within "
                            + SETTLE_TIMEOUT_NANOS / 1_000_000_000L + " s");
                }
                Thread.sleep(50);
            }
            // One more pulse so the newest results are painted, then lay out and snapshot.
            Thread.sleep(100);
            return HeadlessFx.call(() -> snapshot(fx[0]));
        } finally {
            HeadlessFx.call(() -> {
                view[0].close();
                return null;
            });
        }
    }

    /**
     * Lays the scene out (twice: widgets paint in layout, and nodes whose size depended on the first pass settle)
     * and snapshots it: the scene's snapshot is exactly its size even where a view's minimum width is larger.
     */
    private static WritableImage snapshot(javafx.scene.Scene fx) {
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
}
