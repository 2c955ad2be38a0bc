package org.divergencelab.ui.train;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import org.divergencelab.gan.Experiment;
import org.divergencelab.training.HistoryPoint;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * All views of one experiment, drawing only its {@link TrainingSession.PanelState} and chart points: samples,
 * critic, generator map (or critic internals on demand) and the charts, laid out by {@link PanelGrid} under a heading.
 */
public final class ExperimentPanel {
    private final I18n i18n;
    final SamplesView samples;
    final CriticView critic;
    final MapView map;
    final InternalsView internals;
    final ChartsView charts;
    private final Label heading = new Label();
    private final StackPane mapCell = new StackPane();
    private final BorderPane root = new BorderPane();
    private final PanelGrid grid;
    private TrainingSession.PanelState last;

    ExperimentPanel(I18n i18n, ThemeManager themes, int index) {
        this.i18n = i18n;
        String prefix = "p" + index + "-";
        samples = new SamplesView(i18n, themes, prefix);
        critic = new CriticView(i18n, themes, prefix);
        map = new MapView(i18n, themes, prefix);
        internals = new InternalsView(i18n, themes, prefix);
        charts = new ChartsView(i18n, themes, prefix);
        heading.setId(prefix + "heading");
        heading.getStyleClass().add("section-title");
        heading.setPadding(new javafx.geometry.Insets(2, 6, 2, 6));
        mapCell.getChildren().addAll(map.node(), internals.node());
        internals.node().setVisible(false);
        for (Node n : new Node[] {samples.node(), critic.node(), mapCell}) {
            if (n instanceof javafx.scene.layout.Region r) {
                r.setMinSize(0, 0);
            }
        }
        // the cells follow the plots' font size (theme × font scale); the charts' first widget carries it
        grid = new PanelGrid(java.util.List.of(samples.node(), critic.node(), mapCell), charts.cells(),
                () -> charts.losses.getTheme().fontSize());
        grid.setId(prefix + "grid");
        root.setTop(heading);
        root.setCenter(grid);
        // no minimum width (the window decides it), but the grid's minimum height: below it the panels scroll
        root.setMinWidth(0);
    }

    /** The panel's node. */
    public Node node() {
        return root;
    }

    /** The layout of the panel's views and charts. */
    PanelGrid grid() {
        return grid;
    }

    /** Shows the critic internals in place of the generator map (or back). */
    void setInternalsVisible(boolean on) {
        internals.node().setVisible(on);
        map.node().setVisible(!on);
        if (last != null) {
            show(last);
        }
    }

    void show(TrainingSession.PanelState p) {
        for (int v = 0; v < VIEWS; v++) {
            showView(p, v);
        }
    }

    /** Views drawn per frame, in the order of {@link #showView}. */
    static final int VIEWS = 3;

    /** Draws view {@code v} of {@code p}: 0 samples (and the heading), 1 critic, 2 map or internals. */
    void showView(TrainingSession.PanelState p, int v) {
        switch (v) {
            case 0 -> {
                last = p;
                setHeading(p.experiment());
                charts.setEvaluationBatch(p.experiment().evaluation().batch());
                samples.show(p);
            }
            case 1 -> critic.show(p);
            case 2 -> {
                // Only the visible one of map / internals is rebuilt (hidden widgets would still repaint).
                if (internals.node().isVisible()) {
                    internals.show(p);
                } else {
                    map.show(p);
                }
            }
            default -> throw new IllegalArgumentException("view must be 0.." + (VIEWS - 1) + ", got " + v);
        }
    }

    private void setHeading(Experiment e) {
        heading.setText(i18n.text("train.panel.heading", e.name(), e.objective().describe(), e.data()));
    }

    void add(HistoryPoint h) {
        charts.add(h);
        internals.add(h);
    }

    /** A single Step D / Step G: its marker on the charts; after Step G the samples keep a ghost of the old fakes. */
    void step(org.divergencelab.training.StepReport r) {
        charts.step(r);
        if (!r.critic()) {
            samples.ghostNext();
        }
    }

    void clear() {
        charts.clear();
        internals.clear();
    }

    /** The experiment of the frame shown last (null before the first). */
    Experiment shownExperiment() {
        return last == null ? null : last.experiment();
    }

    void relabel() {
        samples.relabel();
        critic.relabel();
        map.relabel();
        internals.relabel();
        charts.relabel();
        if (last != null) {
            setHeading(last.experiment());
        }
    }
}
