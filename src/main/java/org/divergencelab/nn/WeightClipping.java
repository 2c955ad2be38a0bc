package org.divergencelab.nn;

import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.UnaryOp;

/** The original WGAN's Lipschitz constraint: after each critic update every weight is clamped to [−c, c]. */
public final class WeightClipping {
    private final double c;

    public WeightClipping(double c) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("weight clipping bound c must be > 0 and finite, got " + c);
        }
        this.c = c;
    }

    public double bound() {
        return c;
    }

    /** Clamps every element of every parameter to [−c, c] in place. */
    public void apply(List<Parameter> params) {
        for (Parameter p : params) {
            p.value().backend().map(UnaryOp.CLAMP, p.value(), -c, c, p.value());
        }
    }
}
