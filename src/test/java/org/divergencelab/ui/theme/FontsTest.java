package org.divergencelab.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.junit.jupiter.api.Test;

/** Font choice; must pass whether or not this machine has a CJK font. */
class FontsTest {

    @Test
    void englishUsesTheDefaultAndChineseAnInstalledFamily() throws Exception {
        FxTestSupport.start();
        assertEquals(Font.getDefault().getFamily(), Fonts.familyFor(I18n.ENGLISH));
        String zh = Fonts.familyFor(I18n.TRADITIONAL);
        String cjk = Fonts.cjkFamily();
        if (cjk == null) {
            assertEquals(Font.getDefault().getFamily(), zh, "no CJK font: graceful fallback to the default");
        } else {
            assertEquals(cjk, zh);
            assertTrue(Fonts.installedFamilies().contains(zh));
        }
        assertEquals(zh, Fonts.familyFor(I18n.SIMPLIFIED));
    }
}
