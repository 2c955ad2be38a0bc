package org.divergencelab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.OptimizerSpec;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.junit.jupiter.api.Test;

/** The one loop: what it trains equals a Trainer run by hand; evaluations fall every K, at a halt and at the end. */
class TrainingLoopTest {

    private static final Experiment ONE_D = Presets.get("gaussians-1d-gan");

    private static List<Long> iterations(List<TrainingEvent> events, boolean full) {
        List<Long> out = new ArrayList<>();
        for (TrainingEvent e : events) {
            if (e instanceof HistoryPoint h && h.full() == full) {
                out.add(h.iteration());
            }
        }
        return out;
    }

    @Test
    void evaluatesEveryKIterationsOfTheExperimentAndAfterTheLast() {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingLoop loop = new TrainingLoop(events::add, true);
        loop.load(List.of(ONE_D.withEvaluation(ONE_D.evaluation().withEvery(4))));
        assertEquals(4, loop.every(), "the experiment's evaluation.every");
        assertTrue(loop.run(10, TrainingLoop.Pace.EXACT, s -> { }));
        assertEquals(new TrainingSession.Cleared(1), events.get(0));
        assertEquals(List.of(4L, 8L, 10L), iterations(events, true));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), iterations(events, false));
        loop.setEvery(3);
        events.clear();
        loop.run(5, TrainingLoop.Pace.EXACT, s -> { });
        assertEquals(List.of(12L, 15L), iterations(events, true), "an override (--every) counts model iterations");
    }

    @Test
    void headlessRunEqualsATrainerRunByHandAndReportsOnlyEvaluations() {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingLoop loop = new TrainingLoop(events::add, false);
        loop.setEvery(2);
        loop.load(List.of(ONE_D));
        List<Snapshot> last = new ArrayList<>();
        loop.run(5, TrainingLoop.Pace.EXACT, s -> {
            last.clear();
            last.addAll(s);
        });
        assertEquals(List.of(2L, 4L, 5L), iterations(events, true));
        assertEquals(List.of(), iterations(events, false), "no cheap points when not charting");
        Trainer t = new Trainer(ONE_D);
        for (int i = 0; i < 5; i++) {
            t.iteration();
        }
        Snapshot direct = t.snapshot(true);
        assertArrayEquals(direct.fake(), last.get(0).fake(), "same fakes as a direct run");
        HistoryPoint h = (HistoryPoint) events.get(events.size() - 1);
        assertEquals(MetricsCsv.row(HistoryPoint.of(1, 0, direct)), MetricsCsv.row(h));
    }

    @Test
    void aPaceSkipsDueEvaluationsThatComeTooSoonButNeverTheLast() {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingLoop loop = new TrainingLoop(events::add, true);
        loop.load(List.of(ONE_D));
        // an hour between evaluations: the first due one runs, then only the forced one at the end
        loop.run(6, new TrainingLoop.Pace(3_600_000_000_000L, 3), s -> { });
        assertEquals(List.of(1L, 6L), iterations(events, true));
        assertEquals(6, iterations(events, false).size(), "every iteration still charted");
    }

    @Test
    void aHaltStopsTheRunWithANoticeAndAnEvaluation() {
        // f-GAN KL with SGD at lr 10 overflows within a few steps (see TrainerTest): the guard halts it
        Experiment wild = ONE_D.withObjective(Objective.fgan(Objective.FDivergence.KL))
                .withCriticOptimizer(OptimizerSpec.sgd(10)).withGeneratorOptimizer(OptimizerSpec.sgd(10))
                .withEvaluation(ONE_D.evaluation().withEvery(1000));
        List<TrainingEvent> events = new ArrayList<>();
        TrainingLoop loop = new TrainingLoop(events::add, false);
        loop.load(List.of(wild));
        List<Snapshot> last = new ArrayList<>();
        assertFalse(loop.run(500, TrainingLoop.Pace.EXACT, last::addAll));
        assertTrue(loop.iteration() < 500);
        assertEquals(1, last.size(), "one evaluation: at the halt");
        assertTrue(last.get(0).halted());
        assertEquals(List.of(loop.iteration()), iterations(events, true));
        assertTrue(events.stream().anyMatch(e -> e instanceof Notice n && n.key().equals("train.msg.halted")));
    }
}
