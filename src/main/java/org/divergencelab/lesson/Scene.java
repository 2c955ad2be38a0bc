package org.divergencelab.lesson;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.divergencelab.gan.Experiment;
import org.divergencelab.sandbox.SandboxState;

/**
 * One of the lecture's figures as a ready scene: which mode it opens (a training experiment or a sandbox
 * state), which view it shows, which controls it hides, its texts in three languages and the lecture passage
 * it reproduces.
 *
 * @param id         {@code S1} … {@code S21}, the numbering of INVENTORY.md §3
 * @param title      short title
 * @param caption    what the picture shows
 * @param tryThis    what to try
 * @param citation   the lecture passage as a reader finds it: author, work, part or section
 * @param mode       training or sandbox
 * @param experiment the experiment (training mode), else null
 * @param sandbox    the sandbox state, with its hidden controls (sandbox mode), else null
 * @param view       training mode: the view to render ({@link #TRAINING_VIEWS}); sandbox mode: {@code sandbox}
 * @param iterations training mode: iterations trained before the scene is first shown (0 = fresh networks)
 * @param hidden     training mode: ids of the training controls hidden ({@link #TRAINING_CONTROLS}); sandbox
 *                   mode: empty (the state carries its own)
 * @param figure     a computed figure shown beside the caption ({@link SceneFigure#NONE}: none); training mode only
 */
public record Scene(String id, Text title, Text caption, Text tryThis, String citation, Mode mode,
                    Experiment experiment, SandboxState sandbox, String view, int iterations, Set<String> hidden,
                    SceneFigure figure) {

    /** Which tab a scene opens. */
    public enum Mode { TRAINING, SANDBOX }

    /** The training views a scene can show (the render command's {@code --view} values). */
    public static final List<String> TRAINING_VIEWS = List.of("samples", "critic", "map", "charts", "internals", "window");

    /** Ids of the training tab's controls a scene may hide (node ids in the training view and its side panel). */
    public static final Set<String> TRAINING_CONTROLS = Set.of("play", "step-critic", "step-generator",
            "step-iteration", "reset", "speed", "compare", "show-internals", "toggle-objective", "preset", "cfg-data",
            "cfg-family", "cfg-lipschitz", "cfg-lambda", "cfg-clip", "cfg-g-opt", "cfg-g-lr", "cfg-d-opt", "cfg-d-lr",
            "cfg-k-d", "cfg-k-g", "cfg-batch", "cfg-g-width", "cfg-g-depth", "cfg-g-act", "cfg-d-width", "cfg-d-depth",
            "cfg-d-act", "cfg-prior", "cfg-latent-dim", "cfg-seed");

    private static final Pattern ID = Pattern.compile("S[1-9][0-9]?");
    /**
     * A citation a reader can follow: "author, work[, part or section]" (the built-in scenes); the older form, a
     * lecture seed file and line ("003 L330-344"), stays valid for user scenes written with it.
     */
    private static final Pattern CITATION = Pattern.compile("[^,\\s][^,]*, \\S.*|00[0-4] L[0-9].*");

    /** Validates the scene so a broken one fails when the catalogue is built, not when a lecturer opens it. */
    public Scene {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("scene id must look like S1..S99, got '" + id + "'");
        }
        if (title == null || caption == null || tryThis == null) {
            throw new IllegalArgumentException("scene " + id + ": title, caption and tryThis are required");
        }
        if (citation == null || !CITATION.matcher(citation).matches()) {
            throw new IllegalArgumentException("scene " + id + ": citation must name the author, the work and the part "
                    + "(e.g. 'Hung-yi Lee, ML 2021 lecture \u201cGAN (2): theory and WGAN\u201d, part \u201cWGAN\u201d'), got '"
                    + citation + "'");
        }
        if (mode == null) {
            throw new IllegalArgumentException("scene " + id + ": mode is required");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("scene " + id + ": iterations must be >= 0, got " + iterations);
        }
        TreeSet<String> h = new TreeSet<>(hidden == null ? Set.of() : hidden);
        if (mode == Mode.TRAINING) {
            if (experiment == null || sandbox != null) {
                throw new IllegalArgumentException("scene " + id + ": a training scene needs an experiment and no sandbox state");
            }
            if (!TRAINING_VIEWS.contains(view)) {
                throw new IllegalArgumentException("scene " + id + ": view must be one of " + TRAINING_VIEWS + ", got '" + view + "'");
            }
            for (String c : h) {
                if (!TRAINING_CONTROLS.contains(c)) {
                    throw new IllegalArgumentException("scene " + id + ": unknown training control '" + c + "' in hidden; known: "
                            + new TreeSet<>(TRAINING_CONTROLS));
                }
            }
        } else {
            if (sandbox == null || experiment != null) {
                throw new IllegalArgumentException("scene " + id + ": a sandbox scene needs a sandbox state and no experiment");
            }
            if (!"sandbox".equals(view)) {
                throw new IllegalArgumentException("scene " + id + ": a sandbox scene's view is 'sandbox', got '" + view + "'");
            }
            if (!h.isEmpty() || iterations != 0) {
                throw new IllegalArgumentException("scene " + id + ": a sandbox scene hides controls through its state "
                        + "and trains nothing beforehand");
            }
        }
        if (figure == null) {
            figure = SceneFigure.NONE;
        }
        if (figure != SceneFigure.NONE && figure.needsTraining() != (mode == Mode.TRAINING)) {
            throw new IllegalArgumentException("scene " + id + ": figure " + figure + " needs a "
                    + (figure.needsTraining() ? "training" : "sandbox") + " scene");
        }
        hidden = Collections.unmodifiableSortedSet(h);
    }

    /** A scene without a figure. */
    public Scene(String id, Text title, Text caption, Text tryThis, String citation, Mode mode, Experiment experiment,
            SandboxState sandbox, String view, int iterations, Set<String> hidden) {
        this(id, title, caption, tryThis, citation, mode, experiment, sandbox, view, iterations, hidden, SceneFigure.NONE);
    }

    /** The controls hidden in this scene, whichever mode. */
    public Set<String> hiddenControls() {
        return mode == Mode.SANDBOX ? sandbox.hidden() : hidden;
    }
}
