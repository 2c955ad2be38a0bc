package org.divergencelab.ui.plot;

import javafx.scene.paint.Color;

import org.divergencelab.ui.theme.Theme;

/**
 * One legend line: a swatch and a label.
 *
 * @param label   text (from the i18n bundle)
 * @param swatch  how the swatch looks
 * @param palette palette index of the colour, used when {@code color} is {@code null}
 * @param color   explicit colour, or {@code null} for the theme's palette colour
 */
public record LegendEntry(String label, Swatch swatch, int palette, Color color) {

    /** Swatch shapes. */
    public enum Swatch { POINT, LINE, DASHED, BAR }

    /** The colour under {@code theme}. */
    public Color resolve(Theme theme) {
        return color != null ? color : theme.series(palette);
    }
}
