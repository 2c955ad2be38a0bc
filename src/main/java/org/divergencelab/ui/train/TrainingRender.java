package org.divergencelab.ui.train;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.training.ObjectiveChoice;
import org.divergencelab.training.TrainingEvent;
import org.divergencelab.training.TrainingLoop;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.training.ViewData;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * The headless path of {@code render}: trains on the calling thread with the session's {@link TrainingLoop}
 * (one cheap chart point per iteration, {@link #TRUTH_POINTS} full evaluations for the truths), then builds the
 * same views as the app from the result on the FX thread.
 */
public final class TrainingRender {
    /** The views {@code render --view} accepts. */
    public static final List<String> VIEWS = List.of("samples", "critic", "map", "charts", "internals", "window");
    /** Full snapshots (truth points on the charts) taken during a render run. */
    static final int TRUTH_POINTS = 60;

    private TrainingRender() {
    }

    /** What training produced: the final frame and the chart events in order. */
    public record Result(Experiment experiment, TrainingSession.Frame frame, List<TrainingEvent> events) {
    }

    /** Trains {@code iterations} iterations of {@code e} (and of its JS ↔ W twin when {@code compare}). */
    public static Result train(Experiment e, int iterations, boolean compare) {
        List<Experiment> exps = compare ? List.of(e, ObjectiveChoice.toggle(e)) : List.of(e);
        List<TrainingEvent> events = new ArrayList<>();
        TrainingLoop loop = new TrainingLoop(events::add, true);
        loop.setEvery(Math.max(1, iterations / TRUTH_POINTS));
        loop.load(exps);
        loop.evaluate(s -> { }); // the truths at iteration 0 start the charts
        List<Snapshot> last = new ArrayList<>();
        loop.run(iterations, TrainingLoop.Pace.EXACT, last::addAll);
        last = last.subList(last.size() - exps.size(), last.size());
        List<TrainingSession.PanelState> panels = new ArrayList<>();
        for (int i = 0; i < exps.size(); i++) {
            Experiment x = loop.experiments().get(i);
            Snapshot s = last.get(i);
            panels.add(new TrainingSession.PanelState(x, s, ViewData.of(s, x.dataDistribution(), x.seed())));
        }
        return new Result(e, new TrainingSession.Frame(1, loop.generation(), false, panels), events);
    }

    /** The node for view {@code id} (see {@link #VIEWS}), built from {@code r}; FX thread. */
    public static Parent build(Result r, String id, I18n i18n, ThemeManager themes) {
        TrainingView v = new TrainingView(i18n, themes, r.experiment(), false);
        boolean compare = r.frame().panels().size() == 2;
        v.compare.setSelected(compare);
        v.internals.setSelected(id.equals("internals"));
        for (TrainingEvent ev : r.events()) {
            v.accept(ev);
        }
        v.show(r.frame());
        if (id.equals("window")) {
            BorderPane w = new BorderPane();
            // The side panel takes its content's computed width (larger with the projector theme's fonts).
            Node controls = v.controls();
            w.setLeft(controls);
            w.setCenter(v.node());
            return w;
        }
        HBox box = new HBox(8);
        for (ExperimentPanel p : v.panels()) {
            Node n = switch (id) {
                case "samples" -> p.samples.node();
                case "critic" -> p.critic.node();
                case "map" -> p.map.node();
                case "charts" -> p.charts.node();
                case "internals" -> p.internals.node();
                default -> throw new IllegalArgumentException("view must be one of " + VIEWS + ", got '" + id + "'");
            };
            if (n.getParent() instanceof Pane parent) {
                parent.getChildren().remove(n);
            }
            n.setVisible(true);
            HBox.setHgrow(n, Priority.ALWAYS);
            if (n instanceof Region reg) {
                reg.setMinSize(0, 0);
                reg.prefWidthProperty().bind(box.widthProperty().divide(v.panels().size()));
            }
            box.getChildren().add(n);
        }
        return box;
    }
}
