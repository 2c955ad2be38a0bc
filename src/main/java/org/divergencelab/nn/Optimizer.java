package org.divergencelab.nn;

import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Tensor;

/**
 * Updates parameters from their accumulated gradients ({@link Parameter#grad()}). Each {@link #step()}
 * first checks every gradient and parameter for NaN/Inf (one cheap pass) and throws
 * IllegalArgumentException naming the parameter, so a diverged run stops with a message instead of
 * silently filling the network with NaN.
 */
public abstract class Optimizer {
    private final List<Parameter> parameters;
    private double lr;
    private long steps;

    protected Optimizer(List<Parameter> parameters, double lr) {
        if (parameters == null || parameters.isEmpty()) {
            throw new IllegalArgumentException("optimizer needs at least one parameter, got " + parameters);
        }
        this.parameters = List.copyOf(parameters);
        this.lr = requirePositive("learning rate (lr)", lr);
    }

    /** One update of every parameter; then {@link #steps()} is one more. */
    public final void step() {
        for (Parameter p : parameters) {
            ComputeBackend be = p.value().backend();
            if (!be.allFinite(p.grad())) {
                throw new IllegalArgumentException("gradient of parameter '" + p.name() + "' contains NaN or infinite values");
            }
            if (!be.allFinite(p.value())) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' contains NaN or infinite values");
            }
        }
        stepUnchecked();
    }

    /**
     * {@link #step()} without its finiteness check, for a caller that checks once itself and can undo a bad
     * step (the GAN trainer's divergence guard checks the updated parameters and rolls back with
     * {@link #state()} and {@link #restoreSteps}): the check would otherwise read every tensor twice more.
     */
    public final void stepUnchecked() {
        steps++;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            update(i, p.value(), p.grad(), steps);
        }
    }

    /** Applies the rule to parameter {@code i} at step {@code t} (1-based). */
    protected abstract void update(int i, Tensor param, Tensor grad, long t);

    public final void zeroGrad() {
        for (Parameter p : parameters) {
            p.zeroGrad();
        }
    }

    public final List<Parameter> parameters() {
        return parameters;
    }

    public final double lr() {
        return lr;
    }

    /** Changes the learning rate from the next step on (state such as Adam's moments is kept). */
    public final void setLr(double lr) {
        this.lr = requirePositive("learning rate (lr)", lr);
    }

    /** Steps taken so far (Adam's bias correction counts them). */
    public final long steps() {
        return steps;
    }

    /**
     * Sets the step count back to {@code steps}, for a rollback that also writes {@link #state()} back to the
     * values it had after that many steps.
     */
    public final void restoreSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        this.steps = steps;
    }

    /**
     * The rule's state, live (not copied): momentum buffers, RMSProp's mean squares, Adam's first then second
     * moments, one tensor per parameter each; empty for plain SGD. A checkpoint copies these together with the
     * parameters and {@link #steps()}.
     */
    public List<Tensor> state() {
        return List.of();
    }

    protected final Tensor[] stateLike() {
        Tensor[] s = new Tensor[parameters.size()];
        for (int i = 0; i < s.length; i++) {
            Tensor v = parameters.get(i).value();
            s[i] = v.backend().allocate(v.rows(), v.cols());
        }
        return s;
    }

    static double requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, got " + v);
        }
        return v;
    }

    static double requireUnit(String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + v);
        }
        return v;
    }

    /** Plain gradient descent {@code p -= lr·g}. */
    public static Optimizer sgd(List<Parameter> params, double lr) {
        return new Sgd(params, lr);
    }

    /** SGD with momentum μ (PyTorch semantics: {@code buf = μ·buf + g; p -= lr·buf}). */
    public static Optimizer momentum(List<Parameter> params, double lr, double momentum) {
        return new Momentum(params, lr, momentum);
    }

    /** RMSProp (PyTorch semantics, α = smoothing, ε added after the square root). */
    public static Optimizer rmsProp(List<Parameter> params, double lr, double alpha, double eps) {
        return new RmsProp(params, lr, alpha, eps);
    }

    /** Adam with bias correction. */
    public static Adam adam(List<Parameter> params, double lr, double beta1, double beta2, double eps) {
        return new Adam(params, lr, beta1, beta2, eps);
    }

    static final class Sgd extends Optimizer {
        Sgd(List<Parameter> params, double lr) {
            super(params, lr);
        }

        @Override
        protected void update(int i, Tensor param, Tensor grad, long t) {
            param.backend().sgdStep(param, grad, lr());
        }
    }

    static final class Momentum extends Optimizer {
        private final double momentum;
        private final Tensor[] buf;

        Momentum(List<Parameter> params, double lr, double momentum) {
            super(params, lr);
            this.momentum = requireUnit("momentum", momentum);
            this.buf = stateLike();
        }

        @Override
        protected void update(int i, Tensor param, Tensor grad, long t) {
            if (t == 1) {
                // PyTorch starts the buffer at the first gradient: buf = g (μ·0 + g gives the same)
                param.backend().fill(buf[i], 0);
            }
            param.backend().momentumStep(param, grad, buf[i], lr(), momentum);
        }

        @Override
        public List<Tensor> state() {
            return List.of(buf);
        }
    }

    static final class RmsProp extends Optimizer {
        private final double alpha;
        private final double eps;
        private final Tensor[] sq;

        RmsProp(List<Parameter> params, double lr, double alpha, double eps) {
            super(params, lr);
            this.alpha = requireUnit("rmsprop alpha", alpha);
            this.eps = requirePositive("rmsprop eps", eps);
            this.sq = stateLike();
        }

        @Override
        protected void update(int i, Tensor param, Tensor grad, long t) {
            param.backend().rmsPropStep(param, grad, sq[i], lr(), alpha, eps);
        }

        @Override
        public List<Tensor> state() {
            return List.of(sq);
        }
    }
}
