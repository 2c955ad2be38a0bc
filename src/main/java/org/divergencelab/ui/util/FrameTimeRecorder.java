package org.divergencelab.ui.util;

import java.util.Arrays;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Measures the time between consecutive JavaFX pulses with an {@link AnimationTimer}: if anything on the FX
 * thread (drawing, layout, a slow handler) takes too long, pulses come late and the intervals grow. Keeps
 * the last {@code window} intervals and reports their median and 99th percentile; 60 fps means a p99 of
 * about 16.7 ms.
 *
 * <p>Only the FX thread touches it (the timer and the {@link #statsProperty()} both live there).
 */
public final class FrameTimeRecorder {

    /** Frame-time summary over the recorder's window. */
    public record Stats(int frames, double p50Millis, double p99Millis, double maxMillis) {

        /** Frames per second implied by the median interval (0 when no frames). */
        public double fps() {
            return p50Millis > 0 ? 1000 / p50Millis : 0;
        }
    }

    private final long[] intervals;
    private final int publishEvery;
    private int count;
    private int next;
    private long lastPulse;
    private long sincePublish;
    private final ReadOnlyObjectWrapper<Stats> stats = new ReadOnlyObjectWrapper<>(this, "stats",
            new Stats(0, 0, 0, 0));
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onPulse(now);
        }
    };

    /** Keeps the last 600 intervals (10 s at 60 fps) and publishes stats every 30 frames. */
    public FrameTimeRecorder() {
        this(600, 30);
    }

    /**
     * @param window       intervals kept
     * @param publishEvery frames between updates of {@link #statsProperty()}
     */
    public FrameTimeRecorder(int window, int publishEvery) {
        if (window < 2 || publishEvery < 1) {
            throw new IllegalArgumentException("window must be >= 2 and publishEvery >= 1, got " + window + ", "
                    + publishEvery);
        }
        intervals = new long[window];
        this.publishEvery = publishEvery;
    }

    /** Starts listening to pulses. */
    public void start() {
        FxThread.run(() -> {
            lastPulse = 0;
            timer.start();
        });
    }

    /** Stops listening. */
    public void stop() {
        FxThread.run(timer::stop);
    }

    /** Forgets all intervals. */
    public void reset() {
        count = 0;
        next = 0;
        lastPulse = 0;
        stats.set(new Stats(0, 0, 0, 0));
    }

    /** One pulse at time {@code nowNanos} (the AnimationTimer's timestamp); public for tests and replays. */
    public void onPulse(long nowNanos) {
        if (lastPulse != 0) {
            record(nowNanos - lastPulse);
        }
        lastPulse = nowNanos;
    }

    /** Records one frame interval. */
    public void record(long intervalNanos) {
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("frame interval must be >= 0 ns, got " + intervalNanos);
        }
        intervals[next] = intervalNanos;
        next = (next + 1) % intervals.length;
        count = Math.min(count + 1, intervals.length);
        if (++sincePublish >= publishEvery) {
            sincePublish = 0;
            stats.set(compute());
        }
    }

    /** Summary of the intervals now in the window. */
    public Stats compute() {
        if (count == 0) {
            return new Stats(0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(count == intervals.length ? intervals : Arrays.copyOf(intervals, count), count);
        Arrays.sort(sorted);
        return new Stats(count, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
                sorted[count - 1] / 1e6);
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least q of the data at or below. */
    static double percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Latest published summary (updated every {@code publishEvery} frames). */
    public ReadOnlyObjectProperty<Stats> statsProperty() {
        return stats.getReadOnlyProperty();
    }
}
