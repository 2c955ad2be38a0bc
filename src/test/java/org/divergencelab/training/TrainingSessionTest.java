package org.divergencelab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.junit.jupiter.api.Test;

/** The worker model without any FX: exact stepping, events, live vs new-model changes, lockstep compare. */
class TrainingSessionTest {

    private static final Experiment ONE_D = Presets.get("gaussians-1d-gan");

    private static List<Object> drain(TrainingSession s) {
        List<Object> out = new ArrayList<>();
        Object e;
        while ((e = s.pollEvent()) != null) {
            out.add(e);
        }
        return out;
    }

    private static List<HistoryPoint> cheap(List<Object> events, int panel) {
        List<HistoryPoint> out = new ArrayList<>();
        for (Object o : events) {
            if (o instanceof HistoryPoint h && !h.full() && h.panel() == panel) {
                out.add(h);
            }
        }
        return out;
    }

    @Test
    void eachStepCommandIsExactlyOneStepAndMatchesATrainerRunDirectly() throws Exception {
        try (TrainingSession s = new TrainingSession()) {
            s.load(List.of(ONE_D));
            for (int i = 0; i < 5; i++) {
                s.stepIteration();
            }
            s.stepCritic();
            s.stepGenerator();
            s.awaitIdle(60_000);
            Snapshot snap = s.latest().panels().get(0).snapshot();
            assertEquals(5, snap.iteration());
            // k_D = k_G = 1: five iterations plus one extra step of each.
            assertEquals(6, snap.criticSteps());
            assertEquals(6, snap.generatorSteps());
            List<Object> events = drain(s);
            assertTrue(events.get(0) instanceof TrainingSession.Cleared);
            List<HistoryPoint> points = cheap(events, 0);
            assertEquals(5, points.size(), "one chart point per iteration");
            for (int i = 0; i < 5; i++) {
                assertEquals(i + 1, points.get(i).iteration());
            }
            // The worker ran exactly what a Trainer on this thread runs (deterministic from the seed).
            Trainer t = new Trainer(ONE_D);
            for (int i = 0; i < 5; i++) {
                t.iteration();
            }
            t.stepCritic();
            t.stepGenerator();
            assertArrayEquals(t.snapshot(false).fake(), snap.fake(), "same fakes as a direct run");
            assertEquals(t.lastCriticLoss(), snap.criticLoss());
        }
    }

    @Test
    void liveChangesKeepTheRunAndNewModelChangesStartOver() throws Exception {
        try (TrainingSession s = new TrainingSession()) {
            s.load(List.of(ONE_D));
            s.stepIteration();
            s.stepIteration();
            s.configure(List.of(ONE_D.withCriticOptimizer(ONE_D.criticOptimizer().withLr(5e-4))));
            s.awaitIdle(60_000);
            assertEquals(2, s.latest().iteration(), "a learning rate applies live");
            long gen = s.latest().generation();
            s.configure(List.of(ONE_D.withSeed(99)));
            s.awaitIdle(60_000);
            assertEquals(0, s.latest().iteration(), "a new seed needs a new model");
            assertEquals(gen + 1, s.latest().generation());
            List<Object> events = drain(s);
            assertTrue(events.stream().anyMatch(e -> e instanceof Notice n && n.key().equals("train.msg.live")));
            assertTrue(events.stream().anyMatch(e -> e instanceof Notice n && n.key().equals("train.msg.newModel")
                    && String.valueOf(n.args()[0]).contains("seed")));
        }
    }

    @Test
    void compareModeStepsBothInLockstepOnTheSameData() throws Exception {
        try (TrainingSession s = new TrainingSession()) {
            s.load(List.of(ONE_D, ObjectiveChoice.toggle(ONE_D)));
            s.stepIteration();
            s.stepIteration();
            s.stepIteration();
            s.awaitIdle(60_000);
            TrainingSession.Frame f = s.latest();
            assertEquals(2, f.panels().size());
            assertEquals(3, f.panels().get(0).snapshot().iteration());
            assertEquals(3, f.panels().get(1).snapshot().iteration());
            assertArrayEquals(f.panels().get(0).snapshot().real(), f.panels().get(1).snapshot().real());
            List<Object> events = drain(s);
            assertEquals(3, cheap(events, 0).size());
            assertEquals(3, cheap(events, 1).size());
        }
    }

    @Test
    void playingPublishesFramesAndPauseStops() throws Exception {
        try (TrainingSession s = new TrainingSession(1_000_000L)) {
            s.load(List.of(ONE_D));
            s.play();
            long deadline = System.currentTimeMillis() + 30_000;
            while (s.latest() == null || s.latest().iteration() < 20) {
                assertTrue(System.currentTimeMillis() < deadline, "20 iterations within 30 s");
                Thread.sleep(20);
            }
            s.pause();
            s.awaitIdle(60_000);
            long stopped = s.latest().iteration();
            Thread.sleep(300);
            s.awaitIdle(60_000);
            assertEquals(stopped, s.latest().iteration(), "no training after pause");
            assertTrue(!s.latest().playing());
            List<HistoryPoint> points = cheap(drain(s), 0);
            assertEquals(stopped, points.size(), "every iteration charted, even when frames were skipped");
        }
    }

    @Test
    void changingTheNumberOfExperimentsRebuildsThemInLockstep() throws Exception {
        try (TrainingSession s = new TrainingSession()) {
            s.load(List.of(ONE_D));
            s.awaitIdle(60_000);
            s.configure(List.of(ONE_D, ONE_D.withSeed(3)));
            s.awaitIdle(60_000);
            assertEquals(2, s.latest().panels().size());
            s.stepIteration();
            s.awaitIdle(60_000);
            assertNotNull(s.latest());
            assertEquals(1, s.latest().iteration());
        }
    }

    @Test
    void aReplayIsOneCommandThatEvaluatesOnlyOnTheExperimentsEveryAndAtTheEnd() throws Exception {
        try (TrainingSession s = new TrainingSession()) {
            s.load(List.of(ONE_D.withEvaluation(ONE_D.evaluation().withEvery(5))));
            s.stepIterations(12);
            s.awaitIdle(60_000);
            assertEquals(12, s.latest().iteration());
            List<Object> events = drain(s);
            assertEquals(12, cheap(events, 0).size(), "one chart point per iteration");
            List<Long> full = new ArrayList<>();
            for (Object o : events) {
                if (o instanceof HistoryPoint h && h.full()) {
                    full.add(h.iteration());
                }
            }
            // the load's frame at 0, due evaluations (multiples of 5) as the replay's pace allows, the last at 12
            assertEquals(0L, full.get(0));
            assertEquals(12L, full.get(full.size() - 1));
            for (long it : full.subList(1, full.size() - 1)) {
                assertEquals(0, it % 5, "evaluated off evaluation.every: " + full);
            }
        }
    }
}
