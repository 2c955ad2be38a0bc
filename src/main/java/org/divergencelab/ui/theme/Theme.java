package org.divergencelab.ui.theme;

import java.util.List;
import java.util.Objects;

import javafx.scene.paint.Color;

/**
 * The colours and sizes a plot widget reads when it draws, one value per theme. The controls around the
 * widgets take theirs from the theme's CSS file ({@link #stylesheet()}); widgets draw on a canvas, which
 * CSS cannot reach, so they read this record instead. Both come from the same {@link ThemeManager}, so a
 * switch changes both in the same pulse.
 *
 * @param id              stable identifier ("light", "dark", "projector"), also the i18n key suffix
 * @param stylesheet      class-path resource of the CSS file for the controls
 * @param background      widget background (outside the plot area)
 * @param plotBackground  background of the plot area itself
 * @param foreground      text, axis lines, tick labels
 * @param muted           secondary text (axis labels of a secondary axis, captions)
 * @param grid            grid lines
 * @param palette         series colours, colour-blind safe (Okabe–Ito order); index 0 = real data,
 *                        index 1 = generated data
 * @param fontSize        base font size in px for tick labels; titles and axis labels scale from it
 * @param lineWidth       width of data lines in px
 * @param pointRadius     default scatter point radius in px
 */
public record Theme(String id, String stylesheet, Color background, Color plotBackground, Color foreground,
        Color muted, Color grid, List<Color> palette, double fontSize, double lineWidth, double pointRadius) {

    /** Palette index of the real (data) distribution. */
    public static final int REAL = 0;
    /** Palette index of the generated distribution. */
    public static final int GENERATED = 1;

    public Theme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stylesheet, "stylesheet");
        palette = List.copyOf(palette);
        if (palette.size() < 4) {
            throw new IllegalArgumentException("palette needs at least 4 colours, got " + palette.size());
        }
        if (!(fontSize > 0) || !(lineWidth > 0) || !(pointRadius > 0)) {
            throw new IllegalArgumentException("fontSize, lineWidth and pointRadius must be > 0, got "
                    + fontSize + ", " + lineWidth + ", " + pointRadius);
        }
    }

    /** Colour of series {@code index}, cycling through the palette. */
    public Color series(int index) {
        return palette.get(Math.floorMod(index, palette.size()));
    }

    /*
     * The palettes keep every pair of series colours apart for colour-blind viewers: CIEDE2000 >= 10 between any two
     * under simulated protanopia and deuteranopia (Machado et al. 2009), >= 40 between real and generated
     * (ThemePaletteTest). Okabe–Ito's grey was too close to its green under deuteranopia (8.2), and the dark
     * theme's coral to its orange (5.9): the grey is darker (lighter on dark), the coral is Okabe–Ito's vermillion.
     */

    /** Light theme: white plots, Okabe–Ito colours. */
    public static final Theme LIGHT = new Theme("light", "/org/divergencelab/ui/css/light.css",
            Color.web("#f7f7f7"), Color.WHITE, Color.web("#1a1a1a"), Color.web("#5a5a5a"), Color.web("#e3e3e3"),
            List.of(Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#D55E00"),
                    Color.web("#CC79A7"), Color.web("#56B4E9"), Color.web("#3a3a3a")),
            12, 1.6, 3);

    /** Dark theme: the lighter Okabe–Ito members so that they stand out on near-black. */
    public static final Theme DARK = new Theme("dark", "/org/divergencelab/ui/css/dark.css",
            Color.web("#1e1f22"), Color.web("#15161a"), Color.web("#e8e8e8"), Color.web("#a8a8a8"),
            Color.web("#33353b"),
            List.of(Color.web("#56B4E9"), Color.web("#E69F00"), Color.web("#33C7A0"), Color.web("#D55E00"),
                    Color.web("#CC79A7"), Color.web("#F0E442"), Color.web("#e0e0e0")),
            12, 1.6, 3);

    /**
     * Projector theme: black on white at full contrast, large fonts, thick lines and big points, for a
     * lecture hall where the back row sees a washed-out image.
     */
    public static final Theme PROJECTOR = new Theme("projector", "/org/divergencelab/ui/css/projector.css",
            Color.WHITE, Color.WHITE, Color.BLACK, Color.web("#222222"), Color.web("#c8c8c8"),
            List.of(Color.web("#0050A0"), Color.web("#E08000"), Color.web("#007A55"), Color.web("#C03000"),
                    Color.web("#C060A0"), Color.web("#2090D0"), Color.web("#1a1a1a")),
            20, 3.0, 5);

    /** The built-in themes in menu order. */
    public static List<Theme> builtIns() {
        return List.of(LIGHT, DARK, PROJECTOR);
    }

    /** The built-in theme with this id. */
    public static Theme byId(String id) {
        for (Theme t : builtIns()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown theme '" + id + "'; known: light, dark, projector");
    }

    /**
     * The controls' font size in px, as the theme's stylesheet sets it on {@code .root} (13 px; 22 px in the
     * projector theme; {@code ThemeTest} checks the two agree): a font scale multiplies it.
     */
    public double controlFontSize() {
        return "projector".equals(id) ? 22 : 13;
    }

    /** This theme with its text {@code factor} times larger (the font-scale setting); itself at 1. */
    public Theme scaledText(double factor) {
        if (factor == 1) {
            return this;
        }
        return new Theme(id, stylesheet, background, plotBackground, foreground, muted, grid, palette,
                fontSize * factor, lineWidth, pointRadius);
    }

    /** True when the background is dark (luminance below one half): used to pick overlay contrasts. */
    public boolean isDark() {
        Color c = plotBackground;
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue() < 0.5;
    }
}
