package org.divergencelab.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleDoubleProperty;

import org.junit.jupiter.api.Test;

class I18nTest {

    private static Properties bundle(String suffix) throws Exception {
        String path = "/org/divergencelab/ui/i18n/messages" + suffix + ".properties";
        try (InputStream in = I18nTest.class.getResourceAsStream(path)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void allThreeBundlesHaveTheSameKeysAndNoEmptyValues() throws Exception {
        Properties en = bundle("");
        Set<String> keys = new TreeSet<>(en.stringPropertyNames());
        for (String suffix : new String[] {"_zh_TW", "_zh_CN"}) {
            Properties p = bundle(suffix);
            assertEquals(keys, new TreeSet<>(p.stringPropertyNames()), "keys of messages" + suffix);
            for (String k : keys) {
                assertFalse(p.getProperty(k).isBlank(), k + " in " + suffix);
            }
        }
    }

    @Test
    void chineseBundlesAreReallyTranslated() throws Exception {
        // Read as UTF-8: the Traditional and Simplified strings differ where the scripts differ.
        Properties tw = bundle("_zh_TW");
        Properties cn = bundle("_zh_CN");
        assertEquals("就緒", tw.getProperty("status.ready"));
        assertEquals("就绪", cn.getProperty("status.ready"));
        assertEquals("繁體中文", tw.getProperty("language.native"));
    }

    @Test
    void bindingsFollowTheLanguage() {
        I18n i18n = new I18n();
        StringBinding ready = i18n.get("status.ready");
        assertEquals("Ready", ready.get());
        i18n.setLocale(I18n.TRADITIONAL);
        assertEquals("就緒", ready.get());
        i18n.setLocale(I18n.SIMPLIFIED);
        assertEquals("就绪", ready.get());
        assertEquals("简体中文", I18n.nativeName(I18n.SIMPLIFIED));
    }

    @Test
    void formatReadsObservableArguments() {
        I18n i18n = new I18n();
        SimpleDoubleProperty p50 = new SimpleDoubleProperty(16.66);
        SimpleDoubleProperty p99 = new SimpleDoubleProperty(17.04);
        StringBinding s = i18n.format("status.frames", p50, p99);
        assertEquals("Frame time p50 16.7 ms · p99 17.0 ms", s.get());
        p99.set(33.3);
        assertTrue(s.get().endsWith("33.3 ms"), s.get());
        i18n.setLocale(I18n.TRADITIONAL);
        assertTrue(s.get().startsWith("每幀時間"), s.get());
    }

    @Test
    void englishDoesNotFallBackToTheMachineLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.TRADITIONAL_CHINESE);
            assertEquals("Ready", new I18n(I18n.ENGLISH).text("status.ready"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void closestSupportedPicksTheScript() {
        assertEquals(I18n.TRADITIONAL, I18n.closestSupported(Locale.forLanguageTag("zh-HK")));
        assertEquals(I18n.TRADITIONAL, I18n.closestSupported(Locale.forLanguageTag("zh-Hant")));
        assertEquals(I18n.SIMPLIFIED, I18n.closestSupported(Locale.forLanguageTag("zh-SG")));
        assertEquals(I18n.ENGLISH, I18n.closestSupported(Locale.GERMANY));
    }

    @Test
    void errorsNameTheProblem() {
        I18n i18n = new I18n();
        MissingResourceException e = assertThrows(MissingResourceException.class, () -> i18n.get("no.such.key"));
        assertTrue(e.getMessage().contains("no.such.key"));
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> i18n.setLocale(Locale.FRENCH));
        assertTrue(u.getMessage().contains("fr"));
    }
}
