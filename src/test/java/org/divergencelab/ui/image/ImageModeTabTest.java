package org.divergencelab.ui.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.junit.jupiter.api.Test;

class ImageModeTabTest {

    @Test
    void trainsOnlyAfterStartAndFollowsTheLanguage() throws Exception {
        ImageModeTab tab = FxTestSupport.onFx(() -> new ImageModeTab(new I18n(I18n.ENGLISH)));
        assertNull(tab.view(), "nothing is generated before the button is pressed");
        Button start = (Button) tab.node().lookup("#image-start");
        assertTrue(start.getText().startsWith("Start training"));
        FxTestSupport.onFx(() -> {
            start.fire();
            return null;
        });
        assertNotNull(tab.view());
        assertTrue(start.isDisabled());
        long deadline = System.nanoTime() + 60_000_000_000L;
        // The worker shows a frame every 10 iterations: wait for the first, then stop.
        while (tab.view().progressText().equals("not started") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        tab.stop();
        assertTrue(!tab.view().isTraining());
        assertTrue(!tab.view().progressText().equals("not started"), tab.view().progressText());
        I18n zh = FxTestSupport.onFx(() -> new I18n(I18n.TRADITIONAL));
        ImageModeTab tw = FxTestSupport.onFx(() -> new ImageModeTab(zh));
        assertEquals("開始訓練（程序生成的數字，WGAN-GP）", ((Button) tw.node().lookup("#image-start")).getText());
    }
}
