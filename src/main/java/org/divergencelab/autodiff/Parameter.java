package org.divergencelab.autodiff;

import org.divergencelab.compute.Tensor;

/**
 * A trainable tensor that outlives training steps: its value and its accumulated gradient are owned by
 * the parameter, not by a {@link Tape}. {@link Tape#param} puts it on a tape (once per tape step, so
 * several uses in one step share one gradient slot); {@link Tape#backward} adds into {@link #grad()}.
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor grad;

    /** Wraps {@code value} (not copied); the gradient starts at zero. */
    public Parameter(String name, Tensor value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank, got '" + name + "'");
        }
        this.name = name;
        this.value = value;
        this.grad = value.backend().allocate(value.rows(), value.cols());
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    /** The gradient accumulated by {@link Tape#backward} since the last {@link #zeroGrad()}. */
    public Tensor grad() {
        return grad;
    }

    public void zeroGrad() {
        grad.backend().fill(grad, 0);
    }

    public int rows() {
        return value.rows();
    }

    public int cols() {
        return value.cols();
    }

    @Override
    public String toString() {
        return "Parameter[" + name + " " + value.shape() + "]";
    }
}
