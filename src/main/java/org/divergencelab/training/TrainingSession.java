package org.divergencelab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;

/**
 * Trains one experiment (or two in lockstep, compare mode) on ONE worker thread. The FX thread only sends
 * commands and reads results:
 * <ul>
 * <li>commands go through a queue and run in order on the worker, so "step once" is exactly one step;</li>
 * <li>the newest immutable {@link Frame} (snapshots + view data) is published through an
 * {@link AtomicReference}; a reader that is slower than the worker simply skips stale frames;</li>
 * <li>chart points ({@link HistoryPoint}), model resets and messages ({@link Notice}) go through a lock-free
 * event queue, so no chart point is lost even when frames are skipped.</li>
 * </ul>
 * While playing, every iteration yields a cheap snapshot (losses, estimate: one chart point); a full snapshot
 * (critic grid, truths, read-outs) plus its {@link ViewData} is taken at most every
 * {@link #minFrameIntervalNanos} and never more often than every 3× its own cost, so drawing data never takes
 * more than about a quarter of the worker's time.
 */
public final class TrainingSession implements AutoCloseable {

    /** Everything the views draw for one experiment. */
    public record PanelState(Experiment experiment, Snapshot snapshot, ViewData data) {
    }

    /**
     * The newest state: one panel, or two in compare mode.
     *
     * @param sequence   increases with every publication (the FX thread redraws only when it changed)
     * @param generation model generation (increases on every reset / new model)
     * @param playing    whether the worker is training continuously
     * @param panels     the experiments' states
     */
    public record Frame(long sequence, long generation, boolean playing, List<PanelState> panels) {
        public Frame {
            panels = List.copyOf(panels);
        }

        /** Completed iterations (the same for every panel: lockstep). */
        public long iteration() {
            return panels.isEmpty() ? 0 : panels.get(0).snapshot().iteration();
        }
    }

    /** Marks a model reset in the event stream: charts of this generation start empty. */
    public record Cleared(long generation) {
    }

    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Thread worker;
    private final long minFrameIntervalNanos;
    private volatile boolean running = true;
    private volatile double iterationsPerSecond = Double.POSITIVE_INFINITY;
    private volatile boolean playing;

    // worker-owned state
    private final List<Trainer> trainers = new ArrayList<>();
    private long generation;
    private long lastFullNanos;
    private long lastFullCost;

    /** A session that publishes full frames at most every 33 ms while playing. */
    public TrainingSession() {
        this(33_000_000L);
    }

    /** A session publishing full frames at most every {@code minFrameIntervalNanos} while playing. */
    public TrainingSession(long minFrameIntervalNanos) {
        this.minFrameIntervalNanos = minFrameIntervalNanos;
        worker = new Thread(this::loop, "training-worker");
        worker.setDaemon(true);
        // The worker must not steal the FX thread's core: drawing first, training with what is left.
        worker.setPriority(Thread.MIN_PRIORITY);
        worker.start();
    }

    // ------------------------------------------------------------------ commands (any thread)

    /** Starts over with these experiments (1, or 2 for compare mode): fresh models, charts cleared. */
    public void load(List<Experiment> experiments) {
        List<Experiment> copy = List.copyOf(experiments);
        if (copy.isEmpty() || copy.size() > 2) {
            throw new IllegalArgumentException("a session trains 1 or 2 experiments, got " + copy.size());
        }
        commands.add(() -> {
            trainers.clear();
            for (Experiment e : copy) {
                trainers.add(new Trainer(e));
            }
            newGeneration();
            events.add(new Notice("train.msg.loaded", false, copy.get(0).name()));
            publishFull();
        });
    }

    /**
     * Applies changed experiments (same count as loaded): live when every trainer survives the change,
     * otherwise every trainer starts over (lockstep) and a visible "new model" notice says why.
     */
    public void configure(List<Experiment> experiments) {
        List<Experiment> copy = List.copyOf(experiments);
        commands.add(() -> {
            if (copy.size() != trainers.size()) {
                trainers.clear();
                for (Experiment e : copy) {
                    trainers.add(new Trainer(e));
                }
                newGeneration();
                events.add(new Notice("train.msg.newModel", false, copy.size() == 2 ? "compare" : "single"));
                publishFull();
                return;
            }
            boolean newModel = false;
            boolean changed = false;
            for (int i = 0; i < copy.size(); i++) {
                Trainer.Change c = trainers.get(i).classify(copy.get(i));
                newModel |= c == Trainer.Change.NEW_MODEL;
                changed |= c != Trainer.Change.NONE;
            }
            if (!changed) {
                return;
            }
            if (newModel) {
                Experiment before = trainers.get(0).experiment();
                for (int i = 0; i < copy.size(); i++) {
                    trainers.get(i).reset(copy.get(i));
                }
                newGeneration();
                events.add(new Notice("train.msg.newModel", false, ChangeDescription.of(before, copy.get(0))));
            } else {
                for (int i = 0; i < copy.size(); i++) {
                    trainers.get(i).apply(copy.get(i));
                }
                events.add(new Notice("train.msg.live", false));
            }
            publishFull();
        });
    }

    /** One critic step on every trainer. */
    public void stepCritic() {
        commands.add(() -> {
            trainers.forEach(Trainer::stepCritic);
            publishFull();
        });
    }

    /** One generator step on every trainer. */
    public void stepGenerator() {
        commands.add(() -> {
            trainers.forEach(Trainer::stepGenerator);
            publishFull();
        });
    }

    /** One iteration (k_D critic steps, k_G generator steps) on every trainer: one chart point each. */
    public void stepIteration() {
        commands.add(() -> {
            iterateOnce();
            publishFull();
        });
    }

    /**
     * {@code n} iterations as one command (a lecture scene's opening state): one chart point each, a full frame
     * every 0.25 s (so the views show the progress) and one at the end.
     */
    public void stepIterations(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + n);
        }
        commands.add(() -> {
            long last = System.nanoTime();
            for (int i = 0; i < n && iterateOnce(); i++) {
                if (System.nanoTime() - last > 250_000_000L) {
                    publishFull();
                    last = System.nanoTime();
                }
            }
            publishFull();
        });
    }

    /** Starts the experiments over from their seeds. */
    public void reset() {
        commands.add(() -> {
            trainers.forEach(Trainer::reset);
            newGeneration();
            events.add(new Notice("train.msg.reset", false));
            publishFull();
        });
    }

    /** Trains continuously (clears a stop of the divergence guard first). */
    public void play() {
        commands.add(() -> {
            for (Trainer t : trainers) {
                if (t.halted()) {
                    t.resume();
                }
            }
            playing = true;
            publishFull();
        });
    }

    /** Stops continuous training after the current iteration. */
    public void pause() {
        commands.add(() -> {
            playing = false;
            publishFull();
        });
    }

    /** Iterations per second while playing; infinity = flat out. */
    public void setSpeed(double itersPerSecond) {
        if (!(itersPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be > 0 iterations/s, got " + itersPerSecond);
        }
        iterationsPerSecond = itersPerSecond;
    }

    /** Whether continuous training is on (as last set by the worker). */
    public boolean isPlaying() {
        return playing;
    }

    /** The newest frame (null before the first). */
    public Frame latest() {
        return latest.get();
    }

    /** Takes the next event (HistoryPoint, Cleared or Notice), or null when none is waiting. */
    public Object pollEvent() {
        return events.poll();
    }

    /** Blocks until every command sent so far has run (tests, render). */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        commands.add(done::countDown);
        if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("training worker did not finish its commands in " + timeoutMillis + " ms");
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }

    // ------------------------------------------------------------------ worker

    private void loop() {
        long nextIterationAt = System.nanoTime();
        while (running) {
            try {
                Runnable c = playing ? commands.poll() : commands.poll(200, TimeUnit.MILLISECONDS);
                if (c != null) {
                    runSafely(c);
                    continue;
                }
                if (!playing || trainers.isEmpty()) {
                    continue;
                }
                double speed = iterationsPerSecond;
                if (Double.isFinite(speed)) {
                    long wait = nextIterationAt - System.nanoTime();
                    if (wait > 0) {
                        Runnable next = commands.poll(wait, TimeUnit.NANOSECONDS);
                        if (next != null) {
                            runSafely(next);
                            continue;
                        }
                    }
                    nextIterationAt = Math.max(nextIterationAt, System.nanoTime() - 1_000_000_000L)
                            + (long) (1e9 / speed);
                }
                runSafely(() -> {
                    boolean ok = iterateOnce();
                    long now = System.nanoTime();
                    if (!ok) {
                        playing = false;
                        publishFull();
                    } else if (now - lastFullNanos >= Math.max(minFrameIntervalNanos, 3 * lastFullCost)) {
                        publishFull();
                    }
                });
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // A bad command must not kill the worker: stop playing, say what happened, keep the last state.
            playing = false;
            events.add(new Notice("train.msg.error", true, String.valueOf(e.getMessage())));
            publishFrame(latestPanels());
        }
    }

    /** One iteration on every trainer plus a cheap chart point each; false when a trainer halted. */
    private boolean iterateOnce() {
        boolean ok = true;
        for (int i = 0; i < trainers.size(); i++) {
            Trainer t = trainers.get(i);
            if (!t.iteration()) {
                ok = false;
                // The reason as a code and arguments: the view translates it (and again on a language switch).
                events.add(new Notice("train.msg.halted", true, t.haltMessage() == null ? "" : t.haltMessage()));
                continue;
            }
            events.add(HistoryPoint.of(generation, i, t.snapshot(false)));
        }
        return ok;
    }

    private void newGeneration() {
        generation++;
        events.add(new Cleared(generation));
    }

    private void publishFull() {
        long t0 = System.nanoTime();
        List<PanelState> panels = new ArrayList<>(trainers.size());
        for (int i = 0; i < trainers.size(); i++) {
            Trainer t = trainers.get(i);
            Snapshot s = t.snapshot(true);
            panels.add(new PanelState(t.experiment(), s, ViewData.of(s, t.experiment().dataDistribution(), t.experiment().seed())));
            // Truths of a full snapshot go to the charts too (the cheap points have NaN there).
            events.add(HistoryPoint.of(generation, i, s));
        }
        long t1 = System.nanoTime();
        lastFullNanos = t1;
        lastFullCost = t1 - t0;
        publishFrame(panels);
    }

    private List<PanelState> latestPanels() {
        Frame f = latest.get();
        return f == null ? List.of() : f.panels();
    }

    private void publishFrame(List<PanelState> panels) {
        latest.set(new Frame(sequence.incrementAndGet(), generation, playing, panels));
    }
}
