package org.divergencelab.nn;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;

/**
 * The WGAN-GP penalty (Gulrajani et al. 2017): {@code λ·mean_i((‖∇x D(x̂_i)‖₂ − 1)²)} at points
 * {@code x̂ = ε·real + (1−ε)·fake}, ε ~ U[0,1] per sample. The gradient ∇x D is taken with
 * {@code createGraph}, so backpropagating the penalty into the critic's parameters is exact double
 * backpropagation. At a sample where ∇x D is exactly 0 the norm's sub-gradient 0 is used (see
 * {@link Tape#rowNorm}).
 */
public final class GradientPenalty {
    private final double lambda;

    /** @param lambda the penalty weight λ ≥ 0 (0 switches the penalty off but still evaluates it) */
    public GradientPenalty(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("gradient penalty lambda must be >= 0 and finite, got " + lambda);
        }
        this.lambda = lambda;
    }

    public double lambda() {
        return lambda;
    }

    /**
     * The interpolates x̂ = ε·real + (1−ε)·fake as a fresh differentiable leaf (no gradient flows back to
     * real or fake through it). {@code eps} is batch×1.
     */
    public static Var interpolate(Tape tape, Var real, Var fake, Var eps) {
        Var mix = tape.add(tape.mulCol(real, eps), tape.mulCol(fake, tape.affine(eps, -1, 1)));
        return tape.leafOf(mix);
    }

    /** λ·mean((‖∇x̂ critic(x̂)‖ − 1)²), 1×1, differentiable in the critic's parameters. */
    public Var apply(Tape tape, Layer critic, Var xHat) {
        Var gradX = tape.grad(tape.sum(critic.forward(tape, xHat)), xHat, true);
        Var penalty = tape.mean(tape.square(tape.addScalar(tape.rowNorm(gradX), -1)));
        return tape.scale(penalty, lambda);
    }
}
