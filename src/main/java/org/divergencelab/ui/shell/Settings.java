package org.divergencelab.ui.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;

/**
 * The few choices the app remembers between starts (the "start here" screen seen, the scene caption folded).
 * Injectable: the app uses {@link #user()} (java.util.prefs), tests and tools {@link #inMemory()}, so no test
 * depends on, or changes, the user's preferences. FX thread only.
 */
public interface Settings {

    /** Key: the first-start screen was shown. */
    String SEEN_START = "startHereSeen";
    /** Key: the scene caption's texts are folded away. */
    String CAPTION_FOLDED = "captionFolded";

    boolean get(String key, boolean fallback);

    void put(String key, boolean value);

    /** The user's preferences (node {@code org/divergencelab/ui}). */
    static Settings user() {
        Preferences p = Preferences.userRoot().node("org/divergencelab/ui");
        return new Settings() {
            @Override
            public boolean get(String key, boolean fallback) {
                return p.getBoolean(key, fallback);
            }

            @Override
            public void put(String key, boolean value) {
                p.putBoolean(key, value);
            }
        };
    }

    /** A fresh store that forgets everything when dropped (as a first start). */
    static Settings inMemory() {
        Map<String, Boolean> m = new HashMap<>();
        return new Settings() {
            @Override
            public boolean get(String key, boolean fallback) {
                return m.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, boolean value) {
                m.put(key, value);
            }
        };
    }
}
