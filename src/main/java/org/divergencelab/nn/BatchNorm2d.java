package org.divergencelab.nn;

import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;

/**
 * Batch normalisation per channel for HWC image rows: each channel is normalised by the mean and biased
 * variance over the batch and all pixel positions, then scaled by γ and shifted by β (γ = 1, β = 0 at
 * start). Always uses the current batch's statistics (training mode, as in a DCGAN generator during
 * training; there are no running averages). Built from tape ops, so it is differentiable twice.
 */
public final class BatchNorm2d implements Layer {
    private final String name;
    private final int channels;
    private final Parameter gain;
    private final Parameter shift;
    private final double eps;

    public BatchNorm2d(String name, ComputeBackend backend, int channels, double eps) {
        if (channels < 1) {
            throw new IllegalArgumentException("batch norm '" + name + "': channels must be >= 1, got " + channels);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("batch norm '" + name + "': eps must be > 0, got " + eps);
        }
        this.name = name;
        this.channels = channels;
        this.eps = eps;
        this.gain = new Parameter(name + ".gamma", backend.allocate(1, channels));
        this.shift = new Parameter(name + ".beta", backend.allocate(1, channels));
        backend.fill(gain.value(), 1);
    }

    @Override
    public Var forward(Tape tape, Var x) {
        if (x.cols() % channels != 0) {
            throw new IllegalArgumentException("batch norm '" + name + "': " + x.value().shape()
                    + " is not a whole number of " + channels + "-channel pixels");
        }
        Var pixels = tape.reshape(x, x.rows() * (x.cols() / channels), channels);
        Var centred = tape.sub(pixels, tape.expand(tape.columnMeans(pixels), pixels.rows(), channels));
        Var variance = tape.columnMeans(tape.square(centred));
        Var inv = tape.reciprocal(tape.sqrt(tape.addScalar(variance, eps)));
        Var y = tape.addRow(tape.mulRow(tape.mulRow(centred, inv), tape.param(gain)), tape.param(shift));
        return tape.reshape(y, x.rows(), x.cols());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gain, shift);
    }

    @Override
    public String name() {
        return name;
    }
}
