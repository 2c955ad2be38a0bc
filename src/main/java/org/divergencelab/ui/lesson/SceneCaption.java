package org.divergencelab.ui.lesson;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.SceneFigure;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * The caption bar of a scene: title, caption, "what to try" and the lecture passage, in the current language
 * (relabelled when the language changes); the progress of the scene's opening training; and, for a scene with a
 * {@link SceneFigure}, the figure on the right.
 */
public final class SceneCaption {
    private static final String[] TRY = {"What to try: ", "試試看：", "试试看："};
    private static final String[] SOURCE = {"Lecture: ", "課程出處：", "课程出处："};
    private static final String[] WARMUP = {"Training the opening state: %d / %d iterations",
        "正在訓練開場狀態：%d / %d 次迭代", "正在训练开场状态：%d / %d 次迭代"};

    private final VBox root = new VBox(2);
    private final Label title = new Label();
    private final Label caption = new Label();
    private final Label tryThis = new Label();
    private final Label source = new Label();
    private final Label warmup = new Label();
    private final SceneFigureView figure;
    private final I18n i18n;
    private Scene scene;
    private long warmDone;
    private long warmTotal;

    /** A caption bar without figures (a scene's figure, if any, is not shown). */
    public SceneCaption(I18n i18n) {
        this(i18n, null);
    }

    /** A caption bar that shows scene figures styled by {@code themes} (null: no figures). */
    public SceneCaption(I18n i18n, ThemeManager themes) {
        this.i18n = i18n;
        this.figure = themes == null ? null : new SceneFigureView(themes);
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
        warmup.setId("scene-warmup");
        warmup.setStyle("-fx-font-style: italic;");
        for (Label l : new Label[] {title, caption, tryThis, source}) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            // the full height of the wrapped text, never a clipped last line
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        VBox texts = new VBox(2, title, caption, tryThis, source, warmup);
        // A tiny preferred width: the row grows the texts to the width left beside the figure, and the labels
        // wrap there (with their unwrapped width as preference the first line would run past the window).
        texts.setMinWidth(0);
        texts.setPrefWidth(1);
        HBox row = new HBox(10, texts);
        HBox.setHgrow(texts, Priority.ALWAYS);
        if (figure != null) {
            row.getChildren().add(figure.node());
        }
        root.getChildren().add(row);
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

    /** The figure view, or null when this bar shows no figures. */
    public SceneFigureView figure() {
        return figure;
    }

    /** Shows {@code s}'s texts, or hides the bar for null. The figure (if any) starts empty: see {@link #figure()}. */
    public void show(Scene s) {
        this.scene = s;
        root.setVisible(s != null);
        root.setManaged(s != null);
        warmTotal = 0;
        if (figure != null) {
            boolean on = s != null && s.figure() != SceneFigure.NONE;
            figure.clear();
            figure.node().setVisible(on);
            figure.node().setManaged(on);
        }
        relabel();
    }

    /** Shows the opening training's progress ({@code done} of {@code total}); hidden when done. */
    public void warmup(long done, long total) {
        warmDone = done;
        warmTotal = done >= total ? 0 : total;
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
        warmup.setVisible(warmTotal > 0);
        warmup.setManaged(warmTotal > 0);
        warmup.setText(warmTotal > 0 ? String.format(WARMUP[k], warmDone, warmTotal) : "");
        if (figure != null) {
            figure.relabel(l);
        }
    }
}
