package org.divergencelab.training;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Objective;

/**
 * The controls' view of an objective: a family (what D/G minimise) and a Lipschitz method (how the critic is
 * kept in check). Maps both ways to the engine's {@link Objective} and implements the JS ↔ W toggle, which
 * keeps data, seed and architecture and swaps only the objective.
 */
public final class ObjectiveChoice {
    private ObjectiveChoice() {
    }

    /** What the networks minimise. */
    public enum Family {
        NON_SATURATING, MINIMAX, LSGAN, WASSERSTEIN,
        /** EBGAN: D an auto-encoder, its reconstruction error the energy (a GAN-family choice: no clipping or penalty). */
        EBGAN;

        /** Bundle key of the display name. */
        public String key() {
            return "train.family." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How the critic's Lipschitz constant is controlled. */
    public enum Lipschitz {
        NONE, CLIP, GRADIENT_PENALTY, FINITE_DIFFERENCE, SPECTRAL_NORM;

        /** Bundle key of the display name. */
        public String key() {
            return "train.lipschitz." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The family of an objective. */
    public static Family familyOf(Objective o) {
        return switch (o.kind()) {
            case MINIMAX -> Family.MINIMAX;
            case LSGAN -> Family.LSGAN;
            case EBGAN -> Family.EBGAN;
            case WGAN_CLIP, WGAN_GP, WGAN_FD, WGAN_SN, LINEAR_CRITIC -> Family.WASSERSTEIN;
            default -> Family.NON_SATURATING;
        };
    }

    /** The Lipschitz method of an experiment (spectral norm of a GAN critic is its network flag). */
    public static Lipschitz lipschitzOf(Experiment e) {
        return switch (e.objective().kind()) {
            case WGAN_CLIP -> Lipschitz.CLIP;
            case WGAN_GP -> Lipschitz.GRADIENT_PENALTY;
            case WGAN_FD -> Lipschitz.FINITE_DIFFERENCE;
            case WGAN_SN -> Lipschitz.SPECTRAL_NORM;
            default -> e.critic().spectralNorm() ? Lipschitz.SPECTRAL_NORM : Lipschitz.NONE;
        };
    }

    /**
     * The experiment with this family and method (λ and c from the fields). The GAN family's spectral norm is
     * the critic network's flag; the WGAN family's is the {@code wgan-sn} objective. λ and c are checked by
     * {@link Objective} itself.
     *
     * @throws IllegalArgumentException for a combination the engine does not train: a Wasserstein critic with
     *                                  no constraint, or clipping / a penalty on a GAN discriminator
     */
    public static Experiment apply(Experiment e, Family f, Lipschitz l, double lambda, double clip) {
        Objective base = e.objective().withLambda(lambda).withClip(clip);
        if (f == Family.WASSERSTEIN) {
            Objective.Kind k = switch (l) {
                case NONE -> throw new IllegalArgumentException("the Wasserstein objective needs a Lipschitz constraint "
                        + "(weight clipping, gradient penalty, finite-difference penalty or spectral norm), got none");
                case CLIP -> Objective.Kind.WGAN_CLIP;
                case GRADIENT_PENALTY -> Objective.Kind.WGAN_GP;
                case FINITE_DIFFERENCE -> Objective.Kind.WGAN_FD;
                case SPECTRAL_NORM -> Objective.Kind.WGAN_SN;
            };
            // The critic network's own spectral-norm flag belongs to the GAN family's choice; wgan-sn normalises itself.
            return e.withObjective(base.withKind(k)).withCritic(e.critic().withSpectralNorm(false));
        }
        if (l == Lipschitz.CLIP || l == Lipschitz.GRADIENT_PENALTY || l == Lipschitz.FINITE_DIFFERENCE) {
            throw new IllegalArgumentException("weight clipping and gradient penalties belong to the Wasserstein "
                    + "objective; for a GAN discriminator choose none or spectral norm");
        }
        Objective.Kind k = switch (f) {
            case MINIMAX -> Objective.Kind.MINIMAX;
            case LSGAN -> Objective.Kind.LSGAN;
            case EBGAN -> Objective.Kind.EBGAN;
            default -> Objective.Kind.NON_SATURATING;
        };
        return e.withObjective(base.withKind(k)).withCritic(e.critic().withSpectralNorm(l == Lipschitz.SPECTRAL_NORM));
    }

    /**
     * The JS ↔ W toggle: a JS-type objective becomes WGAN-GP (keeping λ), a Wasserstein one becomes the
     * non-saturating GAN. Only the objective changes: data, seed, architectures, optimisers, k and batch stay.
     */
    public static Experiment toggle(Experiment e) {
        Objective o = e.objective();
        Objective next = o.kind().isWasserstein() ? o.withKind(Objective.Kind.NON_SATURATING)
                : o.withKind(Objective.Kind.WGAN_GP);
        return e.withObjective(next);
    }
}
