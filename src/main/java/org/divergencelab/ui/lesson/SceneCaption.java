package org.divergencelab.ui.lesson;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.divergencelab.lesson.Scene;
import org.divergencelab.ui.i18n.I18n;

/**
 * The caption bar of a scene: title, caption, "what to try" and the lecture passage, in the current language
 * (relabelled when the language changes).
 */
public final class SceneCaption {
    private static final String[] TRY = {"What to try: ", "試試看：", "试试看："};
    private static final String[] SOURCE = {"Lecture: ", "課程出處：", "课程出处："};

    private final VBox root = new VBox(2);
    private final Label title = new Label();
    private final Label caption = new Label();
    private final Label tryThis = new Label();
    private final Label source = new Label();
    private final I18n i18n;
    private Scene scene;

    public SceneCaption(I18n i18n) {
        this.i18n = i18n;
        root.setId("scene-caption");
        root.getStyleClass().add("scene-caption");
        root.setStyle("-fx-padding: 6 10 6 10; -fx-border-color: transparent transparent -fx-box-border transparent;");
        title.setId("scene-title");
        title.getStyleClass().add("section-title");
        title.setStyle("-fx-font-weight: bold;");
        caption.setId("scene-text");
        tryThis.setId("scene-try");
        source.setId("scene-source");
        source.setStyle("-fx-opacity: 0.7;");
        for (Label l : new Label[] {title, caption, tryThis, source}) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        root.getChildren().addAll(title, caption, tryThis, source);
        i18n.localeProperty().addListener((o, a, b) -> relabel());
        show(null);
    }

    /** The bar's node (hidden while no scene is shown). */
    public VBox node() {
        return root;
    }

    /** The scene shown, or null. */
    public Scene scene() {
        return scene;
    }

    /** Shows {@code s}'s texts, or hides the bar for null. */
    public void show(Scene s) {
        this.scene = s;
        root.setVisible(s != null);
        root.setManaged(s != null);
        relabel();
    }

    private void relabel() {
        if (scene == null) {
            return;
        }
        Locale l = i18n.getLocale();
        int k = "zh".equals(l.getLanguage()) ? ("TW".equals(l.getCountry()) ? 1 : 2) : 0;
        title.setText(scene.id() + "  " + scene.title().in(l));
        caption.setText(scene.caption().in(l));
        tryThis.setText(TRY[k] + scene.tryThis().in(l));
        source.setText(SOURCE[k] + scene.citation());
    }
}
