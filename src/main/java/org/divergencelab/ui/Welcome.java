package org.divergencelab.ui;

import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.divergencelab.ui.i18n.I18n;

/**
 * The "start here" view (the first start opens on it): how to walk the lecture, and what each part of the
 * window does. One screen at 1280×720.
 */
final class Welcome {

    private Welcome() {
    }

    /**
     * @param startLecture starts the lecture mode at the first scene
     * @param openView     selects a view by id ("training", "sandbox")
     */
    static ScrollPane build(I18n i18n, Runnable startLecture, Consumer<String> openView) {
        Label title = label(i18n, "app.title", "app-title");
        title.setId("title");
        Label tagline = label(i18n, "app.tagline", "app-tagline");
        tagline.setId("tagline");
        Label start = label(i18n, "welcome.start.title", "section-title");
        Button lecture = button(i18n, "welcome.start.lecture", "welcome-start-lecture", startLecture);
        lecture.setDefaultButton(true);
        Button training = button(i18n, "welcome.start.openTraining", "welcome-open-training",
                () -> openView.accept("training"));
        Button sandboxButton = button(i18n, "welcome.start.openSandbox", "welcome-open-sandbox",
                () -> openView.accept("sandbox"));
        HBox buttons = new HBox(8, lecture, training, sandboxButton);
        Label how = label(i18n, "welcome.start.lectureText", "welcome-now");
        Label views = label(i18n, "welcome.start.views", "section-title");
        VBox box = new VBox(title, tagline, start, buttons, how, views);
        for (String k : new String[] {"welcome.start.training", "welcome.start.sandbox", "welcome.start.scenes",
            "welcome.start.image", "welcome.start.gallery"}) {
            Label item = new Label();
            item.textProperty().bind(javafx.beans.binding.Bindings.concat("•  ", i18n.get(k)));
            item.getStyleClass().add("coming-item");
            item.setWrapText(true);
            if (k.endsWith("sandbox")) {
                item.setId("welcome-sandbox");
            }
            box.getChildren().add(item);
        }
        box.getStyleClass().add("welcome");
        box.setSpacing(6);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    private static Button button(I18n i18n, String key, String id, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.get(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label label(I18n i18n, String key, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(i18n.get(key));
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }
}
