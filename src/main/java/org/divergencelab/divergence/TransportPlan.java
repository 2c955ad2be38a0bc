package org.divergencelab.divergence;

/**
 * A sparse transport plan: {@code mass(k)} moves from source point {@code source(k)} to target point
 * {@code target(k)}, and {@code value()} is its total cost (the W1 value for an optimal plan with
 * Euclidean cost). Rows sum to the source weights and columns to the target weights.
 */
public final class TransportPlan {
    private final double value;
    private final int[] source;
    private final int[] target;
    private final double[] mass;

    /** The arrays are used as is (not copied). */
    public TransportPlan(double value, int[] source, int[] target, double[] mass) {
        if (source.length != target.length || source.length != mass.length) {
            throw new IllegalArgumentException("plan arrays differ in length: " + source.length + ", "
                    + target.length + ", " + mass.length);
        }
        this.value = value;
        this.source = source;
        this.target = target;
        this.mass = mass;
    }

    /** Total cost of the plan. */
    public double value() {
        return value;
    }

    /** Number of non-zero entries. */
    public int size() {
        return mass.length;
    }

    public int source(int k) {
        return source[k];
    }

    public int target(int k) {
        return target[k];
    }

    public double mass(int k) {
        return mass[k];
    }

    /** Row sums: mass leaving each of {@code n} source points. */
    public double[] sourceMarginal(int n) {
        double[] m = new double[n];
        for (int k = 0; k < mass.length; k++) {
            m[source[k]] += mass[k];
        }
        return m;
    }

    /** Column sums: mass arriving at each of {@code n} target points. */
    public double[] targetMarginal(int n) {
        double[] m = new double[n];
        for (int k = 0; k < mass.length; k++) {
            m[target[k]] += mass[k];
        }
        return m;
    }
}
