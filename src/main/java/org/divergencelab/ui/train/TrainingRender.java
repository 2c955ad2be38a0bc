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
        return new Result(e, frameOf(loop, last, 1), events);
    }

    /** The frame the view shows for these snapshots (one per experiment, in panel order). */
    private static TrainingSession.Frame frameOf(TrainingLoop loop, List<Snapshot> last, long sequence) {
        List<TrainingSession.PanelState> panels = new ArrayList<>();
        for (int i = 0; i < last.size(); i++) {
            Experiment x = loop.experiments().get(i);
            Snapshot s = last.get(i);
            panels.add(new TrainingSession.PanelState(x, s, ViewData.of(s, x.dataDistribution(), x.seed())));
        }
        return new TrainingSession.Frame(sequence, loop.generation(), false, panels);
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
        return layout(v, id);
    }

    /** View {@code id} of {@code v} as a root of its own; FX thread. */
    private static Parent layout(TrainingView v, String id) {
        if (id.equals("window")) {
            BorderPane w = new BorderPane();
            // The side panel takes its content's computed width (larger with the projector theme's fonts), at most
            // 30 % of the window as in the app (MainWindow)
            Node controls = v.controls();
            if (controls instanceof Region r) {
                r.maxWidthProperty().bind(w.widthProperty().multiply(0.3));
            }
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

    /**
     * A training run shown frame by frame ({@code render --animate}): one view, fed the run's events and
     * frames exactly as the app feeds it, so frame i is what the app shows after i × k iterations. Training
     * ({@link #advance}) runs on the calling thread; {@link #show} on the FX thread; the two alternate.
     */
    public static final class Animation {
        private final Experiment experiment;
        private final boolean compare;
        private final TrainingLoop loop;
        private final List<TrainingEvent> pending = new ArrayList<>();
        private TrainingSession.Frame frame;
        private long sequence = 1;
        private TrainingView view;
        private Parent root;

        /**
         * Fresh networks for {@code e} (and its JS ↔ W twin when {@code compare}); {@code span} is the number of
         * iterations the animation will cover, which spaces the charts' truth points as a render does.
         */
        public Animation(Experiment e, boolean compare, long span) {
            this.experiment = e;
            this.compare = compare;
            loop = new TrainingLoop(pending::add, true);
            loop.setEvery((int) Math.max(1, Math.min(Integer.MAX_VALUE, span / TRUTH_POINTS)));
            loop.load(compare ? List.of(e, ObjectiveChoice.toggle(e)) : List.of(e));
            frame = frameOf(loop, loop.evaluate(s -> { }), sequence);
        }

        /** Trains {@code k} more iterations (calling thread; not while {@link #show} runs). */
        public void advance(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("advance needs k >= 1, got " + k);
            }
            List<Snapshot> last = new ArrayList<>();
            loop.run(k, TrainingLoop.Pace.EXACT, last::addAll);
            frame = frameOf(loop, last.subList(last.size() - loop.experiments().size(), last.size()), ++sequence);
        }

        /** Completed iterations. */
        public long iteration() {
            return loop.iteration();
        }

        /** View {@code id} showing the newest frame (built on the first call, updated after); FX thread. */
        public Parent show(String id, I18n i18n, ThemeManager themes) {
            if (view == null) {
                view = new TrainingView(i18n, themes, experiment, false);
                view.compare.setSelected(compare);
                view.internals.setSelected(id.equals("internals"));
            }
            for (TrainingEvent ev : pending) {
                view.accept(ev);
            }
            pending.clear();
            view.show(frame);
            if (root == null) {
                root = layout(view, id);
            }
            return root;
        }
    }
}
