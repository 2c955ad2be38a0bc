package org.divergencelab.compute;

/**
 * Elementwise maps {@code out = f(x; p, q)} of {@link ComputeBackend#map}. {@code p} and {@code q} are the
 * op's parameters where it has any (slope α, clamp bounds); otherwise ignored.
 */
public enum UnaryOp {
    /** max(x, 0). */
    RELU,
    /** x for x &gt; 0, p·x otherwise. */
    LEAKY_RELU,
    TANH,
    /** 1/(1+e^−x), evaluated without overflow for either sign. */
    SIGMOID,
    /** log(1+e^x), stable: max(x,0) + log1p(e^−|x|). */
    SOFTPLUS,
    /** log σ(x) = −softplus(−x), stable for large |x| (the BCE-with-logits building block). */
    LOG_SIGMOID,
    /** x for x &gt; 0, p·(e^x − 1) otherwise. */
    ELU,
    /** ELU's derivative: 1 for x &gt; 0, p·e^x otherwise. */
    ELU_DERIV,
    /** ELU's second derivative: 0 for x &gt; 0, p·e^x otherwise (it is its own derivative). */
    ELU_DERIV2,
    EXP,
    LOG,
    SQRT,
    SQUARE,
    /** 1/x. */
    RECIPROCAL,
    /** min(max(x, p), q). */
    CLAMP,
    /** 1 for x &gt; 0, else 0 (a constant mask, derivative of ReLU). */
    STEP
}
