package org.divergencelab.training;

import static org.divergencelab.io.StateFiles.bool;
import static org.divergencelab.io.StateFiles.integer;
import static org.divergencelab.io.StateFiles.string;
import static org.divergencelab.io.StateFiles.unknown;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.ExperimentJson;
import org.divergencelab.io.Json;
import org.divergencelab.io.StateFileException;
import org.divergencelab.io.StateFiles;
import org.divergencelab.io.AtomicFiles;

/**
 * The training state as a versioned JSON file ({@code "format": "divergence-lab/training-state",
 * "version": 1}): scene, seed, iterations, the layout, and the experiment as {@link ExperimentJson} writes it.
 * Reading fails with a {@link StateFileException} whose message names the file and the problem (not JSON with
 * line and column, another format, a newer version, a missing, mistyped or unknown field, an invalid
 * experiment); the caller keeps its current state. Pure I/O: callers run it off the FX thread.
 */
public final class TrainingStateFile {
    /** Identifies the file kind, so another JSON file (an experiment, a sandbox state) is not mistaken for one. */
    public static final String FORMAT = "divergence-lab/training-state";
    /** The version this build writes; larger versions are refused with a message. */
    public static final long VERSION = 1;

    private static final Set<String> TOP = Set.of("format", "version", "scene", "seed", "iterations", "layout", "experiment");
    private static final Set<String> LAYOUT = Set.of("tab", "compare", "internals", "formulas", "speed", "presentation");

    private TrainingStateFile() {
    }

    /** The state as JSON text. */
    public static String toJson(TrainingState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("scene", s.scene() == null ? Json.NULL : s.scene());
        m.put("seed", s.seed());
        m.put("iterations", s.iterations());
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("tab", s.tab());
        l.put("compare", s.compare());
        l.put("internals", s.internals());
        l.put("formulas", s.formulas());
        l.put("speed", Double.isInfinite(s.speed()) ? "max" : (Object) s.speed());
        l.put("presentation", s.presentation());
        m.put("layout", l);
        m.put("experiment", ExperimentJson.toTree(s.experiment()));
        return Json.write(m);
    }

    /** Parses a state; {@code source} names the file in messages. */
    public static TrainingState fromJson(String text, String source) throws StateFileException {
        Map<?, ?> m = StateFiles.open(text, source, FORMAT, VERSION, "training state");
        unknown(m, TOP, source, "");
        Object scene = m.get("scene");
        if (!m.containsKey("scene") || !(scene == Json.NULL || scene instanceof String)) {
            throw new StateFileException(source + ": field \"scene\" must be a scene id string or null, found "
                    + (m.containsKey("scene") ? Json.typeName(scene) : "nothing"), null);
        }
        long seed = integer(m, "seed", source, "");
        long iterations = integer(m, "iterations", source, "");
        if (!(m.get("layout") instanceof Map<?, ?> l)) {
            throw new StateFileException(source + ": field \"layout\" must be an object, found "
                    + Json.typeName(m.get("layout")), null);
        }
        unknown(l, LAYOUT, source, "layout.");
        String tab = string(l, "tab", source, "layout.");
        boolean compare = bool(l, "compare", source, "layout.");
        boolean internals = bool(l, "internals", source, "layout.");
        boolean formulas = bool(l, "formulas", source, "layout.");
        boolean presentation = bool(l, "presentation", source, "layout.");
        Object sp = l.get("speed");
        double speed;
        if ("max".equals(sp)) {
            speed = Double.POSITIVE_INFINITY;
        } else if (sp instanceof Number n) {
            speed = n.doubleValue();
        } else {
            throw new StateFileException(source + ": field \"layout.speed\" must be one of " + TrainingState.speedNames()
                    + ", found " + (sp instanceof String s ? "\"" + s + "\"" : Json.typeName(sp)), null);
        }
        Experiment e;
        try {
            e = ExperimentJson.fromTree(m.get("experiment"));
        } catch (IllegalArgumentException ex) {
            throw new StateFileException(source + ": invalid experiment: " + ex.getMessage(), ex);
        }
        if (e.seed() != seed) {
            throw new StateFileException(source + ": field \"seed\" is " + seed + " but experiment.seed is " + e.seed()
                    + " (they must agree)", null);
        }
        try {
            return new TrainingState(e, scene == Json.NULL ? null : (String) scene, tab, compare, internals, formulas,
                    speed, presentation, iterations);
        } catch (IllegalArgumentException ex) {
            throw new StateFileException(source + ": invalid state: " + ex.getMessage(), ex);
        }
    }

    /** Writes {@code s} to {@code file} (UTF-8), creating parent folders. */
    public static void save(TrainingState s, Path file) throws IOException {
        String text = toJson(s);
        AtomicFiles.writeString(file, text);
    }

    /** Reads a state file; every failure (unreadable, malformed, newer) is a {@link StateFileException}. */
    public static TrainingState load(Path file) throws StateFileException {
        return fromJson(StateFiles.read(file), file.toString());
    }
}
