package org.divergencelab.bench;

import java.util.Arrays;

/** Wall-clock timing of repeated runs, summarised by the median (robust on shared, noisy machines). */
public final class Timing {
    private final double[] seconds;

    private Timing(double[] seconds) {
        this.seconds = seconds;
    }

    /** Runs {@code body} {@code warmup} times untimed, then {@code repeats} times timed. */
    public static Timing measure(int warmup, int repeats, ThrowingRunnable body) throws Exception {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        double[] s = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            body.run();
            s[i] = (System.nanoTime() - t0) * 1e-9;
        }
        return new Timing(s);
    }

    public double medianSeconds() {
        return median(seconds);
    }

    public double minSeconds() {
        return Arrays.stream(seconds).min().orElseThrow();
    }

    public double maxSeconds() {
        return Arrays.stream(seconds).max().orElseThrow();
    }

    public int repeats() {
        return seconds.length;
    }

    public double[] seconds() {
        return seconds.clone();
    }

    /** Median of {@code values} (mean of the middle two for an even count). */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }

    /** A body that may throw, so workloads need no try/catch around their timed code. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
