package org.divergencelab.autodiff;

import org.divergencelab.compute.BinaryOp;
import org.divergencelab.compute.Tensor;
import org.divergencelab.compute.UnaryOp;

/**
 * A node of a {@link Tape}: the value of one whole-matrix operation and how it was computed.
 *
 * <p>Vars are arena slots: they stay valid until the tape's next {@link Tape#reset()}, after which the
 * same objects and buffers are handed out again for the next step. Do not keep a Var (or its
 * {@link #value()}) across a reset; copy what must survive.
 */
public final class Var {
    /**
     * How a node was made, and the table of derivative rules: each kind names the rule that the backward
     * sweep ({@link Tape}) applies to it. Each rule sits right below its op's forward in the op classes.
     */
    enum Kind {
        CONSTANT(Rule.NONE),
        LEAF(Rule.NONE),
        MATMUL(LinearOps::matmulRule),
        LINEAR(LinearOps::linearRule),
        ZIP(ElementwiseOps::zipRule),
        MASK(ElementwiseOps::maskRule),
        AFFINE(ElementwiseOps::affineRule),
        MAP(ElementwiseOps::mapRule),
        BROADCAST(BroadcastOps::broadcastRule),
        EXPAND(BroadcastOps::expandRule),
        REDUCE(BroadcastOps::reduceRule),
        ROW_NORM(BroadcastOps::rowNormRule),
        SLICE_ROWS(ShapeOps::sliceRowsRule),
        PAD_ROWS(ShapeOps::padRowsRule),
        IM2COL(ShapeOps::im2colRule),
        COL2IM(ShapeOps::col2imRule),
        RESHAPE(ShapeOps::reshapeRule);

        final Rule rule;

        Kind(Rule rule) {
            this.rule = rule;
        }
    }

    /**
     * A derivative rule: given node v and the gradient g of the output with respect to v, adds the
     * contributions to v's inputs' gradients ({@code Tape.accumulate}), only for inputs the sweep
     * {@code Tape.needs}.
     */
    @FunctionalInterface
    interface Rule {
        /** Leaves and constants: nothing flows further. */
        Rule NONE = (t, v, g) -> {
        };

        void backward(Tape t, Var v, Var g);
    }

    final Tape tape;
    final int index;
    Kind kind;
    UnaryOp uop;
    BinaryOp bop;
    Var a;
    Var b;
    Var c;
    double p;
    double q;
    boolean ta;
    boolean tb;
    int offset;
    /** Geometry of an IM2COL / COL2IM node. */
    org.divergencelab.compute.ConvShape conv;
    /** True when no gradient flows through this node (constants, detached values, no-graph backward). */
    boolean constant;
    Tensor value;
    /** The buffer this slot owns (value == buffer unless the node aliases an outside tensor). */
    Tensor buffer;
    /** A RESHAPE slot's view of {@link #viewSource} (storage shared; kept apart from {@link #buffer}). */
    Tensor view;
    Tensor viewSource;

    Var(Tape tape, int index) {
        this.tape = tape;
        this.index = index;
    }

    /** The value; valid until the tape's next reset. */
    public Tensor value() {
        return value;
    }

    public int rows() {
        return value.rows();
    }

    public int cols() {
        return value.cols();
    }

    /** The single element of a 1×1 value (reads it to the host). */
    public double item() {
        if (value.rows() != 1 || value.cols() != 1) {
            throw new IllegalArgumentException("item() needs a 1x1 value, this is " + value.shape());
        }
        return value.backend().get(value, 0, 0);
    }

    /** True when gradients do not flow through this node. */
    public boolean isConstant() {
        return constant;
    }

    @Override
    public String toString() {
        return "Var#" + index + "[" + kind + (uop != null ? " " + uop : "") + (bop != null ? " " + bop : "")
                + " " + (value == null ? "?" : value.shape()) + "]";
    }
}
