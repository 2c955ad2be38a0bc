package org.divergencelab.autodiff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.divergencelab.compute.BinaryOp;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.ConvShape;
import org.divergencelab.compute.Tensor;
import org.divergencelab.compute.UnaryOp;

/**
 * Reverse-mode differentiation over whole-matrix operations, recorded on a tape that doubles as a buffer
 * arena.
 *
 * <p><b>Recording.</b> Every operation appends a {@link Var} holding its value and its inputs. The
 * backward pass ({@link #grad}, {@link #backward}) walks the tape from the output down and applies each
 * op's derivative rule ({@code Var.Kind} names it; it sits next to the op's forward in {@code LinearOps},
 * {@code ElementwiseOps}, {@code BroadcastOps} or {@code ShapeOps}; this class keeps the arena, the public
 * op methods and the sweep). The rules are written with the tape's own operations, so with
 * {@code createGraph = true} the backward pass is itself recorded and can be differentiated again: the
 * WGAN-GP penalty {@code mean((‖∇x D(x̂)‖ − 1)²)} is an ordinary function on this tape, and
 * {@link #backward} of it is exact double backpropagation. With {@code createGraph = false} the same
 * rules run unrecorded (their results are constants).
 *
 * <p><b>Buffer reuse.</b> {@link #reset()} starts the next step: Var objects and their buffers are handed
 * out again in the same order, so a training loop that repeats the same sequence of operations allocates
 * nothing after its first step. A slot whose shape changed simply gets a new buffer. {@link #reshape}
 * returns a view of its input's storage where the backend shares storage ({@link ComputeBackend#view}),
 * which is safe because a recorded value is never written again before the next reset.
 *
 * <p><b>Pruning.</b> A backward pass only computes gradients along paths that reach the requested
 * inputs (e.g. during a generator step the critic's weight gradients are never formed).
 *
 * <p><b>Checks.</b> Shapes are checked on every operation (IllegalArgumentException naming both shapes).
 * Values are not checked for NaN/Inf per operation (hot path); {@link #backward} refuses a non-finite
 * loss, {@link #requireFinite} checks any value where a caller wants it, and the optimisers check
 * gradients and parameters before each step.
 *
 * <p>Not thread-safe: one tape per training thread.
 */
public final class Tape {
    private final ComputeBackend backend;
    private final List<Var> nodes = new ArrayList<>();
    private int count;
    private long epoch;
    /** False while an unrecorded backward pass runs: new nodes are constants. */
    private boolean recording = true;
    private boolean[] need = new boolean[64];
    /** Gradient slots of the running backward pass, indexed by node (reused between passes). */
    private Var[] slots = new Var[64];
    /** Each parameter's node in the current step (one per parameter, so all its uses share a slot). */
    private final java.util.IdentityHashMap<Parameter, Var> paramNodes = new java.util.IdentityHashMap<>();

    public Tape(ComputeBackend backend) {
        if (backend == null) {
            throw new IllegalArgumentException("backend must not be null");
        }
        this.backend = backend;
    }

    public ComputeBackend backend() {
        return backend;
    }

    /** Starts a new step: every Var handed out so far becomes invalid and its slot will be reused. */
    public void reset() {
        count = 0;
        epoch++;
        paramNodes.clear();
        recording = true;
    }

    /** Counts resets; layers use it to do something once per step (e.g. one power iteration). */
    public long epoch() {
        return epoch;
    }

    /** Number of nodes recorded since the last reset. */
    public int size() {
        return count;
    }

    // ------------------------------------------------------------------ node allocation

    /** The next arena slot, cleared and set to kind (value and buffer are the caller's business). */
    Var slot(Var.Kind kind) {
        Var v;
        if (count < nodes.size()) {
            v = nodes.get(count);
        } else {
            v = new Var(this, count);
            nodes.add(v);
        }
        count++;
        v.kind = kind;
        v.uop = null;
        v.bop = null;
        v.a = null;
        v.b = null;
        v.c = null;
        v.p = 0;
        v.q = 0;
        v.ta = false;
        v.tb = false;
        v.offset = 0;
        v.conv = null;
        v.constant = !recording;
        return v;
    }

    /** A slot whose value is its own (reused) buffer of the given shape. */
    Var owned(Var.Kind kind, int rows, int cols) {
        Var v = slot(kind);
        Tensor buf = v.buffer;
        if (buf == null || !buf.hasShape(rows, cols)) {
            buf = backend.allocate(rows, cols);
            v.buffer = buf;
        }
        v.value = buf;
        return v;
    }

    /** v, if it is a current node of this tape (not null, not foreign, not from before a reset). */
    Var check(Var v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (v.tape != this) {
            throw new IllegalArgumentException(what + " belongs to another tape: " + v);
        }
        if (v.index >= count) {
            throw new IllegalArgumentException(what + " is stale (recorded before the last reset): " + v);
        }
        return v;
    }

    /** True when no gradient can flow through any of the inputs (a node of them is a constant too). */
    static boolean constantInputs(Var... in) {
        for (Var v : in) {
            if (v != null && !v.constant) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ leaves

    /** A constant wrapping {@code value} (not copied; the caller keeps it unchanged while the Var is used). */
    public Var constant(Tensor value) {
        requireBackend(value, "constant");
        Var v = slot(Var.Kind.CONSTANT);
        v.value = value;
        v.constant = true;
        return v;
    }

    /**
     * A constant with a tape-owned rows×cols buffer for the caller to fill (noise, a data batch): the same
     * buffer comes back at this slot next step, so filling it each step allocates nothing.
     */
    public Var constant(int rows, int cols) {
        Var v = owned(Var.Kind.CONSTANT, rows, cols);
        v.constant = true;
        return v;
    }

    /** A differentiable leaf wrapping {@code value} (not copied), e.g. the x̂ of a gradient penalty. */
    public Var variable(Tensor value) {
        requireBackend(value, "variable");
        Var v = slot(Var.Kind.LEAF);
        v.value = value;
        v.constant = false;
        return v;
    }

    /** The parameter's node on this tape for the current step (created on first use, shared after). */
    public Var param(Parameter p) {
        if (p == null) {
            throw new IllegalArgumentException("parameter must not be null");
        }
        Var known = paramNodes.get(p);
        if (known != null) {
            return known;
        }
        requireBackend(p.value(), "parameter " + p.name());
        Var v = slot(Var.Kind.LEAF);
        v.value = p.value();
        v.constant = false;
        paramNodes.put(p, v);
        return v;
    }

    /** The same value with no gradient flowing back (PyTorch's {@code detach}). */
    public Var detach(Var x) {
        check(x, "x");
        Var v = slot(Var.Kind.CONSTANT);
        v.value = x.value;
        v.constant = true;
        return v;
    }

    /** The same value as a new differentiable leaf: gradients stop here but can be asked for here. */
    public Var leafOf(Var x) {
        check(x, "x");
        return variable(x.value);
    }

    private void requireBackend(Tensor t, String what) {
        if (t == null) {
            throw new IllegalArgumentException(what + ": tensor must not be null");
        }
        if (t.backend() != backend) {
            throw new IllegalArgumentException(what + ": tensor of backend " + t.backend().name()
                    + " on a tape of backend " + backend.name());
        }
    }

    // ------------------------------------------------------------------ operations
    // The public op API. Each op's forward and its derivative rule live together in LinearOps,
    // ElementwiseOps, BroadcastOps or ShapeOps; Var.Kind is the table from node kind to rule.

    /** {@code a·b}. */
    public Var matmul(Var a, Var b) {
        return matmul(a, false, b, false);
    }

    /** {@code op(a)·op(b)}, op = transpose where the flag says so. */
    public Var matmul(Var a, boolean transA, Var b, boolean transB) {
        return LinearOps.matmul(this, a, transA, b, transB);
    }

    /** The dense-layer map {@code x·w + bias} (bias 1×n added to every row), fused into one product. */
    public Var linear(Var x, Var w, Var bias) {
        return LinearOps.linear(this, x, w, bias);
    }

    /**
     * {@code relu(x·w + bias)} as one node: one product onto the preset bias, ReLU in place.
     * Same values and derivatives as {@code relu(linear(x, w, bias))}, one node and one buffer fewer.
     */
    public Var linearRelu(Var x, Var w, Var bias) {
        return LinearOps.linearRelu(this, x, w, bias);
    }

    public Var add(Var a, Var b) {
        return ElementwiseOps.zip(this, BinaryOp.ADD, a, b, 0, 0);
    }

    public Var sub(Var a, Var b) {
        return ElementwiseOps.zip(this, BinaryOp.SUB, a, b, 0, 0);
    }

    public Var mul(Var a, Var b) {
        return ElementwiseOps.zip(this, BinaryOp.MUL, a, b, 0, 0);
    }

    public Var div(Var a, Var b) {
        return ElementwiseOps.zip(this, BinaryOp.DIV, a, b, 0, 0);
    }

    /** a/b with 0 where b == 0. */
    public Var safeDiv(Var a, Var b) {
        return ElementwiseOps.zip(this, BinaryOp.SAFE_DIV, a, b, 0, 0);
    }

    /**
     * {@code x op s} with {@code s} broadcast: 1×n (a row added to every row), m×1 (a column), or 1×1 (a
     * scalar held in a Var). Ops ADD, SUB, MUL, DIV, SAFE_DIV.
     */
    public Var broadcast(BinaryOp op, Var x, Var s) {
        return BroadcastOps.broadcast(this, op, x, s);
    }

    /** Adds the 1×n row {@code row} to every row of x (bias add). */
    public Var addRow(Var x, Var row) {
        return BroadcastOps.broadcastChecked(this, BinaryOp.ADD, x, row, true);
    }

    /** Multiplies every row of x elementwise by the 1×n row {@code row} (a gain). */
    public Var mulRow(Var x, Var row) {
        return BroadcastOps.broadcastChecked(this, BinaryOp.MUL, x, row, true);
    }

    /** Adds the m×1 column {@code col} to every column of x. */
    public Var addCol(Var x, Var col) {
        return BroadcastOps.broadcastChecked(this, BinaryOp.ADD, x, col, false);
    }

    /** Subtracts the m×1 column {@code col} from every column of x. */
    public Var subCol(Var x, Var col) {
        return BroadcastOps.broadcastChecked(this, BinaryOp.SUB, x, col, false);
    }

    /** Scales row i of x by {@code col[i]}. */
    public Var mulCol(Var x, Var col) {
        return BroadcastOps.broadcastChecked(this, BinaryOp.MUL, x, col, false);
    }

    /** Multiplies x by the 1×1 value {@code s} (a scalar that is itself differentiable). */
    public Var scaleBy(Var x, Var s) {
        check(s, "scaleBy s");
        if (s.rows() != 1 || s.cols() != 1) {
            throw new IllegalArgumentException("scaleBy: s must be 1x1, got " + s.value.shape());
        }
        return broadcast(BinaryOp.MUL, x, s);
    }

    /** {@code a·x + b} for constants a, b. */
    public Var affine(Var x, double a, double b) {
        return ElementwiseOps.affine(this, x, a, b);
    }

    public Var scale(Var x, double s) {
        return affine(x, s, 0);
    }

    public Var addScalar(Var x, double s) {
        return affine(x, 1, s);
    }

    public Var neg(Var x) {
        return affine(x, -1, 0);
    }

    public Var relu(Var x) {
        return ElementwiseOps.map(this, UnaryOp.RELU, x, 0, 0);
    }

    /** x for x &gt; 0, alpha·x otherwise. */
    public Var leakyRelu(Var x, double alpha) {
        return ElementwiseOps.map(this, UnaryOp.LEAKY_RELU, x, alpha, 0);
    }

    public Var tanh(Var x) {
        return ElementwiseOps.map(this, UnaryOp.TANH, x, 0, 0);
    }

    public Var sigmoid(Var x) {
        return ElementwiseOps.map(this, UnaryOp.SIGMOID, x, 0, 0);
    }

    /** log(1 + eˣ), stable for large |x|. */
    public Var softplus(Var x) {
        return ElementwiseOps.map(this, UnaryOp.SOFTPLUS, x, 0, 0);
    }

    /** log σ(x), stable for large |x|; BCE with logits is {@code −logSigmoid(±logit)}. */
    public Var logSigmoid(Var x) {
        return ElementwiseOps.map(this, UnaryOp.LOG_SIGMOID, x, 0, 0);
    }

    /** x for x &gt; 0, alpha·(eˣ − 1) otherwise. */
    public Var elu(Var x, double alpha) {
        return ElementwiseOps.map(this, UnaryOp.ELU, x, alpha, 0);
    }

    public Var exp(Var x) {
        return ElementwiseOps.map(this, UnaryOp.EXP, x, 0, 0);
    }

    public Var log(Var x) {
        return ElementwiseOps.map(this, UnaryOp.LOG, x, 0, 0);
    }

    public Var sqrt(Var x) {
        return ElementwiseOps.map(this, UnaryOp.SQRT, x, 0, 0);
    }

    public Var square(Var x) {
        return ElementwiseOps.map(this, UnaryOp.SQUARE, x, 0, 0);
    }

    public Var reciprocal(Var x) {
        return ElementwiseOps.map(this, UnaryOp.RECIPROCAL, x, 0, 0);
    }

    /** min(max(x, lo), hi); the gradient is 1 strictly inside (lo, hi) and 0 outside. */
    public Var clamp(Var x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp: lo=" + lo + " must be <= hi=" + hi);
        }
        return ElementwiseOps.map(this, UnaryOp.CLAMP, x, lo, hi);
    }

    /** Σ of all elements, 1×1. */
    public Var sum(Var x) {
        return BroadcastOps.reduce(this, x, 1, 1);
    }

    /** Mean of all elements, 1×1. */
    public Var mean(Var x) {
        check(x, "mean x");
        return scale(sum(x), 1.0 / ((double) x.rows() * x.cols()));
    }

    /** Sum of each column (over the rows), 1×n. */
    public Var columnSums(Var x) {
        check(x, "columnSums x");
        return BroadcastOps.reduce(this, x, 1, x.cols());
    }

    /** Sum of each row (over the columns), m×1. */
    public Var rowSums(Var x) {
        check(x, "rowSums x");
        return BroadcastOps.reduce(this, x, x.rows(), 1);
    }

    /** Mean of each column, 1×n. */
    public Var columnMeans(Var x) {
        return scale(columnSums(x), 1.0 / x.rows());
    }

    /** Mean of each row, m×1. */
    public Var rowMeans(Var x) {
        return scale(rowSums(x), 1.0 / x.cols());
    }

    /** Repeats a 1×n, m×1 or 1×1 value to rows×cols (the adjoint of the reductions). */
    public Var expand(Var s, int rows, int cols) {
        return BroadcastOps.expand(this, s, rows, cols);
    }

    /**
     * Euclidean norm of each row, m×1. Its gradient {@code x/‖x‖} is undefined at a zero row; we use 0
     * there (the minimum-norm sub-gradient, as PyTorch does), so an all-zero row passes no gradient.
     */
    public Var rowNorm(Var x) {
        return BroadcastOps.rowNorm(this, x);
    }

    /** Rows {@code [from, from+count)} of x. */
    public Var sliceRows(Var x, int from, int count) {
        return ShapeOps.sliceRows(this, x, from, count);
    }

    /** x placed at rows {@code [from, from+x.rows)} of a zero matrix of {@code totalRows} rows (adjoint of slicing). */
    public Var padRows(Var x, int from, int totalRows) {
        return ShapeOps.padRows(this, x, from, totalRows);
    }

    /** Rows of a stacked on top of rows of b. */
    public Var concatRows(Var a, Var b) {
        check(a, "concatRows a");
        check(b, "concatRows b");
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException("concatRows: column counts differ, " + a.value.shape() + " and "
                    + b.value.shape());
        }
        // as a sum of two padded blocks, so its derivative rules are the ones of padRows and add
        return add(padRows(a, 0, a.rows() + b.rows()), padRows(b, a.rows(), a.rows() + b.rows()));
    }

    /**
     * The convolution windows of x (batch × s.inputSize(), HWC rows) as a column matrix
     * (batch·outH·outW × s.patchSize()); see {@link ConvShape}. Linear; its adjoint is {@link #col2im}.
     */
    public Var im2col(Var x, ConvShape s) {
        return ShapeOps.im2col(this, x, s);
    }

    /**
     * The adjoint of {@link #im2col}: column entries summed back into images (batch × s.inputSize()), the
     * batch being cols.rows/(outH·outW). Used by transposed convolutions and as im2col's derivative.
     */
    public Var col2im(Var cols, ConvShape s) {
        return ShapeOps.col2im(this, cols, s);
    }

    /** x's elements in row-major order as a rows×cols matrix (same number of elements). */
    public Var reshape(Var x, int rows, int cols) {
        return ShapeOps.reshape(this, x, rows, cols);
    }

    // ------------------------------------------------------------------ checks

    /** Throws IllegalArgumentException naming {@code what} when x holds a NaN or an infinity. */
    public void requireFinite(Var x, String what) {
        check(x, what);
        if (!backend.allFinite(x.value)) {
            throw new IllegalArgumentException(what + " contains NaN or infinite values (" + x.value.shape() + ")");
        }
    }

    // ------------------------------------------------------------------ differentiation

    /** ∂y/∂x for a 1×1 y; see {@link #grad(Var, Var[], boolean)}. */
    public Var grad(Var y, Var x, boolean createGraph) {
        return grad(y, new Var[] {x}, createGraph)[0];
    }

    /**
     * The gradients of the 1×1 value {@code y} with respect to each of {@code xs} (same shapes as the xs).
     * With {@code createGraph} the backward pass is recorded, so the returned gradients are differentiable
     * functions of everything they depend on (the parameters included); otherwise they are constants.
     * An x that y does not depend on gets a zero gradient.
     */
    public Var[] grad(Var y, Var[] xs, boolean createGraph) {
        check(y, "grad y");
        for (int i = 0; i < xs.length; i++) {
            check(xs[i], "grad x[" + i + "]");
        }
        Var[] g = run(y, xs, createGraph);
        Var[] out = new Var[xs.length];
        boolean saved = recording;
        recording = createGraph;
        try {
            for (int i = 0; i < xs.length; i++) {
                Var gi = g[xs[i].index];
                if (gi == null) {
                    gi = constant(xs[i].rows(), xs[i].cols());
                    backend.fill(gi.value, 0);
                }
                out[i] = gi;
            }
        } finally {
            recording = saved;
        }
        return out;
    }

    /**
     * Adds ∂loss/∂p to {@code p.grad()} for each parameter (first order, unrecorded). Parameters that the
     * loss does not use this step get nothing added. Only the paths to these parameters are computed.
     *
     * @throws IllegalArgumentException when the loss is NaN or infinite (the cheap place to catch bad
     *                                  inputs or diverged parameters: one scalar read per step)
     */
    public void backward(Var loss, Collection<Parameter> params) {
        check(loss, "loss");
        if (loss.rows() == 1 && loss.cols() == 1 && !Double.isFinite(loss.item())) {
            // a NaN/Inf in the inputs or parameters shows up here at the cost of one scalar read
            throw new IllegalArgumentException("loss is " + loss.item() + " (NaN or infinite inputs or parameters?)");
        }
        Var[] targets = new Var[params.size()];
        int n = 0;
        for (Parameter p : params) {
            Var node = paramNodes.get(p);
            if (node != null) {
                targets[n++] = node;
            }
        }
        if (n == 0) {
            return;
        }
        Var[] ts = java.util.Arrays.copyOf(targets, n);
        Var[] g = run(loss, ts, false);
        for (Parameter p : params) {
            Var node = paramNodes.get(p);
            if (node != null && node.index <= loss.index && need[node.index]) {
                need[node.index] = false;   // a parameter listed twice is still added once
                Var gt = g[node.index];
                if (gt != null) {
                    backend.zip(BinaryOp.ADD, p.grad(), gt.value, 0, 0, p.grad());
                }
            }
        }
    }

    /**
     * The reverse sweep: returns the gradient slots (indexed by node index, valid up to y's index and
     * until the next sweep) after propagating from y.
     */
    private Var[] run(Var y, Var[] targets, boolean createGraph) {
        if (y.rows() != 1 || y.cols() != 1) {
            throw new IllegalArgumentException("gradients are taken of a 1x1 value, got " + y.value.shape()
                    + " (reduce it with sum or mean first)");
        }
        int top = y.index;
        if (need.length < count) {
            need = new boolean[Math.max(count, need.length * 2)];
        }
        // which nodes lie on a path from a target to y
        java.util.Arrays.fill(need, 0, top + 1, false);
        for (Var t : targets) {
            if (t.index <= top) {
                need[t.index] = true;
            }
        }
        for (int i = 0; i <= top; i++) {
            Var v = nodes.get(i);
            if (need[i] || v.constant) {
                continue;
            }
            need[i] = (v.a != null && need[v.a.index]) || (v.b != null && need[v.b.index])
                    || (v.c != null && need[v.c.index]);
        }
        if (slots.length <= top) {
            slots = new Var[Math.max(top + 1, slots.length * 2)];
        }
        Var[] g = slots;
        java.util.Arrays.fill(g, 0, top + 1, null);
        if (!need[top]) {
            return g;
        }
        boolean saved = recording;
        recording = createGraph;
        try {
            Var seed = constant(1, 1);
            backend.fill(seed.value, 1);
            g[top] = seed;
            for (int i = top; i >= 0; i--) {
                Var gi = g[i];
                if (gi == null || !need[i]) {
                    continue;
                }
                Var v = nodes.get(i);
                v.kind.rule.backward(this, v, gi);
            }
        } finally {
            recording = saved;
        }
        return g;
    }

    /** Adds a rule's contribution to target's gradient slot in the running sweep (if the sweep needs it). */
    void accumulate(Var target, Var contribution) {
        int i = target.index;
        if (!need[i]) {
            return;
        }
        Var[] g = slots;
        g[i] = g[i] == null ? contribution : add(g[i], contribution);
    }

    /** True when the running sweep needs x's gradient (x lies on a path to a requested input). */
    boolean needs(Var x) {
        return x != null && need[x.index];
    }
}
