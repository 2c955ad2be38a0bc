package org.divergencelab.gan;

import java.util.Locale;

/**
 * One network's optimiser (PyTorch update rules, see {@code nn.Optimizer}): kind, learning rate, Adam's
 * β1, β2, ε (ε is also RMSProp's), momentum of SGD-with-momentum, and RMSProp's smoothing α. Fields a kind
 * does not use are kept but ignored. Values are validated by {@link Experiment}.
 */
public record OptimizerSpec(Kind kind, double lr, double beta1, double beta2, double eps, double momentum, double alpha) {

    /** Optimiser kinds. */
    public enum Kind {
        SGD, MOMENTUM, RMSPROP, ADAM;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.key().equals(s.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown optimizer '" + s + "', allowed: sgd, momentum, rmsprop, adam");
        }
    }

    public OptimizerSpec {
        if (kind == null) {
            throw new IllegalArgumentException("optimizer kind must not be null");
        }
    }

    public static OptimizerSpec adam(double lr, double beta1, double beta2) {
        return new OptimizerSpec(Kind.ADAM, lr, beta1, beta2, 1e-8, 0, 0.99);
    }

    /** RMSProp with α = 0.99, ε = 1e-8 (PyTorch's defaults, which the WGAN reference code used). */
    public static OptimizerSpec rmsProp(double lr) {
        return new OptimizerSpec(Kind.RMSPROP, lr, 0.9, 0.999, 1e-8, 0, 0.99);
    }

    public static OptimizerSpec sgd(double lr) {
        return new OptimizerSpec(Kind.SGD, lr, 0.9, 0.999, 1e-8, 0, 0.99);
    }

    public static OptimizerSpec momentum(double lr, double momentum) {
        return new OptimizerSpec(Kind.MOMENTUM, lr, 0.9, 0.999, 1e-8, momentum, 0.99);
    }

    public OptimizerSpec withLr(double v) {
        return new OptimizerSpec(kind, v, beta1, beta2, eps, momentum, alpha);
    }

    public OptimizerSpec withKind(Kind k) {
        return new OptimizerSpec(k, lr, beta1, beta2, eps, momentum, alpha);
    }

    public OptimizerSpec withBetas(double b1, double b2) {
        return new OptimizerSpec(kind, lr, b1, b2, eps, momentum, alpha);
    }

    public OptimizerSpec withMomentum(double m) {
        return new OptimizerSpec(kind, lr, beta1, beta2, eps, m, alpha);
    }

    /** True when only the learning rate differs (applied live without touching optimiser state). */
    boolean sameExceptLr(OptimizerSpec o) {
        return kind == o.kind && beta1 == o.beta1 && beta2 == o.beta2 && eps == o.eps && momentum == o.momentum
                && alpha == o.alpha;
    }
}
