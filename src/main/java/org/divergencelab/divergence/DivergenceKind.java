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
                if (lp == Double.NEGATIVE_INFINITY && lq == Double.NEGATIVE_INFINITY) {
                    return 0;
                }
                double hi = Math.max(lp, lq);
                double lm = hi + Math.log1p(Math.exp(Math.min(lp, lq) - hi)) - LOG2;
                double s = 0;
                if (p > 0) {
                    s += p * (lp - lm);
                }
                if (q > 0) {
                    s += q * (lq - lm);
                }
                return 0.5 * s;
            }
            case TV:
                return 0.5 * Math.abs(p - q);
            case HELLINGER: {
                double d = Math.sqrt(p) - Math.sqrt(q);
                return 0.5 * d * d;
            }
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
