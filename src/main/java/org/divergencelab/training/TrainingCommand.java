package org.divergencelab.training;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.divergencelab.gan.Experiment;

/**
 * What the FX thread asks of the {@link TrainingSession}'s worker. Commands run in order on the worker, so
 * "step once" is exactly one step. Sealed: the worker's {@code switch} handles every kind.
 */
public sealed interface TrainingCommand {

    /** Starts over with these experiments (1, or 2 for compare mode): fresh models, charts cleared. */
    record Load(List<Experiment> experiments) implements TrainingCommand {
        public Load {
            experiments = List.copyOf(experiments);
            if (experiments.isEmpty() || experiments.size() > 2) {
                throw new IllegalArgumentException("a session trains 1 or 2 experiments, got " + experiments.size());
            }
        }
    }

    /**
     * Applies changed experiments: live when every trainer survives the change, otherwise every trainer starts
     * over (lockstep) and a "new model" notice says why.
     */
    record Configure(List<Experiment> experiments) implements TrainingCommand {
        public Configure {
            experiments = List.copyOf(experiments);
        }
    }

    /** One critic step on every trainer. */
    record StepCritic() implements TrainingCommand {
    }

    /** One generator step on every trainer. */
    record StepGenerator() implements TrainingCommand {
    }

    /**
     * {@code n} iterations (k_D critic steps, k_G generator steps each) as one command: one chart point per
     * iteration, full evaluations as paced for replays, one at the end. n = 1 is the "step iteration" button;
     * a lecture scene's opening and a loaded training state replay their iterations with one such command.
     */
    record Iterate(long n) implements TrainingCommand {
        public Iterate {
            if (n < 0) {
                throw new IllegalArgumentException("iterations must be >= 0, got " + n);
            }
        }
    }

    /** Starts the experiments over from their seeds. */
    record Reset() implements TrainingCommand {
    }

    /** Trains continuously (clears a stop of the divergence guard first). */
    record Play() implements TrainingCommand {
    }

    /** Stops continuous training after the current iteration. */
    record Pause() implements TrainingCommand {
    }

    /** Counts {@code done} down once every command sent before it has run. */
    record Await(CountDownLatch done) implements TrainingCommand {
    }
}
