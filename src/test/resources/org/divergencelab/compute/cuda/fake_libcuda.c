/*
 * A fake CUDA driver (libcuda.so.1) that runs on the CPU, for testing the Java side of the CUDA backend on
 * machines without a GPU: every driver function the backend binds, with the C signature from cuda.h, so
 * the FFM downcalls, argument marshalling (kernelParams slots, device-pointer offsets, launch shapes) and
 * error handling are exercised for real. Kernels are re-implemented here in plain C with the semantics of
 * kernels.cu (including the grid-stride partition of partial_sums_f64), so BackendConformance can run
 * through the whole backend. It proves nothing about the GPU kernels themselves.
 *
 * Build variants with -DFAKE_MODE=0 (working), 1 (no device), 2 (driver rejects the PTX version: 222),
 * 3 (cuInit fails with CUDA_ERROR_NO_DEVICE).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FAKE_MODE
#define FAKE_MODE 0
#endif

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef void *CUcontext, *CUmodule, *CUfunction, *CUstream;

static int initialised;
static int context_current;
static char ctx_token, module_token;
static const char *ptx_image;
static int max_threads_seen;

#define CHECK_INIT() do { if (!initialised) return 3; } while (0)

CUresult cuInit(unsigned int flags) {
    if (FAKE_MODE == 3) return 100;
    if (flags != 0) return 1;
    initialised = 1;
    return 0;
}
CUresult cuDriverGetVersion(int *v) { if (!v) return 1; *v = 13000; return 0; }
CUresult cuDeviceGetCount(int *c) { CHECK_INIT(); *c = FAKE_MODE == 1 ? 0 : 1; return 0; }
CUresult cuDeviceGet(CUdevice *d, int ordinal) { CHECK_INIT(); if (ordinal != 0) return 101; *d = 0; return 0; }
CUresult cuDeviceGetName(char *name, int len, CUdevice dev) {
    if (dev != 0 || len < 1) return 101;
    snprintf(name, (size_t) len, "Fake CUDA device (CPU)");
    return 0;
}
CUresult cuDeviceGetAttribute(int *pi, int attrib, CUdevice dev) {
    if (dev != 0) return 101;
    if (attrib == 75) { *pi = 7; return 0; }
    if (attrib == 76) { *pi = 5; return 0; }
    return 1;
}
CUresult cuDevicePrimaryCtxRetain(CUcontext *pctx, CUdevice dev) { if (dev != 0) return 101; *pctx = &ctx_token; return 0; }
CUresult cuDevicePrimaryCtxRelease_v2(CUdevice dev) { return dev == 0 ? 0 : 101; }
CUresult cuCtxSetCurrent(CUcontext ctx) { if (ctx != &ctx_token) return 201; context_current = 1; return 0; }
CUresult cuCtxSynchronize(void) { return context_current ? 0 : 201; }
CUresult cuStreamSynchronize(CUstream s) { (void) s; return context_current ? 0 : 201; }

CUresult cuModuleLoadDataEx(CUmodule *module, const void *image, unsigned int n, int *options, void **values) {
    const char *ptx = (const char *) image;
    if (!context_current) return 201;
    char *log = NULL;
    size_t logSize = 0;
    for (unsigned int i = 0; i < n; i++) {
        if (options[i] == 5) log = (char *) values[i];
        if (options[i] == 6) logSize = (size_t) (uintptr_t) values[i];
    }
    if (FAKE_MODE == 2) {
        if (log && logSize > 0) snprintf(log, logSize, "ptxas application ptx input, line 9; fatal: Unsupported .version 7.8");
        return 222;
    }
    if (!strstr(ptx, ".version") || !strstr(ptx, ".entry")) return 218;
    ptx_image = strdup(ptx); /* the image must be NUL-terminated: strdup reads to the NUL */
    *module = &module_token;
    return 0;
}
CUresult cuModuleUnload(CUmodule m) { return m == &module_token ? 0 : 400; }

static const char *kernels[] = {"fill_f32", "affine_f32", "map_f32", "zip_f32", "broadcast_f32", "expand_f32",
    "sum_cols_f32", "row_reduce_f32", "partial_sums_f64", "sum_partials_f64", "nonfinite_f32", "sgd_f32",
    "momentum_f32", "rmsprop_f32", "adam_f32", "gemm_f32", "im2col_f32", "col2im_f32"};
#define NK (sizeof(kernels) / sizeof(kernels[0]))

CUresult cuModuleGetFunction(CUfunction *f, CUmodule m, const char *name) {
    if (m != &module_token) return 400;
    char pattern[128];
    snprintf(pattern, sizeof pattern, ".entry %s(", name);
    if (!strstr(ptx_image, pattern)) return 500; /* CUDA_ERROR_NOT_FOUND: not in the PTX */
    for (size_t i = 0; i < NK; i++) {
        if (strcmp(kernels[i], name) == 0) { *f = (CUfunction) (uintptr_t) (i + 1); return 0; }
    }
    return 500;
}

CUresult cuMemAlloc_v2(CUdeviceptr *p, size_t bytes) {
    if (!context_current) return 201;
    void *m = malloc(bytes + 64);
    if (!m) return 2;
    memset(m, 0xA5, bytes + 64); /* garbage, like fresh device memory */
    *p = (CUdeviceptr) (uintptr_t) m;
    return 0;
}
CUresult cuMemFree_v2(CUdeviceptr p) { free((void *) (uintptr_t) p); return 0; }
CUresult cuMemcpyHtoD_v2(CUdeviceptr dst, const void *src, size_t n) { memcpy((void *) (uintptr_t) dst, src, n); return 0; }
CUresult cuMemcpyDtoH_v2(void *dst, CUdeviceptr src, size_t n) { memcpy(dst, (void *) (uintptr_t) src, n); return 0; }
CUresult cuMemcpyDtoD_v2(CUdeviceptr dst, CUdeviceptr src, size_t n) { memmove((void *) (uintptr_t) dst, (void *) (uintptr_t) src, n); return 0; }

CUresult cuGetErrorName(CUresult e, const char **s) {
    switch (e) {
        case 100: *s = "CUDA_ERROR_NO_DEVICE"; return 0;
        case 222: *s = "CUDA_ERROR_UNSUPPORTED_PTX_VERSION"; return 0;
        case 500: *s = "CUDA_ERROR_NOT_FOUND"; return 0;
        default: *s = NULL; return 1;
    }
}
CUresult cuGetErrorString(CUresult e, const char **s) {
    switch (e) {
        case 100: *s = "no CUDA-capable device is detected"; return 0;
        case 222: *s = "the provided PTX was compiled with an unsupported toolchain."; return 0;
        default: *s = NULL; return 1;
    }
}

/* ---- the kernels, on the CPU ---- */
#define P(i, T) (*(T *) params[i])
#define PTR(i, T) ((T *) (uintptr_t) P(i, CUdeviceptr))

static float unary(int op, float v, float p, float q) {
    double d = v;
    switch (op) {
        case 0: return fmaxf(v, 0.0f);
        case 1: return v > 0 ? v : p * v;
        case 2: return (float) tanh(d);
        case 3: if (d >= 0) return (float) (1 / (1 + exp(-d))); else { double e = exp(d); return (float) (e / (1 + e)); }
        case 4: return (float) (fmax(d, 0) + log1p(exp(-fabs(d))));
        case 5: return (float) (fmin(d, 0) - log1p(exp(-fabs(d))));
        case 6: return (float) (d > 0 ? d : p * expm1(d));
        case 7: return (float) (d > 0 ? 1 : p * exp(d));
        case 8: return (float) (d > 0 ? 0 : p * exp(d));
        case 9: return (float) exp(d);
        case 10: return (float) log(d);
        case 11: return (float) sqrt(d);
        case 12: return v * v;
        case 13: return 1.0f / v;
        case 14: return fminf(fmaxf(v, p), q);
        case 15: return v > 0 ? 1.0f : 0.0f;
        default: return NAN;
    }
}
static float binary(int op, float a, float b, float p, float q) {
    switch (op) {
        case 0: return a + b;
        case 1: return a - b;
        case 2: return a * b;
        case 3: return a / b;
        case 4: return b == 0 ? 0 : a / b;
        case 5: return a * (b > 0 ? 1.0f : 0.0f);
        case 6: return a * (b > 0 ? 1.0f : p);
        case 7: return (b > p && b < q) ? a : 0.0f;
        case 8: return a * (1 - b * b);
        case 9: return a * b * (1 - b);
        default: return NAN;
    }
}
static float small_at(int mode, const float *s, int i, int n) { return mode == 0 ? s[0] : (mode == 1 ? s[i % n] : s[i / n]); }

CUresult cuLaunchKernel(CUfunction f, unsigned int gx, unsigned int gy, unsigned int gz, unsigned int bx, unsigned int by,
                        unsigned int bz, unsigned int shared, CUstream stream, void **params, void **extra) {
    size_t k = (size_t) (uintptr_t) f;
    if (!context_current) return 201;
    if (k < 1 || k > NK) return 400;
    if (gx < 1 || gy < 1 || gz != 1 || bx < 1 || by < 1 || bz != 1 || bx * by > 1024 || gy > 65535) return 1;
    if (shared != 0 || stream != NULL || extra != NULL || params == NULL) return 1;
    if (bx * by > (unsigned) max_threads_seen) max_threads_seen = (int) (bx * by);
    const char *name = kernels[k - 1];
    if (!strcmp(name, "fill_f32")) { float *o = PTR(0, float); float v = P(1, float); int n = P(2, int); for (int i = 0; i < n; i++) o[i] = v; }
    else if (!strcmp(name, "affine_f32")) { const float *x = PTR(0, float); float a = P(1, float), b = P(2, float); float *o = PTR(3, float); int n = P(4, int); for (int i = 0; i < n; i++) o[i] = a * x[i] + b; }
    else if (!strcmp(name, "map_f32")) { int op = P(0, int); const float *x = PTR(1, float); float p = P(2, float), q = P(3, float); float *o = PTR(4, float); int n = P(5, int); for (int i = 0; i < n; i++) o[i] = unary(op, x[i], p, q); }
    else if (!strcmp(name, "zip_f32")) { int op = P(0, int); const float *a = PTR(1, float), *b = PTR(2, float); float p = P(3, float), q = P(4, float); float *o = PTR(5, float); int n = P(6, int); for (int i = 0; i < n; i++) o[i] = binary(op, a[i], b[i], p, q); }
    else if (!strcmp(name, "broadcast_f32")) { int op = P(0, int), mode = P(1, int); const float *x = PTR(2, float), *s = PTR(3, float); float *o = PTR(4, float); int m = P(5, int), n = P(6, int); for (int i = 0; i < m * n; i++) o[i] = binary(op, x[i], small_at(mode, s, i, n), 0, 0); }
    else if (!strcmp(name, "expand_f32")) { int mode = P(0, int); const float *s = PTR(1, float); float *o = PTR(2, float); int m = P(3, int), n = P(4, int); for (int i = 0; i < m * n; i++) o[i] = small_at(mode, s, i, n); }
    else if (!strcmp(name, "sum_cols_f32")) { const float *x = PTR(0, float); float *o = PTR(1, float); int m = P(2, int), n = P(3, int); for (int j = 0; j < n; j++) { float a = 0; for (int i = 0; i < m; i++) a += x[i * n + j]; o[j] = a; } }
    else if (!strcmp(name, "row_reduce_f32")) {
        const float *x = PTR(0, float); float *o = PTR(1, float); int m = P(2, int), n = P(3, int), norm = P(4, int);
        if (gx != (unsigned) m || bx != 256) return 1; /* one block of 256 per row, as the kernel assumes */
        for (int r = 0; r < m; r++) { float a = 0; for (int j = 0; j < n; j++) { float v = x[r * n + j]; a += norm ? v * v : v; } o[r] = norm ? sqrtf(a) : a; }
    }
    else if (!strcmp(name, "partial_sums_f64")) {
        const float *x = PTR(0, float); double *part = PTR(1, double); int n = P(2, int), sq = P(3, int);
        if (bx != 256 || gx > 256) return 1; /* the partial buffer holds 256 doubles */
        for (unsigned b = 0; b < gx; b++) part[b] = 0;
        for (int i = 0; i < n; i++) { double v = x[i]; part[(i / 256) % gx] += sq ? v * v : v; }
    }
    else if (!strcmp(name, "sum_partials_f64")) {
        const double *part = PTR(0, double); int count = P(1, int); float *of = PTR(2, float); double *od = PTR(3, double);
        double a = 0; for (int i = 0; i < count; i++) a += part[i];
        if (of) of[0] = (float) a;
        if (od) od[0] = a;
    }
    else if (!strcmp(name, "nonfinite_f32")) { const float *x = PTR(0, float); int *flag = PTR(1, int); int n = P(2, int); for (int i = 0; i < n; i++) if (!isfinite(x[i])) *flag = 1; }
    else if (!strcmp(name, "sgd_f32")) { float *p = PTR(0, float); const float *g = PTR(1, float); float lr = P(2, float); int n = P(3, int); for (int i = 0; i < n; i++) p[i] -= lr * g[i]; }
    else if (!strcmp(name, "momentum_f32")) { float *p = PTR(0, float); const float *g = PTR(1, float); float *b = PTR(2, float); float lr = P(3, float), mu = P(4, float); int n = P(5, int); for (int i = 0; i < n; i++) { float v = mu * b[i] + g[i]; b[i] = v; p[i] -= lr * v; } }
    else if (!strcmp(name, "rmsprop_f32")) { float *p = PTR(0, float); const float *g = PTR(1, float); float *s = PTR(2, float); float lr = P(3, float), al = P(4, float), om = P(5, float), eps = P(6, float); int n = P(7, int); for (int i = 0; i < n; i++) { float v = al * s[i] + om * g[i] * g[i]; s[i] = v; p[i] -= lr * g[i] / (sqrtf(v) + eps); } }
    else if (!strcmp(name, "adam_f32")) {
        float *p = PTR(0, float); const float *g = PTR(1, float); float *m = PTR(2, float), *v = PTR(3, float);
        float b1 = P(4, float), b2 = P(5, float), c1 = P(6, float), c2 = P(7, float), step = P(8, float), inv = P(9, float), eps = P(10, float); int n = P(11, int);
        for (int i = 0; i < n; i++) { float mi = b1 * m[i] + c1 * g[i]; float vi = b2 * v[i] + c2 * g[i] * g[i]; m[i] = mi; v[i] = vi; p[i] -= step * mi / (sqrtf(vi) * inv + eps); }
    }
    else if (!strcmp(name, "gemm_f32")) {
        int ta = P(0, int), tb = P(1, int), m = P(2, int), n = P(3, int), kk = P(4, int); float alpha = P(5, float);
        const float *A = PTR(6, float); int lda = P(7, int); const float *B = PTR(8, float); int ldb = P(9, int);
        float beta = P(10, float); float *C = PTR(11, float); int ldc = P(12, int);
        if (bx != 16 || by != 16 || gx * 16 < (unsigned) n || gy * 16 < (unsigned) m) return 1; /* grid covers C */
        for (int r = 0; r < m; r++) for (int c = 0; c < n; c++) {
            float acc = 0;
            for (int e = 0; e < kk; e++) acc += (ta ? A[e * lda + r] : A[r * lda + e]) * (tb ? B[c * ldb + e] : B[e * ldb + c]);
            C[r * ldc + c] = beta == 0 ? alpha * acc : alpha * acc + beta * C[r * ldc + c];
        }
    }
    else if (!strcmp(name, "im2col_f32") || !strcmp(name, "col2im_f32")) {
        int fwd = !strcmp(name, "im2col_f32");
        float *src = PTR(0, float), *dst = PTR(1, float);
        int batch = P(2, int), C = P(3, int), H = P(4, int), W = P(5, int), KH = P(6, int), KW = P(7, int);
        int S = P(8, int), pad = P(9, int), OH = P(10, int), OW = P(11, int);
        int patch = KH * KW * C;
        if (!fwd) memset(dst, 0, sizeof(float) * (size_t) batch * H * W * C);
        for (int n = 0; n < batch; n++) for (int oy = 0; oy < OH; oy++) for (int ox = 0; ox < OW; ox++)
            for (int ky = 0; ky < KH; ky++) for (int kx = 0; kx < KW; kx++) for (int c = 0; c < C; c++) {
                int y = oy * S - pad + ky, x = ox * S - pad + kx;
                int ci = ((n * OH + oy) * OW + ox) * patch + (ky * KW + kx) * C + c;
                int in = y >= 0 && y < H && x >= 0 && x < W;
                int xi = n * H * W * C + (y * W + x) * C + c;
                if (fwd) dst[ci] = in ? src[xi] : 0.0f;
                else if (in) dst[xi] += src[ci];
            }
    }
    else return 400;
    return 0;
}

/* for the test: the largest block the backend launched */
int fakeMaxThreadsSeen(void) { return max_threads_seen; }
