package org.divergencelab.ui.theme;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The current theme and font family of the app. Scenes attached to it get the theme's stylesheet (and
 * lose the previous one) on every switch; plot widgets ({@link Themed}) styled through it follow its
 * {@link Theme} record and font family.
 */
public final class ThemeManager {

    /** Stylesheet shared by all themes (layout, spacing); the theme file only sets colours and sizes. */
    public static final String BASE_STYLESHEET = "/org/divergencelab/ui/css/base.css";

    private final ObjectProperty<Theme> current = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final StringProperty fontFamily = new SimpleStringProperty(this, "fontFamily", Fonts.familyFor(Locale.ENGLISH));
    private final List<Scene> scenes = new ArrayList<>();
    private final Units units = new Units();
    /** Font scale in percent (100–200): the controls' root font size and the widgets' text follow it. */
    private final javafx.beans.property.IntegerProperty fontScale =
            new javafx.beans.property.SimpleIntegerProperty(this, "fontScale", 100);
    /** The theme widgets draw with: the current one, its text sizes times the font scale. */
    private final javafx.beans.binding.ObjectBinding<Theme> widgetTheme = javafx.beans.binding.Bindings.createObjectBinding(
            () -> current.get().scaledText(fontScale.get() / 100.0), current, fontScale);

    public ThemeManager() {
        current.addListener((o, a, b) -> {
            for (Scene s : scenes) {
                applyTo(s);
            }
            refreshFonts();
        });
        fontFamily.addListener((o, a, b) -> {
            for (Scene s : scenes) {
                applyFont(s);
            }
        });
        fontScale.addListener((o, a, b) -> {
            for (Scene s : scenes) {
                applyFont(s);
            }
        });
    }

    /** Smallest and largest font scale in percent. */
    public static final int MIN_FONT_SCALE = 100;
    public static final int MAX_FONT_SCALE = 200;

    /** Font scale in percent, 100–200 (View → Font size). */
    public javafx.beans.property.IntegerProperty fontScaleProperty() {
        return fontScale;
    }

    /** Sets the font scale; outside 100–200 is refused with the value in the message. */
    public void setFontScale(int percent) {
        if (percent < MIN_FONT_SCALE || percent > MAX_FONT_SCALE) {
            throw new IllegalArgumentException("font scale must be " + MIN_FONT_SCALE + "–" + MAX_FONT_SCALE
                    + " %, got " + percent);
        }
        fontScale.set(percent);
    }

    /** The unit divergences are shown in (nats or bits). */
    public Units units() {
        return units;
    }

    /** The current theme; set it to switch. */
    public ObjectProperty<Theme> themeProperty() {
        return current;
    }

    public Theme getTheme() {
        return current.get();
    }

    public void setTheme(Theme t) {
        if (t == null) {
            throw new IllegalArgumentException("theme must not be null");
        }
        current.set(t);
    }

    /** Font family for controls and widgets (a CJK family while a Chinese language is selected). */
    public StringProperty fontFamilyProperty() {
        return fontFamily;
    }

    /** Follows a language: picks the font family that renders it. */
    public void useFontFor(Locale l) {
        fontFamily.set(Fonts.familyFor(l));
    }

    /** Keeps {@code scene}'s stylesheets on the current theme from now on. */
    public void attach(Scene scene) {
        if (!scenes.contains(scene)) {
            scenes.add(scene);
        }
        applyTo(scene);
        applyFont(scene);
    }

    /** Re-applies the root style (the theme's control font size changed with the theme). */
    private void refreshFonts() {
        for (Scene s : scenes) {
            applyFont(s);
        }
    }

    /** Binds a widget's theme and font family to this manager. */
    public <W extends Themed> W style(W widget) {
        widget.themeProperty().bind(widgetTheme);
        widget.fontFamilyProperty().bind(fontFamily);
        return widget;
    }

    /** The stylesheet URLs a scene gets for {@code t}: base, then the theme's. */
    public static List<String> stylesheetsFor(Theme t) {
        return List.of(url(BASE_STYLESHEET), url(t.stylesheet()));
    }

    private void applyTo(Scene scene) {
        List<String> keep = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (Theme t : Theme.builtIns()) {
            ours.add(url(t.stylesheet()));
        }
        ours.add(url(BASE_STYLESHEET));
        for (String s : scene.getStylesheets()) {
            if (!ours.contains(s)) {
                keep.add(s);
            }
        }
        keep.addAll(stylesheetsFor(current.get()));
        scene.getStylesheets().setAll(keep);
        Parent root = scene.getRoot();
        if (root != null) {
            for (Theme t : Theme.builtIns()) {
                root.getStyleClass().remove("theme-" + t.id());
            }
            root.getStyleClass().add("theme-" + current.get().id());
        }
    }

    private void applyFont(Scene scene) {
        Parent root = scene.getRoot();
        if (root != null) {
            // Inline style on the root: the family cascades to every control; sizes stay in the CSS, except that a
            // font scale sets the root's size (every em-sized rule follows it)
            String style = "-fx-font-family: \"" + fontFamily.get().replace("\"", "") + "\";";
            if (fontScale.get() != 100) {
                style += String.format(java.util.Locale.ROOT, " -fx-font-size: %.1fpx;",
                        current.get().controlFontSize() * fontScale.get() / 100.0);
            }
            root.setStyle(style);
        }
    }

    private static String url(String resource) {
        URL u = ThemeManager.class.getResource(resource);
        if (u == null) {
            throw new IllegalStateException("stylesheet " + resource + " is missing from the class path");
        }
        return u.toExternalForm();
    }
}
