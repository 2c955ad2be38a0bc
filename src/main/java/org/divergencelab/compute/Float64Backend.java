// GENERATED from CpuBackend.java by Float64BackendGenerator: do not edit, edit CpuBackend and run
// java src/test/java/org/divergencelab/compute/Float64BackendGenerator.java
package org.divergencelab.compute;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The float64 reference backend: the same kernels as {@link CpuBackend} in double precision with plain
 * matrix-product loops. It is slow and exists as the truth: finite-difference gradient checks run the
 * unchanged autodiff and nn code on it, and other backends are compared against it.
 */
public final class Float64Backend implements ComputeBackend {

    /** The shared instance (the backend is stateless). */
    public static final Float64Backend INSTANCE = new Float64Backend();

    /** A tensor of this backend: a row-major double array of exactly rows·cols elements. */
    static final class F64Tensor extends Tensor {
        final double[] data;

        F64Tensor(int rows, int cols) {
            super(rows, cols);
            this.data = new double[rows * cols];
        }

        /** A view: another shape over the same array (see {@link #view}). */
        F64Tensor(int rows, int cols, double[] shared) {
            super(rows, cols);
            this.data = shared;
        }

        @Override
        public ComputeBackend backend() {
            return INSTANCE;
        }
    }

    private Float64Backend() {
    }

    @Override
    public String name() {
        return "cpu-f64";
    }

    private static double[] d(Tensor t, String what) {
        if (t instanceof F64Tensor c) {
            return c.data;
        }
        throw new IllegalArgumentException(what + " is not a cpu-f64 tensor: " + t);
    }

    private static double[] d(Tensor t) {
        return d(t, "tensor");
    }

    private static void sameShape(String op, Tensor a, Tensor b) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException(op + ": shape mismatch " + a.shape() + " vs " + b.shape());
        }
    }

    @Override
    public Tensor allocate(int rows, int cols) {
        return new F64Tensor(rows, cols);
    }

    @Override
    public void copyIn(double[] src, Tensor dst) {
        double[] o = d(dst);
        if (src.length != o.length) {
            throw new IllegalArgumentException("copyIn: array length " + src.length + " != " + dst.shape());
        }
        System.arraycopy(src, 0, o, 0, o.length);
    }

    @Override
    public void copyIn(float[] src, Tensor dst) {
        double[] o = d(dst);
        if (src.length != o.length) {
            throw new IllegalArgumentException("copyIn: array length " + src.length + " != " + dst.shape());
        }
        for (int i = 0; i < o.length; i++) {
            o[i] = src[i];
        }
    }

    @Override
    public void copyOut(Tensor src, double[] dst) {
        double[] s = d(src);
        if (dst.length < s.length) {
            throw new IllegalArgumentException("copyOut: array length " + dst.length + " < " + src.shape());
        }
        System.arraycopy(s, 0, dst, 0, s.length);
    }

    @Override
    public void copyOut(Tensor src, float[] dst) {
        double[] s = d(src);
        if (dst.length < s.length) {
            throw new IllegalArgumentException("copyOut: array length " + dst.length + " < " + src.shape());
        }
        for (int i = 0; i < s.length; i++) {
            dst[i] = (float) s[i];
        }
    }

    private static int index(Tensor t, int row, int col) {
        if (row < 0 || row >= t.rows() || col < 0 || col >= t.cols()) {
            throw new IllegalArgumentException("index (" + row + "," + col + ") outside " + t.shape());
        }
        return row * t.cols() + col;
    }

    @Override
    public double get(Tensor t, int row, int col) {
        return d(t)[index(t, row, col)];
    }

    @Override
    public void set(Tensor t, int row, int col, double value) {
        d(t)[index(t, row, col)] = value;
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        sameShape("copy", src, dst);
        System.arraycopy(d(src), 0, d(dst), 0, src.size());
    }

    @Override
    public void copyRows(Tensor src, int srcRow, Tensor dst, int dstRow, int count) {
        if (src.cols() != dst.cols() || count < 0 || srcRow < 0 || dstRow < 0
                || srcRow + count > src.rows() || dstRow + count > dst.rows()) {
            throw new IllegalArgumentException("copyRows: " + count + " rows from " + src.shape() + "@" + srcRow
                    + " to " + dst.shape() + "@" + dstRow + " do not fit");
        }
        int n = src.cols();
        System.arraycopy(d(src), srcRow * n, d(dst), dstRow * n, count * n);
    }

    @Override
    public void fill(Tensor t, double value) {
        Arrays.fill(d(t), value);
    }

    @Override
    public void fillNormal(Tensor t, double mean, double std, RandomGenerator rng) {
        double[] o = d(t);
        for (int i = 0; i < o.length; i++) {
            o[i] = (mean + std * rng.nextGaussian());
        }
    }

    @Override
    public void fillUniform(Tensor t, double lo, double hi, RandomGenerator rng) {
        double[] o = d(t);
        double w = hi - lo;
        for (int i = 0; i < o.length; i++) {
            o[i] = (lo + w * rng.nextDouble());
        }
    }

    // ---- linear algebra ----

    @Override
    public void matmul(Tensor a, boolean transA, Tensor b, boolean transB, double alpha, double beta, Tensor c) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("matmul: op(a) " + m + "x" + k + " times op(b) " + kb + "x" + n
                    + " into c " + c.shape() + " (a " + a.shape() + (transA ? "ᵀ" : "") + ", b " + b.shape()
                    + (transB ? "ᵀ" : "") + ")");
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("matmul: c may not alias an operand");
        }
        double[] x = d(a);
        double[] y = d(b);
        double[] o = d(c);
        int lda = a.cols();
        int ldb = b.cols();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? x[p * lda + i] : x[i * lda + p];
                    double bv = transB ? y[j * ldb + p] : y[p * ldb + j];
                    acc += av * bv;
                }
                o[i * n + j] = beta == 0 ? alpha * acc : alpha * acc + beta * o[i * n + j];
            }
        }
    }

    // ---- convolution support ----

    @Override
    public void im2col(Tensor x, ConvShape s, Tensor cols) {
        int batch = s.checkShapes("im2col", x, cols);
        double[] in = d(x);
        double[] out = d(cols);
        s.forEachPatchElement(batch, (ci, xi) -> out[ci] = xi < 0 ? 0 : in[xi]);
    }

    @Override
    public void col2im(Tensor cols, ConvShape s, Tensor x) {
        int batch = s.checkShapes("col2im", x, cols);
        double[] in = d(cols);
        double[] out = d(x);
        java.util.Arrays.fill(out, 0);
        s.forEachPatchElement(batch, (ci, xi) -> {
            if (xi >= 0) {
                out[xi] += in[ci];
            }
        });
    }

    /** Always a view: the array is shared under another shape (no copy). */
    @Override
    public Tensor view(Tensor src, int rows, int cols) {
        double[] data = d(src, "view source");
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("view: " + src.shape() + " cannot become " + rows + "x" + cols);
        }
        return new F64Tensor(rows, cols, data);
    }

    @Override
    public void reshape(Tensor src, Tensor dst) {
        if (src.size() != dst.size()) {
            throw new IllegalArgumentException("reshape: " + src.shape() + " and " + dst.shape() + " differ in size");
        }
        System.arraycopy(d(src), 0, d(dst), 0, src.size());
    }

    // ---- elementwise ----

    @Override
    public void map(UnaryOp op, Tensor x, double p, double q, Tensor out) {
        sameShape("map " + op, x, out);
        double[] s = d(x);
        double[] o = d(out);
        int len = s.length;
        double fp = p;
        double fq = q;
        switch (op) {
            case RELU -> {
                for (int i = 0; i < len; i++) {
                    o[i] = Math.max(s[i], 0);
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = v > 0 ? v : fp * v;
                }
            }
            case TANH -> {
                for (int i = 0; i < len; i++) {
                    o[i] = Math.tanh(s[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < len; i++) {
                    o[i] = sigmoid(s[i]);
                }
            }
            case SOFTPLUS -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
                }
            }
            case LOG_SIGMOID -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = (Math.min(v, 0) - Math.log1p(Math.exp(-Math.abs(v))));
                }
            }
            case ELU -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = (v > 0 ? v : p * Math.expm1(v));
                }
            }
            case ELU_DERIV -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = (v > 0 ? 1 : p * Math.exp(v));
                }
            }
            case ELU_DERIV2 -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = (v > 0 ? 0 : p * Math.exp(v));
                }
            }
            case EXP -> {
                for (int i = 0; i < len; i++) {
                    o[i] = Math.exp(s[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < len; i++) {
                    o[i] = Math.log(s[i]);
                }
            }
            case SQRT -> {
                for (int i = 0; i < len; i++) {
                    o[i] = Math.sqrt(s[i]);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = v * v;
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < len; i++) {
                    o[i] = 1 / s[i];
                }
            }
            case CLAMP -> {
                for (int i = 0; i < len; i++) {
                    o[i] = Math.min(Math.max(s[i], fp), fq);
                }
            }
            case STEP -> {
                for (int i = 0; i < len; i++) {
                    o[i] = s[i] > 0 ? 1 : 0;
                }
            }
        }
    }

    private static double sigmoid(double v) {
        if (v >= 0) {
            return 1 / (1 + Math.exp(-v));
        }
        double e = Math.exp(v);
        return e / (1 + e);
    }

    @Override
    public void affine(Tensor x, double a, double b, Tensor out) {
        sameShape("affine", x, out);
        double[] s = d(x);
        double[] o = d(out);
        double fa = a;
        double fb = b;
        for (int i = 0; i < s.length; i++) {
            o[i] = fa * s[i] + fb;
        }
    }

    @Override
    public void zip(BinaryOp op, Tensor a, Tensor b, double p, double q, Tensor out) {
        sameShape("zip " + op, a, b);
        sameShape("zip " + op, a, out);
        double[] x = d(a);
        double[] y = d(b);
        double[] o = d(out);
        int len = x.length;
        double fp = p;
        double fq = q;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < len; i++) {
                    o[i] = x[i] + y[i];
                }
            }
            case SUB -> {
                for (int i = 0; i < len; i++) {
                    o[i] = x[i] - y[i];
                }
            }
            case MUL -> {
                for (int i = 0; i < len; i++) {
                    o[i] = x[i] * y[i];
                }
            }
            case DIV -> {
                for (int i = 0; i < len; i++) {
                    o[i] = x[i] / y[i];
                }
            }
            case SAFE_DIV -> {
                for (int i = 0; i < len; i++) {
                    double v = y[i];
                    o[i] = v == 0 ? 0 : x[i] / v;
                }
            }
            case RELU_MASK -> {
                for (int i = 0; i < len; i++) {
                    o[i] = y[i] > 0 ? x[i] : 0;
                }
            }
            case LEAKY_MASK -> {
                for (int i = 0; i < len; i++) {
                    o[i] = y[i] > 0 ? x[i] : fp * x[i];
                }
            }
            case RANGE_MASK -> {
                for (int i = 0; i < len; i++) {
                    double v = y[i];
                    o[i] = v > fp && v < fq ? x[i] : 0;
                }
            }
            case TANH_BACKWARD -> {
                for (int i = 0; i < len; i++) {
                    double v = y[i];
                    o[i] = x[i] * (1 - v * v);
                }
            }
            case SIGMOID_BACKWARD -> {
                for (int i = 0; i < len; i++) {
                    double v = y[i];
                    o[i] = x[i] * v * (1 - v);
                }
            }
        }
    }

    @Override
    public void broadcast(BinaryOp op, Tensor x, Tensor small, Tensor out) {
        sameShape("broadcast " + op, x, out);
        int m = x.rows();
        int n = x.cols();
        double[] s = d(x);
        double[] v = d(small);
        double[] o = d(out);
        if (small.rows() == 1 && small.cols() == 1) {
            for (int i = 0; i < m; i++) {
                rowOp(op, s, i * n, n, v[0], o);
            }
        } else if (small.rows() == 1 && small.cols() == n) {
            for (int i = 0; i < m; i++) {
                rowVectorOp(op, s, i * n, n, v, o);
            }
        } else if (small.cols() == 1 && small.rows() == m) {
            for (int i = 0; i < m; i++) {
                rowOp(op, s, i * n, n, v[i], o);
            }
        } else {
            throw new IllegalArgumentException("broadcast " + op + ": " + small.shape() + " does not broadcast to "
                    + x.shape());
        }
    }

    /** One row of {@code x op v} for a row vector v. */
    private static void rowVectorOp(BinaryOp op, double[] s, int base, int n, double[] v, double[] o) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < n; j++) {
                    o[base + j] = s[base + j] + v[j];
                }
            }
            case SUB -> {
                for (int j = 0; j < n; j++) {
                    o[base + j] = s[base + j] - v[j];
                }
            }
            case MUL -> {
                for (int j = 0; j < n; j++) {
                    o[base + j] = s[base + j] * v[j];
                }
            }
            case DIV -> {
                for (int j = 0; j < n; j++) {
                    o[base + j] = s[base + j] / v[j];
                }
            }
            case SAFE_DIV -> {
                for (int j = 0; j < n; j++) {
                    double w = v[j];
                    o[base + j] = w == 0 ? 0 : s[base + j] / w;
                }
            }
            default -> throw new IllegalArgumentException("broadcast: unsupported op " + op);
        }
    }

    /** One row of {@code x op c} for a constant c. */
    private static void rowOp(BinaryOp op, double[] s, int base, int n, double c, double[] o) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < n; j++) {
                    o[base + j] = s[base + j] + c;
                }
            }
            case SUB -> {
                for (int j = 0; j < n; j++) {
                    o[base + j] = s[base + j] - c;
                }
            }
            case MUL -> {
                for (int j = 0; j < n; j++) {
                    o[base + j] = s[base + j] * c;
                }
            }
            case DIV -> {
                for (int j = 0; j < n; j++) {
                    o[base + j] = s[base + j] / c;
                }
            }
            case SAFE_DIV -> {
                for (int j = 0; j < n; j++) {
                    o[base + j] = c == 0 ? 0 : s[base + j] / c;
                }
            }
            default -> throw new IllegalArgumentException("broadcast: unsupported op " + op);
        }
    }

    @Override
    public void expand(Tensor small, Tensor out) {
        int m = out.rows();
        int n = out.cols();
        double[] v = d(small);
        double[] o = d(out);
        if (small.rows() == 1 && small.cols() == n) {
            for (int i = 0; i < m; i++) {
                System.arraycopy(v, 0, o, i * n, n);
            }
        } else if (small.cols() == 1 && small.rows() == m) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(o, i * n, (i + 1) * n, v[i]);
            }
        } else if (small.rows() == 1 && small.cols() == 1) {
            Arrays.fill(o, v[0]);
        } else {
            throw new IllegalArgumentException("expand: " + small.shape() + " does not expand to " + out.shape());
        }
    }

    // ---- reductions ----

    @Override
    public void reduceSum(Tensor x, Tensor out) {
        int m = x.rows();
        int n = x.cols();
        double[] s = d(x);
        double[] o = d(out);
        if (out.rows() == 1 && out.cols() == n) {
            Arrays.fill(o, 0);
            for (int i = 0; i < m; i++) {
                int base = i * n;
                for (int j = 0; j < n; j++) {
                    o[j] += s[base + j];
                }
            }
        } else if (out.cols() == 1 && out.rows() == m) {
            for (int i = 0; i < m; i++) {
                int base = i * n;
                double acc = 0;
                for (int j = 0; j < n; j++) {
                    acc += s[base + j];
                }
                o[i] = acc;
            }
        } else if (out.rows() == 1 && out.cols() == 1) {
            double acc = 0;
            for (double v : s) {
                acc += v;
            }
            o[0] = acc;
        } else {
            throw new IllegalArgumentException("reduceSum: " + x.shape() + " does not reduce to " + out.shape());
        }
    }

    @Override
    public void rowNorm(Tensor x, Tensor out) {
        if (out.rows() != x.rows() || out.cols() != 1) {
            throw new IllegalArgumentException("rowNorm: out " + out.shape() + " must be " + x.rows() + "x1");
        }
        int n = x.cols();
        double[] s = d(x);
        double[] o = d(out);
        for (int i = 0; i < x.rows(); i++) {
            int base = i * n;
            double acc = 0;
            for (int j = 0; j < n; j++) {
                double v = s[base + j];
                acc += v * v;
            }
            o[i] = Math.sqrt(acc);
        }
    }

    @Override
    public double sumOfSquares(Tensor x) {
        double acc = 0;
        for (double v : d(x)) {
            acc += (double) v * v;
        }
        return acc;
    }

    @Override
    public boolean allFinite(Tensor x) {
        double[] s = d(x);
        double acc = 0;
        for (double v : s) {
            acc += v * 0; // NaN·0 and ∞·0 are NaN, finite·0 is 0: one vectorisable pass
        }
        return acc == 0;
    }

    // ---- optimiser updates ----

    @Override
    public void sgdStep(Tensor param, Tensor grad, double lr) {
        sameShape("sgdStep", param, grad);
        double[] p = d(param);
        double[] g = d(grad);
        double a = lr;
        for (int i = 0; i < p.length; i++) {
            p[i] -= a * g[i];
        }
    }

    @Override
    public void momentumStep(Tensor param, Tensor grad, Tensor buf, double lr, double momentum) {
        sameShape("momentumStep", param, grad);
        sameShape("momentumStep", param, buf);
        double[] p = d(param);
        double[] g = d(grad);
        double[] b = d(buf);
        double a = lr;
        double mu = momentum;
        for (int i = 0; i < p.length; i++) {
            double v = mu * b[i] + g[i];
            b[i] = v;
            p[i] -= a * v;
        }
    }

    @Override
    public void rmsPropStep(Tensor param, Tensor grad, Tensor sq, double lr, double alpha, double eps) {
        sameShape("rmsPropStep", param, grad);
        sameShape("rmsPropStep", param, sq);
        double[] p = d(param);
        double[] g = d(grad);
        double[] s = d(sq);
        double a = lr;
        double al = alpha;
        double om = (1 - alpha);
        double e = eps;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double v = al * s[i] + om * gi * gi;
            s[i] = v;
            p[i] -= a * gi / (Math.sqrt(v) + e);
        }
    }

    @Override
    public void adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, double lr, double beta1, double beta2,
                         double eps, long t) {
        sameShape("adamStep", param, grad);
        sameShape("adamStep", param, m);
        sameShape("adamStep", param, v);
        double[] p = d(param);
        double[] g = d(grad);
        double[] mm = d(m);
        double[] vv = d(v);
        double b1 = beta1;
        double b2 = beta2;
        double c1 = (1 - beta1);
        double c2 = (1 - beta2);
        // PyTorch's arrangement: step = lr/bc1, denom = √v/√bc2 + ε (same value as m̂/(√v̂+ε)).
        double step = (lr / (1 - Math.pow(beta1, t)));
        double invSqrtBc2 = (1 / Math.sqrt(1 - Math.pow(beta2, t)));
        double e = eps;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double mi = b1 * mm[i] + c1 * gi;
            double vi = b2 * vv[i] + c2 * gi * gi;
            mm[i] = mi;
            vv[i] = vi;
            p[i] -= step * mi / (Math.sqrt(vi) * invSqrtBc2 + e);
        }
    }
}
