// Divergence Lab CUDA kernels (float32, row-major). Compiled to PTX for compute_75 by build-ptx.sh;
// the driver JITs the PTX for whatever GPU it finds. Launched from Java through the driver API
// (org.divergencelab.compute.cuda.CudaBackend); every kernel is extern "C" so its PTX name is its C name.
//
// Op codes: the U_* and B_* numbers are the ordinals of the Java enums UnaryOp and BinaryOp;
// KernelCodesTest parses these lines and compares them with the enums, so they cannot drift apart.
#define U_RELU 0
#define U_LEAKY_RELU 1
#define U_TANH 2
#define U_SIGMOID 3
#define U_SOFTPLUS 4
#define U_LOG_SIGMOID 5
#define U_ELU 6
#define U_ELU_DERIV 7
#define U_ELU_DERIV2 8
#define U_EXP 9
#define U_LOG 10
#define U_SQRT 11
#define U_SQUARE 12
#define U_RECIPROCAL 13
#define U_CLAMP 14
#define U_STEP 15

#define B_ADD 0
#define B_SUB 1
#define B_MUL 2
#define B_DIV 3
#define B_SAFE_DIV 4
#define B_RELU_MASK 5
#define B_LEAKY_MASK 6
#define B_RANGE_MASK 7
#define B_TANH_BACKWARD 8
#define B_SIGMOID_BACKWARD 9

// Broadcast / expand modes: the small operand is a scalar, a 1xn row, or an mx1 column.
#define MODE_SCALAR 0
#define MODE_ROW 1
#define MODE_COL 2

#define GRID_STRIDE(i, n) for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < (n); i += blockDim.x * gridDim.x)

extern "C" __global__ void fill_f32(float* o, float v, int n) {
    GRID_STRIDE(i, n) { o[i] = v; }
}

extern "C" __global__ void affine_f32(const float* x, float a, float b, float* o, int n) {
    GRID_STRIDE(i, n) { o[i] = a * x[i] + b; }
}

// The transcendental maps are evaluated in double, like the CPU backend, so both round once to float.
__device__ float unary(int op, float v, float p, float q) {
    double d = v;
    switch (op) {
        case U_RELU: return fmaxf(v, 0.0f);
        case U_LEAKY_RELU: return v > 0.0f ? v : p * v;
        case U_TANH: return (float) tanh(d);
        case U_SIGMOID: {
            if (d >= 0) return (float) (1.0 / (1.0 + exp(-d)));
            double e = exp(d);
            return (float) (e / (1.0 + e));
        }
        case U_SOFTPLUS: return (float) (fmax(d, 0.0) + log1p(exp(-fabs(d))));
        case U_LOG_SIGMOID: return (float) (fmin(d, 0.0) - log1p(exp(-fabs(d))));
        case U_ELU: return (float) (d > 0 ? d : (double) p * expm1(d));
        case U_ELU_DERIV: return (float) (d > 0 ? 1.0 : (double) p * exp(d));
        case U_ELU_DERIV2: return (float) (d > 0 ? 0.0 : (double) p * exp(d));
        case U_EXP: return (float) exp(d);
        case U_LOG: return (float) log(d);
        case U_SQRT: return (float) sqrt(d);
        case U_SQUARE: return v * v;
        case U_RECIPROCAL: return 1.0f / v;
        case U_CLAMP: return fminf(fmaxf(v, p), q);
        case U_STEP: return v > 0.0f ? 1.0f : 0.0f;
        default: return __int_as_float(0x7fc00000); // NaN: an unknown op code is visible, never silent
    }
}

extern "C" __global__ void map_f32(int op, const float* x, float p, float q, float* o, int n) {
    GRID_STRIDE(i, n) { o[i] = unary(op, x[i], p, q); }
}

// Masks are products with a 0/1 step, as on the CPU (same NaN-for-infinite-a behaviour).
__device__ float binary(int op, float a, float b, float p, float q) {
    switch (op) {
        case B_ADD: return a + b;
        case B_SUB: return a - b;
        case B_MUL: return a * b;
        case B_DIV: return a / b;
        case B_SAFE_DIV: return b == 0.0f ? 0.0f : a / b;
        case B_RELU_MASK: return a * (b > 0.0f ? 1.0f : 0.0f);
        case B_LEAKY_MASK: return a * (b > 0.0f ? 1.0f : p);
        case B_RANGE_MASK: return (b > p && b < q) ? a : 0.0f;
        case B_TANH_BACKWARD: return a * (1.0f - b * b);
        case B_SIGMOID_BACKWARD: return a * b * (1.0f - b);
        default: return __int_as_float(0x7fc00000);
    }
}

extern "C" __global__ void zip_f32(int op, const float* a, const float* b, float p, float q, float* o, int n) {
    GRID_STRIDE(i, n) { o[i] = binary(op, a[i], b[i], p, q); }
}

__device__ __forceinline__ float small_at(int mode, const float* s, int i, int n) {
    return mode == MODE_SCALAR ? s[0] : (mode == MODE_ROW ? s[i % n] : s[i / n]);
}

extern "C" __global__ void broadcast_f32(int op, int mode, const float* x, const float* s, float* o, int m, int n) {
    int total = m * n;
    GRID_STRIDE(i, total) { o[i] = binary(op, x[i], small_at(mode, s, i, n), 0.0f, 0.0f); }
}

extern "C" __global__ void expand_f32(int mode, const float* s, float* o, int m, int n) {
    int total = m * n;
    GRID_STRIDE(i, total) { o[i] = small_at(mode, s, i, n); }
}

// Column sums (over rows): one thread per column, rows in order (deterministic).
extern "C" __global__ void sum_cols_f32(const float* x, float* o, int m, int n) {
    GRID_STRIDE(j, n) {
        float acc = 0.0f;
        for (int i = 0; i < m; i++) acc += x[i * n + j];
        o[j] = acc;
    }
}

// Row sums (squared=0) or row L2 norms (squared=1): one block of 256 threads per row, a fixed-shape tree
// sum in shared memory (no atomics), so results repeat from run to run.
extern "C" __global__ void row_reduce_f32(const float* x, float* o, int m, int n, int norm) {
    __shared__ float buf[256];
    int row = blockIdx.x;
    if (row >= m) return;
    float acc = 0.0f;
    for (int j = threadIdx.x; j < n; j += blockDim.x) {
        float v = x[row * n + j];
        acc += norm ? v * v : v;
    }
    buf[threadIdx.x] = acc;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) buf[threadIdx.x] += buf[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x == 0) o[row] = norm ? sqrtf(buf[0]) : buf[0];
}

// Whole-tensor sum (squared=0) or sum of squares (squared=1) in double: each block of 256 threads writes
// one partial; sum_partials adds the partials (one block) into a float and/or double result.
extern "C" __global__ void partial_sums_f64(const float* x, double* partials, int n, int squared) {
    __shared__ double buf[256];
    double acc = 0.0;
    GRID_STRIDE(i, n) {
        double v = x[i];
        acc += squared ? v * v : v;
    }
    buf[threadIdx.x] = acc;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) buf[threadIdx.x] += buf[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x == 0) partials[blockIdx.x] = buf[0];
}

extern "C" __global__ void sum_partials_f64(const double* partials, int count, float* outF, double* outD) {
    __shared__ double buf[256];
    double acc = 0.0;
    for (int i = threadIdx.x; i < count; i += blockDim.x) acc += partials[i];
    buf[threadIdx.x] = acc;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) buf[threadIdx.x] += buf[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        if (outF) outF[0] = (float) buf[0];
        if (outD) outD[0] = buf[0];
    }
}

// Sets *flag = 1 when any element is NaN or infinite (every writer writes the same value).
extern "C" __global__ void nonfinite_f32(const float* x, int* flag, int n) {
    GRID_STRIDE(i, n) {
        if ((__float_as_int(x[i]) & 0x7f800000) == 0x7f800000) *flag = 1;
    }
}

extern "C" __global__ void sgd_f32(float* p, const float* g, float lr, int n) {
    GRID_STRIDE(i, n) { p[i] -= lr * g[i]; }
}

extern "C" __global__ void momentum_f32(float* p, const float* g, float* b, float lr, float mu, int n) {
    GRID_STRIDE(i, n) {
        float v = mu * b[i] + g[i];
        b[i] = v;
        p[i] -= lr * v;
    }
}

extern "C" __global__ void rmsprop_f32(float* p, const float* g, float* s, float lr, float alpha, float oneMinusAlpha,
                                       float eps, int n) {
    GRID_STRIDE(i, n) {
        float gi = g[i];
        float v = alpha * s[i] + oneMinusAlpha * gi * gi;
        s[i] = v;
        p[i] -= lr * gi / (sqrtf(v) + eps);
    }
}

// PyTorch's arrangement, as CpuBackend: step = lr/bc1, denominator = sqrt(v)/sqrt(bc2) + eps.
extern "C" __global__ void adam_f32(float* p, const float* g, float* m, float* v, float b1, float b2, float c1,
                                    float c2, float step, float invSqrtBc2, float eps, int n) {
    GRID_STRIDE(i, n) {
        float gi = g[i];
        float mi = b1 * m[i] + c1 * gi;
        float vi = b2 * v[i] + c2 * gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] -= step * mi / (sqrtf(vi) * invSqrtBc2 + eps);
    }
}

// C = alpha*op(A)*op(B) + beta*C, row-major, op = transpose where the flag says so; A is stored lda-wide,
// B ldb-wide, C ldc-wide. 16x16 shared-memory tiles; edges (any m, n, k) are zero-padded in the tiles.
// With beta == 0 the old C is never read (it may hold NaN garbage).
#define TILE 16
extern "C" __global__ void gemm_f32(int transA, int transB, int m, int n, int k, float alpha,
                                    const float* A, int lda, const float* B, int ldb, float beta, float* C, int ldc) {
    __shared__ float As[TILE][TILE];
    __shared__ float Bs[TILE][TILE + 1];
    int row = blockIdx.y * TILE + threadIdx.y;
    int col = blockIdx.x * TILE + threadIdx.x;
    float acc = 0.0f;
    for (int t = 0; t < k; t += TILE) {
        int ka = t + threadIdx.x; // A tile: (row, ka)
        As[threadIdx.y][threadIdx.x] = (row < m && ka < k) ? (transA ? A[ka * lda + row] : A[row * lda + ka]) : 0.0f;
        int kb = t + threadIdx.y; // B tile: (kb, col)
        Bs[threadIdx.y][threadIdx.x] = (kb < k && col < n) ? (transB ? B[col * ldb + kb] : B[kb * ldb + col]) : 0.0f;
        __syncthreads();
        #pragma unroll
        for (int e = 0; e < TILE; e++) acc += As[threadIdx.y][e] * Bs[e][threadIdx.x];
        __syncthreads();
    }
    if (row < m && col < n) {
        float* c = &C[row * ldc + col];
        *c = beta == 0.0f ? alpha * acc : alpha * acc + beta * *c;
    }
}

// im2col (see org.divergencelab.compute.ConvShape for the layout): one thread per column-matrix element,
// rows (n, oy, ox), columns (ky, kx, c); input rows are HWC; padding reads 0.
extern "C" __global__ void im2col_f32(const float* x, float* cols, int batch, int C, int H, int W, int KH, int KW,
                                      int stride, int pad, int OH, int OW) {
    int patch = KH * KW * C;
    int total = batch * OH * OW * patch;
    GRID_STRIDE(i, total) {
        int row = i / patch;
        int e = i - row * patch;
        int c = e % C;
        int kx = (e / C) % KW;
        int ky = e / (C * KW);
        int ox = row % OW;
        int oy = (row / OW) % OH;
        int n = row / (OW * OH);
        int y = oy * stride - pad + ky;
        int xx = ox * stride - pad + kx;
        cols[i] = (y >= 0 && y < H && xx >= 0 && xx < W) ? x[n * H * W * C + (y * W + xx) * C + c] : 0.0f;
    }
}

// col2im, the adjoint: one thread per input element gathers every column entry that read it (no atomics,
// so the sum order is fixed and results repeat).
extern "C" __global__ void col2im_f32(const float* cols, float* x, int batch, int C, int H, int W, int KH, int KW,
                                      int stride, int pad, int OH, int OW) {
    int patch = KH * KW * C;
    int total = batch * H * W * C;
    GRID_STRIDE(i, total) {
        int c = i % C;
        int xx = (i / C) % W;
        int y = (i / (C * W)) % H;
        int n = i / (C * W * H);
        float acc = 0.0f;
        for (int ky = 0; ky < KH; ky++) {
            int ty = y + pad - ky;
            if (ty < 0 || ty % stride != 0) continue;
            int oy = ty / stride;
            if (oy >= OH) continue;
            for (int kx = 0; kx < KW; kx++) {
                int tx = xx + pad - kx;
                if (tx < 0 || tx % stride != 0) continue;
                int ox = tx / stride;
                if (ox >= OW) continue;
                acc += cols[((n * OH + oy) * OW + ox) * patch + (ky * KW + kx) * C + c];
            }
        }
        x[i] = acc;
    }
}
