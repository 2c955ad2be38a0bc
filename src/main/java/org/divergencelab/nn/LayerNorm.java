package org.divergencelab.nn;

import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;

/**
 * Layer normalisation over each sample's features: {@code y = γ ⊙ (x − μ)/√(σ² + ε) + β} with μ, σ² the
 * mean and (biased) variance of the row; γ starts at 1, β at 0. Built from tape ops, so it is
 * differentiable twice like everything else.
 */
public final class LayerNorm implements Layer {
    private final String name;
    private final Parameter gain;
    private final Parameter shift;
    private final double eps;

    public LayerNorm(String name, ComputeBackend backend, int features, double eps) {
        if (features < 1) {
            throw new IllegalArgumentException("layer norm '" + name + "': features must be >= 1, got " + features);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("layer norm '" + name + "': eps must be > 0, got " + eps);
        }
        this.name = name;
        this.eps = eps;
        this.gain = new Parameter(name + ".gamma", backend.allocate(1, features));
        this.shift = new Parameter(name + ".beta", backend.allocate(1, features));
        backend.fill(gain.value(), 1);
    }

    @Override
    public Var forward(Tape tape, Var x) {
        if (x.cols() != gain.cols()) {
            throw new IllegalArgumentException("layer norm '" + name + "' expects " + gain.cols()
                    + " columns, got " + x.value().shape());
        }
        Var centred = tape.subCol(x, tape.rowMeans(x));
        Var variance = tape.rowMeans(tape.square(centred));
        Var inv = tape.reciprocal(tape.sqrt(tape.addScalar(variance, eps)));
        Var normed = tape.mulCol(centred, inv);
        return tape.addRow(tape.mulRow(normed, tape.param(gain)), tape.param(shift));
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
