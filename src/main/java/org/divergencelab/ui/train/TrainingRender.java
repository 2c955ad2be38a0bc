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
import org.divergencelab.gan.Trainer;
import org.divergencelab.training.HistoryPoint;
import org.divergencelab.training.Notice;
import org.divergencelab.training.ObjectiveChoice;
import org.divergencelab.training.TrainingSession;
import org.divergencelab.training.ViewData;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * The headless path of {@code render}: trains on the calling thread exactly as the session's worker does
 * (one cheap chart point per iteration, full snapshots for the truths), then builds the same views as the app
 * from the result on the FX thread.
 */
public final class TrainingRender {
    /** The views {@code render --view} accepts. */
    public static final List<String> VIEWS = List.of("samples", "critic", "map", "charts", "internals", "window");
    /** Full snapshots (truth points on the charts) taken during a render run. */
    static final int TRUTH_POINTS = 60;

    private TrainingRender() {
    }

    /** What training produced: the final frame and the chart events in order. */
    public record Result(Experiment experiment, TrainingSession.Frame frame, List<Object> events) {
    }

    /** Trains {@code iterations} iterations of {@code e} (and of its JS ↔ W twin when {@code compare}). */
    public static Result train(Experiment e, int iterations, boolean compare) {
        List<Experiment> exps = compare ? List.of(e, ObjectiveChoice.toggle(e)) : List.of(e);
        List<Trainer> trainers = new ArrayList<>();
        for (Experiment x : exps) {
            trainers.add(new Trainer(x));
        }
        List<Object> events = new ArrayList<>();
        events.add(new TrainingSession.Cleared(1));
        int every = Math.max(1, iterations / TRUTH_POINTS);
        for (int i = 0; i < trainers.size(); i++) {
            events.add(HistoryPoint.of(1, i, trainers.get(i).snapshot(true)));
        }
        for (int it = 1; it <= iterations; it++) {
            for (int i = 0; i < trainers.size(); i++) {
                Trainer t = trainers.get(i);
                if (!t.halted() && t.iteration()) {
                    events.add(HistoryPoint.of(1, i, t.snapshot(false)));
                    if (it % every == 0 && it != iterations) {
                        events.add(HistoryPoint.of(1, i, t.snapshot(true)));
                    }
                }
            }
        }
        List<TrainingSession.PanelState> panels = new ArrayList<>();
        for (int i = 0; i < trainers.size(); i++) {
            Trainer t = trainers.get(i);
            Snapshot s = t.snapshot(true);
            events.add(HistoryPoint.of(1, i, s));
            if (t.halted()) {
                events.add(new Notice("train.msg.halted", true, t.haltMessage() == null ? "" : t.haltMessage()));
            }
            panels.add(new TrainingSession.PanelState(t.experiment(), s, ViewData.of(s, t.experiment().dataDistribution(), t.experiment().seed())));
        }
        return new Result(e, new TrainingSession.Frame(1, 1, false, panels), events);
    }

    /** The node for view {@code id} (see {@link #VIEWS}), built from {@code r}; FX thread. */
    public static Parent build(Result r, String id, I18n i18n, ThemeManager themes) {
        TrainingView v = new TrainingView(i18n, themes, r.experiment(), false);
        boolean compare = r.frame().panels().size() == 2;
        v.compare.setSelected(compare);
        v.internals.setSelected(id.equals("internals"));
        for (Object ev : r.events()) {
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
