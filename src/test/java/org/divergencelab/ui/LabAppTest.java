package org.divergencelab.ui;

import static org.testfx.api.FxAssert.verifyThat;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** Headless (Monocle) smoke test: the window opens and shows its title. */
@ExtendWith(ApplicationExtension.class)
class LabAppTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(LabApp.comingSoon(), 960, 600));
        stage.show();
    }

    @Test
    void showsTheTitle() {
        verifyThat("#title", LabeledMatchers.hasText("Divergence Lab"));
    }
}
