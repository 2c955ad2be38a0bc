package org.divergencelab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Snapshot;

/**
 * Trains one experiment (or two in lockstep, compare mode) on ONE worker thread, driving the same
 * {@link TrainingLoop} as the {@code train} command. The FX thread only sends commands and reads results:
 * <ul>
 * <li>{@link TrainingCommand}s go through a queue and run in order on the worker, so "step once" is exactly one
 * step;</li>
 * <li>the newest immutable {@link Frame} (snapshots + view data) is published through an
 * {@link AtomicReference}; a reader that is slower than the worker simply skips stale frames;</li>
 * <li>chart points ({@link HistoryPoint}), model resets and messages ({@link Notice}) go through a lock-free
 * event queue, so no chart point is lost even when frames are skipped.</li>
 * </ul>
 * While playing, every iteration yields a cheap snapshot (losses, estimate: one chart point); a full snapshot
 * (critic grid, truths, read-outs) plus its {@link ViewData} is taken when the experiment's
 * {@code evaluation.every} makes one due, but at most every {@link #minFrameIntervalNanos} and never more often
 * than every 3× its own cost ({@link TrainingLoop.Pace}), so drawing data never takes more than about a quarter
 * of the worker's time. A step command always ends with a full frame.
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
    public record Cleared(long generation) implements TrainingEvent {
    }

    /** Frames during a many-iteration command (a scene's opening, a loaded state): a few a second suffice. */
    private static final long REPLAY_FRAME_NANOS = 250_000_000L;

    private final LinkedBlockingQueue<TrainingCommand> commands = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<TrainingEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Thread worker;
    private final TrainingLoop.Pace playPace;
    private volatile boolean running = true;
    private volatile double iterationsPerSecond = Double.POSITIVE_INFINITY;
    private volatile boolean playing;

    // worker-owned
    private long lastReplayFrame = Long.MIN_VALUE / 2;
    private final TrainingLoop loop = new TrainingLoop(events::add, true);

    /** A session that publishes full frames at most every 33 ms while playing. */
    public TrainingSession() {
        this(33_000_000L);
    }

    /** A session publishing full frames at most every {@code minFrameIntervalNanos} while playing. */
    public TrainingSession(long minFrameIntervalNanos) {
        this.playPace = new TrainingLoop.Pace(minFrameIntervalNanos, 3);
        worker = new Thread(this::work, "training-worker");
        worker.setDaemon(true);
        // The worker must not steal the FX thread's core: drawing first, training with what is left.
        worker.setPriority(Thread.MIN_PRIORITY);
        worker.start();
    }

    // ------------------------------------------------------------------ commands (any thread)

    /** Queues {@code c}; it runs after every command sent before it. */
    public void send(TrainingCommand c) {
        commands.add(c);
    }

    /** Starts over with these experiments (1, or 2 for compare mode): fresh models, charts cleared. */
    public void load(List<Experiment> experiments) {
        send(new TrainingCommand.Load(experiments));
    }

    /**
     * Applies changed experiments (same count as loaded): live when every trainer survives the change,
     * otherwise every trainer starts over (lockstep) and a visible "new model" notice says why.
     */
    public void configure(List<Experiment> experiments) {
        send(new TrainingCommand.Configure(experiments));
    }

    /** One critic step on every trainer. */
    public void stepCritic() {
        send(new TrainingCommand.StepCritic());
    }

    /** One generator step on every trainer. */
    public void stepGenerator() {
        send(new TrainingCommand.StepGenerator());
    }

    /** One iteration (k_D critic steps, k_G generator steps) on every trainer: one chart point each. */
    public void stepIteration() {
        send(new TrainingCommand.Iterate(1));
    }

    /**
     * {@code n} iterations as one command (a lecture scene's opening state, a loaded training state): one cheap
     * chart point each, about {@link TrainingLoop#REPLAY_POINTS} full ones from the start
     * ({@link TrainingLoop#replay}), a frame every 0.25 s (so the views show the progress) and one at the end.
     */
    public void stepIterations(long n) {
        send(new TrainingCommand.Iterate(n));
    }

    /** Starts the experiments over from their seeds. */
    public void reset() {
        send(new TrainingCommand.Reset());
    }

    /** Trains continuously (clears a stop of the divergence guard first). */
    public void play() {
        send(new TrainingCommand.Play());
    }

    /** Stops continuous training after the current iteration. */
    public void pause() {
        send(new TrainingCommand.Pause());
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
    public TrainingEvent pollEvent() {
        return events.poll();
    }

    /** Blocks until every command sent so far has run (tests, render). */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        send(new TrainingCommand.Await(done));
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

    private void work() {
        long nextIterationAt = System.nanoTime();
        while (running) {
            try {
                TrainingCommand c = playing ? commands.poll() : commands.poll(200, TimeUnit.MILLISECONDS);
                if (c != null) {
                    runSafely(c);
                    continue;
                }
                if (!playing || loop.isEmpty()) {
                    continue;
                }
                double speed = iterationsPerSecond;
                if (Double.isFinite(speed)) {
                    long wait = nextIterationAt - System.nanoTime();
                    if (wait > 0) {
                        TrainingCommand next = commands.poll(wait, TimeUnit.NANOSECONDS);
                        if (next != null) {
                            runSafely(next);
                            continue;
                        }
                    }
                    nextIterationAt = Math.max(nextIterationAt, System.nanoTime() - 1_000_000_000L)
                            + (long) (1e9 / speed);
                }
                runSafely(null);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Runs a command, or one playing iteration when {@code c} is null. */
    private void runSafely(TrainingCommand c) {
        try {
            if (c == null) {
                if (!loop.advance(playPace, this::publish)) {
                    playing = false;
                    publishFrame(latestPanels());
                }
            } else {
                run(c);
            }
        } catch (RuntimeException e) {
            // A bad command must not kill the worker: stop playing, say what happened, keep the last state.
            playing = false;
            events.add(new Notice("train.msg.error", true, String.valueOf(e.getMessage())));
            publishFrame(latestPanels());
        }
    }

    private void run(TrainingCommand c) {
        switch (c) {
            case TrainingCommand.Load l -> {
                loop.load(l.experiments());
                events.add(new Notice("train.msg.loaded", false, l.experiments().get(0).name()));
                publishFull();
            }
            case TrainingCommand.Configure cf -> {
                if (loop.configure(cf.experiments())) {
                    publishFull();
                }
            }
            case TrainingCommand.StepCritic s -> {
                loop.stepCritic();
                publishFull();
            }
            case TrainingCommand.StepGenerator s -> {
                loop.stepGenerator();
                publishFull();
            }
            case TrainingCommand.Iterate it -> {
                if (it.n() <= 1) {
                    loop.run(it.n(), TrainingLoop.Pace.EXACT, this::publish);
                } else {
                    // chart points at a fixed stride from iteration 0; frames only a few a second and at the end
                    long end = loop.iteration() + it.n();
                    loop.replay(it.n(), snaps -> {
                        if (loop.iteration() == end || System.nanoTime() - lastReplayFrame >= REPLAY_FRAME_NANOS) {
                            publish(snaps);
                            lastReplayFrame = System.nanoTime();
                        }
                    });
                }
            }
            case TrainingCommand.Reset r -> {
                loop.reset();
                events.add(new Notice("train.msg.reset", false));
                publishFull();
            }
            case TrainingCommand.Play p -> {
                loop.resume();
                playing = true;
                publishFull();
            }
            case TrainingCommand.Pause p -> {
                playing = false;
                publishFull();
            }
            case TrainingCommand.Await a -> a.done().countDown();
        }
    }

    private void publishFull() {
        loop.evaluate(this::publish);
    }

    /** Publishes the frame of a full evaluation (its view data computed here, on the worker). */
    private void publish(List<Snapshot> snapshots) {
        List<Experiment> exps = loop.experiments();
        List<PanelState> panels = new ArrayList<>(snapshots.size());
        for (int i = 0; i < snapshots.size(); i++) {
            Experiment e = exps.get(i);
            Snapshot s = snapshots.get(i);
            panels.add(new PanelState(e, s, ViewData.of(s, e.dataDistribution(), e.seed())));
        }
        publishFrame(panels);
    }

    private List<PanelState> latestPanels() {
        Frame f = latest.get();
        return f == null ? List.of() : f.panels();
    }

    private void publishFrame(List<PanelState> panels) {
        latest.set(new Frame(sequence.incrementAndGet(), loop.generation(), playing, panels));
    }
}
