package org.divergencelab.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of lecture scenes, numbered as in /work/shared/lecture/INVENTORY.md §3: the built-in scene files
 * ({@code org/divergencelab/lesson/scenes/S<n>.json}, read by {@link SceneFiles}) and the lecturer's own scene
 * files in the user scenes folder ({@link SceneFiles#userFolder()}), in id order. Citations name the seed file
 * (000 … 004 under /work/shared/lecture, e.g. {@code 003} = {@code 003_65c43ade79d6bd6d.txt}) and its lines.
 * A user file that cannot be read, or that reuses an id, is left out with a message ({@link #problems()}); the
 * other scenes still load.
 */
public final class Scenes {
    private Scenes() {
    }

    /** The WGAN paper's RMSProp learning rate (Arjovsky et al. 2017, Algorithm 1), used by the clipping scenes. */
    public static final double WGAN_RMSPROP_LR = 5e-5;

    private static final List<Scene> BUILT_IN = SceneFiles.builtIn();

    private record Catalogue(Path folder, Map<String, Scene> scenes, List<String> problems) {
    }

    private static volatile Catalogue catalogue = load(SceneFiles.userFolder());

    /** Every scene in lecture (id) order. */
    public static List<Scene> all() {
        return List.copyOf(catalogue.scenes().values());
    }

    /** The scene ids in lecture order. */
    public static List<String> ids() {
        return List.copyOf(catalogue.scenes().keySet());
    }

    /** The scene {@code id}; an IllegalArgumentException listing the ids when there is none. */
    public static Scene get(String id) {
        Map<String, Scene> all = catalogue.scenes();
        Scene s = all.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown scene '" + id + "', known: " + String.join(", ", all.keySet()));
        }
        return s;
    }

    /** The user scene files that were left out at the last (re)load, one message each naming the file. */
    public static List<String> problems() {
        return catalogue.problems();
    }

    /** Reads the user scenes folder again (a lecturer dropped a file in); returns true when the catalogue changed. */
    public static boolean reload() {
        Catalogue before = catalogue;
        Catalogue after = load(SceneFiles.userFolder());
        catalogue = after;
        return !after.equals(before);
    }

    private static Catalogue load(Path folder) {
        SceneFiles.Folder user = SceneFiles.readFolder(folder);
        List<String> problems = new ArrayList<>(user.problems());
        List<Scene> list = new ArrayList<>(BUILT_IN);
        Map<String, Scene> byId = new LinkedHashMap<>();
        for (Scene s : BUILT_IN) {
            byId.put(s.id(), s);
        }
        for (Map.Entry<Path, Scene> e : user.scenes().entrySet()) {
            Scene s = e.getValue();
            if (byId.containsKey(s.id())) {
                problems.add(e.getKey() + ": scene " + s.id() + " is left out: the id is already taken by "
                        + (BUILT_IN.contains(byId.get(s.id())) ? "a built-in scene" : "another file") + "; give it another id");
                continue;
            }
            byId.put(s.id(), s);
            list.add(s);
        }
        list.sort(Comparator.comparingInt(s -> Integer.parseInt(s.id().substring(1))));
        Map<String, Scene> ordered = new LinkedHashMap<>();
        for (Scene s : list) {
            ordered.put(s.id(), s);
        }
        return new Catalogue(folder, Collections.unmodifiableMap(ordered), List.copyOf(problems));
    }
}
