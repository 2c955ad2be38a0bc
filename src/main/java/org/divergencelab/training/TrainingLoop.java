package org.divergencelab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;

/**
 * The one training loop, headless and single-threaded, that both the training view's worker
 * ({@link TrainingSession}) and the {@code train} command drive: it steps one experiment (or two in lockstep,
 * compare mode), takes a full evaluation (truths, Lipschitz, modes: a full {@link Snapshot}) every
 * {@link #every()} iterations, and reports chart points, model resets and messages as {@link TrainingEvent}s to
 * its sink, in order.
 * <p>
 * A driver that must stay responsive (the view) also passes a {@link Pace}: an evaluation that is due is then
 * skipped while the last one is too recent, so evaluating never takes more than about a quarter of the time.
 * The {@code train} command passes {@link Pace#EXACT}: every K iterations, whatever it costs.
 */
public final class TrainingLoop {

    /**
     * How often a driver can afford a due evaluation: not within {@code minIntervalNanos} of the last one, and
     * not within {@code costFactor} × its cost (measured with the driver's own use of the snapshots).
     */
    public record Pace(long minIntervalNanos, int costFactor) {
        /** Every due evaluation (headless runs: the rows must not depend on the machine's speed). */
        public static final Pace EXACT = new Pace(0, 0);

        public Pace {
            if (minIntervalNanos < 0 || costFactor < 0) {
                throw new IllegalArgumentException("pace needs an interval and a cost factor >= 0, got "
                        + minIntervalNanos + " ns and " + costFactor);
            }
        }
    }

    private final Consumer<? super TrainingEvent> sink;
    private final boolean chartEveryIteration;
    private final List<Trainer> trainers = new ArrayList<>();
    private int everyOverride;
    private long generation;
    private long lastEvaluationEnd = Long.MIN_VALUE / 2;
    private long lastEvaluationCost;
    /** Single steps (Step D / Step G) taken since the iteration counter last read {@link #singleStepIteration}. */
    private long singleStepIteration = -1;
    private int singleSteps;

    /**
     * @param sink                receives every event, on the calling thread
     * @param chartEveryIteration a cheap snapshot (losses, estimate) and its chart point after every iteration
     *                            (the view's charts); off, only full evaluations are reported (the command)
     */
    public TrainingLoop(Consumer<? super TrainingEvent> sink, boolean chartEveryIteration) {
        this.sink = sink;
        this.chartEveryIteration = chartEveryIteration;
    }

    /** Evaluates every {@code k} iterations instead of the experiment's {@code evaluation.every} (CLI --every). */
    public void setEvery(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("every must be >= 1, got " + k);
        }
        everyOverride = k;
    }

    /** Iterations between full evaluations: the override, else the first experiment's {@code evaluation.every}. */
    public int every() {
        return everyOverride > 0 || trainers.isEmpty() ? Math.max(1, everyOverride)
                : trainers.get(0).experiment().evaluation().every();
    }

    /** The model generation (a load, a reset or a new model starts the next one). */
    public long generation() {
        return generation;
    }

    /** Whether no experiment is loaded. */
    public boolean isEmpty() {
        return trainers.isEmpty();
    }

    /** Completed iterations (the same for every experiment: lockstep). */
    public long iteration() {
        return trainers.isEmpty() ? 0 : trainers.get(0).iterationCount();
    }

    /** The trainers, in panel order, for the driving thread only (the command writes the final generator). */
    public List<Trainer> trainers() {
        return java.util.Collections.unmodifiableList(trainers);
    }

    /** The experiments being trained, in panel order. */
    public List<Experiment> experiments() {
        return trainers.stream().map(Trainer::experiment).toList();
    }

    // ------------------------------------------------------------------ model changes

    /** Fresh models for these experiments; a new generation. */
    public void load(List<Experiment> experiments) {
        trainers.clear();
        for (Experiment e : experiments) {
            trainers.add(new Trainer(e));
        }
        newGeneration();
    }

    /**
     * Applies changed experiments: live when every trainer survives the change ("train.msg.live"), otherwise
     * all start over in lockstep and a "train.msg.newModel" notice names what changed. Returns false when
     * nothing changed.
     */
    public boolean configure(List<Experiment> experiments) {
        if (experiments.size() != trainers.size()) {
            return changePanels(experiments);
        }
        boolean newModel = false;
        boolean changed = false;
        for (int i = 0; i < experiments.size(); i++) {
            Trainer.Change c = trainers.get(i).classify(experiments.get(i));
            newModel |= c == Trainer.Change.NEW_MODEL;
            changed |= c != Trainer.Change.NONE;
        }
        if (!changed) {
            return false;
        }
        if (newModel) {
            Experiment before = trainers.get(0).experiment();
            for (int i = 0; i < experiments.size(); i++) {
                trainers.get(i).reset(experiments.get(i));
            }
            newGeneration();
            sink.accept(new Notice("train.msg.newModel", false, ChangeDescription.of(before, experiments.get(0))));
        } else {
            for (int i = 0; i < experiments.size(); i++) {
                trainers.get(i).apply(experiments.get(i));
            }
            sink.accept(new Notice("train.msg.live", false));
        }
        return true;
    }

    /**
     * Compare mode on or off: the running first experiment keeps its model, history and iteration count (a
     * changed setting applies to it as {@link #configure} would); a twin added starts from its seed at iteration
     * 0, a twin removed is dropped. Only when the first experiment itself needs a new model does everything
     * start over.
     */
    private boolean changePanels(List<Experiment> experiments) {
        if (trainers.isEmpty() || experiments.isEmpty()
                || trainers.get(0).classify(experiments.get(0)) == Trainer.Change.NEW_MODEL) {
            load(experiments);
            sink.accept(new Notice("train.msg.newModel", false, experiments.size() == 2 ? "compare" : "single"));
            return true;
        }
        if (trainers.get(0).classify(experiments.get(0)) == Trainer.Change.LIVE) {
            trainers.get(0).apply(experiments.get(0));
        }
        while (trainers.size() > experiments.size()) {
            trainers.remove(trainers.size() - 1);
        }
        while (trainers.size() < experiments.size()) {
            trainers.add(new Trainer(experiments.get(trainers.size())));
        }
        sink.accept(new Notice(experiments.size() > 1 ? "train.msg.compareOn" : "train.msg.compareOff", false,
                iteration()));
        return true;
    }

    /** Starts every experiment over from its seed; a new generation. */
    public void reset() {
        trainers.forEach(Trainer::reset);
        newGeneration();
    }

    /** Clears a stop of the divergence guard. */
    public void resume() {
        for (Trainer t : trainers) {
            if (t.halted()) {
                t.resume();
            }
        }
    }

    private void newGeneration() {
        generation++;
        sink.accept(new TrainingSession.Cleared(generation));
    }

    // ------------------------------------------------------------------ training

    /** One critic step on every experiment, reported as a {@link StepReport} each. */
    public void stepCritic() {
        step(true);
    }

    /** One generator step on every experiment, reported as a {@link StepReport} each. */
    public void stepGenerator() {
        step(false);
    }

    /**
     * One step of one network on every experiment, with what it changed: the network's loss before and after,
     * the estimate on the fixed evaluation batch before and after (two cheap snapshots: one forward pass each),
     * and after a generator step how far the evaluation fakes moved.
     */
    private void step(boolean critic) {
        long it = iteration();
        if (it != singleStepIteration) {
            singleStepIteration = it;
            singleSteps = 0;
        }
        singleSteps++;
        for (int i = 0; i < trainers.size(); i++) {
            Trainer t = trainers.get(i);
            Snapshot before = t.snapshot(false);
            boolean ok = critic ? t.stepCritic() : t.stepGenerator();
            if (!ok) {
                sink.accept(new Notice("train.msg.halted", true, t.haltMessage() == null ? "" : t.haltMessage()));
                continue;
            }
            Snapshot after = t.snapshot(false);
            sink.accept(StepReport.of(generation, i, critic, singleSteps, before, after));
        }
    }

    /**
     * One iteration on every experiment, plus its cheap chart point when charting every iteration; false when
     * one halted (its reason goes out as a "train.msg.halted" notice; the others still did their iteration).
     */
    public boolean iterate() {
        boolean ok = true;
        for (int i = 0; i < trainers.size(); i++) {
            Trainer t = trainers.get(i);
            if (!t.iteration()) {
                ok = false;
                // The reason as a code and arguments: the view translates it (and again on a language switch).
                sink.accept(new Notice("train.msg.halted", true, t.haltMessage() == null ? "" : t.haltMessage()));
                continue;
            }
            if (chartEveryIteration) {
                sink.accept(HistoryPoint.of(generation, i, t.snapshot(false)));
            }
        }
        return ok;
    }

    /** Whether a full evaluation is due now: the iteration is a multiple of {@link #every()} and the pace allows. */
    public boolean evaluationDue(Pace pace) {
        if (iteration() % every() != 0) {
            return false;
        }
        return System.nanoTime() - lastEvaluationEnd >= Math.max(pace.minIntervalNanos(),
                pace.costFactor() * lastEvaluationCost);
    }

    /**
     * A full evaluation of every experiment: its snapshots go to {@code use} (the view computes its drawing
     * data there, counted in the evaluation's cost) after their chart points went to the sink.
     */
    public List<Snapshot> evaluate(Consumer<List<Snapshot>> use) {
        long t0 = System.nanoTime();
        List<Snapshot> out = new ArrayList<>(trainers.size());
        for (int i = 0; i < trainers.size(); i++) {
            Snapshot s = trainers.get(i).snapshot(true);
            out.add(s);
            // Truths of a full snapshot go to the charts too (the cheap points have NaN there).
            sink.accept(HistoryPoint.of(generation, i, s));
        }
        use.accept(out);
        lastEvaluationEnd = System.nanoTime();
        lastEvaluationCost = lastEvaluationEnd - t0;
        return out;
    }

    /** One iteration, evaluated when due or when it halted; false when halted. */
    public boolean advance(Pace pace, Consumer<List<Snapshot>> evaluated) {
        boolean ok = iterate();
        if (!ok || evaluationDue(pace)) {
            evaluate(evaluated);
        }
        return ok;
    }

    /** Full chart points an opening replay ({@link #replay}) aims at, however long it is. */
    public static final int REPLAY_POINTS = 25;

    /**
     * {@code n} iterations as one go (a scene's opening, a loaded state): a full evaluation, with its chart
     * point, every {@code max(every, ⌈n / REPLAY_POINTS⌉)} iterations (so the Lipschitz, modes, truth and
     * internals charts show the run from its start with about {@link #REPLAY_POINTS} points, whatever the
     * machine's speed), when one halts and after the last. {@code use} receives every evaluation; it decides
     * which become frames. Returns false when halted.
     */
    public boolean replay(long n, Consumer<List<Snapshot>> use) {
        if (n <= 0) {
            evaluate(use);
            return true;
        }
        long stride = Math.max(every(), (n + REPLAY_POINTS - 1) / REPLAY_POINTS);
        for (long i = 1; i <= n; i++) {
            boolean ok = iterate();
            if (!ok || i == n || iteration() % stride == 0) {
                evaluate(use);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code n} iterations, evaluated when due, when one halts (training stops there) and after the last (or
     * once when n = 0). Returns false when halted.
     */
    public boolean run(long n, Pace pace, Consumer<List<Snapshot>> evaluated) {
        if (n == 0) {
            evaluate(evaluated);
            return true;
        }
        for (long i = 1; i <= n; i++) {
            boolean ok = iterate();
            if (!ok || i == n || evaluationDue(pace)) {
                evaluate(evaluated);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
