package org.divergencelab.lesson;

import java.util.Locale;

/** One text in the app's three languages (English, Traditional and Simplified Chinese). */
public record Text(String en, String zhTW, String zhCN) {

    /** Validates that every language has a non-blank text, so no scene shows an empty caption. */
    public Text {
        if (en == null || en.isBlank() || zhTW == null || zhTW.isBlank() || zhCN == null || zhCN.isBlank()) {
            throw new IllegalArgumentException("a scene text needs en, zh_TW and zh_CN, got en='" + en + "', zh_TW='"
                    + zhTW + "', zh_CN='" + zhCN + "'");
        }
    }

    /** A text that reads the same in every language: a formula or a symbol ("σ_max", "‖∇W‖"). */
    public static Text formula(String s) {
        return new Text(s, s, s);
    }

    /** The text for {@code locale}: zh_TW / zh_HK / Hant → Traditional, other Chinese → Simplified, else English. */
    public String in(Locale locale) {
        if (!"zh".equals(locale.getLanguage())) {
            return en;
        }
        String c = locale.getCountry();
        return "TW".equals(c) || "HK".equals(c) || "Hant".equals(locale.getScript()) ? zhTW : zhCN;
    }
}
