package org.divergencelab.divergence;

/**
 * The f-divergences between distributions, all in nats, each written as ∫ g(p, q) dμ over a common
 * dominating measure μ (Lebesgue on the line or plane, length on a segment, counting on atoms).
 */
public enum DivergenceKind {
    /** Jensen–Shannon: ½ KL(P‖M) + ½ KL(Q‖M), M = (P + Q)/2; in [0, log 2]. */
    JS,
    /** Kullback–Leibler KL(P‖Q) = ∫ p log(p/q); ∞ when P has mass where Q has none. */
    KL,
    /** KL(Q‖P). */
    KL_REVERSE,
    /** Total variation ½ ∫ |p − q|; in [0, 1]. */
    TV,
    /** Squared Hellinger ½ ∫ (√p − √q)² = 1 − ∫ √(pq); in [0, 1]. */
    HELLINGER,
    /** Pearson χ²(P‖Q) = ∫ (p − q)²/q. */
    CHI2;

    private static final double LOG2 = Math.log(2);

    /** The integrand g(p, q) from log-densities (or log-masses); handles zeros exactly. */
    public double integrand(double lp, double lq) {
        double p = Math.exp(lp);
        double q = Math.exp(lq);
        switch (this) {
            case KL:
                return klTerm(lp, lq);
            case KL_REVERSE:
                return klTerm(lq, lp);
            case JS: {
                // ½[p log(2p/m) + q log(2q/m)] with m = p + q, minus its mass part ½(p + q) log 2, which
                // finish() adds back as exactly log 2: what is left is −½[p log(1 + q/p) + q log(1 + p/q)],
                // zero wherever only one density is positive, so disjoint supports give log 2 to the last bit.
                if (lp == Double.NEGATIVE_INFINITY || lq == Double.NEGATIVE_INFINITY) {
                    return 0;
                }
                return -0.5 * (p * log1pExp(lq - lp) + q * log1pExp(lp - lq));
            }
            case TV:
                // ½|p − q| = ½(p + q) − min(p, q); the mass part is 1 (added by finish()).
                return -Math.min(p, q);
            case HELLINGER:
                // ½(√p − √q)² = ½(p + q) − √(pq); the mass part is 1 (added by finish()).
                return -Math.exp(0.5 * (lp + lq));
            case CHI2: {
                if (lq == Double.NEGATIVE_INFINITY) {
                    return lp == Double.NEGATIVE_INFINITY ? 0 : Double.POSITIVE_INFINITY;
                }
                if (lq > -700) {
                    double d = p - q;
                    return d * d / q;
                }
                // q underflows: (p − q)²/q = p²/q − 2p + q with p²/q in logs.
                return Math.exp(2 * lp - lq) - 2 * p + q;
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    /**
     * The divergence from the sum (or integral) of {@link #integrand} over P's and Q's whole support. For JS,
     * TV and H² the integrand leaves out the part that only depends on the masses (P and Q each have mass 1),
     * and this adds it back as the exact constant, clamping the rounding below 0 of equal distributions.
     */
    public double finish(double sumOfIntegrand) {
        double constant = switch (this) {
            case JS -> LOG2;
            case TV, HELLINGER -> 1;
            default -> 0;
        };
        if (constant == 0) {
            return Math.max(0, sumOfIntegrand); // KL, χ² ≥ 0; rounding of equal inputs can dip below
        }
        return Math.min(constant, Math.max(0, constant + sumOfIntegrand));
    }

    /** log(1 + e^t) without overflow. */
    private static double log1pExp(double t) {
        return t > 35 ? t : Math.log1p(Math.exp(t));
    }

    private static double klTerm(double lp, double lq) {
        if (lp == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (lq == Double.NEGATIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.exp(lp) * (lp - lq);
    }

    /** The CLI name: js, kl, kl-reverse, tv, hellinger, chi2. */
    public String cliName() {
        return name().toLowerCase().replace('_', '-');
    }
}
