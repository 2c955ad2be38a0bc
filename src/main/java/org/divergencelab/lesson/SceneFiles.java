package org.divergencelab.lesson;

import static org.divergencelab.io.StateFiles.integer;
import static org.divergencelab.io.StateFiles.string;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.ExperimentJson;
import org.divergencelab.io.Json;
import org.divergencelab.io.StateFileException;
import org.divergencelab.io.StateFiles;
import org.divergencelab.sandbox.SandboxState;
import org.divergencelab.sandbox.StateFile;

/**
 * Scene files: one lecture scene per JSON file ({@code "format": "divergence-lab/scene", "version": 1}). The
 * built-in scenes are resources {@code org/divergencelab/lesson/scenes/S<n>.json}; a lecturer's own scenes are
 * {@code *.json} files in the user scenes folder ({@link #userFolder()}).
 *
 * <p>Fields: {@code id}, {@code mode} ({@code training} | {@code sandbox}), {@code title}, {@code caption},
 * {@code try} (each a message-bundle key, or an object {@code {"en", "zh_TW", "zh_CN"}} for a user scene that
 * brings its own texts), {@code citation}; a training scene has {@code experiment} (an experiment in
 * {@link ExperimentJson}'s format) or {@code preset} with optional {@code overrides} (a partial experiment tree
 * laid over the preset's), {@code view}, {@code iterations} (opening iterations, default 0), {@code hidden}
 * (training control ids, default none) and {@code figure} ({@link SceneFigure} name, default NONE); a sandbox
 * scene has {@code sandbox} (a sandbox state in {@link StateFile}'s format, whose {@code hidden} it uses).
 * Every error is a {@link StateFileException} naming the file and the field.
 */
public final class SceneFiles {
    /** The {@code format} value of a scene file. */
    public static final String FORMAT = "divergence-lab/scene";
    /** The version this build reads and writes. */
    public static final long VERSION = 1;
    /** System property that overrides the user scenes folder (tests, a lecturer's shared folder). */
    public static final String USER_FOLDER_PROPERTY = "divergencelab.scenes";
    /** Resource folder of the built-in scenes. */
    static final String RESOURCES = "/org/divergencelab/lesson/scenes/";
    /** The message bundle holding the built-in scenes' texts (the app's, so a translator finds them there). */
    private static final String BUNDLE = "/org/divergencelab/ui/i18n/messages";

    private static final Set<String> TRAINING_KEYS = Set.of("format", "version", "id", "mode", "title", "caption",
            "try", "citation", "experiment", "preset", "overrides", "view", "iterations", "hidden", "figure");
    private static final Set<String> SANDBOX_KEYS = Set.of("format", "version", "id", "mode", "title", "caption",
            "try", "citation", "sandbox", "view", "figure");

    private static volatile List<Properties> bundles;

    private SceneFiles() {
    }

    /** The user scenes folder: the system property {@value #USER_FOLDER_PROPERTY}, else {@code ~/.divergence-lab/scenes}. */
    public static Path userFolder() {
        String p = System.getProperty(USER_FOLDER_PROPERTY);
        return p != null && !p.isBlank() ? Path.of(p)
                : Path.of(System.getProperty("user.home"), ".divergence-lab", "scenes");
    }

    /**
     * Scenes read from a folder by file, and one message per file that could not be read (the others still load).
     */
    public record Folder(Map<Path, Scene> scenes, List<String> problems) {
        public Folder {
            scenes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scenes));
            problems = List.copyOf(problems);
        }
    }

    /** Every {@code *.json} file of {@code folder} in name order; a missing folder has none. */
    public static Folder readFolder(Path folder) {
        Map<Path, Scene> scenes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Folder(scenes, problems);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.json")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            problems.add(folder + ": cannot list the scenes folder: " + e.getMessage());
        }
        files.sort(null);
        for (Path f : files) {
            try {
                scenes.put(f, read(f));
            } catch (StateFileException e) {
                problems.add(e.getMessage());
            }
        }
        return new Folder(scenes, problems);
    }

    /** Reads one scene file. */
    public static Scene read(Path file) throws StateFileException {
        return parse(StateFiles.read(file), file.toString());
    }

    /**
     * The built-in scenes in number order: resources {@code S1.json} … {@code S99.json}, whichever exist. A broken
     * built-in file is a bug of the build, so it is an IllegalStateException with the file's message.
     */
    public static List<Scene> builtIn() {
        List<Scene> list = new ArrayList<>();
        for (int n = 1; n <= 99; n++) {
            String name = RESOURCES + "S" + n + ".json";
            try (InputStream in = SceneFiles.class.getResourceAsStream(name)) {
                if (in == null) {
                    continue;
                }
                Scene s = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
                if (!s.id().equals("S" + n)) {
                    throw new IllegalStateException(name + ": field \"id\" is '" + s.id() + "', the file name says S" + n);
                }
                list.add(s);
            } catch (IOException | StateFileException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return list;
    }

    /** Parses a scene; {@code source} names the file in messages. */
    public static Scene parse(String text, String source) throws StateFileException {
        Map<?, ?> m = StateFiles.open(text, source, FORMAT, VERSION, "scene file");
        String id = string(m, "id", source, "");
        String mode = string(m, "mode", source, "");
        Set<String> allowed = switch (mode) {
            case "training" -> TRAINING_KEYS;
            case "sandbox" -> SANDBOX_KEYS;
            default -> throw new StateFileException(source + ": field \"mode\" must be \"training\" or \"sandbox\", got \""
                    + mode + "\"", null);
        };
        for (Object k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new StateFileException(source + ": unknown field \"" + k + "\" for a " + mode + " scene; known: "
                        + new java.util.TreeSet<>(allowed), null);
            }
        }
        Text title = text(m, "title", source);
        Text caption = text(m, "caption", source);
        Text tryThis = text(m, "try", source);
        String citation = string(m, "citation", source, "");
        try {
            if (mode.equals("sandbox")) {
                String view = m.containsKey("view") ? string(m, "view", source, "") : "sandbox";
                return new Scene(id, title, caption, tryThis, citation, Scene.Mode.SANDBOX, null, sandbox(m, source),
                        view, 0, Set.of(), figure(m, source));
            }
            Experiment e = experiment(m, source);
            String view = string(m, "view", source, "");
            long iterations = m.containsKey("iterations") ? integer(m, "iterations", source, "") : 0;
            if (iterations < 0 || iterations > Integer.MAX_VALUE) {
                throw new StateFileException(source + ": field \"iterations\" must be within 0.." + Integer.MAX_VALUE
                        + ", got " + iterations, null);
            }
            Set<String> hidden = strings(m, "hidden", source);
            SceneFigure figure = figure(m, source);
            // The scene's name in experiment files and exports: the scene id before the experiment's own name.
            return new Scene(id, title, caption, tryThis, citation, Scene.Mode.TRAINING, e.withName(id + "-" + e.name()),
                    null, view, (int) iterations, hidden, figure);
        } catch (IllegalArgumentException x) {
            throw new StateFileException(source + ": " + x.getMessage(), x);
        }
    }

    private static SceneFigure figure(Map<?, ?> m, String source) throws StateFileException {
        if (!m.containsKey("figure")) {
            return SceneFigure.NONE;
        }
        String f = string(m, "figure", source, "");
        try {
            return SceneFigure.valueOf(f);
        } catch (IllegalArgumentException x) {
            throw new StateFileException(source + ": field \"figure\": unknown figure '" + f + "', known: "
                    + List.of(SceneFigure.values()), x);
        }
    }

    private static Experiment experiment(Map<?, ?> m, String source) throws StateFileException {
        boolean full = m.containsKey("experiment");
        boolean preset = m.containsKey("preset");
        if (full == preset) {
            throw new StateFileException(source + ": a training scene needs exactly one of \"experiment\" or \"preset\"",
                    null);
        }
        if (full) {
            try {
                return ExperimentJson.fromTree(m.get("experiment"));
            } catch (IllegalArgumentException x) {
                throw new StateFileException(source + ": field \"experiment\": " + x.getMessage(), x);
            }
        }
        String name = string(m, "preset", source, "");
        Experiment base;
        try {
            base = Presets.get(name);
        } catch (IllegalArgumentException x) {
            throw new StateFileException(source + ": field \"preset\": " + x.getMessage(), x);
        }
        if (!m.containsKey("overrides")) {
            return base;
        }
        if (!(m.get("overrides") instanceof Map<?, ?> over)) {
            throw new StateFileException(source + ": field \"overrides\" must be an object (a partial experiment), found "
                    + Json.typeName(m.get("overrides")), null);
        }
        try {
            return ExperimentJson.fromTree(overlay(ExperimentJson.toTree(base), over));
        } catch (IllegalArgumentException x) {
            throw new StateFileException(source + ": field \"overrides\": " + x.getMessage(), x);
        }
    }

    /** {@code base} with {@code over}'s members laid over it, objects member by member. */
    private static Map<String, Object> overlay(Map<?, ?> base, Map<?, ?> over) {
        Map<String, Object> out = new LinkedHashMap<>();
        base.forEach((k, v) -> out.put((String) k, v));
        over.forEach((k, v) -> {
            Object b = out.get(k);
            out.put((String) k, b instanceof Map<?, ?> bm && v instanceof Map<?, ?> vm ? overlay(bm, vm) : v);
        });
        return out;
    }

    private static SandboxState sandbox(Map<?, ?> m, String source) throws StateFileException {
        if (!(m.get("sandbox") instanceof Map<?, ?> s)) {
            throw new StateFileException(source + ": field \"sandbox\" must be a sandbox state object, found "
                    + (m.containsKey("sandbox") ? Json.typeName(m.get("sandbox")) : "nothing"), null);
        }
        return StateFile.fromJson(Json.write(s), source + ", field \"sandbox\"");
    }

    private static Set<String> strings(Map<?, ?> m, String key, String source) throws StateFileException {
        Set<String> out = new LinkedHashSet<>();
        if (!m.containsKey(key)) {
            return out;
        }
        if (!(m.get(key) instanceof List<?> l)) {
            throw new StateFileException(source + ": field \"" + key + "\" must be an array of strings, found "
                    + Json.typeName(m.get(key)), null);
        }
        for (Object o : l) {
            if (!(o instanceof String str)) {
                throw new StateFileException(source + ": field \"" + key + "\" must contain strings, found " + o, null);
            }
            out.add(str);
        }
        return out;
    }

    /** A text field: a bundle key (built-in scenes) or an object with the three languages (user scenes). */
    private static Text text(Map<?, ?> m, String key, String source) throws StateFileException {
        Object v = m.get(key);
        if (v instanceof Map<?, ?> t) {
            try {
                return new Text(string(t, "en", source, key + "."), string(t, "zh_TW", source, key + "."),
                        string(t, "zh_CN", source, key + "."));
            } catch (IllegalArgumentException x) {
                throw new StateFileException(source + ": field \"" + key + "\": " + x.getMessage(), x);
            }
        }
        String k = string(m, key, source, "");
        List<Properties> b = bundles();
        String[] values = new String[3];
        String[] names = {"messages.properties", "messages_zh_TW.properties", "messages_zh_CN.properties"};
        for (int i = 0; i < 3; i++) {
            values[i] = b.get(i).getProperty(k);
            if (values[i] == null) {
                throw new StateFileException(source + ": field \"" + key + "\": no message '" + k + "' in " + names[i]
                        + " (give a bundle key, or an object {\"en\", \"zh_TW\", \"zh_CN\"})", null);
            }
        }
        try {
            return new Text(values[0], values[1], values[2]);
        } catch (IllegalArgumentException x) {
            throw new StateFileException(source + ": field \"" + key + "\": " + x.getMessage(), x);
        }
    }

    /** The three message bundles as plain properties (no fallback between languages: each must have the key). */
    private static List<Properties> bundles() {
        List<Properties> b = bundles;
        if (b == null) {
            b = new ArrayList<>();
            for (String suffix : new String[] {"", "_" + Locale.TRADITIONAL_CHINESE, "_" + Locale.SIMPLIFIED_CHINESE}) {
                String name = BUNDLE + suffix + ".properties";
                Properties p = new Properties();
                try (InputStream in = SceneFiles.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("message bundle " + name + " missing from the class path");
                    }
                    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                        p.load(r);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
                }
                b.add(p);
            }
            bundles = List.copyOf(b);
        }
        return b;
    }
}
