package org.divergencelab.gan;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A view of one stream that hands out exactly its draws and remembers the uniform ones, for a
 * {@link BatchRecorder}: the penalties draw their ε through {@code fillUniform(0, 1)}, which stores
 * {@code nextDouble()} at the backend's precision.
 */
final class RecordingRandom implements RandomGenerator {
    private final SplittableRandom delegate;
    private double[] uniforms = new double[64];
    private int count;

    RecordingRandom(SplittableRandom delegate) {
        this.delegate = delegate;
    }

    @Override
    public long nextLong() {
        return delegate.nextLong();
    }

    @Override
    public int nextInt() {
        return delegate.nextInt();
    }

    @Override
    public double nextGaussian() {
        return delegate.nextGaussian();
    }

    @Override
    public double nextDouble() {
        double u = delegate.nextDouble();
        if (count == uniforms.length) {
            uniforms = Arrays.copyOf(uniforms, 2 * count);
        }
        uniforms[count++] = u;
        return u;
    }

    /** The uniform draws so far, in draw order. */
    double[] uniforms() {
        return Arrays.copyOf(uniforms, count);
    }
}
