package org.divergencelab.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A message of the engine (why the divergence guard stopped training, a snapshot warning) as a stable code and
 * its arguments, so a user interface shows it in its own language; {@link #english()} is the engine's own
 * wording (the CLI, logs, {@link Snapshot#warnings()}, all derived from the code and arguments).
 *
 * @param code what happened
 * @param args the values the message names, in the order {@link Code} documents (numbers as {@link Double} or
 *             {@link Long}, names as {@link String}, flags as {@link Boolean})
 */
public record EngineMessage(Code code, List<Object> args) {

    /** The kinds of engine message, with the arguments each carries. */
    public enum Code {
        /** Non-finite loss. Args: network ({@link #CRITIC} or {@link #GENERATOR}), loss value, step. */
        HALT_LOSS(3),
        /** Non-finite gradient. Args: network, parameter name, step. */
        HALT_GRADIENT(3),
        /** Parameter became non-finite after the update. Args: network, parameter name, step. */
        HALT_PARAMETER(3),
        /** W estimate more than 10× the exact W1. Args: estimate, exact W1. */
        ESTIMATE_DIVERGING(2),
        /** Non-finite estimate. Args: the estimate. */
        ESTIMATE_NON_FINITE(1),
        /** D saturated. Args: mean D(real), mean D(fake), whether the objective is minimax (gradient vanishes). */
        DISCRIMINATOR_SATURATED(3);

        private final int arity;

        Code(int arity) {
            this.arity = arity;
        }

        /** Number of arguments a message of this code carries. */
        public int arity() {
            return arity;
        }
    }

    /** Network argument of the HALT codes. */
    public static final String CRITIC = "critic";
    /** Network argument of the HALT codes. */
    public static final String GENERATOR = "generator";

    public EngineMessage {
        if (code == null) {
            throw new IllegalArgumentException("engine message code must not be null");
        }
        args = List.copyOf(args);
        if (args.size() != code.arity()) {
            throw new IllegalArgumentException("engine message " + code + " takes " + code.arity() + " arguments, got "
                    + args.size() + ": " + args);
        }
    }

    /** A message of {@code code} with {@code args}. */
    public static EngineMessage of(Code code, Object... args) {
        return new EngineMessage(code, List.of(args));
    }

    /** True for the codes of the divergence guard (training stopped and rolled back). */
    public boolean isHalt() {
        return code == Code.HALT_LOSS || code == Code.HALT_GRADIENT || code == Code.HALT_PARAMETER;
    }

    /**
     * The arguments as text, as the engine prints them: finite reals with 4 significant digits (a loss keeps
     * Java's "NaN" / "Infinity"), everything else as is. A translation fills these into its own sentence.
     */
    public List<String> formattedArgs() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            boolean raw = code == Code.HALT_LOSS || code == Code.ESTIMATE_NON_FINITE;
            out.add(a instanceof Double d && !raw ? fmt(d) : String.valueOf(a));
        }
        return out;
    }

    /** What the divergence guard adds to a halt message's sentence: the consequence. */
    public static final String ROLLED_BACK =
            "; training stopped, parameters and optimiser state rolled back to the last finite step";

    /**
     * The engine's English report of this message, as the CLI and {@link Snapshot#warnings()} show it: the
     * {@link #english()} sentence, followed for a halt by {@link #ROLLED_BACK}.
     */
    public String englishReport() {
        return isHalt() ? english() + ROLLED_BACK : english();
    }

    /** The engine's English sentence. */
    public String english() {
        List<String> a = formattedArgs();
        return switch (code) {
            case HALT_LOSS -> a.get(0) + " loss is " + a.get(1) + " at " + a.get(0) + " step " + a.get(2);
            case HALT_GRADIENT -> "gradient of " + a.get(1) + " is NaN/Inf at " + a.get(0) + " step " + a.get(2);
            case HALT_PARAMETER -> "parameter " + a.get(1) + " became NaN/Inf at " + a.get(0) + " step " + a.get(2);
            case ESTIMATE_DIVERGING -> "estimate diverging: critic estimate " + a.get(0) + " is more than 10x the "
                    + "exact W1 " + a.get(1) + " (the critic is not kept 1-Lipschitz)";
            case ESTIMATE_NON_FINITE -> "the estimate is " + a.get(0) + " (NaN/Inf critic output)";
            case DISCRIMINATOR_SATURATED -> "discriminator saturated: mean D(real) = " + a.get(0) + ", mean D(fake) = "
                    + a.get(1) + (Boolean.TRUE.equals(args.get(2)) ? "; the minimax generator gradient vanishes" : "");
        };
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
