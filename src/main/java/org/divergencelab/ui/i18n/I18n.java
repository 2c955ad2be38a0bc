package org.divergencelab.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The app's strings in the chosen language. Every visible string comes from the bundles
 * {@code org/divergencelab/ui/i18n/messages*.properties} (UTF-8): English (the base bundle), 繁體中文
 * ({@code zh_TW}) and 简体中文 ({@code zh_CN}). Labels bind to {@link #get(String)} and follow a language
 * switch live.
 */
public final class I18n {

    /** Bundle base name on the class path. */
    public static final String BUNDLE = "org.divergencelab.ui.i18n.messages";

    /** English. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** Traditional Chinese as used in Taiwan. */
    public static final Locale TRADITIONAL = Locale.TRADITIONAL_CHINESE;
    /** Simplified Chinese. */
    public static final Locale SIMPLIFIED = Locale.SIMPLIFIED_CHINESE;

    /** The languages offered, in menu order. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, TRADITIONAL, SIMPLIFIED);

    // No fallback to the JVM's default locale: on a machine set to zh_TW, "English" must still be English.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", ENGLISH);
    /**
     * All bundles, loaded up front: a binding may recompute inside the locale's invalidation, before any
     * change listener could reload a single cached bundle, so the lookup must depend on the locale alone.
     */
    private final java.util.Map<Locale, ResourceBundle> bundles = new java.util.HashMap<>();

    /** Starts in English. */
    public I18n() {
        this(ENGLISH);
    }

    /** Starts in {@code initial} (one of {@link #SUPPORTED}). */
    public I18n(Locale initial) {
        checkSupported(initial);
        for (Locale l : SUPPORTED) {
            bundles.put(l, load(l));
        }
        locale.set(initial);
    }

    /** The supported locale closest to {@code requested} (e.g. the JVM default), English when none fits. */
    public static Locale closestSupported(Locale requested) {
        if (requested == null || !"zh".equals(requested.getLanguage())) {
            return ENGLISH;
        }
        String country = requested.getCountry();
        String script = requested.getScript();
        if ("Hant".equals(script) || "TW".equals(country) || "HK".equals(country) || "MO".equals(country)) {
            return TRADITIONAL;
        }
        return SIMPLIFIED;
    }

    private static Locale checkSupported(Locale l) {
        if (!SUPPORTED.contains(l)) {
            throw new IllegalArgumentException("unsupported language " + l + "; supported: " + SUPPORTED);
        }
        return l;
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l, I18n.class.getClassLoader(), CONTROL);
    }

    /** The current language; set it to switch every bound string. */
    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale getLocale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        locale.set(checkSupported(l));
    }

    /**
     * The string for {@code key} now.
     *
     * @throws MissingResourceException naming the key and language when the bundle lacks it
     */
    public String text(String key) {
        try {
            return bundles.get(locale.get()).getString(key);
        } catch (MissingResourceException e) {
            throw new MissingResourceException("no string '" + key + "' in bundle " + BUNDLE + " for "
                    + locale.get(), BUNDLE, key);
        }
    }

    /** The string for {@code key} with {@link MessageFormat} arguments filled in, now. */
    public String text(String key, Object... args) {
        return new MessageFormat(text(key), locale.get()).format(args);
    }

    /**
     * A binding that is the string for {@code key} in the current language.
     *
     * @throws MissingResourceException at once when the key is missing, so a typo fails on first use
     */
    public StringBinding get(String key) {
        text(key);
        return Bindings.createStringBinding(() -> text(key), locale);
    }

    /**
     * A binding of {@code key} formatted with {@code args}; arguments that are {@link ObservableValue}s are
     * read at each recomputation and also trigger it (a frame-time label that updates itself).
     */
    public StringBinding format(String key, Object... args) {
        text(key);
        Observable[] deps = new Observable[1 + args.length];
        deps[0] = locale;
        int n = 1;
        for (Object a : args) {
            if (a instanceof Observable o) {
                deps[n++] = o;
            }
        }
        Observable[] used = java.util.Arrays.copyOf(deps, n);
        return Bindings.createStringBinding(() -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i] instanceof ObservableValue<?> v ? v.getValue() : args[i];
            }
            return text(key, values);
        }, used);
    }

    /** The name of {@code l} in its own language (for the language menu): "English", "繁體中文", "简体中文". */
    public static String nativeName(Locale l) {
        return load(checkSupported(l)).getString("language.native");
    }
}
