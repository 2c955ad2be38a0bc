package org.divergencelab.nn;

import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;

/**
 * An elementwise nonlinearity, usable as a {@link Layer}. Every one is differentiable twice on the tape
 * (ReLU's and LeakyReLU's derivatives are step masks, whose own derivative is zero almost everywhere).
 *
 * @param kind  which function
 * @param alpha LeakyReLU's negative slope or ELU's α; 0 for the others
 */
public record Activation(Kind kind, double alpha) implements Layer {

    /** The supported functions. */
    public enum Kind { IDENTITY, RELU, LEAKY_RELU, TANH, SIGMOID, SOFTPLUS, ELU }

    public Activation {
        if (kind == null) {
            throw new IllegalArgumentException("activation kind must not be null");
        }
        if (kind == Kind.LEAKY_RELU && !(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("LeakyReLU alpha must be in [0, 1), got " + alpha);
        }
        if (kind == Kind.ELU && !(alpha > 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("ELU alpha must be > 0 and finite, got " + alpha);
        }
    }

    public static Activation identity() {
        return new Activation(Kind.IDENTITY, 0);
    }

    public static Activation relu() {
        return new Activation(Kind.RELU, 0);
    }

    public static Activation leakyRelu(double alpha) {
        return new Activation(Kind.LEAKY_RELU, alpha);
    }

    public static Activation tanh() {
        return new Activation(Kind.TANH, 0);
    }

    public static Activation sigmoid() {
        return new Activation(Kind.SIGMOID, 0);
    }

    public static Activation softplus() {
        return new Activation(Kind.SOFTPLUS, 0);
    }

    public static Activation elu(double alpha) {
        return new Activation(Kind.ELU, alpha);
    }

    @Override
    public Var forward(Tape tape, Var x) {
        return switch (kind) {
            case IDENTITY -> x;
            case RELU -> tape.relu(x);
            case LEAKY_RELU -> tape.leakyRelu(x, alpha);
            case TANH -> tape.tanh(x);
            case SIGMOID -> tape.sigmoid(x);
            case SOFTPLUS -> tape.softplus(x);
            case ELU -> tape.elu(x, alpha);
        };
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String name() {
        return switch (kind) {
            case LEAKY_RELU, ELU -> kind.name().toLowerCase() + "(" + alpha + ")";
            default -> kind.name().toLowerCase();
        };
    }
}
