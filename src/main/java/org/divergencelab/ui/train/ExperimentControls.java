package org.divergencelab.ui.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.divergencelab.gan.ConditionSpec;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.ExperimentField;
import org.divergencelab.gan.LatentSpec;
import org.divergencelab.gan.OptimizerSpec;
import org.divergencelab.gan.Presets;
import org.divergencelab.nn.Activation;
import org.divergencelab.training.ObjectiveChoice;
import org.divergencelab.ui.i18n.I18n;

/**
 * The side panel's experiment editor. Holds the last VALID experiment; every committed field (Enter, focus
 * lost, a combo choice) rebuilds a candidate from all fields, in one copy. Each field that shows one setting is
 * bound to its {@link ExperimentField}, which parses, shows and (through the experiment) checks it. A bad value (lr ≤ 0, batch 0, NaN, text where a
 * number belongs, an impossible combination) shows a message naming the field and the allowed range, and
 * the running experiment stays as it was. A valid candidate goes to {@code onChange}; the session decides
 * whether it applies live or needs a new model.
 */
public final class ExperimentControls {
    private final I18n i18n;
    private final Consumer<Experiment> onChange;
    private final Consumer<Experiment> onPreset;
    private Experiment current;
    private boolean updating;

    final ComboBox<String> preset = new ComboBox<>();
    final TextField data = new TextField();
    final ComboBox<ObjectiveChoice.Family> family = new ComboBox<>();
    final ComboBox<ObjectiveChoice.Lipschitz> lipschitz = new ComboBox<>();
    final TextField lambda = new TextField();
    final TextField clip = new TextField();
    /** EBGAN's margin m. */
    final TextField margin = new TextField();
    /** Training D on past fakes (lecture 000 L425-435): how many old fakes are kept, and which share of D's fakes they give. */
    final TextField replayCapacity = new TextField();
    final TextField replayFraction = new TextField();
    final Button toggle = new Button();
    final ComboBox<OptimizerSpec.Kind> gOpt = new ComboBox<>();
    final TextField gLr = new TextField();
    final ComboBox<OptimizerSpec.Kind> dOpt = new ComboBox<>();
    final TextField dLr = new TextField();
    final TextField kD = new TextField();
    final TextField kG = new TextField();
    final TextField batch = new TextField();
    final TextField gWidth = new TextField();
    final TextField gDepth = new TextField();
    final ComboBox<Activation.Kind> gAct = new ComboBox<>();
    final TextField dWidth = new TextField();
    final TextField dDepth = new TextField();
    final ComboBox<Activation.Kind> dAct = new ComboBox<>();
    final ComboBox<LatentSpec.Prior> prior = new ComboBox<>();
    final TextField latentDim = new TextField();
    final TextField seed = new TextField();
    /** "Train D to its optimum before each G step" (the lecture's setting; options.retrainCriticMaxSteps &gt; 0). */
    final CheckBox dOptimum = new CheckBox();
    /** The conditional GAN (lecture: Conditional Generation; scene S26): the label y given to G and D. */
    final ComboBox<ConditionSpec.Label> conditionLabel = new ComboBox<>();
    /** Off: D gets zeros for y (the label-blind D of the lecture's failure case). */
    final CheckBox criticSeesLabel = new CheckBox();
    /** Real x with a wrong label y' among D's negatives. */
    final CheckBox mismatchNegatives = new CheckBox();
    final Label error = new Label();
    /** The text fields that show exactly one setting, with that setting (parsing and showing come from it). */
    private final Map<TextField, ExperimentField<?>> texts = new LinkedHashMap<>();
    /** The choices that show exactly one setting. */
    private final Map<ComboBox<?>, ExperimentField<?>> choices = new LinkedHashMap<>();
    /** How each choice names its values (in the current language). */
    private final Map<ComboBox<?>, Function<Object, String>> choiceNames = new java.util.HashMap<>();
    /** The check boxes that show exactly one true/false setting. */
    private final Map<CheckBox, ExperimentField<Boolean>> flags = new LinkedHashMap<>();
    private final ScrollPane root;
    private VBox box;
    /** Critic steps at most per "train D to its optimum" (the convergence test usually stops far earlier). */
    static final int D_OPTIMUM_MAX_STEPS = 1000;
    private final List<Runnable> relabelers = new ArrayList<>();
    /** Each editable field's label key (the rejection message names the field as the panel does). */
    private final Map<Node, String> labelKeys = new LinkedHashMap<>();
    /** Each field's cell: the field, and under it the rejection message while one shows. */
    private final Map<Node, VBox> cells = new LinkedHashMap<>();
    /** Text fields the user changed since they were last filled (a focus loss commits only those). */
    private final java.util.Set<TextField> edited = new java.util.HashSet<>();
    /** The field whose value was rejected last, or null. */
    private Node rejected;
    private final javafx.beans.property.ReadOnlyStringWrapper rejection =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "rejection", "");

    /**
     * @param start    the first experiment shown
     * @param onChange receives every valid edited experiment
     * @param onPreset receives a chosen preset (a new model)
     */
    public ExperimentControls(I18n i18n, Experiment start, Consumer<Experiment> onChange, Consumer<Experiment> onPreset) {
        this.i18n = i18n;
        this.onChange = onChange;
        this.onPreset = onPreset;
        this.current = start;
        texts.put(data, ExperimentField.DATA);
        texts.put(lambda, ExperimentField.OBJECTIVE_LAMBDA);
        texts.put(clip, ExperimentField.OBJECTIVE_CLIP);
        texts.put(margin, ExperimentField.OBJECTIVE_MARGIN);
        texts.put(replayCapacity, ExperimentField.REPLAY_CAPACITY);
        texts.put(replayFraction, ExperimentField.REPLAY_FRACTION);
        texts.put(gLr, ExperimentField.GENERATOR_LR);
        texts.put(dLr, ExperimentField.CRITIC_LR);
        texts.put(kD, ExperimentField.CRITIC_STEPS);
        texts.put(kG, ExperimentField.GENERATOR_STEPS);
        texts.put(batch, ExperimentField.BATCH_SIZE);
        texts.put(latentDim, ExperimentField.LATENT_DIM);
        texts.put(seed, ExperimentField.SEED);
        choices.put(gOpt, ExperimentField.GENERATOR_OPTIMIZER_KIND);
        choices.put(dOpt, ExperimentField.CRITIC_OPTIMIZER_KIND);
        choices.put(gAct, ExperimentField.GENERATOR_ACTIVATION);
        choices.put(dAct, ExperimentField.CRITIC_ACTIVATION);
        choices.put(prior, ExperimentField.LATENT_PRIOR);
        choices.put(conditionLabel, ExperimentField.CONDITION_LABEL);
        flags.put(criticSeesLabel, ExperimentField.CONDITION_CRITIC_SEES_LABEL);
        flags.put(mismatchNegatives, ExperimentField.CONDITION_MISMATCH_NEGATIVES);
        preset.getItems().setAll(Presets.names());
        preset.setId("preset");
        preset.setMaxWidth(Double.MAX_VALUE);
        valueTooltip(preset, v -> v);
        enumCombo(family, ObjectiveChoice.Family.values(), f -> i18n.text(f.key()));
        enumCombo(lipschitz, ObjectiveChoice.Lipschitz.values(), l -> i18n.text(l.key()));
        enumCombo(gOpt, OptimizerSpec.Kind.values(), ExperimentField.GENERATOR_OPTIMIZER_KIND::choiceKey);
        enumCombo(dOpt, OptimizerSpec.Kind.values(), ExperimentField.CRITIC_OPTIMIZER_KIND::choiceKey);
        enumCombo(gAct, Activation.Kind.values(), ExperimentField.GENERATOR_ACTIVATION::choiceKey);
        enumCombo(dAct, Activation.Kind.values(), ExperimentField.CRITIC_ACTIVATION::choiceKey);
        enumCombo(prior, LatentSpec.Prior.values(), p -> i18n.text("train.prior." + p.key()));
        enumCombo(conditionLabel, ConditionSpec.Label.values(), l -> i18n.text("train.condition." + l.key()));
        String[] ids = {"data", "family", "lipschitz", "lambda", "clip", "g-opt", "g-lr", "d-opt", "d-lr", "k-d", "k-g",
                "batch", "g-width", "g-depth", "g-act", "d-width", "d-depth", "d-act", "prior", "latent-dim", "seed"};
        Node[] nodes = {data, family, lipschitz, lambda, clip, gOpt, gLr, dOpt, dLr, kD, kG, batch, gWidth, gDepth, gAct,
                dWidth, dDepth, dAct, prior, latentDim, seed};
        for (int i = 0; i < ids.length; i++) {
            nodes[i].setId("cfg-" + ids[i]);
        }
        margin.setId("cfg-margin");
        conditionLabel.setId("cfg-condition-label");
        conditionLabel.setMaxWidth(Double.MAX_VALUE);
        criticSeesLabel.setId("cfg-condition-critic-sees-label");
        mismatchNegatives.setId("cfg-condition-mismatch");
        replayCapacity.setId("cfg-replay-capacity");
        replayFraction.setId("cfg-replay-fraction");
        for (TextField t : List.of(margin, replayCapacity, replayFraction)) {
            t.setPrefColumnCount(8);
        }
        toggle.setId("toggle-objective");
        error.setId("config-error");
        error.setWrapText(true);
        error.getStyleClass().add("config-error");
        error.setStyle("-fx-text-fill: #c0392b;");
        error.setMinWidth(0);
        error.setMaxWidth(Double.MAX_VALUE);

        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        // Percent columns and shrinkable cells: the main window's side panel is only 17em wide, so labels wrap
        // and fields shrink instead of the panel spilling over the views.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setPercentWidth(48);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setPercentWidth(52);
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        g.setMinWidth(0);
        int r = 0;
        r = section(g, r, "train.section.data");
        // The three choices with long values (preset names, "WGAN (Wasserstein)", "gradient penalty λ") take the
        // full panel width under their label: beside the label they were cut to "ring8-wgan…" at 1280×720.
        r = wideRow(g, r, "train.field.preset", preset);
        r = row(g, r, "train.field.data", data);
        r = section(g, r, "train.section.objective");
        r = wideRow(g, r, "train.field.family", family);
        r = wideRow(g, r, "train.field.lipschitz", lipschitz);
        r = row(g, r, "train.field.lambda", lambda);
        r = row(g, r, "train.field.clip", clip);
        r = row(g, r, "train.field.margin", margin);
        g.add(toggle, 0, r++, 2, 1);
        r = section(g, r, "train.section.optim");
        r = row(g, r, "train.field.gOpt", gOpt);
        r = row(g, r, "train.field.gLr", gLr);
        r = row(g, r, "train.field.dOpt", dOpt);
        r = row(g, r, "train.field.dLr", dLr);
        r = row(g, r, "train.field.kD", kD);
        r = row(g, r, "train.field.kG", kG);
        dOptimum.setId("cfg-d-optimum");
        r = checkRow(g, r, "train.field.dOptimum", "train.tip.dOptimum", dOptimum);
        r = row(g, r, "train.field.replayCapacity", replayCapacity);
        r = row(g, r, "train.field.replayFraction", replayFraction);
        r = row(g, r, "train.field.batch", batch);
        r = section(g, r, "train.section.arch");
        r = row(g, r, "train.field.gWidth", gWidth);
        r = row(g, r, "train.field.gDepth", gDepth);
        r = row(g, r, "train.field.gAct", gAct);
        r = row(g, r, "train.field.dWidth", dWidth);
        r = row(g, r, "train.field.dDepth", dDepth);
        r = row(g, r, "train.field.dAct", dAct);
        r = row(g, r, "train.field.prior", prior);
        r = row(g, r, "train.field.latentDim", latentDim);
        r = row(g, r, "train.field.seed", seed);
        r = section(g, r, "train.section.condition");
        r = wideRow(g, r, "train.field.conditionLabel", conditionLabel);
        // the box's own tooltip names its whole value (enumCombo); what the setting does sits on its label
        for (Node n : g.getChildren()) {
            if (n instanceof Label l && l.getLabelFor() == conditionLabel) {
                tip(l, "train.tip.conditionLabel");
            }
        }
        r = checkRow(g, r, "train.field.criticSeesLabel", "train.tip.criticSeesLabel", criticSeesLabel);
        r = checkRow(g, r, "train.field.mismatchNegatives", "train.tip.mismatchNegatives", mismatchNegatives);
        // without a label the two switches change nothing: greyed out, still showing the values a file keeps
        for (CheckBox b : flags.keySet()) {
            b.disableProperty().bind(conditionLabel.valueProperty().isEqualTo(ConditionSpec.Label.NONE));
        }
        toggle.textProperty().bind(i18n.get("train.toggle"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.format("train.tip.toggle", TrainingView.TOGGLE.getDisplayText()));
        toggle.setTooltip(tip);
        toggle.setMaxWidth(Double.MAX_VALUE);
        toggle.setMinWidth(0);
        toggle.setWrapText(true);
        for (Node n : nodes) {
            if (n instanceof ComboBox<?> c) {
                c.setMaxWidth(Double.MAX_VALUE);
            }
            if (n instanceof TextField t) {
                t.setPrefColumnCount(8);
            }
        }
        // the message line waits (empty) at the foot of the panel and moves under a field it is about
        box = new VBox(8, g, error);
        box.setMinWidth(0);
        box.setId("train-controls");
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setMinWidth(0);
        fill(start);
        wire();
        i18n.localeProperty().addListener((o, a, b) -> relabelers.forEach(Runnable::run));
    }

    /** The panel's node. */
    public Node node() {
        return root;
    }

    /** The last valid experiment. */
    public Experiment current() {
        return current;
    }

    /** The JS ↔ W toggle: swaps only the objective of the current experiment. */
    public void toggleObjective() {
        Experiment next = ObjectiveChoice.toggle(current);
        current = next;
        fill(next);
        clearRejection();
        onChange.accept(next);
    }

    /** Shows {@code e} in the fields (a preset, or the state after the toggle). */
    public void fill(Experiment e) {
        updating = true;
        try {
            current = e;
            preset.getSelectionModel().select(Presets.names().contains(e.name()) ? e.name() : null);
            for (var b : texts.entrySet()) {
                b.getKey().setText(shown(b.getValue(), e));
            }
            for (var b : choices.entrySet()) {
                select(b.getKey(), b.getValue(), e);
            }
            for (var b : flags.entrySet()) {
                b.getKey().setSelected(b.getValue().get(e));
            }
            dOptimum.setSelected(e.options().retrainCriticMaxSteps() > 0);
            family.getSelectionModel().select(ObjectiveChoice.familyOf(e.objective()));
            lipschitz.getSelectionModel().select(ObjectiveChoice.lipschitzOf(e));
            List<Integer> gw = e.generator().widths();
            gWidth.setText(gw.isEmpty() ? "0" : Integer.toString(gw.get(0)));
            gDepth.setText(Integer.toString(gw.size()));
            List<Integer> dw = e.critic().widths();
            dWidth.setText(dw.isEmpty() ? "0" : Integer.toString(dw.get(0)));
            dDepth.setText(Integer.toString(dw.size()));
            edited.clear();
        } finally {
            updating = false;
        }
    }

    private static <T> String shown(ExperimentField<T> f, Experiment e) {
        return f.format(f.get(e));
    }

    @SuppressWarnings("unchecked")
    private static <T> void select(ComboBox<?> c, ExperimentField<T> f, Experiment e) {
        ((ComboBox<T>) c).getSelectionModel().select(f.get(e));
    }

    private void wire() {
        preset.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                Experiment e = Presets.get(b);
                fill(e);
                clearRejection();
                onPreset.accept(e);
            }
        });
        toggle.setOnAction(ev -> toggleObjective());
        dOptimum.selectedProperty().addListener((o, a, b) -> commit(dOptimum));
        for (CheckBox f : flags.keySet()) {
            f.selectedProperty().addListener((o, a, b) -> commit(f));
        }
        List<ComboBox<?>> combos = new ArrayList<>(choices.keySet());
        combos.addAll(List.of(family, lipschitz));
        for (ComboBox<?> c : combos) {
            c.valueProperty().addListener((o, a, b) -> commit(c));
        }
        List<TextField> all = new ArrayList<>(texts.keySet());
        all.addAll(List.of(gWidth, gDepth, dWidth, dDepth));
        for (TextField t : all) {
            t.textProperty().addListener((o, a, b) -> {
                if (!updating) {
                    edited.add(t);
                }
            });
            t.setOnAction(ev -> commit(t));
            t.focusedProperty().addListener((o, was, now) -> {
                // leaving a field the user did not touch commits nothing (a shown rejection stays)
                if (!now && edited.contains(t)) {
                    commit(t);
                }
            });
        }
    }

    /** Rebuilds the experiment from every field; a bad value keeps the running experiment and says why. */
    void commit() {
        commit(null);
    }

    /**
     * Rebuilds the experiment from every field. Every other field shows an accepted value (a rejection reverts
     * its field), so a failure is {@code source}'s: the message goes right under it (red border) and to the
     * status line, naming the field and the rejected value, and the field goes back to the last accepted value.
     */
    private void commit(Node source) {
        if (updating) {
            return;
        }
        Experiment next;
        try {
            next = build();
        } catch (IllegalArgumentException ex) {
            reject(source, ex.getMessage());
            return;
        }
        if (!next.equals(current) || source == null || source == rejected) {
            clearRejection();
        }
        if (!next.equals(current)) {
            current = next;
            onChange.accept(next);
        }
    }

    private void reject(Node source, String why) {
        clearRejection();
        String key = source == null ? null : labelKeys.get(source);
        String message;
        if (key == null) {
            message = i18n.text("train.err.invalid", why);
        } else {
            message = i18n.text("train.err.field", i18n.text(key), shownValue(source), why);
        }
        error.setText(message);
        rejection.set(message);
        Node at = source != null && cells.containsKey(source) ? source : null;
        if (at != null) {
            rejected = at;
            at.getStyleClass().add("field-rejected");
            cells.get(at).getChildren().add(error);
            // back to the last accepted value: the running experiment and the panel agree again
            fill(current);
            javafx.application.Platform.runLater(() -> scrollIntoView(cells.get(at)));
        }
    }

    /** The text the user gave {@code field} (what was rejected). */
    private String shownValue(Node field) {
        if (field instanceof TextField t) {
            return t.getText().trim();
        }
        if (field instanceof ComboBox<?> c) {
            // the chosen value's name: the button cell may still show the old one (the skin's listener runs later)
            Function<Object, String> name = choiceNames.get(c);
            return name != null && c.getValue() != null ? name.apply(c.getValue()) : String.valueOf(c.getValue());
        }
        if (field instanceof CheckBox b) {
            return b.isSelected() ? "✓" : "✗";
        }
        return "";
    }

    private void clearRejection() {
        error.setText("");
        rejection.set("");
        if (rejected != null) {
            rejected.getStyleClass().remove("field-rejected");
            rejected = null;
        }
        if (box != null && error.getParent() != box) {
            box.getChildren().add(error);
        }
    }

    /** Scrolls the panel so that {@code n} (a field and its message) shows whole. */
    private void scrollIntoView(Node n) {
        // the message just moved under the field: measure after the panel has laid it out
        root.applyCss();
        root.layout();
        Node content = root.getContent();
        double contentH = content.getBoundsInLocal().getHeight();
        double viewH = root.getViewportBounds().getHeight();
        if (!(contentH > viewH) || n.getScene() == null) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double top = (contentH - viewH) * root.getVvalue();
        double y = top;
        if (b.getMinY() < top) {
            y = b.getMinY();
        } else if (b.getMaxY() > top + viewH) {
            y = Math.min(b.getMinY(), b.getMaxY() - viewH);
        }
        root.setVvalue(Math.clamp(y / (contentH - viewH), 0.0, 1.0));
    }

    /** The message of the last rejected value (empty when the last edit was accepted): the status line shows it. */
    public javafx.beans.property.ReadOnlyStringProperty rejectionProperty() {
        return rejection.getReadOnlyProperty();
    }

    /** A field's grid cell: the field, and room under it for its rejection message. */
    private VBox cell(Node field) {
        VBox c = new VBox(2, field);
        c.setMinWidth(0);
        c.setMaxWidth(Double.MAX_VALUE);
        cells.put(field, c);
        return c;
    }

    /** The experiment the fields describe: one copy of the current one with every field's value. */
    Experiment build() {
        Map<ExperimentField<?>, Object> changes = new LinkedHashMap<>();
        for (var b : texts.entrySet()) {
            changes.put(b.getValue(), b.getValue().parse(b.getKey().getText()));
        }
        for (var b : choices.entrySet()) {
            changes.put(b.getValue(), b.getKey().getValue());
        }
        for (var b : flags.entrySet()) {
            changes.put(b.getValue(), b.getKey().isSelected());
        }
        changes.put(ExperimentField.GENERATOR_WIDTHS, widths("generator", gWidth, gDepth));
        changes.put(ExperimentField.CRITIC_WIDTHS, widths("critic", dWidth, dDepth));
        int retrain = current.options().retrainCriticMaxSteps();
        changes.put(ExperimentField.RETRAIN_CRITIC_MAX_STEPS,
                dOptimum.isSelected() ? (retrain > 0 ? retrain : D_OPTIMUM_MAX_STEPS) : 0);
        Experiment e = current.with(changes);
        return ObjectiveChoice.apply(e, family.getValue(), lipschitz.getValue(), e.objective().lambda(),
                e.objective().clip());
    }

    /** Equal hidden widths from a width and a depth field (the table's widths range for each layer). */
    private static List<Integer> widths(String key, TextField width, TextField depth) {
        ExperimentField<List<Integer>> f = ExperimentField.GENERATOR_WIDTHS;
        int d = integer(key + ".depth", depth);
        if (d < 0 || d > ExperimentField.MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException(key + ".depth must be an integer in [0, " + ExperimentField.MAX_HIDDEN_LAYERS
                    + "], got " + d);
        }
        int w = d == 0 ? 1 : integer(key + ".width", width);
        if (d > 0 && (w < f.minInteger() || w > f.maxInteger())) {
            throw new IllegalArgumentException(f.integerMessage(key + ".width") + ", got " + w);
        }
        return Collections.nCopies(d, w);
    }

    private static int integer(String key, TextField f) {
        String s = f.getText().trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + s + "'");
        }
    }

    private int section(GridPane g, int r, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.get(key));
        l.getStyleClass().add("section-title");
        g.add(l, 0, r, 2, 1);
        return r + 1;
    }

    private int row(GridPane g, int r, String key, Node field) {
        Label l = new Label();
        l.textProperty().bind(i18n.get(key));
        l.setLabelFor(field);
        l.setMinWidth(0);
        l.setWrapText(true);
        g.add(l, 0, r);
        if (field instanceof javafx.scene.layout.Region reg) {
            reg.setMinWidth(0);
        }
        labelKeys.put(field, key);
        VBox c = cell(field);
        g.add(c, 1, r);
        javafx.scene.layout.GridPane.setHgrow(c, javafx.scene.layout.Priority.ALWAYS);
        return r + 1;
    }

    /** A label on its own row and the field under it across both columns. */
    private int wideRow(GridPane g, int r, String key, Node field) {
        Label l = new Label();
        l.textProperty().bind(i18n.get(key));
        l.setLabelFor(field);
        l.setMinWidth(0);
        l.setWrapText(true);
        g.add(l, 0, r, 2, 1);
        if (field instanceof javafx.scene.layout.Region reg) {
            reg.setMinWidth(0);
        }
        labelKeys.put(field, key);
        VBox c = cell(field);
        g.add(c, 0, r + 1, 2, 1);
        javafx.scene.layout.GridPane.setHgrow(c, javafx.scene.layout.Priority.ALWAYS);
        return r + 2;
    }

    /** A check box across both columns (its text is its label), with a tooltip that says what it does. */
    private int checkRow(GridPane g, int r, String key, String tipKey, CheckBox box) {
        box.textProperty().bind(i18n.get(key));
        box.setWrapText(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMinWidth(0);
        tip(box, tipKey);
        g.add(cell(box), 0, r, 2, 1);
        labelKeys.put(box, key);
        return r + 1;
    }

    /** A wrapped tooltip, in the current language, on {@code c}'s label or field. */
    private void tip(javafx.scene.control.Control c, String tipKey) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.get(tipKey));
        t.setWrapText(true);
        t.setMaxWidth(420);
        c.setTooltip(t);
    }

    /** A tooltip on {@code c} with its whole current value (a narrow panel may still cut the shown text). */
    private <T> void valueTooltip(ComboBox<T> c, Function<T, String> text) {
        Tooltip t = new Tooltip();
        Runnable update = () -> t.setText(c.getValue() == null ? "" : text.apply(c.getValue()));
        c.valueProperty().addListener((o, a, b) -> update.run());
        relabelers.add(update);
        update.run();
        c.setTooltip(t);
    }

    @SuppressWarnings("unchecked")
    private <T> void enumCombo(ComboBox<T> c, T[] values, Function<T, String> text) {
        choiceNames.put(c, v -> text.apply((T) v));
        valueTooltip(c, text);
        c.getItems().setAll(values);
        c.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        c.setButtonCell(c.getCellFactory().call(null));
        // A language switch re-renders the cells (the items are the same enum values).
        relabelers.add(() -> {
            boolean was = updating;
            updating = true;
            T v = c.getValue();
            c.setButtonCell(c.getCellFactory().call(null));
            c.getItems().setAll(values);
            c.setValue(v);
            updating = was;
        });
    }
}
