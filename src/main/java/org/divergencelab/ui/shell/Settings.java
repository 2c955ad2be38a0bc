package org.divergencelab.ui.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;

/**
 * The few choices the app remembers between starts (the "start here" screen seen, the scene caption folded, the
 * font scale, nats or bits).
 * Injectable: the app uses {@link #user()} (java.util.prefs), tests and tools {@link #inMemory()}, so no test
 * depends on, or changes, the user's preferences. FX thread only.
 */
public interface Settings {

    /** Key: the first-start screen was shown. */
    String SEEN_START = "startHereSeen";
    /** Key: the scene caption's texts are folded away. */
    String CAPTION_FOLDED = "captionFolded";
    /** Key: the font scale in percent (100–200). */
    String FONT_SCALE = "fontScale";
    /** Key: the unit divergences are shown in ("nats" or "bits"). */
    String LOG_BASE = "logBase";

    boolean get(String key, boolean fallback);

    void put(String key, boolean value);

    String get(String key, String fallback);

    void put(String key, String value);

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

            @Override
            public String get(String key, String fallback) {
                return p.get(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                p.put(key, value);
            }
        };
    }

    /** A fresh store that forgets everything when dropped (as a first start). */
    static Settings inMemory() {
        Map<String, String> m = new HashMap<>();
        return new Settings() {
            @Override
            public boolean get(String key, boolean fallback) {
                String v = m.get(key);
                return v == null ? fallback : Boolean.parseBoolean(v);
            }

            @Override
            public void put(String key, boolean value) {
                m.put(key, Boolean.toString(value));
            }

            @Override
            public String get(String key, String fallback) {
                return m.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                m.put(key, value);
            }
        };
    }
}
