package org.divergencelab.ui.theme;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Font choice for widgets and controls. JavaFX's logical "System" font falls back to the platform's CJK
 * fonts on most desktops; where a known CJK family is installed we name it explicitly for Chinese locales
 * so the glyphs come out of one consistent face. Nothing here fails when no CJK font exists: text then
 * renders as the platform renders missing glyphs (boxes), which tests never inspect.
 */
public final class Fonts {

    /** CJK-capable families in order of preference (Traditional first: the course is taught in Taiwan). */
    static final List<String> CJK_PREFERENCE = List.of("Noto Sans CJK TC", "Noto Sans CJK SC", "Noto Sans TC",
            "Noto Sans SC", "Source Han Sans TW", "Source Han Sans CN", "Microsoft JhengHei", "Microsoft YaHei",
            "PingFang TC", "PingFang SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback");

    private static volatile Set<String> installed;

    private Fonts() {
    }

    /** The family names the JavaFX font system knows on this machine (cached). */
    public static Set<String> installedFamilies() {
        Set<String> s = installed;
        if (s == null) {
            s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            s.addAll(Font.getFamilies());
            installed = s;
        }
        return s;
    }

    /** The first installed CJK family, or {@code null} when this machine has none. */
    public static String cjkFamily() {
        Set<String> have = installedFamilies();
        for (String f : CJK_PREFERENCE) {
            if (have.contains(f)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The family to draw text in for this locale: the CJK family for Chinese when one is installed, the
     * logical "System" family otherwise.
     */
    public static String familyFor(Locale locale) {
        if (locale != null && "zh".equals(locale.getLanguage())) {
            String cjk = cjkFamily();
            if (cjk != null) {
                return cjk;
            }
        }
        return Font.getDefault().getFamily();
    }

    /** A font of the given family, weight and size. */
    public static Font font(String family, FontWeight weight, double size) {
        return Font.font(family, weight, size);
    }
}
