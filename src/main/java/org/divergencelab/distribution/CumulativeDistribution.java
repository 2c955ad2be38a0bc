package org.divergencelab.distribution;

/** A 1-D distribution (or density component) whose CDF is known exactly, so W1 = ∫|F_P − F_Q| applies. */
public interface CumulativeDistribution {

    /** P(X ≤ x). */
    double cdf(double x);
}
