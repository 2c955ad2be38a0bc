package org.divergencelab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Single steps report what they changed (checked against a Trainer stepped by hand), compare mode keeps the
 * running side, and an opening replay charts the run from its start at a fixed stride.
 */
class StepAndCompareTest {

    private static final Experiment ONE_D = Presets.get("gaussians-1d-gan");

    private static <T> List<T> of(List<TrainingEvent> events, Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (TrainingEvent e : events) {
            if (kind.isInstance(e)) {
                out.add(kind.cast(e));
            }
        }
        return out;
    }

    @Test
    void stepsReportTheirLossesEstimatesAndTheShiftOfTheFakes() {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingLoop loop = new TrainingLoop(events::add, true);
        loop.load(List.of(ONE_D));
        loop.run(3, TrainingLoop.Pace.EXACT, s -> { });
        // the same run by hand: the report's numbers are the trainer's own
        Trainer hand = new Trainer(ONE_D);
        for (int i = 0; i < 3; i++) {
            hand.iteration();
        }
        Snapshot before = hand.snapshot(false);
        hand.stepCritic();
        Snapshot afterD = hand.snapshot(false);
        hand.stepGenerator();
        Snapshot afterG = hand.snapshot(false);

        events.clear();
        loop.stepCritic();
        loop.stepGenerator();
        List<StepReport> r = of(events, StepReport.class);
        assertEquals(2, r.size());
        StepReport d = r.get(0);
        StepReport g = r.get(1);
        assertTrue(d.critic() && !g.critic());
        assertEquals(3, d.iteration());
        assertEquals(1, d.stepInIteration());
        assertEquals(2, g.stepInIteration());
        assertEquals(3.5, d.position(), 0);
        assertEquals(3 + 2 / 3.0, g.position(), 1e-15);
        assertEquals(before.criticLoss(), d.lossBefore(), 0);
        assertEquals(afterD.criticLoss(), d.lossAfter(), 0);
        assertEquals(before.estimate().value(), d.estimateBefore(), 0);
        assertEquals(afterD.estimate().value(), d.estimateAfter(), 0);
        assertEquals(0, d.meanShift(), 0, "a critic step leaves G (and the fakes) alone");
        assertEquals(afterD.generatorLoss(), g.lossBefore(), 0);
        assertEquals(afterG.generatorLoss(), g.lossAfter(), 0);
        // the mean shift, by hand: 1-D, so |x_after - x_before| averaged over the evaluation batch
        double[] a = afterD.fake();
        double[] b = afterG.fake();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(b[i] - a[i]);
        }
        assertEquals(sum / a.length, g.meanShift(), 1e-12);
        assertTrue(g.meanShift() > 0, "a generator step moves the fakes");
        // the next iteration starts a new count of single steps
        loop.iterate();
        events.clear();
        loop.stepCritic();
        assertEquals(1, of(events, StepReport.class).get(0).stepInIteration());
        assertEquals(4, of(events, StepReport.class).get(0).iteration());
    }

    @Test
    void meanShiftIsTheMeanEuclideanDistanceIn2D() {
        // (0,0)→(3,4): 5; (1,1)→(1,1): 0
        assertEquals(2.5, StepReport.meanShift(new double[] {0, 0, 1, 1}, new double[] {3, 4, 1, 1}, 2), 0);
    }

    @Test
    void compareOnAndOffKeepsTheRunningSide() {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingLoop loop = new TrainingLoop(events::add, true);
        loop.load(List.of(ONE_D));
        loop.run(7, TrainingLoop.Pace.EXACT, s -> { });
        long generation = loop.generation();
        Trainer running = loop.trainers().get(0);
        events.clear();
        assertTrue(loop.configure(List.of(ONE_D, ObjectiveChoice.toggle(ONE_D))));
        assertEquals(generation, loop.generation(), "no new model: the charts keep their points");
        assertTrue(of(events, TrainingSession.Cleared.class).isEmpty());
        assertEquals(running, loop.trainers().get(0));
        assertEquals(7, loop.trainers().get(0).iterationCount());
        assertEquals(0, loop.trainers().get(1).iterationCount(), "the twin starts from its seed");
        loop.run(2, TrainingLoop.Pace.EXACT, s -> { });
        assertEquals(9, loop.trainers().get(0).iterationCount());
        assertEquals(2, loop.trainers().get(1).iterationCount());
        assertTrue(loop.configure(List.of(ONE_D)));
        assertEquals(generation, loop.generation());
        assertEquals(1, loop.trainers().size());
        assertEquals(9, loop.iteration());
        assertTrue(of(events, Notice.class).stream().anyMatch(n -> n.key().equals("train.msg.compareOff")));
        // the running side continues exactly as if compare had never been on
        Trainer hand = new Trainer(ONE_D);
        for (int i = 0; i < 9; i++) {
            hand.iteration();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(hand.snapshot(false).fake(),
                loop.trainers().get(0).snapshot(false).fake());
    }

    @Test
    void compareWithANewModelStillStartsOver() {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingLoop loop = new TrainingLoop(events::add, true);
        loop.load(List.of(ONE_D));
        loop.run(3, TrainingLoop.Pace.EXACT, s -> { });
        long generation = loop.generation();
        Experiment reseeded = ONE_D.withSeed(ONE_D.seed() + 1);
        loop.configure(List.of(reseeded, ObjectiveChoice.toggle(reseeded)));
        assertEquals(generation + 1, loop.generation());
        assertEquals(0, loop.iteration());
    }

    @Test
    void anOpeningReplayChartsFromTheStartAtAFixedStride() {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingLoop loop = new TrainingLoop(events::add, true);
        loop.load(List.of(ONE_D));
        events.clear();
        int[] used = {0};
        assertTrue(loop.replay(100, s -> used[0]++));
        List<Long> full = new ArrayList<>();
        for (HistoryPoint h : of(events, HistoryPoint.class)) {
            if (h.full()) {
                full.add(h.iteration());
            }
        }
        // every = 1: stride ⌈100 / 25⌉ = 4 → iterations 4, 8, …, 100
        assertEquals(TrainingLoop.REPLAY_POINTS, full.size(), full.toString());
        assertEquals(4L, full.get(0));
        assertEquals(100L, full.get(full.size() - 1));
        assertEquals(full.size(), used[0]);
        assertEquals(100, of(events, HistoryPoint.class).stream().filter(h -> !h.full()).count());
    }
}
