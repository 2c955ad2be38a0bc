package org.divergencelab.gan;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Tensor;
import org.divergencelab.nn.Optimizer;

/**
 * The engine's four update rules (the same backend kernels as {@code nn.Optimizer}'s factories) with state
 * the trainer can save and restore: the divergence guard rolls parameters and optimiser state back
 * together. Keeps its own step counter (Adam's bias correction) so a rollback restores it too.
 */
final class CheckpointedOptimizer extends Optimizer {
    private final OptimizerSpec spec;
    private final Tensor[] s1;
    private final Tensor[] s2;
    private long t;

    CheckpointedOptimizer(List<Parameter> params, OptimizerSpec spec) {
        super(params, spec.lr());
        this.spec = spec;
        this.s1 = spec.kind() == OptimizerSpec.Kind.SGD ? null : stateLike();
        this.s2 = spec.kind() == OptimizerSpec.Kind.ADAM ? stateLike() : null;
    }

    OptimizerSpec spec() {
        return spec;
    }

    @Override
    protected void update(int i, Tensor param, Tensor grad, long ignored) {
        if (i == 0) {
            t++;
        }
        ComputeBackend be = param.backend();
        switch (spec.kind()) {
            case SGD -> be.sgdStep(param, grad, lr());
            case MOMENTUM -> be.momentumStep(param, grad, s1[i], lr(), spec.momentum());
            case RMSPROP -> be.rmsPropStep(param, grad, s1[i], lr(), spec.alpha(), spec.eps());
            case ADAM -> be.adamStep(param, grad, s1[i], s2[i], lr(), spec.beta1(), spec.beta2(), spec.eps(), t);
        }
    }

    /** Every state tensor (to checkpoint). */
    List<Tensor> stateTensors() {
        List<Tensor> out = new ArrayList<>();
        if (s1 != null) {
            out.addAll(List.of(s1));
        }
        if (s2 != null) {
            out.addAll(List.of(s2));
        }
        return out;
    }

    long stepCount() {
        return t;
    }

    void setStepCount(long v) {
        t = v;
    }
}
