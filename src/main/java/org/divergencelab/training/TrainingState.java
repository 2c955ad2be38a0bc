package org.divergencelab.training;

import java.util.List;

import org.divergencelab.gan.Experiment;

/**
 * Everything a lecturer saves of the Training tab: the experiment (its seed included), the lecture scene it came
 * from, what is on screen (the selected tab, compare mode, the critic internals, the formula panel, the speed,
 * presentation mode) and how many iterations were trained. Loading replays those iterations from the seed, so
 * the same networks and pictures come back (training is deterministic given the seed; settings changed live
 * during a run replay as if they had been set from the start).
 *
 * @param experiment   the experiment in the editor (panel 0; compare mode shows its JS ↔ W twin beside it)
 * @param scene        id of the open lecture scene ({@code S9}), or null
 * @param tab          id of the selected view (training, sandbox, image, welcome, gallery)
 * @param compare      compare mode (two panels)
 * @param internals    critic internals shown instead of the generator map
 * @param formulas     formula panel shown
 * @param speed        iterations per second while playing, one of {@link #SPEEDS} (infinity = max)
 * @param presentation presentation mode
 * @param iterations   completed iterations, ≥ 0
 */
public record TrainingState(Experiment experiment, String scene, String tab, boolean compare, boolean internals,
                            boolean formulas, double speed, boolean presentation, long iterations) {

    /** The speeds offered (iterations per second; infinity = flat out). */
    public static final List<Double> SPEEDS = List.of(1.0, 5.0, 20.0, 100.0, Double.POSITIVE_INFINITY);

    /** Validates the fields that need no window to check. */
    public TrainingState {
        if (experiment == null) {
            throw new IllegalArgumentException("experiment is required");
        }
        if (tab == null || tab.isBlank()) {
            throw new IllegalArgumentException("layout.tab is required, got '" + tab + "'");
        }
        if (!SPEEDS.contains(speed)) {
            throw new IllegalArgumentException("layout.speed must be one of " + speedNames() + ", got " + speed);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
    }

    /** The seed of every draw (the experiment's). */
    public long seed() {
        return experiment.seed();
    }

    public TrainingState withScene(String id) {
        return new TrainingState(experiment, id, tab, compare, internals, formulas, speed, presentation, iterations);
    }

    public TrainingState withTab(String id) {
        return new TrainingState(experiment, scene, id, compare, internals, formulas, speed, presentation, iterations);
    }

    public TrainingState withPresentation(boolean on) {
        return new TrainingState(experiment, scene, tab, compare, internals, formulas, speed, on, iterations);
    }

    /** The speeds as the file writes them: numbers, and "max" for flat out. */
    static String speedNames() {
        StringBuilder b = new StringBuilder();
        for (double s : SPEEDS) {
            b.append(b.length() == 0 ? "" : ", ").append(Double.isInfinite(s) ? "\"max\"" : Double.toString(s));
        }
        return b.toString();
    }
}
