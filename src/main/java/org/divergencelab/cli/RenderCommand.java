package org.divergencelab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

import javafx.scene.Parent;
import javafx.scene.image.WritableImage;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.ExperimentJson;
import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.lesson.SceneRender;
import org.divergencelab.ui.record.AnimationEncoder;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.train.TrainingRender;
import org.divergencelab.ui.util.Export;
import org.divergencelab.ui.util.HeadlessFx;

/**
 * {@code render (--preset NAME | --config FILE) --iterations N --view V --out FILE.png [--size WxH]}: trains
 * N iterations on the calling thread, then renders the real training views off screen to a PNG. With no
 * display the jar's bundled Monocle renders headlessly in software ({@link HeadlessFx}); with a display the
 * normal toolkit is used. What is rendered is a {@link Target}; the training views
 * are the targets of {@link #TRAINING_VIEWS}, and other packages (lecture scenes: {@code --scene ID}) add theirs
 * to {@link #targets()}.
 */
public final class RenderCommand implements Command, Commands.FlagOptions {

    /** Something {@code render} can draw: builds its root on the FX thread from the parsed options. */
    public interface Target {
        /** The option that selects this kind of target ({@code view} or {@code scene}). */
        String option();

        /** The values of that option this target handles. */
        List<String> ids();

        /**
         * Does the headless work (training, on the calling thread) and returns a builder of the node to
         * render, which is then called on the FX thread with the language and theme to use.
         */
        BiFunction<I18n, ThemeManager, Parent> prepare(String id, Arguments args, PrintStream out) throws Exception;
    }

    /** The training views: samples, critic, map, charts, internals, and the whole training tab (window). */
    static final Target TRAINING_VIEWS = new Target() {
        @Override
        public String option() {
            return "view";
        }

        @Override
        public List<String> ids() {
            return TrainingRender.VIEWS;
        }

        @Override
        public BiFunction<I18n, ThemeManager, Parent> prepare(String id, Arguments args, PrintStream out) throws Exception {
            Experiment e = experiment(args);
            int iterations = args.getInt("iterations", 200, 0, 10_000_000);
            boolean compare = args.has("compare");
            args.requireAllUsed();
            long t0 = System.nanoTime();
            TrainingRender.Result r = TrainingRender.train(e, iterations, compare);
            out.printf(Locale.ROOT, "trained %s for %d iterations in %.1f s%s%n", e.name(), iterations,
                    (System.nanoTime() - t0) / 1e9, compare ? " (compare mode: two runs)" : "");
            return (i18n, themes) -> TrainingRender.build(r, id, i18n, themes);
        }
    };

    /** Every render target; a new kind of target is one more entry here. */
    static List<Target> targets() {
        return List.of(TRAINING_VIEWS);
    }

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "render a training view or a lecture scene to PNG, or animate it to GIF/MP4 (--animate)";
    }

    @Override
    public String usage() {
        return """
                usage: render (--preset NAME | --config FILE.json) --iterations N --view VIEW --out FILE.png
                              [--size WxH] [--theme light|dark|projector] [--lang en|zh_TW|zh_CN] [--compare]

                Trains N iterations on this thread (deterministic from the experiment's seed), then renders the
                training view off screen. VIEW: samples, critic, map, charts, internals, window (the whole
                Training tab with its controls). --compare trains the experiment and its JS <-> W twin in
                lockstep and renders both. Default size 1280x720 for window, 900x600 otherwise.
                Works with no display (bundled Monocle, software rendering) as well as with one.
                presets: %s

                       render --scene ID --out FILE.png [--size WxH] [--iterations N] [--theme T] [--lang L]
                Renders a lecture scene as it first appears (default size 1280x800; list them with 'scenes').
                scenes: %s

                       render (--scene ID | --preset NAME [--view VIEW] [--compare]) --animate --out FILE.gif|FILE.mp4
                              [--frames N] [--fps F] [--every K] [--size WxH] [--theme T] [--lang L]
                Records N frames (default 60) played at F frames per second (default 20; 1..60, GIF at most 50):
                a training scene or preset shows its view after every K iterations from fresh networks (default: the
                frames span the scene's warm-up, or %d iterations for a preset); a sandbox scene moves Q in a straight
                line onto P. GIF: looping, exact or median-cut palette; MP4: H.264, yuv420p. Same command, same bytes.
                """.formatted(String.join(", ", Presets.names()), String.join(", ", Scenes.ids()),
                SceneRender.DEFAULT_SPAN);
    }

    @Override
    public Set<String> flags() {
        return Set.of("compare", "animate");
    }

    static Experiment experiment(Arguments args) throws Exception {
        boolean preset = args.has("preset");
        boolean config = args.has("config");
        if (preset == config) {
            throw new UsageException("give exactly one of --preset NAME or --config FILE");
        }
        if (preset) {
            return Presets.get(args.require("preset"));
        }
        Path file = Path.of(args.require("config"));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--config: no such file " + file);
        }
        return ExperimentJson.read(file);
    }

    static double[] size(String s) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        if (p.length != 2) {
            throw new UsageException("--size must be WxH (e.g. 1920x1080), got '" + s + "'");
        }
        try {
            double w = Integer.parseInt(p[0].trim());
            double h = Integer.parseInt(p[1].trim());
            if (w < 200 || h < 150 || w > 8192 || h > 8192) {
                throw new UsageException("--size must be between 200x150 and 8192x8192, got '" + s + "'");
            }
            return new double[] {w, h};
        } catch (NumberFormatException e) {
            throw new UsageException("--size must be WxH with integers, got '" + s + "'");
        }
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        if (args.has("animate")) {
            return animate(args, out);
        }
        if (args.has("scene")) {
            return renderScene(args, out);
        }
        Target target = null;
        String id = null;
        List<String> options = new ArrayList<>();
        for (Target t : targets()) {
            options.add("--" + t.option());
            if (args.has(t.option())) {
                target = t;
                id = args.require(t.option());
                if (!t.ids().contains(id)) {
                    throw new UsageException("--" + t.option() + " must be one of " + String.join(", ", t.ids())
                            + ", got '" + id + "'");
                }
            }
        }
        if (target == null) {
            throw new UsageException("give what to render: " + String.join(" or ", options));
        }
        Path outFile = Path.of(args.require("out"));
        double[] wh = size(args.get("size", id.equals("window") ? "1280x720" : "900x600"));
        Theme theme = Theme.byId(args.get("theme", "light"));
        Locale locale = locale(args);
        BiFunction<I18n, ThemeManager, Parent> build = target.prepare(id, args, out);
        startFx();
        try {
            WritableImage img = HeadlessFx.call(() -> {
                I18n i18n = new I18n(locale);
                ThemeManager themes = new ThemeManager();
                themes.setTheme(theme);
                themes.useFontFor(locale);
                return Export.renderOffscreen(build.apply(i18n, themes), wh[0], wh[1], theme, 1);
            });
            HeadlessFx.call(() -> {
                Export.writePng(img, outFile);
                return null;
            });
        } finally {
            HeadlessFx.shutdown();
        }
        out.printf(Locale.ROOT, "wrote %s (%dx%d)%n", outFile, (int) wh[0], (int) wh[1]);
        return 0;
    }

    private static Locale locale(Arguments args) {
        return switch (args.get("lang", "en")) {
            case "en" -> I18n.ENGLISH;
            case "zh_TW" -> I18n.TRADITIONAL;
            case "zh_CN" -> I18n.SIMPLIFIED;
            default -> throw new UsageException("--lang must be en, zh_TW or zh_CN, got '" + args.get("lang", "") + "'");
        };
    }

    private static void startFx() {
        try {
            HeadlessFx.ensureStarted();
        } catch (RuntimeException e) {
            throw new IllegalStateException("JavaFX could not start (" + e.getMessage() + "). Unset DISPLAY to "
                    + "render headlessly with the bundled Monocle, or run under 'xvfb-run -a'", e);
        }
    }

    /**
     * {@code render --scene ID --out FILE.png [--size WxH] [--iterations N]}: a lecture scene as it first appears
     * (caption bar and its view; N overrides a training scene's warm-up iterations).
     */
    private static int renderScene(Arguments args, PrintStream out) throws Exception {
        String id = args.require("scene");
        if (!Scenes.ids().contains(id)) {
            throw new UsageException("--scene must be one of " + String.join(", ", Scenes.ids()) + ", got '" + id + "'");
        }
        Scene scene = Scenes.get(id);
        Path outFile = Path.of(args.require("out"));
        double[] wh = size(args.get("size", "1280x800"));
        Theme theme = Theme.byId(args.get("theme", "light"));
        Locale locale = locale(args);
        int iterations = args.getInt("iterations", -1, -1, 10_000_000);
        args.requireAllUsed();
        startFx();
        try {
            long t0 = System.nanoTime();
            WritableImage img = SceneRender.render(scene, iterations, locale, theme, wh[0], wh[1]);
            HeadlessFx.call(() -> {
                Export.writePng(img, outFile);
                return null;
            });
            out.printf(Locale.ROOT, "rendered scene %s in %.1f s%n", id, (System.nanoTime() - t0) / 1e9);
        } finally {
            HeadlessFx.shutdown();
        }
        out.printf(Locale.ROOT, "wrote %s (%dx%d)%n", outFile, (int) wh[0], (int) wh[1]);
        return 0;
    }

    /** Most frames one animation may have (a minute at 60 fps; the frames are streamed, so this bounds time). */
    static final int MAX_FRAMES = 3600;

    /**
     * {@code render --animate}: frames of a scene or a preset's training view, encoded as they come (GIF or MP4
     * by the extension of --out) on this thread; the FX thread only lays out and snapshots.
     */
    private static int animate(Arguments args, PrintStream out) throws Exception {
        Path outFile = Path.of(args.require("out"));
        int frames = args.getInt("frames", 60, 1, MAX_FRAMES);
        int fps = args.getInt("fps", 20, AnimationEncoder.MIN_FPS, AnimationEncoder.MAX_FPS);
        int every = args.getInt("every", 0, 1, 10_000_000);
        try {
            AnimationEncoder.check(outFile, fps);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Theme theme = Theme.byId(args.get("theme", "light"));
        Locale locale = locale(args);
        Scene scene = null;
        Experiment e = null;
        String view;
        boolean compare = args.has("compare");
        double[] wh;
        if (args.has("scene")) {
            String id = args.require("scene");
            if (!Scenes.ids().contains(id)) {
                throw new UsageException("--scene must be one of " + String.join(", ", Scenes.ids()) + ", got '" + id + "'");
            }
            scene = Scenes.get(id);
            if (compare || args.has("view")) {
                throw new UsageException("--compare and --view belong to --preset; a scene has its own view");
            }
            if (scene.mode() == Scene.Mode.SANDBOX && args.has("every")) {
                throw new UsageException("--every applies to training; scene " + id + " is a sandbox scene (Q moves onto P)");
            }
            view = scene.view();
            wh = size(args.get("size", "1280x800"));
        } else {
            e = experiment(args);
            view = args.get("view", "window");
            if (!TrainingRender.VIEWS.contains(view)) {
                throw new UsageException("--view must be one of " + String.join(", ", TrainingRender.VIEWS) + ", got '"
                        + view + "'");
            }
            wh = size(args.get("size", view.equals("window") ? "1280x720" : "900x600"));
        }
        args.requireAllUsed();
        startFx();
        long t0 = System.nanoTime();
        int[] done = new int[1];
        java.util.function.IntConsumer progress = i -> {
            done[0] = i;
            if (i % 10 == 0 || i == frames) {
                out.printf(Locale.ROOT, "frame %d/%d%n", i, frames);
            }
        };
        try (AnimationEncoder enc = AnimationEncoder.open(outFile, fps)) {
            if (scene != null) {
                SceneRender.animate(scene, frames, every, locale, theme, wh[0], wh[1], enc, progress);
            } else {
                int k = every > 0 ? every : SceneRender.defaultEvery(SceneRender.DEFAULT_SPAN, frames);
                SceneRender.animateTraining(e, compare, view, null, frames, k, locale, theme, wh[0], wh[1], enc,
                        progress);
            }
        } finally {
            HeadlessFx.shutdown();
        }
        out.printf(Locale.ROOT, "wrote %s (%d frames, %dx%d, %d fps, %.2f s) in %.1f s%n", outFile, done[0],
                (int) wh[0], (int) wh[1], fps, done[0] / (double) fps, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
