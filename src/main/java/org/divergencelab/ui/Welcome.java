package org.divergencelab.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import org.divergencelab.ui.i18n.I18n;

/** The welcome view: what the app is for and, honestly, what is not built yet. */
final class Welcome {

    private Welcome() {
    }

    static ScrollPane build(I18n i18n) {
        Label title = label(i18n, "app.title", "app-title");
        title.setId("title");
        Label tagline = label(i18n, "app.tagline", "app-tagline");
        tagline.setId("tagline");
        Label coming = label(i18n, "welcome.coming.title", "section-title");
        VBox box = new VBox(title, tagline, coming);
        for (String k : new String[] {"welcome.coming.training", "welcome.coming.scenes",
            "welcome.coming.image"}) {
            Label item = new Label();
            item.textProperty().bind(javafx.beans.binding.Bindings.concat("•  ", i18n.get(k)));
            item.getStyleClass().add("coming-item");
            item.setWrapText(true);
            box.getChildren().add(item);
        }
        Label now = label(i18n, "welcome.now", "welcome-now");
        Label sandbox = label(i18n, "welcome.available.sandbox", "welcome-now");
        sandbox.setId("welcome-sandbox");
        box.getChildren().addAll(now, sandbox);
        box.getStyleClass().add("welcome");
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    private static Label label(I18n i18n, String key, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(i18n.get(key));
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }
}
