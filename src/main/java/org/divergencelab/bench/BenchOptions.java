package org.divergencelab.bench;

/**
 * What the caller asked of a benchmark run.
 *
 * @param repeats timed repetitions (the median is reported)
 * @param warmup  untimed repetitions first, so the JIT has compiled the hot paths
 * @param iterations work units inside one repetition (training iterations, solves); 0 means the workload's default
 * @param seed    seed of every random draw
 */
public record BenchOptions(int repeats, int warmup, int iterations, long seed) {
    public BenchOptions {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
    }

    /** {@link #iterations()} or {@code fallback} when the caller left it at 0. */
    public int iterationsOr(int fallback) {
        return iterations > 0 ? iterations : fallback;
    }
}
