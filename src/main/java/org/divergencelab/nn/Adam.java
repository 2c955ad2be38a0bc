package org.divergencelab.nn;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.Tensor;

/**
 * Adam (Kingma &amp; Ba) with bias correction, PyTorch's arrangement:
 * {@code m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; p -= lr·(m/(1−β1ᵗ)) / (√(v/(1−β2ᵗ)) + ε)}.
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Tensor[] m;
    private final Tensor[] v;

    Adam(List<Parameter> params, double lr, double beta1, double beta2, double eps) {
        super(params, lr);
        this.beta1 = requireUnit("adam beta1", beta1);
        this.beta2 = requireUnit("adam beta2", beta2);
        this.eps = requirePositive("adam eps", eps);
        this.m = stateLike();
        this.v = stateLike();
    }

    @Override
    protected void update(int i, Tensor param, Tensor grad, long t) {
        param.backend().adamStep(param, grad, m[i], v[i], lr(), beta1, beta2, eps, t);
    }

    /** First moments m, then second moments v, one tensor per parameter each. */
    @Override
    public List<Tensor> state() {
        List<Tensor> s = new ArrayList<>(List.of(m));
        s.addAll(List.of(v));
        return List.copyOf(s);
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double eps() {
        return eps;
    }
}
