package org.divergencelab.ui.plot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Measures text the way JavaFX will render it (label layout on the canvas and in SVG). Results are cached:
 * a live plot measures the same tick labels every frame, and each measurement builds a {@link Text} node.
 */
public final class TextMetrics {

    /** Enough for every label of a window's plots in a few fonts; cleared wholesale when exceeded. */
    private static final int CACHE_LIMIT = 8192;
    private static final Map<String, Double> WIDTHS = new ConcurrentHashMap<>();
    private static final Map<String, Double> HEIGHTS = new ConcurrentHashMap<>();
    private static final Map<String, Double> BASELINES = new ConcurrentHashMap<>();

    private TextMetrics() {
    }

    private static String fontKey(Font font) {
        return font.getName() + '\u0000' + font.getSize();
    }

    /** Width of {@code text} in {@code font}, pixels. */
    public static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        String key = fontKey(font) + '\u0000' + text;
        Double w = WIDTHS.get(key);
        if (w == null) {
            Text t = new Text(text);
            t.setFont(font);
            w = t.getLayoutBounds().getWidth();
            if (WIDTHS.size() > CACHE_LIMIT) {
                WIDTHS.clear();
            }
            WIDTHS.put(key, w);
        }
        return w;
    }

    /** Distance from the top of a line of {@code font} to its baseline, pixels. */
    public static double baseline(Font font) {
        return BASELINES.computeIfAbsent(fontKey(font), k -> {
            Text t = new Text("Ag");
            t.setFont(font);
            return t.getBaselineOffset();
        });
    }

    /** Height of one line of {@code font}, pixels. */
    public static double height(Font font) {
        return HEIGHTS.computeIfAbsent(fontKey(font), k -> {
            Text t = new Text("Ag");
            t.setFont(font);
            return t.getLayoutBounds().getHeight();
        });
    }
}
