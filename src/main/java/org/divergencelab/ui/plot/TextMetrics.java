package org.divergencelab.ui.plot;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Measures text the way JavaFX will render it (used for label layout on the canvas and in SVG). */
public final class TextMetrics {

    private TextMetrics() {
    }

    /** Width of {@code text} in {@code font}, pixels. */
    public static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** Height of one line of {@code font}, pixels. */
    public static double height(Font font) {
        Text t = new Text("Ag");
        t.setFont(font);
        return t.getLayoutBounds().getHeight();
    }
}
