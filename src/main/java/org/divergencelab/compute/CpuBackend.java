package org.divergencelab.compute;

import java.util.Arrays;
import java.util.random.RandomGenerator;

//#if f32
/*
 * Float64Backend.java is generated from this file (Float64BackendGenerator, in the tests; run it after editing
 * here). Between //#if f32 and //#else stands code only this float32 backend has (SIMD GEMM, vectorisable
 * formulations); the commented lines between //#else and //#endif are the float64 reference's plain version,
 * copied as they are. Everything else is shared, with float → double.
 */
/**
 * The float32 CPU backend: tensors wrap a row-major {@code float[]}, matrix products go through
 * {@link Gemm#gemm}, everything else is plain loops the JIT vectorises. Single-threaded and
 * deterministic: the same calls in the same order give bit-identical results.
 */
//#else
// /**
//  * The float64 reference backend: the same kernels as {@link CpuBackend} in double precision with plain
//  * matrix-product loops. It is slow and exists as the truth: finite-difference gradient checks run the
//  * unchanged autodiff and nn code on it, and other backends are compared against it.
//  */
//#endif
public final class CpuBackend implements ComputeBackend {

    /** The shared instance (the backend is stateless). */
    public static final CpuBackend INSTANCE = new CpuBackend();

    /** A tensor of this backend: a row-major float array of exactly rows·cols elements. */
    static final class CpuTensor extends Tensor {
        final float[] data;

        CpuTensor(int rows, int cols) {
            super(rows, cols);
            this.data = new float[rows * cols];
        }

        /** A view: another shape over the same array (see {@link #view}). */
        CpuTensor(int rows, int cols, float[] shared) {
            super(rows, cols);
            this.data = shared;
        }

        @Override
        public ComputeBackend backend() {
            return INSTANCE;
        }
    }

    //#if f32
    /** A read-only array of at least n ones (grown on demand, never written after publication). */
    private static volatile float[] ones = new float[0];

    private static float[] ones(int n) {
        float[] o = ones;
        if (o.length < n) {
            o = new float[Math.max(n, 2 * o.length)];
            Arrays.fill(o, 1f);
            ones = o;
        }
        return o;
    }

    //#endif
    private CpuBackend() {
    }

    @Override
    public String name() {
        return "cpu-f32";
    }

    private static float[] d(Tensor t, String what) {
        if (t instanceof CpuTensor c) {
            return c.data;
        }
        throw new IllegalArgumentException(what + " is not a cpu-f32 tensor: " + t);
    }

    private static float[] d(Tensor t) {
        return d(t, "tensor");
    }

    private static void sameShape(String op, Tensor a, Tensor b) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException(op + ": shape mismatch " + a.shape() + " vs " + b.shape());
        }
    }

    @Override
    public Tensor allocate(int rows, int cols) {
        return new CpuTensor(rows, cols);
    }

    @Override
    public void copyIn(float[] src, Tensor dst) {
        float[] o = d(dst);
        if (src.length != o.length) {
            throw new IllegalArgumentException("copyIn: array length " + src.length + " != " + dst.shape());
        }
        System.arraycopy(src, 0, o, 0, o.length);
    }

    @Override
    //#if f32
    public void copyIn(double[] src, Tensor dst) {
    //#else
    // public void copyIn(float[] src, Tensor dst) {
    //#endif
        float[] o = d(dst);
        if (src.length != o.length) {
            throw new IllegalArgumentException("copyIn: array length " + src.length + " != " + dst.shape());
        }
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) src[i];
        }
    }

    @Override
    public void copyOut(Tensor src, float[] dst) {
        float[] s = d(src);
        if (dst.length < s.length) {
            throw new IllegalArgumentException("copyOut: array length " + dst.length + " < " + src.shape());
        }
        System.arraycopy(s, 0, dst, 0, s.length);
    }

    @Override
    //#if f32
    public void copyOut(Tensor src, double[] dst) {
    //#else
    // public void copyOut(Tensor src, float[] dst) {
    //#endif
        float[] s = d(src);
        if (dst.length < s.length) {
            throw new IllegalArgumentException("copyOut: array length " + dst.length + " < " + src.shape());
        }
        for (int i = 0; i < s.length; i++) {
            //#if f32
            dst[i] = s[i];
            //#else
            // dst[i] = (float) s[i];
            //#endif
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
        d(t)[index(t, row, col)] = (float) value;
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
        Arrays.fill(d(t), (float) value);
    }

    @Override
    public void fillNormal(Tensor t, double mean, double std, RandomGenerator rng) {
        float[] o = d(t);
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) (mean + std * rng.nextGaussian());
        }
    }

    @Override
    public void fillUniform(Tensor t, double lo, double hi, RandomGenerator rng) {
        float[] o = d(t);
        double w = hi - lo;
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) (lo + w * rng.nextDouble());
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
        //#if f32
        Gemm.gemm(transA, transB, m, n, k, (float) alpha, d(a), 0, a.cols(), d(b), 0, b.cols(),
                (float) beta, d(c), 0, n);
        //#else
        // double[] x = d(a);
        // double[] y = d(b);
        // double[] o = d(c);
        // int lda = a.cols();
        // int ldb = b.cols();
        // for (int i = 0; i < m; i++) {
        //     for (int j = 0; j < n; j++) {
        //         double acc = 0;
        //         for (int p = 0; p < k; p++) {
        //             double av = transA ? x[p * lda + i] : x[i * lda + p];
        //             double bv = transB ? y[j * ldb + p] : y[p * ldb + j];
        //             acc += av * bv;
        //         }
        //         o[i * n + j] = beta == 0 ? alpha * acc : alpha * acc + beta * o[i * n + j];
        //     }
        // }
        //#endif
    }

    // ---- convolution support ----

    //#if f32
    // Row segments: for one output position and one kernel row, the kx·C window values are contiguous in
    // both the input (HWC) and the column matrix, so whole in-range runs move with one arraycopy / one
    // vectorisable add loop; only the padded ends are handled element-wise. Same layout and the same
    // per-element summation order as ConvShape.forEachPatchElement (the float64 reference).

    //#endif
    @Override
    public void im2col(Tensor x, ConvShape s, Tensor cols) {
        int batch = s.checkShapes("im2col", x, cols);
        float[] in = d(x);
        float[] out = d(cols);
        //#if f32
        int c = s.channels();
        int h = s.height();
        int w = s.width();
        int kh = s.kernelH();
        int kw = s.kernelW();
        int st = s.stride();
        int pad = s.pad();
        int oh = s.outH();
        int ow = s.outW();
        int patch = s.patchSize();
        for (int n = 0; n < batch; n++) {
            int inBase = n * h * w * c;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int row = ((n * oh + oy) * ow + ox) * patch;
                    int x0 = ox * st - pad;
                    int lo = Math.max(0, -x0); // first kx inside the image
                    int hi = Math.min(kw, w - x0); // one past the last
                    for (int ky = 0; ky < kh; ky++) {
                        int y = oy * st - pad + ky;
                        int dst = row + ky * kw * c;
                        if (y < 0 || y >= h || hi <= lo) {
                            Arrays.fill(out, dst, dst + kw * c, 0f);
                            continue;
                        }
                        Arrays.fill(out, dst, dst + lo * c, 0f);
                        System.arraycopy(in, inBase + (y * w + x0 + lo) * c, out, dst + lo * c, (hi - lo) * c);
                        Arrays.fill(out, dst + hi * c, dst + kw * c, 0f);
                    }
                }
            }
        }
        //#else
        // s.forEachPatchElement(batch, (ci, xi) -> out[ci] = xi < 0 ? 0 : in[xi]);
        //#endif
    }

    //#if f32
    /**
     * Gathered rather than scattered: each output pixel sums the column entries that read it, in
     * ascending column-matrix row order (ascending oy, then ox: each row reads a pixel at most once),
     * which is exactly the order in which the scatter of {@link ConvShape#forEachPatchElement} adds them,
     * so the float result is bit-identical to that scatter done in float (the loop this replaced; tested in
     * CpuKernelsTest); but every output element is written once (no zero
     * pass, no read-modify-write per window) and the C channel values of a pixel move as one SIMD run.
     */
    //#endif
    @Override
    public void col2im(Tensor cols, ConvShape s, Tensor x) {
        int batch = s.checkShapes("col2im", x, cols);
        float[] in = d(cols);
        float[] out = d(x);
        //#if f32
        int c = s.channels();
        int h = s.height();
        int w = s.width();
        int kh = s.kernelH();
        int kw = s.kernelW();
        int st = s.stride();
        int pad = s.pad();
        int oh = s.outH();
        int ow = s.outW();
        int patch = s.patchSize();
        // output columns whose window covers image column x: kx = x + pad − ox·st in [0, kw); likewise rows
        int[] oxLo = new int[w];
        int[] oxHi = new int[w];
        for (int xx = 0; xx < w; xx++) {
            oxLo[xx] = Math.max(0, Math.ceilDiv(xx + pad - kw + 1, st));
            oxHi[xx] = Math.min(ow - 1, Math.floorDiv(xx + pad, st));
        }
        for (int n = 0; n < batch; n++) {
            int outBase = n * h * w * c;
            for (int y = 0; y < h; y++) {
                int oyLo = Math.max(0, Math.ceilDiv(y + pad - kh + 1, st));
                int oyHi = Math.min(oh - 1, Math.floorDiv(y + pad, st));
                for (int xx = 0; xx < w; xx++) {
                    int dst = outBase + (y * w + xx) * c;
                    if (c == 1) {
                        // one channel (a grey image): a scalar sum from 0 in the same order
                        float acc = 0f;
                        for (int oy = oyLo; oy <= oyHi; oy++) {
                            int rowBase = ((n * oh + oy) * ow) * patch + (y + pad - oy * st) * kw + xx + pad;
                            for (int ox = oxLo[xx]; ox <= oxHi[xx]; ox++) {
                                acc += in[rowBase + ox * (patch - st)];
                            }
                        }
                        out[dst] = acc;
                        continue;
                    }
                    boolean first = true;
                    for (int oy = oyLo; oy <= oyHi; oy++) {
                        int ky = y + pad - oy * st;
                        for (int ox = oxLo[xx]; ox <= oxHi[xx]; ox++) {
                            int kx = xx + pad - ox * st;
                            int src = ((n * oh + oy) * ow + ox) * patch + (ky * kw + kx) * c;
                            if (first) {
                                Kernels.copyPlusZero(in, src, out, dst, c);
                                first = false;
                            } else {
                                Kernels.addInto(in, src, out, dst, c);
                            }
                        }
                    }
                    if (first) {
                        Arrays.fill(out, dst, dst + c, 0f);
                    }
                }
            }
        }
        //#else
        // java.util.Arrays.fill(out, 0);
        // s.forEachPatchElement(batch, (ci, xi) -> {
        //     if (xi >= 0) {
        //         out[xi] += in[ci];
        //     }
        // });
        //#endif
    }

    /** Always a view: the array is shared under another shape (no copy). */
    @Override
    public Tensor view(Tensor src, int rows, int cols) {
        float[] data = d(src, "view source");
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("view: " + src.shape() + " cannot become " + rows + "x" + cols);
        }
        return new CpuTensor(rows, cols, data);
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
        float[] s = d(x);
        float[] o = d(out);
        int len = s.length;
        float fp = (float) p;
        float fq = (float) q;
        switch (op) {
            case RELU -> {
                for (int i = 0; i < len; i++) {
                    o[i] = Math.max(s[i], 0f);
                }
            }
            //#if f32
            // max(v, 0) + α·min(v, 0) is v for v > 0 and α·v otherwise, exactly (adding a zero rounds
            // nothing); unlike the select v > 0 ? v : α·v the JIT vectorises it (5-6x faster). The one
            // difference: a result of −0 (v = −0 or α·v underflowing) comes out as +0.
            //#endif
            case LEAKY_RELU -> {
                for (int i = 0; i < len; i++) {
                    float v = s[i];
                    //#if f32
                    o[i] = Math.max(v, 0f) + fp * Math.min(v, 0f);
                    //#else
                    // o[i] = v > 0 ? v : fp * v;
                    //#endif
                }
            }
            case TANH -> {
                for (int i = 0; i < len; i++) {
                    o[i] = (float) Math.tanh(s[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < len; i++) {
                    o[i] = (float) sigmoid(s[i]);
                }
            }
            case SOFTPLUS -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = (float) (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
                }
            }
            case LOG_SIGMOID -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = (float) (Math.min(v, 0) - Math.log1p(Math.exp(-Math.abs(v))));
                }
            }
            case ELU -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = (float) (v > 0 ? v : p * Math.expm1(v));
                }
            }
            case ELU_DERIV -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = (float) (v > 0 ? 1 : p * Math.exp(v));
                }
            }
            case ELU_DERIV2 -> {
                for (int i = 0; i < len; i++) {
                    double v = s[i];
                    o[i] = (float) (v > 0 ? 0 : p * Math.exp(v));
                }
            }
            case EXP -> {
                for (int i = 0; i < len; i++) {
                    o[i] = (float) Math.exp(s[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < len; i++) {
                    o[i] = (float) Math.log(s[i]);
                }
            }
            case SQRT -> {
                for (int i = 0; i < len; i++) {
                    o[i] = (float) Math.sqrt(s[i]);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < len; i++) {
                    float v = s[i];
                    o[i] = v * v;
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < len; i++) {
                    o[i] = 1f / s[i];
                }
            }
            case CLAMP -> {
                for (int i = 0; i < len; i++) {
                    o[i] = Math.min(Math.max(s[i], fp), fq);
                }
            }
            case STEP -> {
                for (int i = 0; i < len; i++) {
                    //#if f32
                    o[i] = Math.max(Math.signum(s[i]), 0f);
                    //#else
                    // o[i] = s[i] > 0 ? 1 : 0;
                    //#endif
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
        float[] s = d(x);
        float[] o = d(out);
        float fa = (float) a;
        float fb = (float) b;
        for (int i = 0; i < s.length; i++) {
            o[i] = fa * s[i] + fb;
        }
    }

    @Override
    public void zip(BinaryOp op, Tensor a, Tensor b, double p, double q, Tensor out) {
        sameShape("zip " + op, a, b);
        sameShape("zip " + op, a, out);
        float[] x = d(a);
        float[] y = d(b);
        float[] o = d(out);
        int len = x.length;
        float fp = (float) p;
        float fq = (float) q;
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
                    float v = y[i];
                    o[i] = v == 0f ? 0f : x[i] / v;
                }
            }
            //#if f32
            // max(signum(b), 0) is the 0/1 step; written this way the JIT vectorises it (a ternary it does
            // not, 6x slower). Differs from a select only for an infinite a where b <= 0 (NaN, not 0).
            //#endif
            case RELU_MASK -> {
                for (int i = 0; i < len; i++) {
                    //#if f32
                    o[i] = x[i] * Math.max(Math.signum(y[i]), 0f);
                    //#else
                    // o[i] = y[i] > 0 ? x[i] : 0;
                    //#endif
                }
            }
            case LEAKY_MASK -> {
                //#if f32
                float slope = 1f - fp;
                for (int i = 0; i < len; i++) {
                    o[i] = x[i] * (fp + slope * Math.max(Math.signum(y[i]), 0f));
                }
                //#else
                // for (int i = 0; i < len; i++) {
                //     o[i] = y[i] > 0 ? x[i] : fp * x[i];
                // }
                //#endif
            }
            case RANGE_MASK -> {
                for (int i = 0; i < len; i++) {
                    float v = y[i];
                    o[i] = v > fp && v < fq ? x[i] : 0f;
                }
            }
            case TANH_BACKWARD -> {
                for (int i = 0; i < len; i++) {
                    float v = y[i];
                    o[i] = x[i] * (1f - v * v);
                }
            }
            case SIGMOID_BACKWARD -> {
                for (int i = 0; i < len; i++) {
                    float v = y[i];
                    o[i] = x[i] * v * (1f - v);
                }
            }
        }
    }

    @Override
    public void broadcast(BinaryOp op, Tensor x, Tensor small, Tensor out) {
        sameShape("broadcast " + op, x, out);
        int m = x.rows();
        int n = x.cols();
        float[] s = d(x);
        float[] v = d(small);
        float[] o = d(out);
        if (small.rows() == 1 && small.cols() == 1) {
            for (int i = 0; i < m; i++) {
                rowOp(op, s, i * n, n, v[0], o);
            }
        } else if (small.rows() == 1 && small.cols() == n) {
            //#if f32
            if (!Kernels.rowVector(op, s, v, o, m, n)) {
                for (int i = 0; i < m; i++) {
                    rowVectorOp(op, s, i * n, n, v, o);
                }
            }
            //#else
            // for (int i = 0; i < m; i++) {
            //     rowVectorOp(op, s, i * n, n, v, o);
            // }
            //#endif
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
    private static void rowVectorOp(BinaryOp op, float[] s, int base, int n, float[] v, float[] o) {
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
                    float w = v[j];
                    o[base + j] = w == 0f ? 0f : s[base + j] / w;
                }
            }
            default -> throw new IllegalArgumentException("broadcast: unsupported op " + op);
        }
    }

    /** One row of {@code x op c} for a constant c. */
    private static void rowOp(BinaryOp op, float[] s, int base, int n, float c, float[] o) {
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
                    o[base + j] = c == 0f ? 0f : s[base + j] / c;
                }
            }
            default -> throw new IllegalArgumentException("broadcast: unsupported op " + op);
        }
    }

    @Override
    public void expand(Tensor small, Tensor out) {
        int m = out.rows();
        int n = out.cols();
        float[] v = d(small);
        float[] o = d(out);
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
        float[] s = d(x);
        float[] o = d(out);
        if (out.rows() == 1 && out.cols() == n) {
            //#if f32
            // column sums as onesᵀ·x through the GEMM kernel: a plain o[j] += x[i,j] loop does not
            // vectorise (the JIT cannot rule out o and x being one array) and is ~6x slower
            Gemm.gemm(false, false, 1, n, m, 1f, ones(m), 0, m, s, 0, n, 0f, o, 0, n);
            //#else
            // Arrays.fill(o, 0);
            // for (int i = 0; i < m; i++) {
            //     int base = i * n;
            //     for (int j = 0; j < n; j++) {
            //         o[j] += s[base + j];
            //     }
            // }
            //#endif
        } else if (out.cols() == 1 && out.rows() == m) {
            //#if f32
            // row sums as x·ones through the GEMM kernel's dot-product path (lanes split by column index,
            // a fixed order): a plain acc += x[i,j] loop is one serial chain of adds, ~8x slower on the
            // layer norm's 3136-wide rows
            Gemm.gemm(false, false, m, 1, n, 1f, s, 0, n, ones(n), 0, 1, 0f, o, 0, 1);
            //#else
            // for (int i = 0; i < m; i++) {
            //     int base = i * n;
            //     double acc = 0;
            //     for (int j = 0; j < n; j++) {
            //         acc += s[base + j];
            //     }
            //     o[i] = acc;
            // }
            //#endif
        } else if (out.rows() == 1 && out.cols() == 1) {
            double acc = 0;
            for (float v : s) {
                acc += v;
            }
            o[0] = (float) acc;
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
        float[] s = d(x);
        float[] o = d(out);
        for (int i = 0; i < x.rows(); i++) {
            int base = i * n;
            float acc = 0f;
            for (int j = 0; j < n; j++) {
                float v = s[base + j];
                acc += v * v;
            }
            o[i] = (float) Math.sqrt(acc);
        }
    }

    @Override
    public double sumOfSquares(Tensor x) {
        double acc = 0;
        for (float v : d(x)) {
            acc += (double) v * v;
        }
        return acc;
    }

    @Override
    public boolean allFinite(Tensor x) {
        //#if f32
        return Kernels.allFinite(d(x));
        //#else
        // double[] s = d(x);
        // double acc = 0;
        // for (double v : s) {
        //     acc += v * 0; // NaN·0 and ∞·0 are NaN, finite·0 is 0: one vectorisable pass
        // }
        // return acc == 0;
        //#endif
    }

    // ---- optimiser updates ----

    @Override
    public void sgdStep(Tensor param, Tensor grad, double lr) {
        sameShape("sgdStep", param, grad);
        float[] p = d(param);
        float[] g = d(grad);
        float a = (float) lr;
        for (int i = 0; i < p.length; i++) {
            p[i] -= a * g[i];
        }
    }

    @Override
    public void momentumStep(Tensor param, Tensor grad, Tensor buf, double lr, double momentum) {
        sameShape("momentumStep", param, grad);
        sameShape("momentumStep", param, buf);
        float[] p = d(param);
        float[] g = d(grad);
        float[] b = d(buf);
        float a = (float) lr;
        float mu = (float) momentum;
        for (int i = 0; i < p.length; i++) {
            float v = mu * b[i] + g[i];
            b[i] = v;
            p[i] -= a * v;
        }
    }

    @Override
    public void rmsPropStep(Tensor param, Tensor grad, Tensor sq, double lr, double alpha, double eps) {
        sameShape("rmsPropStep", param, grad);
        sameShape("rmsPropStep", param, sq);
        float[] p = d(param);
        float[] g = d(grad);
        float[] s = d(sq);
        float a = (float) lr;
        float al = (float) alpha;
        float om = (float) (1 - alpha);
        float e = (float) eps;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float v = al * s[i] + om * gi * gi;
            s[i] = v;
            p[i] -= a * gi / ((float) Math.sqrt(v) + e);
        }
    }

    @Override
    public void adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, double lr, double beta1, double beta2,
                         double eps, long t) {
        sameShape("adamStep", param, grad);
        sameShape("adamStep", param, m);
        sameShape("adamStep", param, v);
        float[] p = d(param);
        float[] g = d(grad);
        float[] mm = d(m);
        float[] vv = d(v);
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = (float) (1 - beta1);
        float c2 = (float) (1 - beta2);
        // PyTorch's arrangement: step = lr/bc1, denom = √v/√bc2 + ε (same value as m̂/(√v̂+ε)).
        float step = (float) (lr / (1 - Math.pow(beta1, t)));
        float invSqrtBc2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2, t)));
        float e = (float) eps;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = b1 * mm[i] + c1 * gi;
            float vi = b2 * vv[i] + c2 * gi * gi;
            mm[i] = mi;
            vv[i] = vi;
            p[i] -= step * mi / ((float) Math.sqrt(vi) * invSqrtBc2 + e);
        }
    }
}
