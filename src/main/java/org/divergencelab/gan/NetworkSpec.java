package org.divergencelab.gan;

import java.util.List;
import java.util.Locale;

import org.divergencelab.nn.Activation;

/**
 * An MLP architecture for G or D: hidden widths, hidden activation, output activation, and whether every
 * hidden dense layer is followed by layer norm and every dense layer is spectrally normalised. Leaky ReLU
 * uses slope 0.2, ELU α = 1. The critic's output activation is applied to its raw score before the
 * objective's own link (the GAN's sigmoid is part of the objective), so it is normally {@code identity}.
 * Values are validated by {@link Experiment} (which knows whether this is {@code generator} or {@code critic}).
 */
public record NetworkSpec(List<Integer> widths, Activation.Kind activation, Activation.Kind outputActivation,
                          boolean layerNorm, boolean spectralNorm) {

    public NetworkSpec {
        if (widths == null || activation == null || outputActivation == null) {
            throw new IllegalArgumentException("network widths, activation and outputActivation must not be null");
        }
        widths = List.copyOf(widths);
    }

    /** ReLU MLP with these hidden widths, identity output, no normalisation. */
    public static NetworkSpec relu(Integer... widths) {
        return new NetworkSpec(List.of(widths), Activation.Kind.RELU, Activation.Kind.IDENTITY, false, false);
    }

    public NetworkSpec withWidths(List<Integer> w) {
        return new NetworkSpec(w, activation, outputActivation, layerNorm, spectralNorm);
    }

    public NetworkSpec withActivation(Activation.Kind a) {
        return new NetworkSpec(widths, a, outputActivation, layerNorm, spectralNorm);
    }

    public NetworkSpec withOutputActivation(Activation.Kind a) {
        return new NetworkSpec(widths, activation, a, layerNorm, spectralNorm);
    }

    public NetworkSpec withLayerNorm(boolean on) {
        return new NetworkSpec(widths, activation, outputActivation, on, spectralNorm);
    }

    public NetworkSpec withSpectralNorm(boolean on) {
        return new NetworkSpec(widths, activation, outputActivation, layerNorm, on);
    }

    /** The engine layer for an activation kind (leaky slope 0.2, ELU α 1). */
    public static Activation layerOf(Activation.Kind k) {
        return switch (k) {
            case IDENTITY -> Activation.identity();
            case RELU -> Activation.relu();
            case LEAKY_RELU -> Activation.leakyRelu(0.2);
            case TANH -> Activation.tanh();
            case SIGMOID -> Activation.sigmoid();
            case SOFTPLUS -> Activation.softplus();
            case ELU -> Activation.elu(1);
        };
    }

    /** JSON/CLI name of an activation kind ({@code leaky_relu}, ...). */
    public static String keyOf(Activation.Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    /** The activation kind named {@code s}. */
    public static Activation.Kind parseActivation(String s) {
        for (Activation.Kind k : Activation.Kind.values()) {
            if (keyOf(k).equals(s.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + s + "', allowed: " + Objective.keys(Activation.Kind.values()));
    }
}
