package org.divergencelab.compute;

/**
 * Elementwise two-operand maps {@code out = f(a, b; p, q)} of {@link ComputeBackend#zip} and
 * {@link ComputeBackend#broadcast}. The masked ops are the derivatives of the piecewise activations:
 * they are linear in {@code a} (the incoming gradient) and use {@code b} only to choose a branch, which is
 * what makes them differentiable again for double backpropagation. A backend may compute a mask as a
 * product with a 0/1 step (faster to vectorise), so an infinite {@code a} in a masked-off place gives NaN
 * rather than 0; finite inputs give identical results.
 */
public enum BinaryOp {
    ADD,
    SUB,
    MUL,
    DIV,
    /** a/b, and 0 where b == 0 (the chosen sub-gradient of the L2 norm at 0). */
    SAFE_DIV,
    /** a where b &gt; 0, else 0 (ReLU backward). */
    RELU_MASK,
    /** a where b &gt; 0, else p·a (LeakyReLU backward). */
    LEAKY_MASK,
    /** a where p &lt; b &lt; q, else 0 (clamp backward). */
    RANGE_MASK,
    /** a·(1 − b²) with b = tanh(x) (tanh backward). */
    TANH_BACKWARD,
    /** a·b·(1 − b) with b = σ(x) (sigmoid backward). */
    SIGMOID_BACKWARD
}
