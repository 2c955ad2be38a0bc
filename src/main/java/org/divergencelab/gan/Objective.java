package org.divergencelab.gan;

import java.util.Locale;

/**
 * A GAN objective and its parameters: which losses D (or the critic) and G minimise, which constraint keeps
 * the critic Lipschitz, and which divergence the critic's value estimates. Immutable; build with the
 * factories ({@link #wganGp(double)}, {@link #fgan(FDivergence)}, ...). Parameters that a kind does not use
 * are kept (so toggling kinds in the UI does not lose λ or c) but ignored.
 *
 * @param kind       the objective
 * @param lambda     penalty weight λ in [0, 1e6] of {@link Kind#WGAN_GP} and {@link Kind#WGAN_FD}
 * @param clip       weight-clipping bound c in (0, 100] of {@link Kind#WGAN_CLIP}
 * @param divergence the f-divergence of {@link Kind#F_GAN}
 * @param margin     EBGAN's margin m in (0, 1e6] of {@link Kind#EBGAN}: fakes whose energy is below m are pushed up
 */
public record Objective(Kind kind, double lambda, double clip, FDivergence divergence, double margin) {

    /** Default λ of WGAN-GP (Gulrajani et al. 2017). */
    public static final double DEFAULT_LAMBDA = 10;
    /** Default clipping bound c of WGAN (Arjovsky et al. 2017). */
    public static final double DEFAULT_CLIP = 0.01;
    /** Largest allowed λ. */
    public static final double MAX_LAMBDA = 1e6;
    /** Largest allowed clipping bound c. */
    public static final double MAX_CLIP = 100;
    /**
     * Default EBGAN margin m: about the energy of a point one ring radius away from the 8-ring's reconstruction
     * (data scale 2 ⇒ squared errors of order 1), so fakes far from the data sit at the margin.
     */
    public static final double DEFAULT_MARGIN = 1;
    /** Largest allowed margin. */
    public static final double MAX_MARGIN = 1e6;

    /** The objectives of the lecture. */
    public enum Kind {
        /** Original GAN, G minimises E log(1 − D(G(z))); estimate JS = V/2 + log 2. */
        MINIMAX("minimax"),
        /** Original D loss, G minimises −E log D(G(z)) (the practical variant); estimate JS = V/2 + log 2. */
        NON_SATURATING("non-saturating"),
        /** Least squares GAN with 0-1 coding; estimate the triangular discrimination 2 − 8·L_D. */
        LSGAN("lsgan"),
        /** WGAN with weight clipping to [−c, c]; estimate W1 = E_real f − E_fake f. */
        WGAN_CLIP("wgan-clip"),
        /** WGAN with the gradient penalty (exact double backprop) at x̂ = εx_r + (1 − ε)x_g. */
        WGAN_GP("wgan-gp"),
        /** WGAN with the lecture's finite-difference penalty (INVENTORY G4, formula 10). */
        WGAN_FD("wgan-fd"),
        /** WGAN with spectral normalisation of every critic layer. */
        WGAN_SN("wgan-sn"),
        /** f-GAN (Nowozin et al. 2016) with its variational lower bound on an f-divergence. */
        F_GAN("f-gan"),
        /** A linear critic with the WGAN loss and no constraint: the estimate runs away. */
        LINEAR_CRITIC("linear-critic"),
        /**
         * Energy-based GAN (Zhao et al. 2016; lecture 004): D is an auto-encoder, its energy the mean squared
         * reconstruction error; L_D = E_r D + E_g max(0, m − D), L_G = E_g D.
         */
        EBGAN("ebgan");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The name used in JSON and on the command line. */
        public String key() {
            return key;
        }

        /** The kind named {@code key} (see {@link #key()}). */
        public static Kind parse(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown objective '" + key + "', allowed: " + keys(values()));
        }

        /** True for the WGAN family whose critic value estimates W1. */
        public boolean isWasserstein() {
            return this == WGAN_CLIP || this == WGAN_GP || this == WGAN_FD || this == WGAN_SN || this == LINEAR_CRITIC;
        }
    }

    /** The f-divergences of f-GAN; each estimates the ground-truth divergence of the same name. */
    public enum FDivergence {
        KL("kl", "KL(P_data || P_G)"),
        REVERSE_KL("reverse-kl", "KL(P_G || P_data)"),
        PEARSON("pearson", "Pearson chi2(P_data || P_G)"),
        HELLINGER("hellinger", "squared Hellinger H2(P_data, P_G)"),
        JS("js", "JS(P_data, P_G)");

        private final String key;
        private final String label;

        FDivergence(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        /** What is estimated, for labels. */
        public String label() {
            return label;
        }

        public static FDivergence parse(String key) {
            for (FDivergence k : values()) {
                if (k.key.equals(key.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown f-divergence '" + key + "', allowed: " + keys(values()));
        }
    }

    public Objective {
        if (kind == null) {
            throw new IllegalArgumentException("objective.kind must not be null");
        }
        if (divergence == null) {
            throw new IllegalArgumentException("objective.divergence must not be null");
        }
        // The one check of λ and c: every experiment, file, control and --set builds its objective here.
        if (!(lambda >= 0 && lambda <= MAX_LAMBDA)) {
            throw new IllegalArgumentException("objective.lambda must be a number >= 0 and <= " + MAX_LAMBDA + ", got " + lambda);
        }
        if (!(clip > 0 && clip <= MAX_CLIP)) {
            throw new IllegalArgumentException("objective.clip must be a number > 0 and <= " + MAX_CLIP + ", got " + clip);
        }
        if (!(margin > 0 && margin <= MAX_MARGIN)) {
            throw new IllegalArgumentException("objective.margin must be a number > 0 and <= " + MAX_MARGIN + ", got " + margin);
        }
    }

    /** An objective with the default margin (every kind but EBGAN ignores it). */
    public Objective(Kind kind, double lambda, double clip, FDivergence divergence) {
        this(kind, lambda, clip, divergence, DEFAULT_MARGIN);
    }

    private static Objective of(Kind k) {
        return new Objective(k, DEFAULT_LAMBDA, DEFAULT_CLIP, FDivergence.JS);
    }

    public static Objective minimax() {
        return of(Kind.MINIMAX);
    }

    public static Objective nonSaturating() {
        return of(Kind.NON_SATURATING);
    }

    public static Objective lsgan() {
        return of(Kind.LSGAN);
    }

    public static Objective wganClip(double c) {
        return new Objective(Kind.WGAN_CLIP, DEFAULT_LAMBDA, c, FDivergence.JS);
    }

    public static Objective wganGp(double lambda) {
        return new Objective(Kind.WGAN_GP, lambda, DEFAULT_CLIP, FDivergence.JS);
    }

    public static Objective wganFd(double lambda) {
        return new Objective(Kind.WGAN_FD, lambda, DEFAULT_CLIP, FDivergence.JS);
    }

    public static Objective wganSn() {
        return of(Kind.WGAN_SN);
    }

    public static Objective fgan(FDivergence f) {
        return new Objective(Kind.F_GAN, DEFAULT_LAMBDA, DEFAULT_CLIP, f);
    }

    public static Objective linearCritic() {
        return of(Kind.LINEAR_CRITIC);
    }

    /** EBGAN with margin m. */
    public static Objective ebgan(double m) {
        return new Objective(Kind.EBGAN, DEFAULT_LAMBDA, DEFAULT_CLIP, FDivergence.JS, m);
    }

    public Objective withKind(Kind k) {
        return new Objective(k, lambda, clip, divergence, margin);
    }

    public Objective withLambda(double l) {
        return new Objective(kind, l, clip, divergence, margin);
    }

    public Objective withClip(double c) {
        return new Objective(kind, lambda, c, divergence, margin);
    }

    public Objective withDivergence(FDivergence f) {
        return new Objective(kind, lambda, clip, f, margin);
    }

    public Objective withMargin(double m) {
        return new Objective(kind, lambda, clip, divergence, m);
    }

    /** The divergence the critic's value estimates (name for labels, kind for lookups). */
    public Estimated estimated() {
        return switch (kind) {
            case MINIMAX, NON_SATURATING -> Estimated.JS;
            case LSGAN -> Estimated.TRIANGULAR;
            case WGAN_CLIP, WGAN_GP, WGAN_FD, WGAN_SN, LINEAR_CRITIC -> Estimated.W1;
            case EBGAN -> Estimated.TV;
            case F_GAN -> switch (divergence) {
                case KL -> Estimated.KL;
                case REVERSE_KL -> Estimated.REVERSE_KL;
                case PEARSON -> Estimated.PEARSON;
                case HELLINGER -> Estimated.HELLINGER;
                case JS -> Estimated.JS;
            };
        };
    }

    /** A divergence some objective estimates. All in nats. */
    public enum Estimated {
        JS("JS"), W1("W1"), KL("KL"), REVERSE_KL("reverse KL"), PEARSON("Pearson chi2"),
        HELLINGER("squared Hellinger"), TRIANGULAR("triangular discrimination"), TV("total variation");

        private final String label;

        Estimated(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A one-line description, e.g. {@code wgan-gp(lambda=10.0)}. */
    public String describe() {
        return switch (kind) {
            case WGAN_GP, WGAN_FD -> kind.key() + "(lambda=" + lambda + ")";
            case WGAN_CLIP -> kind.key() + "(c=" + clip + ")";
            case EBGAN -> kind.key() + "(m=" + margin + ")";
            case F_GAN -> kind.key() + "(" + divergence.key() + ")";
            default -> kind.key();
        };
    }

    static String keys(Enum<?>[] values) {
        StringBuilder sb = new StringBuilder();
        for (Enum<?> v : values) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(v instanceof Kind k ? k.key() : v instanceof FDivergence f ? f.key() : v.name().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
