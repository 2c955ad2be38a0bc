package org.divergencelab.ui.plot;

import javafx.scene.paint.Color;

import org.divergencelab.ui.theme.Theme;

/** Colour helpers shared by the layers. */
final class Style {

    private Style() {
    }

    /** The explicit colour if given, the theme's palette colour otherwise. */
    static Color color(Theme theme, int palette, Color explicit) {
        return explicit != null ? explicit : theme.series(palette);
    }

    /** {@code c} with its opacity multiplied by {@code a}. */
    static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * a);
    }
}
