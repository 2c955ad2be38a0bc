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
 * op's derivative rule. The rules are written with the tape's own operations, so with
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

    private Var slot(Var.Kind kind) {
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
    private Var owned(Var.Kind kind, int rows, int cols) {
        Var v = slot(kind);
        Tensor buf = v.buffer;
        if (buf == null || !buf.hasShape(rows, cols)) {
            buf = backend.allocate(rows, cols);
            v.buffer = buf;
        }
        v.value = buf;
        return v;
    }

    private Var check(Var v, String what) {
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

    private static boolean constantInputs(Var... in) {
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

    // ------------------------------------------------------------------ linear algebra

    /** {@code a·b}. */
    public Var matmul(Var a, Var b) {
        return matmul(a, false, b, false);
    }

    /** {@code op(a)·op(b)}, op = transpose where the flag says so. */
    public Var matmul(Var a, boolean transA, Var b, boolean transB) {
        check(a, "matmul a");
        check(b, "matmul b");
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, op(a) is " + m + "x" + k
                    + " and op(b) is " + kb + "x" + n);
        }
        Var v = owned(Var.Kind.MATMUL, m, n);
        v.a = a;
        v.b = b;
        v.ta = transA;
        v.tb = transB;
        v.constant |= constantInputs(a, b);
        backend.matmul(a.value, transA, b.value, transB, 1, 0, v.value);
        return v;
    }

    /** The dense-layer map {@code x·w + bias} (bias 1×n added to every row), fused into one product. */
    public Var linear(Var x, Var w, Var bias) {
        Var v = linearNode(x, w, bias);
        backend.expand(bias.value, v.value);
        backend.matmul(x.value, false, w.value, false, 1, 1, v.value);
        return v;
    }

    /** The checked, not yet computed node of a dense layer. */
    private Var linearNode(Var x, Var w, Var bias) {
        check(x, "linear x");
        check(w, "linear w");
        check(bias, "linear bias");
        if (x.cols() != w.rows()) {
            throw new IllegalArgumentException("linear: input has " + x.cols() + " columns, weight is " + w.value.shape());
        }
        if (bias.rows() != 1 || bias.cols() != w.cols()) {
            throw new IllegalArgumentException("linear: bias " + bias.value.shape() + " must be 1x" + w.cols());
        }
        Var v = owned(Var.Kind.LINEAR, x.rows(), w.cols());
        v.a = x;
        v.b = w;
        v.c = bias;
        v.constant |= constantInputs(x, w, bias);
        return v;
    }

    /**
     * {@code relu(x·w + bias)} as one node: one product onto the preset bias, ReLU in place.
     * Same values and derivatives as {@code relu(linear(x, w, bias))}, one node and one buffer fewer.
     */
    public Var linearRelu(Var x, Var w, Var bias) {
        Var v = linearNode(x, w, bias);
        v.uop = UnaryOp.RELU;
        // bias copied in row by row, product accumulated onto it, ReLU in one flat pass: all three
        // vectorise (a fused bias-plus-ReLU row loop does not, the JIT cannot rule out aliasing)
        backend.expand(bias.value, v.value);
        backend.matmul(x.value, false, w.value, false, 1, 1, v.value);
        backend.map(UnaryOp.RELU, v.value, 0, 0, v.value);
        return v;
    }

    // ------------------------------------------------------------------ elementwise

    private Var zip(BinaryOp op, Var a, Var b, double p, double q) {
        check(a, op + " a");
        check(b, op + " b");
        if (!a.value.sameShape(b.value)) {
            throw new IllegalArgumentException(op.name().toLowerCase() + ": shape mismatch " + a.value.shape()
                    + " vs " + b.value.shape());
        }
        Var v = owned(Var.Kind.ZIP, a.rows(), a.cols());
        v.bop = op;
        v.a = a;
        v.b = b;
        v.p = p;
        v.q = q;
        v.constant |= constantInputs(a, b);
        backend.zip(op, a.value, b.value, p, q, v.value);
        return v;
    }

    public Var add(Var a, Var b) {
        return zip(BinaryOp.ADD, a, b, 0, 0);
    }

    public Var sub(Var a, Var b) {
        return zip(BinaryOp.SUB, a, b, 0, 0);
    }

    public Var mul(Var a, Var b) {
        return zip(BinaryOp.MUL, a, b, 0, 0);
    }

    public Var div(Var a, Var b) {
        return zip(BinaryOp.DIV, a, b, 0, 0);
    }

    /** a/b with 0 where b == 0. */
    public Var safeDiv(Var a, Var b) {
        return zip(BinaryOp.SAFE_DIV, a, b, 0, 0);
    }

    /** A masked gradient op (linear in g, b only picks the branch, so no gradient flows to b). */
    private Var mask(BinaryOp op, Var g, Var b, double p, double q) {
        check(g, op + " g");
        check(b, op + " b");
        Var v = owned(Var.Kind.MASK, g.rows(), g.cols());
        v.bop = op;
        v.a = g;
        v.b = b;
        v.p = p;
        v.q = q;
        v.constant |= g.constant;
        backend.zip(op, g.value, b.value, p, q, v.value);
        return v;
    }

    /**
     * {@code x op s} with {@code s} broadcast: 1×n (a row added to every row), m×1 (a column), or 1×1 (a
     * scalar held in a Var). Ops ADD, SUB, MUL, DIV, SAFE_DIV.
     */
    public Var broadcast(BinaryOp op, Var x, Var s) {
        check(x, "broadcast x");
        check(s, "broadcast s");
        switch (op) {
            case ADD, SUB, MUL, DIV, SAFE_DIV -> {
            }
            default -> throw new IllegalArgumentException("broadcast: op " + op + " not supported");
        }
        boolean ok = (s.rows() == 1 && (s.cols() == 1 || s.cols() == x.cols())) || (s.cols() == 1 && s.rows() == x.rows());
        if (!ok) {
            throw new IllegalArgumentException("broadcast " + op + ": " + s.value.shape() + " does not broadcast to "
                    + x.value.shape());
        }
        Var v = owned(Var.Kind.BROADCAST, x.rows(), x.cols());
        v.bop = op;
        v.a = x;
        v.b = s;
        v.constant |= constantInputs(x, s);
        backend.broadcast(op, x.value, s.value, v.value);
        return v;
    }

    /** Adds the 1×n row {@code row} to every row of x (bias add). */
    public Var addRow(Var x, Var row) {
        return broadcastChecked(BinaryOp.ADD, x, row, true);
    }

    /** Multiplies every row of x elementwise by the 1×n row {@code row} (a gain). */
    public Var mulRow(Var x, Var row) {
        return broadcastChecked(BinaryOp.MUL, x, row, true);
    }

    /** Adds the m×1 column {@code col} to every column of x. */
    public Var addCol(Var x, Var col) {
        return broadcastChecked(BinaryOp.ADD, x, col, false);
    }

    /** Subtracts the m×1 column {@code col} from every column of x. */
    public Var subCol(Var x, Var col) {
        return broadcastChecked(BinaryOp.SUB, x, col, false);
    }

    /** Scales row i of x by {@code col[i]}. */
    public Var mulCol(Var x, Var col) {
        return broadcastChecked(BinaryOp.MUL, x, col, false);
    }

    /** Multiplies x by the 1×1 value {@code s} (a scalar that is itself differentiable). */
    public Var scaleBy(Var x, Var s) {
        check(s, "scaleBy s");
        if (s.rows() != 1 || s.cols() != 1) {
            throw new IllegalArgumentException("scaleBy: s must be 1x1, got " + s.value.shape());
        }
        return broadcast(BinaryOp.MUL, x, s);
    }

    private Var broadcastChecked(BinaryOp op, Var x, Var s, boolean row) {
        check(x, "x");
        check(s, "s");
        boolean ok = row ? s.rows() == 1 && s.cols() == x.cols() : s.cols() == 1 && s.rows() == x.rows();
        if (!ok) {
            throw new IllegalArgumentException((row ? "row" : "column") + " broadcast " + op + ": operand "
                    + s.value.shape() + " must be " + (row ? "1x" + x.cols() : x.rows() + "x1") + " for x "
                    + x.value.shape());
        }
        return broadcast(op, x, s);
    }

    /** {@code a·x + b} for constants a, b. */
    public Var affine(Var x, double a, double b) {
        check(x, "affine x");
        Var v = owned(Var.Kind.AFFINE, x.rows(), x.cols());
        v.a = x;
        v.p = a;
        v.q = b;
        v.constant |= x.constant;
        backend.affine(x.value, a, b, v.value);
        return v;
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

    private Var map(UnaryOp op, Var x, double p, double q) {
        check(x, op.name().toLowerCase() + " x");
        Var v = owned(Var.Kind.MAP, x.rows(), x.cols());
        v.uop = op;
        v.a = x;
        v.p = p;
        v.q = q;
        v.constant |= x.constant || op == UnaryOp.STEP;
        backend.map(op, x.value, p, q, v.value);
        return v;
    }

    public Var relu(Var x) {
        return map(UnaryOp.RELU, x, 0, 0);
    }

    /** x for x &gt; 0, alpha·x otherwise. */
    public Var leakyRelu(Var x, double alpha) {
        return map(UnaryOp.LEAKY_RELU, x, alpha, 0);
    }

    public Var tanh(Var x) {
        return map(UnaryOp.TANH, x, 0, 0);
    }

    public Var sigmoid(Var x) {
        return map(UnaryOp.SIGMOID, x, 0, 0);
    }

    /** log(1 + eˣ), stable for large |x|. */
    public Var softplus(Var x) {
        return map(UnaryOp.SOFTPLUS, x, 0, 0);
    }

    /** log σ(x), stable for large |x|; BCE with logits is {@code −logSigmoid(±logit)}. */
    public Var logSigmoid(Var x) {
        return map(UnaryOp.LOG_SIGMOID, x, 0, 0);
    }

    /** x for x &gt; 0, alpha·(eˣ − 1) otherwise. */
    public Var elu(Var x, double alpha) {
        return map(UnaryOp.ELU, x, alpha, 0);
    }

    public Var exp(Var x) {
        return map(UnaryOp.EXP, x, 0, 0);
    }

    public Var log(Var x) {
        return map(UnaryOp.LOG, x, 0, 0);
    }

    public Var sqrt(Var x) {
        return map(UnaryOp.SQRT, x, 0, 0);
    }

    public Var square(Var x) {
        return map(UnaryOp.SQUARE, x, 0, 0);
    }

    public Var reciprocal(Var x) {
        return map(UnaryOp.RECIPROCAL, x, 0, 0);
    }

    /** min(max(x, lo), hi); the gradient is 1 strictly inside (lo, hi) and 0 outside. */
    public Var clamp(Var x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp: lo=" + lo + " must be <= hi=" + hi);
        }
        return map(UnaryOp.CLAMP, x, lo, hi);
    }

    // ------------------------------------------------------------------ reductions and shape

    private Var reduce(Var x, int rows, int cols) {
        check(x, "reduce x");
        Var v = owned(Var.Kind.REDUCE, rows, cols);
        v.a = x;
        v.constant |= x.constant;
        backend.reduceSum(x.value, v.value);
        return v;
    }

    /** Σ of all elements, 1×1. */
    public Var sum(Var x) {
        return reduce(x, 1, 1);
    }

    /** Mean of all elements, 1×1. */
    public Var mean(Var x) {
        check(x, "mean x");
        return scale(sum(x), 1.0 / ((double) x.rows() * x.cols()));
    }

    /** Sum of each column (over the rows), 1×n. */
    public Var columnSums(Var x) {
        check(x, "columnSums x");
        return reduce(x, 1, x.cols());
    }

    /** Sum of each row (over the columns), m×1. */
    public Var rowSums(Var x) {
        check(x, "rowSums x");
        return reduce(x, x.rows(), 1);
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
        check(s, "expand s");
        boolean ok = (s.rows() == 1 && (s.cols() == 1 || s.cols() == cols)) || (s.cols() == 1 && s.rows() == rows);
        if (!ok || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("expand: " + s.value.shape() + " does not expand to " + rows + "x" + cols);
        }
        Var v = owned(Var.Kind.EXPAND, rows, cols);
        v.a = s;
        v.constant |= s.constant;
        backend.expand(s.value, v.value);
        return v;
    }

    /**
     * Euclidean norm of each row, m×1. Its gradient {@code x/‖x‖} is undefined at a zero row; we use 0
     * there (the minimum-norm sub-gradient, as PyTorch does), so an all-zero row passes no gradient.
     */
    public Var rowNorm(Var x) {
        check(x, "rowNorm x");
        Var v = owned(Var.Kind.ROW_NORM, x.rows(), 1);
        v.a = x;
        v.constant |= x.constant;
        backend.rowNorm(x.value, v.value);
        return v;
    }

    /** Rows {@code [from, from+count)} of x. */
    public Var sliceRows(Var x, int from, int count) {
        check(x, "sliceRows x");
        if (from < 0 || count < 1 || from + count > x.rows()) {
            throw new IllegalArgumentException("sliceRows: rows [" + from + ", " + (from + count) + ") outside "
                    + x.value.shape());
        }
        Var v = owned(Var.Kind.SLICE_ROWS, count, x.cols());
        v.a = x;
        v.offset = from;
        v.constant |= x.constant;
        backend.copyRows(x.value, from, v.value, 0, count);
        return v;
    }

    /** x placed at rows {@code [from, from+x.rows)} of a zero matrix of {@code totalRows} rows (adjoint of slicing). */
    public Var padRows(Var x, int from, int totalRows) {
        check(x, "padRows x");
        if (from < 0 || from + x.rows() > totalRows) {
            throw new IllegalArgumentException("padRows: " + x.value.shape() + " at row " + from + " outside "
                    + totalRows + " rows");
        }
        Var v = owned(Var.Kind.PAD_ROWS, totalRows, x.cols());
        v.a = x;
        v.offset = from;
        v.constant |= x.constant;
        backend.fill(v.value, 0);
        backend.copyRows(x.value, 0, v.value, from, x.rows());
        return v;
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

    // ------------------------------------------------------------------ convolution support

    /**
     * The convolution windows of x (batch × s.inputSize(), HWC rows) as a column matrix
     * (batch·outH·outW × s.patchSize()); see {@link ConvShape}. Linear; its adjoint is {@link #col2im}.
     */
    public Var im2col(Var x, ConvShape s) {
        check(x, "im2col x");
        Var v = owned(Var.Kind.IM2COL, s.patchRows(x.rows()), s.patchSize());
        v.a = x;
        v.conv = s;
        v.constant |= x.constant;
        backend.im2col(x.value, s, v.value);
        return v;
    }

    /**
     * The adjoint of {@link #im2col}: column entries summed back into images (batch × s.inputSize()), the
     * batch being cols.rows/(outH·outW). Used by transposed convolutions and as im2col's derivative.
     */
    public Var col2im(Var cols, ConvShape s) {
        check(cols, "col2im cols");
        int per = s.outH() * s.outW();
        if (cols.rows() % per != 0 || cols.cols() != s.patchSize()) {
            throw new IllegalArgumentException("col2im: columns " + cols.value.shape() + " do not fit " + s);
        }
        Var v = owned(Var.Kind.COL2IM, cols.rows() / per, s.inputSize());
        v.a = cols;
        v.conv = s;
        v.constant |= cols.constant;
        backend.col2im(cols.value, s, v.value);
        return v;
    }

    /** x's elements in row-major order as a rows×cols matrix (same number of elements). */
    public Var reshape(Var x, int rows, int cols) {
        check(x, "reshape x");
        if ((long) rows * cols != x.value.size()) {
            throw new IllegalArgumentException("reshape: " + x.value.shape() + " cannot become " + rows + "x" + cols);
        }
        if (x.rows() == rows) {
            return x;
        }
        // A view of x's value where the backend can share storage (no copy): safe because a recorded
        // value is never written again until the next reset. The view is kept in its own field, never as
        // the slot's buffer, so a later step that reuses this slot for another op cannot write into x.
        Var v = slot(Var.Kind.RESHAPE);
        Tensor view = v.view;
        if (view == null || v.viewSource != x.value || !view.hasShape(rows, cols)) {
            view = backend.view(x.value, rows, cols);
            v.view = view;
            v.viewSource = x.value;
        }
        if (view != null) {
            v.value = view;
        } else {
            Tensor buf = v.buffer;
            if (buf == null || !buf.hasShape(rows, cols)) {
                buf = backend.allocate(rows, cols);
                v.buffer = buf;
            }
            v.value = buf;
            backend.reshape(x.value, buf);
        }
        v.a = x;
        v.constant |= x.constant;
        return v;
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
                propagate(v, gi, g);
            }
        } finally {
            recording = saved;
        }
        return g;
    }

    private void accumulate(Var[] g, Var target, Var contribution) {
        int i = target.index;
        if (!need[i]) {
            return;
        }
        g[i] = g[i] == null ? contribution : add(g[i], contribution);
    }

    private boolean needs(Var x) {
        return x != null && need[x.index];
    }

    /** Applies v's derivative rule to its output gradient g, adding into its inputs' slots. */
    private void propagate(Var v, Var g, Var[] slots) {
        Var a = v.a;
        Var b = v.b;
        switch (v.kind) {
            case CONSTANT, LEAF -> {
            }
            case MATMUL -> {
                if (needs(a)) {
                    accumulate(slots, a, v.ta ? matmul(b, v.tb, g, true) : matmul(g, false, b, !v.tb));
                }
                if (needs(b)) {
                    accumulate(slots, b, v.tb ? matmul(g, true, a, v.ta) : matmul(a, !v.ta, g, false));
                }
            }
            case LINEAR -> {
                if (v.uop == UnaryOp.RELU) {
                    // fused ReLU: the pre-activation is positive exactly where the output is
                    g = mask(BinaryOp.RELU_MASK, g, v, 0, 0);
                }
                if (needs(a)) {
                    accumulate(slots, a, matmul(g, false, b, true));
                }
                if (needs(b)) {
                    accumulate(slots, b, matmul(a, true, g, false));
                }
                if (needs(v.c)) {
                    accumulate(slots, v.c, columnSums(g));
                }
            }
            case ZIP -> {
                switch (v.bop) {
                    case ADD -> {
                        if (needs(a)) {
                            accumulate(slots, a, g);
                        }
                        if (needs(b)) {
                            accumulate(slots, b, g);
                        }
                    }
                    case SUB -> {
                        if (needs(a)) {
                            accumulate(slots, a, g);
                        }
                        if (needs(b)) {
                            accumulate(slots, b, neg(g));
                        }
                    }
                    case MUL -> {
                        if (needs(a)) {
                            accumulate(slots, a, mul(g, b));
                        }
                        if (needs(b)) {
                            accumulate(slots, b, mul(g, a));
                        }
                    }
                    case DIV -> {
                        if (needs(a)) {
                            accumulate(slots, a, div(g, b));
                        }
                        if (needs(b)) {
                            // d(a/b)/db = −(a/b)/b
                            accumulate(slots, b, neg(div(mul(g, v), b)));
                        }
                    }
                    case SAFE_DIV -> {
                        if (needs(a)) {
                            accumulate(slots, a, safeDiv(g, b));
                        }
                        if (needs(b)) {
                            accumulate(slots, b, neg(safeDiv(mul(g, v), b)));
                        }
                    }
                    case TANH_BACKWARD -> {
                        // v = a·(1 − b²): ∂/∂a = (1 − b²), ∂/∂b = −2·a·b
                        if (needs(a)) {
                            accumulate(slots, a, tanhBackward(g, b));
                        }
                        if (needs(b)) {
                            accumulate(slots, b, scale(mul(mul(g, a), b), -2));
                        }
                    }
                    case SIGMOID_BACKWARD -> {
                        // v = a·b·(1 − b): ∂/∂a = b(1 − b), ∂/∂b = a·(1 − 2b)
                        if (needs(a)) {
                            accumulate(slots, a, sigmoidBackward(g, b));
                        }
                        if (needs(b)) {
                            accumulate(slots, b, mul(mul(g, a), affine(b, -2, 1)));
                        }
                    }
                    default -> throw new IllegalStateException("zip op without a rule: " + v.bop);
                }
            }
            case MASK -> {
                // linear in a; b only selects the branch (its derivative is zero almost everywhere)
                if (needs(a)) {
                    accumulate(slots, a, mask(v.bop, g, b, v.p, v.q));
                }
            }
            case BROADCAST -> {
                Var s = b;
                switch (v.bop) {
                    case ADD -> {
                        if (needs(a)) {
                            accumulate(slots, a, g);
                        }
                        if (needs(s)) {
                            accumulate(slots, s, reduceTo(g, s));
                        }
                    }
                    case SUB -> {
                        if (needs(a)) {
                            accumulate(slots, a, g);
                        }
                        if (needs(s)) {
                            accumulate(slots, s, neg(reduceTo(g, s)));
                        }
                    }
                    case MUL -> {
                        if (needs(a)) {
                            accumulate(slots, a, broadcast(BinaryOp.MUL, g, s));
                        }
                        if (needs(s)) {
                            accumulate(slots, s, reduceTo(mul(g, a), s));
                        }
                    }
                    case DIV, SAFE_DIV -> {
                        if (needs(a)) {
                            accumulate(slots, a, broadcast(v.bop, g, s));
                        }
                        if (needs(s)) {
                            accumulate(slots, s, neg(reduceTo(broadcast(v.bop, mul(g, v), s), s)));
                        }
                    }
                    default -> throw new IllegalStateException("broadcast op without a rule: " + v.bop);
                }
            }
            case EXPAND -> {
                if (needs(a)) {
                    accumulate(slots, a, reduceTo(g, a));
                }
            }
            case REDUCE -> {
                if (needs(a)) {
                    accumulate(slots, a, expand(g, a.rows(), a.cols()));
                }
            }
            case AFFINE -> {
                if (needs(a)) {
                    accumulate(slots, a, v.p == 1 ? g : scale(g, v.p));
                }
            }
            case MAP -> {
                if (needs(a)) {
                    Var d = mapDerivative(v, g);
                    if (d != null) {
                        accumulate(slots, a, d);
                    }
                }
            }
            case ROW_NORM -> {
                if (needs(a)) {
                    accumulate(slots, a, mulCol(a, safeDiv(g, v)));
                }
            }
            case SLICE_ROWS -> {
                if (needs(a)) {
                    accumulate(slots, a, padRows(g, v.offset, a.rows()));
                }
            }
            case PAD_ROWS -> {
                if (needs(a)) {
                    accumulate(slots, a, sliceRows(g, v.offset, a.rows()));
                }
            }
            // im2col and col2im are linear maps and each other's adjoint, so each one's derivative is the
            // other, recorded on the tape: derivatives of any order follow
            case IM2COL -> {
                if (needs(a)) {
                    accumulate(slots, a, col2im(g, v.conv));
                }
            }
            case COL2IM -> {
                if (needs(a)) {
                    accumulate(slots, a, im2col(g, v.conv));
                }
            }
            case RESHAPE -> {
                if (needs(a)) {
                    accumulate(slots, a, reshape(g, a.rows(), a.cols()));
                }
            }
        }
    }

    /** g summed down to s's shape (the adjoint of broadcasting s). */
    private Var reduceTo(Var g, Var s) {
        if (g.rows() == s.rows() && g.cols() == s.cols()) {
            return g;
        }
        return reduce(g, s.rows(), s.cols());
    }

    /** g·f'(x) for v = f(x), written with tape ops so that it is differentiable again. */
    private Var mapDerivative(Var v, Var g) {
        Var x = v.a;
        return switch (v.uop) {
            case RELU -> mask(BinaryOp.RELU_MASK, g, x, 0, 0);
            case LEAKY_RELU -> mask(BinaryOp.LEAKY_MASK, g, x, v.p, 0);
            case TANH -> tanhBackward(g, v);
            case SIGMOID -> sigmoidBackward(g, v);
            case SOFTPLUS -> mul(g, sigmoid(x));
            case LOG_SIGMOID -> mul(g, sigmoid(neg(x)));
            case ELU -> mul(g, map(UnaryOp.ELU_DERIV, x, v.p, 0));
            case ELU_DERIV -> mul(g, map(UnaryOp.ELU_DERIV2, x, v.p, 0));
            case ELU_DERIV2, EXP -> mul(g, v);
            case LOG -> div(g, x);
            case SQRT -> div(g, scale(v, 2));
            case SQUARE -> mul(g, scale(x, 2));
            case RECIPROCAL -> neg(mul(g, square(v)));
            case CLAMP -> mask(BinaryOp.RANGE_MASK, g, x, v.p, v.q);
            case STEP -> null;
        };
    }

    /** g·(1 − y²) for y = tanh(x), as one differentiable node. */
    private Var tanhBackward(Var g, Var y) {
        Var v = owned(Var.Kind.ZIP, g.rows(), g.cols());
        v.bop = BinaryOp.TANH_BACKWARD;
        v.a = g;
        v.b = y;
        v.constant |= constantInputs(g, y);
        backend.zip(BinaryOp.TANH_BACKWARD, g.value, y.value, 0, 0, v.value);
        return v;
    }

    /** g·y·(1 − y) for y = σ(x), as one differentiable node. */
    private Var sigmoidBackward(Var g, Var y) {
        Var v = owned(Var.Kind.ZIP, g.rows(), g.cols());
        v.bop = BinaryOp.SIGMOID_BACKWARD;
        v.a = g;
        v.b = y;
        v.constant |= constantInputs(g, y);
        backend.zip(BinaryOp.SIGMOID_BACKWARD, g.value, y.value, 0, 0, v.value);
        return v;
    }
}
