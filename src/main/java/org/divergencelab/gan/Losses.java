package org.divergencelab.gan;

import java.util.random.RandomGenerator;

import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.nn.GradientPenalty;
import org.divergencelab.nn.Layer;

/**
 * The losses of every {@link Objective}, written on the tape, and the divergence estimate each critic value
 * gives. The critic always outputs a raw score s(x) (one column); the objective applies its own link:
 * <ul>
 * <li>GAN (minimax / non-saturating): D = σ(s). L_D = −V with V = E_r log D + E_g log(1 − D) written as
 *     softplus of the logits (stable). G: minimax E log(1 − D(G(z))) = −E softplus(s); non-saturating
 *     −E log D(G(z)) = E softplus(−s). Estimate JS ≈ V/2 + log 2 (max_D V = 2·JS − 2 log 2).</li>
 * <li>LSGAN (0-1 coding): L_D = ½E_r(s − 1)² + ½E_g s², L_G = ½E_g(s − 1)². At the optimum D* = p/(p + q),
 *     L_D* = ½∫pq/(p + q) = (2 − Δ)/8 with Δ = ∫(p − q)²/(p + q) the triangular discrimination, so the
 *     estimate is Δ ≈ 2 − 8·L_D (in [0, 2]).</li>
 * <li>WGAN family: L_D = E_g s − E_r s (+ the constraint's penalty), L_G = −E_g s, estimate
 *     W1 ≈ E_r s − E_g s. GP: λ·E(‖∇s(x̂)‖ − 1)², x̂ = εx_r + (1 − ε)x_g, exact double backprop
 *     ({@link GradientPenalty}). FD (the lecture's formula 10): λ·E((|s(x1) − s(x2)|/‖x1 − x2‖ − 1)²) with
 *     x1, x2 two independent draws of x̂ (the second interpolate batch rotated by one row, so pairs come from
 *     different real/fake pairs).</li>
 * <li>f-GAN (Nowozin et al. 2016, table 2): T = g_f(s), V = E_r T − E_g f*(T), L_D = −V, L_G = −E_g f*(T)
 *     (G minimises V). KL: T = s, f*(T) = e^(T−1); reverse KL: T = −e^(−s), f*(T) = −1 − log(−T) = s − 1;
 *     Pearson χ²: T = s, f*(T) = T²/4 + T; squared Hellinger f(u) = (√u − 1)²: T = 1 − e^(−s),
 *     f*(T) = T/(1 − T) = e^s − 1; JS f(u) = u log u − (u + 1) log((u + 1)/2): T = log 2 − softplus(−s),
 *     f*(T) = −log(2 − e^T) = softplus(s) − log 2. V is a lower bound on D_f(P_data‖P_G) = ∫ q f(p/q); the
 *     Hellinger and JS f's are twice the ground truth's ½-normalised versions, so those estimates are V/2.</li>
 * <li>EBGAN (Zhao et al. 2016): the critic is an auto-encoder whose raw score is its energy D(x) = ‖x − AE(x)‖²/d ≥ 0
 *     ({@code nn.Mlp.Builder#energy}). L_D = E_r D + E_g max(0, m − D), L_G = E_g D. For fixed G the pointwise
 *     minimum of p·D + q·max(0, m − D) over D ≥ 0 is m·min(p, q) (at D = 0 where p &gt; q, D ≥ m where q &gt; p;
 *     Zhao et al., Lemma 1), so min_D L_D = m(1 − TV(P_data, P_G)) and the estimate TV ≈ 1 − L_D/m is a lower
 *     bound on the total variation ½∫|p − q|.</li>
 * </ul>
 */
public final class Losses {
    private static final double LOG2 = Math.log(2);

    private Losses() {
    }

    /**
     * The critic's loss on a batch of real and fake points (same number of rows), penalties included;
     * differentiable in the critic's parameters. Interpolation weights ε come from {@code rng}.
     */
    public static Var criticLoss(Tape t, Objective o, Layer critic, Var real, Var fake, RandomGenerator rng) {
        int n = real.rows();
        if (fake.rows() != n || fake.cols() != real.cols()) {
            throw new IllegalArgumentException("real and fake batches differ in shape: " + real.rows() + "x" + real.cols()
                    + " vs " + fake.rows() + "x" + fake.cols());
        }
        // D(real) and D(fake) as one batch: one forward, larger products
        return criticLoss(t, o, critic, real, fake, critic.forward(t, t.concatRows(real, fake)), rng);
    }

    /**
     * As {@link #criticLoss(Tape, Objective, Layer, Var, Var, RandomGenerator)}, for a caller that already has
     * {@code scores} = critic(concatRows(real, fake)) on this tape (to read E[f] off them, say).
     */
    public static Var criticLoss(Tape t, Objective o, Layer critic, Var real, Var fake, Var scores, RandomGenerator rng) {
        int n = real.rows();
        if (scores.rows() != 2 * n || scores.cols() != 1) {
            throw new IllegalArgumentException("scores must be the critic's " + (2 * n) + "x1 output on real then fake, got "
                    + scores.rows() + "x" + scores.cols());
        }
        Var sr = t.sliceRows(scores, 0, n);
        Var sf = t.sliceRows(scores, n, n);
        return switch (o.kind()) {
            case MINIMAX, NON_SATURATING -> t.add(t.mean(t.softplus(t.neg(sr))), t.mean(t.softplus(sf)));
            case LSGAN -> t.scale(t.add(t.mean(t.square(t.addScalar(sr, -1))), t.mean(t.square(sf))), 0.5);
            case WGAN_CLIP, WGAN_SN, LINEAR_CRITIC -> t.sub(t.mean(sf), t.mean(sr));
            case WGAN_GP -> {
                Var eps = uniform(t, n, rng);
                Var penalty = new GradientPenalty(o.lambda()).apply(t, critic, GradientPenalty.interpolate(t, real, fake, eps));
                yield t.add(t.sub(t.mean(sf), t.mean(sr)), penalty);
            }
            case WGAN_FD -> t.add(t.sub(t.mean(sf), t.mean(sr)), finiteDifferencePenalty(t, o.lambda(), critic, real, fake, rng));
            case F_GAN -> t.neg(t.sub(t.mean(fT(t, o.divergence(), sr)), t.mean(fStarOfT(t, o.divergence(), sf))));
            case EBGAN -> t.add(t.mean(sr), t.mean(t.relu(t.affine(sf, -1, o.margin()))));
        };
    }

    /**
     * EBGAN's pre-training loss on real data alone: the auto-encoder's mean energy E_real D(x), its mean squared
     * reconstruction error. No fakes: an energy-based D learns where the data lies without negative examples.
     */
    public static Var reconstructionLoss(Tape t, Layer critic, Var real) {
        return t.mean(critic.forward(t, real));
    }

    /** The generator's loss given the critic's raw scores of G(z); differentiable through the scores. */
    public static Var generatorLoss(Tape t, Objective o, Var fakeScores) {
        Var sf = fakeScores;
        return switch (o.kind()) {
            case MINIMAX -> t.neg(t.mean(t.softplus(sf)));
            case NON_SATURATING -> t.mean(t.softplus(t.neg(sf)));
            case LSGAN -> t.scale(t.mean(t.square(t.addScalar(sf, -1))), 0.5);
            case WGAN_CLIP, WGAN_GP, WGAN_FD, WGAN_SN, LINEAR_CRITIC -> t.neg(t.mean(sf));
            case F_GAN -> t.neg(t.mean(fStarOfT(t, o.divergence(), sf)));
            case EBGAN -> t.mean(sf);
        };
    }

    /**
     * The lecture's finite-difference penalty λ·E((|s(x1) − s(x2)|/‖x1 − x2‖ − 1)²): only forward passes
     * and ordinary backprop. |·| is the row norm of a one-column matrix, whose derivative at 0 is taken as 0.
     */
    static Var finiteDifferencePenalty(Tape t, double lambda, Layer critic, Var real, Var fake, RandomGenerator rng) {
        int n = real.rows();
        Var x1 = GradientPenalty.interpolate(t, real, fake, uniform(t, n, rng));
        Var x2b = GradientPenalty.interpolate(t, real, fake, uniform(t, n, rng));
        Var x2 = n > 1 ? t.concatRows(t.sliceRows(x2b, 1, n - 1), t.sliceRows(x2b, 0, 1)) : x2b;
        Var s = critic.forward(t, t.concatRows(x1, x2));
        Var ds = t.rowNorm(t.sub(t.sliceRows(s, 0, n), t.sliceRows(s, n, n)));
        Var dx = t.detach(t.rowNorm(t.sub(x1, x2)));
        Var slope = t.safeDiv(ds, dx);
        return t.scale(t.mean(t.square(t.addScalar(slope, -1))), lambda);
    }

    private static Var uniform(Tape t, int n, RandomGenerator rng) {
        Var eps = t.constant(n, 1);
        t.backend().fillUniform(eps.value(), 0, 1, rng);
        return eps;
    }

    /** T = g_f(s) on the tape. */
    static Var fT(Tape t, Objective.FDivergence f, Var s) {
        return switch (f) {
            case KL, PEARSON -> s;
            case REVERSE_KL -> t.neg(t.exp(t.neg(s)));
            case HELLINGER -> t.affine(t.exp(t.neg(s)), -1, 1);
            case JS -> t.affine(t.softplus(t.neg(s)), -1, LOG2);
        };
    }

    /** f*(g_f(s)) on the tape, simplified per divergence (see the class comment). */
    static Var fStarOfT(Tape t, Objective.FDivergence f, Var s) {
        return switch (f) {
            case KL -> t.exp(t.addScalar(s, -1));
            case REVERSE_KL -> t.addScalar(s, -1);
            case PEARSON -> t.add(t.scale(t.square(s), 0.25), s);
            case HELLINGER -> t.addScalar(t.exp(s), -1);
            case JS -> t.addScalar(t.softplus(s), -LOG2);
        };
    }

    /**
     * The divergence estimate from the critic's raw scores on real and fake samples (double precision).
     * See the class comment for each objective's formula.
     */
    public static double estimate(Objective o, double[] realScores, double[] fakeScores) {
        double[] r = realScores;
        double[] g = fakeScores;
        switch (o.kind()) {
            case MINIMAX, NON_SATURATING: {
                double v = -(meanOf(r, x -> softplus(-x)) + meanOf(g, Losses::softplus));
                return v / 2 + LOG2;
            }
            case LSGAN: {
                double ld = 0.5 * (meanOf(r, x -> (x - 1) * (x - 1)) + meanOf(g, x -> x * x));
                return 2 - 8 * ld;
            }
            case EBGAN: {
                double m = o.margin();
                return 1 - (meanOf(r, x -> x) + meanOf(g, x -> Math.max(0, m - x))) / m;
            }
            case F_GAN: {
                Objective.FDivergence f = o.divergence();
                double v = meanOf(r, x -> fT(f, x)) - meanOf(g, x -> fStarOfT(f, x));
                return f == Objective.FDivergence.HELLINGER || f == Objective.FDivergence.JS ? v / 2 : v;
            }
            default:
                return meanOf(r, x -> x) - meanOf(g, x -> x);
        }
    }

    /** The critic's output as the objective reads it: D = σ(s) for GANs, T = g_f(s) for f-GAN, else s. */
    public static double link(Objective o, double s) {
        return switch (o.kind()) {
            case MINIMAX, NON_SATURATING -> 1 / (1 + Math.exp(-s));
            case F_GAN -> fT(o.divergence(), s);
            default -> s;
        };
    }

    /** What {@link #link} returns, for axis labels. */
    public static String linkName(Objective o) {
        return switch (o.kind()) {
            case MINIMAX, NON_SATURATING -> "D(x) = sigmoid(s(x))";
            case LSGAN -> "D(x)";
            case F_GAN -> "T(x) = g_f(s(x))";
            case EBGAN -> "energy D(x) = |x - AE(x)|^2 / d";
            default -> "critic f(x)";
        };
    }

    private static double fT(Objective.FDivergence f, double s) {
        return switch (f) {
            case KL, PEARSON -> s;
            case REVERSE_KL -> -Math.exp(-s);
            case HELLINGER -> 1 - Math.exp(-s);
            case JS -> LOG2 - softplus(-s);
        };
    }

    private static double fStarOfT(Objective.FDivergence f, double s) {
        return switch (f) {
            case KL -> Math.exp(s - 1);
            case REVERSE_KL -> s - 1;
            case PEARSON -> s * s / 4 + s;
            case HELLINGER -> Math.exp(s) - 1;
            case JS -> softplus(s) - LOG2;
        };
    }

    /** log(1 + e^x) without overflow. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double meanOf(double[] v, java.util.function.DoubleUnaryOperator f) {
        double s = 0;
        for (double x : v) {
            s += f.applyAsDouble(x);
        }
        return s / v.length;
    }

}
