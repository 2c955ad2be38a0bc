package org.divergencelab.ui.lesson;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.SceneFigure;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * The caption bar of a scene: title, caption, "what to try" and the lecture passage, in the current language
 * (relabelled when the language changes); the progress of the scene's opening training; and, for a scene with a
 * {@link SceneFigure}, the figure on the right. The title row carries a fold toggle (texts away, title kept) and a
 * close button; in the lecture mode a navigation row (previous, one segment per scene, "S7 · 7/20", next) sits
 * above it and a prediction question may come first ({@link #showPrediction}). The texts scroll inside at most
 * {@link #maxBodyHeightProperty()} pixels, so a long caption never squeezes the view below it.
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
    private final ToggleButton fold = new ToggleButton();
    private final Button close = new Button("✕");
    private final HBox nav = new HBox(6);
    private final HBox strip = new HBox(2);
    private final Label position = new Label();
    private final Button previous = new Button("◀");
    private final Button next = new Button("▶");
    private final VBox predict = new VBox(4);
    private final Label question = new Label();
    private final HBox answers = new HBox(6);
    private final Label result = new Label();
    private final HBox row;
    private final ScrollPane body;
    private final DoubleProperty maxBodyHeight = new SimpleDoubleProperty(this, "maxBodyHeight", Double.MAX_VALUE);
    private final BooleanProperty navigating = new SimpleBooleanProperty(this, "navigating", false);
    private final SceneFigureView figure;
    private final I18n i18n;
    private Scene scene;
    private Prediction prediction;
    private int answered = -1;
    private Runnable onAnswer = () -> { };
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
        root.setMinHeight(Region.USE_PREF_SIZE);
        title.setId("scene-title");
        title.getStyleClass().add("section-title");
        title.setStyle("-fx-font-weight: bold;");
        caption.setId("scene-text");
        tryThis.setId("scene-try");
        source.setId("scene-source");
        source.setStyle("-fx-opacity: 0.7;");
        warmup.setId("scene-warmup");
        warmup.setStyle("-fx-font-style: italic;");
        question.setId("predict-question");
        question.setStyle("-fx-font-weight: bold;");
        result.setId("predict-result");
        for (Label l : new Label[] {title, caption, tryThis, source, question, result}) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            // the full height of the wrapped text, never a clipped last line
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        predict.setId("scene-predict");
        predict.getChildren().addAll(question, answers, result);
        predict.setStyle("-fx-padding: 4 0 2 0;");
        VBox texts = new VBox(2, caption, tryThis, source, warmup, predict);
        // A tiny preferred width: the row grows the texts to the width left beside the figure, and the labels
        // wrap there (with their unwrapped width as preference the first line would run past the window).
        texts.setMinWidth(0);
        texts.setPrefWidth(1);
        row = new HBox(10, texts);
        HBox.setHgrow(texts, Priority.ALWAYS);
        if (figure != null) {
            row.getChildren().add(figure.node());
        }
        body = new ScrollPane(row);
        body.setId("scene-body");
        body.setFitToWidth(true);
        body.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // no "-fx-background: transparent": labels derive their text colour from it (white on a light theme)
        body.setStyle("-fx-background-color: transparent; -fx-padding: 0;");
        body.setMinViewportHeight(0);
        // the viewport is as tall as the texts at the current width, capped (then they scroll)
        body.widthProperty().addListener((o, a, b) -> fitBody());
        maxBodyHeight.addListener((o, a, b) -> fitBody());

        fold.setId("scene-fold");
        fold.textProperty().bind(javafx.beans.binding.Bindings.when(fold.selectedProperty()).then("▸").otherwise("▾"));
        fold.setTooltip(new Tooltip());
        fold.getTooltip().textProperty().bind(i18n.get("lecture.fold"));
        fold.selectedProperty().addListener((o, a, on) -> applyFold());
        close.setId("scene-close");
        close.setTooltip(new Tooltip());
        close.getTooltip().textProperty().bind(i18n.get("lecture.close"));
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMinWidth(0);
        HBox header = new HBox(6, title, fold, close);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        nav.setId("lecture-nav");
        nav.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        previous.setId("lecture-previous");
        next.setId("lecture-next");
        position.setId("lecture-position");
        position.setStyle("-fx-font-weight: bold;");
        position.setMinWidth(Region.USE_PREF_SIZE);
        strip.setId("lecture-strip");
        HBox.setHgrow(strip, Priority.ALWAYS);
        strip.setMinWidth(0);
        nav.getChildren().addAll(previous, strip, position, next);
        nav.visibleProperty().bind(navigating);
        nav.managedProperty().bind(navigating);

        root.getChildren().addAll(nav, header, body);
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

    /** The texts' largest height in pixels before they scroll. */
    public DoubleProperty maxBodyHeightProperty() {
        return maxBodyHeight;
    }

    /** True: the texts are folded away (the title row stays). */
    public BooleanProperty foldedProperty() {
        return fold.selectedProperty();
    }

    /** True: the lecture mode's navigation row shows. */
    public BooleanProperty navigatingProperty() {
        return navigating;
    }

    /** The close button (the picker decides what closing means). */
    Button closeButton() {
        return close;
    }

    /**
     * Wires the navigation row: {@code scenes} in lecture order, one segment each; a click on a segment calls
     * {@code jump} with its index.
     */
    void navigation(List<Scene> scenes, Runnable onPrevious, Runnable onNext, IntConsumer jump) {
        previous.setOnAction(e -> onPrevious.run());
        next.setOnAction(e -> onNext.run());
        strip.getChildren().clear();
        for (int i = 0; i < scenes.size(); i++) {
            Button seg = new Button();
            int k = i;
            seg.setId("lecture-segment-" + scenes.get(i).id());
            seg.getStyleClass().add("lecture-segment");
            seg.setUserData(scenes.get(i));
            seg.setMinWidth(6);
            seg.setPrefWidth(28);
            seg.setMaxWidth(Double.MAX_VALUE);
            seg.setPrefHeight(10);
            seg.setMinHeight(10);
            seg.setMaxHeight(10);
            seg.setFocusTraversable(false);
            seg.setTooltip(new Tooltip());
            HBox.setHgrow(seg, Priority.ALWAYS);
            seg.setOnAction(e -> jump.accept(k));
            strip.getChildren().add(seg);
        }
        relabel();
    }

    /** The position text of the navigation row ("S7 · 7/20"). */
    public String positionText() {
        return position.getText();
    }

    /** Shows {@code s}'s texts, or hides the bar for null. The figure (if any) starts empty: see {@link #figure()}. */
    public void show(Scene s) {
        this.scene = s;
        this.prediction = null;
        this.answered = -1;
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

    /** Shows or hides the bar for the scene kept (while another tab shows, the scene's caption steps aside). */
    void setShowing(boolean on) {
        boolean v = on && scene != null;
        root.setVisible(v);
        root.setManaged(v);
    }

    /**
     * Poses {@code p} (the scene's prediction, or null for none): its answer buttons run {@code onAnswer} once
     * the student chose, and the outcome shows beside the answer given.
     */
    void showPrediction(Prediction p, Runnable onAnswer) {
        this.prediction = p;
        this.answered = -1;
        this.onAnswer = onAnswer == null ? () -> { } : onAnswer;
        relabel();
    }

    /** The prediction posed now, or null. */
    public Prediction prediction() {
        return prediction;
    }

    /** The answer given (its index), or -1. */
    public int answered() {
        return answered;
    }

    /** Answers the prediction posed with answer {@code k} (as its button does). */
    public void answer(int k) {
        if (prediction == null || answered >= 0 || k < 0 || k >= prediction.answers()) {
            return;
        }
        answered = k;
        relabel();
        onAnswer.run();
    }

    /** Shows the opening training's progress ({@code done} of {@code total}); hidden when done. */
    public void warmup(long done, long total) {
        warmDone = done;
        warmTotal = done >= total ? 0 : total;
        relabel();
    }

    private void applyFold() {
        boolean open = !fold.isSelected();
        body.setVisible(open);
        body.setManaged(open);
    }

    private void fitBody() {
        double w = body.getWidth();
        if (!(w > 0)) {
            return;
        }
        // as tall as the wrapped texts (and figure) at this width, but never more than the cap
        double want = row.prefHeight(w - 2) + 2;
        body.setPrefViewportHeight(Math.min(want, Math.max(0, maxBodyHeight.get())));
    }

    private void relabel() {
        List<javafx.scene.Node> segs = strip.getChildren();
        for (javafx.scene.Node n : segs) {
            Button seg = (Button) n;
            Scene s = (Scene) seg.getUserData();
            boolean here = scene != null && s.id().equals(scene.id());
            seg.setStyle(here ? "-fx-background-color: -fx-accent;" : "");
            seg.getTooltip().setText(s.id() + "  " + s.title().in(i18n.getLocale()));
        }
        if (scene == null) {
            return;
        }
        Locale l = i18n.getLocale();
        int k = "zh".equals(l.getLanguage()) ? ("TW".equals(l.getCountry()) ? 1 : 2) : 0;
        int at = 0;
        for (int i = 0; i < segs.size(); i++) {
            if (((Scene) segs.get(i).getUserData()).id().equals(scene.id())) {
                at = i + 1;
            }
        }
        position.setText(scene.id() + " · " + at + "/" + segs.size());
        previous.setDisable(at <= 1);
        next.setDisable(at >= segs.size());
        title.setText(scene.id() + "  " + scene.title().in(l));
        caption.setText(scene.caption().in(l));
        tryThis.setText(TRY[k] + scene.tryThis().in(l));
        source.setText(SOURCE[k] + scene.citation());
        warmup.setVisible(warmTotal > 0);
        warmup.setManaged(warmTotal > 0);
        warmup.setText(warmTotal > 0 ? String.format(WARMUP[k], warmDone, warmTotal) : "");
        boolean asking = prediction != null;
        predict.setVisible(asking);
        predict.setManaged(asking);
        answers.getChildren().clear();
        if (asking) {
            question.setText(i18n.text(prediction.questionKey()));
            for (int a = 0; a < prediction.answers(); a++) {
                Button b = new Button(i18n.text(prediction.answerKey(a)));
                b.setId("predict-answer-" + a);
                b.setWrapText(true);
                int chosen = a;
                b.setOnAction(e -> answer(chosen));
                b.setDisable(answered >= 0);
                if (answered == a) {
                    b.setStyle("-fx-border-color: -fx-accent; -fx-border-width: 2; -fx-opacity: 1;");
                }
                answers.getChildren().add(b);
            }
            boolean shown = answered >= 0;
            result.setVisible(shown);
            result.setManaged(shown);
            if (shown) {
                String verdict = i18n.text(answered == prediction.correct() ? "predict.right" : "predict.wrong");
                result.setText(i18n.text("predict.yours", i18n.text(prediction.answerKey(answered)))
                        + "  " + verdict + "  " + i18n.text(prediction.resultKey()));
            }
        }
        if (figure != null) {
            figure.relabel(l);
        }
        fitBody();
    }
}
