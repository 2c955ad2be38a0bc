package org.divergencelab.ui.sandbox;

import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.divergencelab.io.StateFiles;
import org.divergencelab.sandbox.SandboxState;
import org.divergencelab.ui.i18n.I18n;

/**
 * The sandbox's left panel: presets, the two specs, sample size, seed, brush and its target, CSV import,
 * save/load, exports and the presentation toggle. Each control turns into a new {@link SandboxState} through
 * the view ({@code trySet}: a bad value leaves the state and says why); file work goes to {@link SandboxFiles}.
 */
final class SandboxControls {
    private final SandboxView view;
    private final I18n i18n;
    private final SandboxFiles files;
    /** The view's hideable controls by id (SandboxState.CONTROLS), shared with its other panels. */
    private final Map<String, Node> controls;
    private final TextField specP = new TextField();
    private final TextField specQ = new TextField();
    private final TextField seedField = new TextField();
    private final Slider samples = new Slider(SandboxState.MIN_SAMPLES, SandboxState.MAX_SAMPLES, 256);
    private final Label samplesLabel = new Label();
    private final ToggleButton brush = new ToggleButton();
    private final ChoiceBox<String> editTarget = new ChoiceBox<>();
    private final ToggleButton presentation = new ToggleButton();
    private final ComboBox<SandboxView.Preset> presets = new ComboBox<>();
    private final PresetCell presetButton = new PresetCell();
    /** What the preset box names when the specs are no preset's: a scene, a file, or "custom". */
    private String sourceText = "";

    SandboxControls(SandboxView view, I18n i18n, SandboxFiles files, Map<String, Node> controls) {
        this.view = view;
        this.i18n = i18n;
        this.files = files;
        this.controls = controls;
    }

    /** The sample-size slider's value (the read-outs' header names it). */
    ObservableValue<Number> samplesProperty() {
        return samples.valueProperty();
    }

    /**
     * Sets every control from {@code s} (the caller marks this as not a user change); the preset box names the
     * preset whose specs these are, or else {@code source} (a scene, a file, "custom").
     */
    void show(SandboxState s, String source) {
        showSpecs(s);
        showSource(s, source);
        seedField.setText(Long.toString(s.seed()));
        samples.setValue(s.samples());
        samplesLabel.setText("n = " + s.samples());
        presentation.setSelected(s.presentation());
    }

    /** The spec fields follow a drag. */
    void showSpecs(SandboxState s) {
        specP.setText(s.p());
        specQ.setText(s.q());
    }

    /** The preset box: the preset these specs are, or {@code source}. */
    void showSource(SandboxState s, String source) {
        SandboxView.Preset match = null;
        for (SandboxView.Preset p : SandboxView.PRESETS) {
            if (p.p().equals(s.p()) && p.q().equals(s.q())) {
                match = p;
            }
        }
        sourceText = source;
        if (presets.getValue() != match) {
            presets.setValue(match);
        }
        presetButton.updateItem(match, match == null);
    }

    /** The text the preset box shows (for tests). */
    String presetText() {
        return presetButton.getText();
    }

    boolean brushOn() {
        return brush.isSelected();
    }

    /** Where brush strokes and CSV imports go: Q unless the edit target says P. */
    boolean brushIntoQ() {
        return !"P".equals(editTarget.getValue());
    }

    /** Builds the panel (once). */
    VBox build() {
        VBox box = new VBox(10);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("sandbox-control-box");

        presets.setId("sandbox-preset");
        presets.getItems().addAll(SandboxView.PRESETS);
        presets.setCellFactory(l -> new PresetCell());
        presets.setButtonCell(presetButton);
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.promptTextProperty().bind(i18n.get("sandbox.preset.choose"));
        presets.setOnAction(e -> {
            SandboxView.Preset p = presets.getValue();
            if (p != null && !view.updatingControls()) {
                view.trySet(() -> view.state().withSpecs(p.p(), p.q()), "sandbox.msg.badSpec");
            }
        });
        box.getChildren().add(control("presets", "sandbox.control.presets", presets));

        specP.setId("sandbox-spec-p");
        specP.setOnAction(e -> view.trySet(() -> view.state().withP(specP.getText().trim()), "sandbox.msg.badSpec"));
        box.getChildren().add(control("specP", "sandbox.control.specP", specP));
        specQ.setId("sandbox-spec-q");
        specQ.setOnAction(e -> view.trySet(() -> view.state().withQ(specQ.getText().trim()), "sandbox.msg.badSpec"));
        box.getChildren().add(control("specQ", "sandbox.control.specQ", specQ));

        samples.setId("sandbox-samples");
        samples.setMajorTickUnit(500);
        samples.valueProperty().addListener((o, a, b) -> {
            samplesLabel.setText("n = " + b.intValue());
            if (!view.updatingControls() && !samples.isValueChanging()) {
                view.trySet(() -> view.state().withSamples(b.intValue()), "sandbox.msg.badSpec");
            }
        });
        samples.valueChangingProperty().addListener((o, a, b) -> {
            if (!b && !view.updatingControls()) {
                view.trySet(() -> view.state().withSamples((int) samples.getValue()), "sandbox.msg.badSpec");
            }
        });
        box.getChildren().add(control("samples", "sandbox.control.samples", new VBox(2, samples, samplesLabel)));

        seedField.setId("sandbox-seed");
        seedField.setOnAction(e -> view.trySet(() -> view.state().withSeed(Long.parseLong(seedField.getText().trim())),
                "sandbox.msg.badSeed"));
        box.getChildren().add(control("seed", "sandbox.control.seed", seedField));

        brush.setId("sandbox-brush");
        brush.textProperty().bind(i18n.get("sandbox.brush"));
        editTarget.setId("sandbox-edit-target");
        editTarget.getItems().addAll("P", "Q");
        editTarget.setValue("Q");
        box.getChildren().add(control("brush", "sandbox.control.brush", new HBox(6, brush, editTarget)));

        Button csv = button("sandbox-import", "sandbox.import", e -> files.chooseOpen("sandbox.dialog.import", "*.csv")
                .ifPresent(f -> view.importCsv(f, !"P".equals(editTarget.getValue()))));
        box.getChildren().add(control("importCsv", "sandbox.control.import", csv));

        Button save = button("sandbox-save", "sandbox.save", e -> files.chooseSave("sandbox.dialog.save",
                StateFiles.SAVE_PATTERN).map(StateFiles::withExtension).ifPresent(view::save));
        Button load = button("sandbox-load", "sandbox.load", e -> files.chooseOpen("sandbox.dialog.load",
                StateFiles.OPEN_PATTERNS).ifPresent(view::load));
        box.getChildren().add(control("saveLoad", "sandbox.control.saveLoad", new HBox(6, save, load)));

        Button png = button("sandbox-export-png", "sandbox.exportPng",
                e -> files.chooseSave("sandbox.dialog.exportPng", "*.png").ifPresent(view::exportPng));
        Button svg = button("sandbox-export-svg", "sandbox.exportSvg",
                e -> files.chooseSave("sandbox.dialog.exportSvg", "*.svg").ifPresent(view::exportSvg));
        Button csvOut = button("sandbox-export-csv", "sandbox.exportCsv",
                e -> files.chooseSave("sandbox.dialog.exportCsv", "*.csv").ifPresent(view::exportCsv));
        box.getChildren().add(control("export", "sandbox.control.export", new HBox(6, png, svg, csvOut)));

        presentation.setId("sandbox-presentation");
        presentation.textProperty().bind(i18n.get("sandbox.presentation"));
        presentation.setOnAction(e -> {
            if (!view.updatingControls()) {
                view.setState(view.state().withPresentation(presentation.isSelected()));
            }
        });
        box.getChildren().add(presentation);

        Label help = new Label();
        help.textProperty().bind(i18n.get("sandbox.help"));
        help.setWrapText(true);
        help.getStyleClass().add("sandbox-help");
        box.getChildren().add(help);
        return box;
    }


    private Node control(String id, String labelKey, Node content) {
        Label l = SandboxReadouts.boundLabel(i18n, labelKey, "sandbox-control-label");
        VBox v = new VBox(3, l, content);
        v.setId("control-" + id);
        controls.put(id, v);
        return v;
    }


    private Button button(String id, String key, javafx.event.EventHandler<javafx.event.ActionEvent> h) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.get(key));
        b.setOnAction(h);
        return b;
    }


    private final class PresetCell extends ListCell<SandboxView.Preset> {
        @Override
        protected void updateItem(SandboxView.Preset p, boolean empty) {
            super.updateItem(p, empty);
            // the button shows where the specs came from when they are no preset's
            String none = this == presetButton && !sourceText.isEmpty() ? sourceText : i18n.text("sandbox.preset.choose");
            setText(empty || p == null ? none : i18n.text("sandbox.preset." + p.key()));
        }
    }

}
