package org.divergencelab.gan;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Tensor;
import org.divergencelab.nn.Optimizer;

/**
 * The trainer's divergence guard, its only finiteness check: a step whose loss or updated parameters are NaN/Inf
 * stops training, and every parameter and optimiser state (moments and step count) rolls back to the end of the
 * last good step.
 *
 * <p>One check per step: the loss (one number) before backprop, then the updated parameters in one pass. A
 * non-finite gradient always shows up there (every update rule carries NaN/Inf from a gradient into its
 * parameter), and the failure path alone reads the gradients again to say whether the gradient or the update
 * went bad. The check runs before weight clipping, which would hide an infinite parameter.
 *
 * <p>Checkpoint: after a good step only the network that stepped changed, so only its parameters and its
 * optimiser's state are copied into the checkpoint (a critic step leaves the generator's copy valid).
 */
final class DivergenceGuard {
    private final ComputeBackend be;
    private final Side generator = new Side();
    private final Side critic = new Side();
    private EngineMessage haltMessage;

    DivergenceGuard(ComputeBackend be) {
        this.be = be;
    }

    /** One network's live tensors (parameters, then its optimiser's state), their checkpoint and step count. */
    private final class Side {
        private final List<Tensor> live = new ArrayList<>();
        private final List<Tensor> saved = new ArrayList<>();
        private Optimizer optimizer;
        private long savedSteps;

        void watch(Optimizer opt) {
            optimizer = opt;
            live.clear();
            saved.clear();
            for (Parameter p : opt.parameters()) {
                live.add(p.value());
            }
            live.addAll(opt.state());
            for (Tensor t : live) {
                saved.add(be.allocate(t.rows(), t.cols()));
            }
            save();
        }

        void save() {
            for (int i = 0; i < live.size(); i++) {
                be.copy(live.get(i), saved.get(i));
            }
            savedSteps = optimizer.steps();
        }

        void restore() {
            for (int i = 0; i < live.size(); i++) {
                be.copy(saved.get(i), live.get(i));
            }
            optimizer.restoreSteps(savedSteps);
        }
    }

    /** Checkpoints both networks now (a new model, or a new optimiser after a live change). */
    void watch(Optimizer generatorOptimizer, Optimizer criticOptimizer) {
        generator.watch(generatorOptimizer);
        critic.watch(criticOptimizer);
    }

    /**
     * Checks a step's loss before backprop; false (halted, rolled back) when it is NaN/Inf.
     *
     * @param network {@link EngineMessage#CRITIC} or {@link EngineMessage#GENERATOR}
     * @param step    the 1-based number of the step being taken
     */
    boolean lossOk(String network, double loss, long step) {
        if (Double.isFinite(loss)) {
            return true;
        }
        halt(EngineMessage.of(EngineMessage.Code.HALT_LOSS, network, loss, step));
        return false;
    }

    /**
     * Checks the parameters {@code opt} just updated; false (halted, rolled back) when one is NaN/Inf.
     * Call {@link #commit} once the step is complete (after weight clipping, say).
     */
    boolean updateOk(String network, Optimizer opt, long step) {
        for (Parameter p : opt.parameters()) {
            if (!be.allFinite(p.value())) {
                halt(diagnose(network, opt.parameters(), p, step));
                return false;
            }
        }
        return true;
    }

    /** The step of {@code network} is good: its state becomes the checkpoint. */
    void commit(String network) {
        side(network).save();
    }

    /** A non-finite gradient is the cause when there is one; else the update itself overflowed. */
    private EngineMessage diagnose(String network, List<Parameter> params, Parameter firstBad, long step) {
        for (Parameter p : params) {
            if (!be.allFinite(p.grad())) {
                return EngineMessage.of(EngineMessage.Code.HALT_GRADIENT, network, "'" + p.name() + "'", step);
            }
        }
        return EngineMessage.of(EngineMessage.Code.HALT_PARAMETER, network, "'" + firstBad.name() + "'", step);
    }

    private Side side(String network) {
        return EngineMessage.CRITIC.equals(network) ? critic : generator;
    }

    private void halt(EngineMessage reason) {
        generator.restore();
        critic.restore();
        haltMessage = reason;
    }

    /** Clears a stop (the rolled-back parameters are finite). */
    void clear() {
        haltMessage = null;
    }

    boolean halted() {
        return haltMessage != null;
    }

    /** Why training stopped, as a code and arguments, or null. */
    EngineMessage haltMessage() {
        return haltMessage;
    }

    /** Why training stopped, in English, or null. */
    String haltReason() {
        return haltMessage == null ? null : haltMessage.englishReport();
    }
}
