/*
 * A fake cuBLAS (libcublas.so) for the fake CPU driver: the five functions the backend binds, with the C
 * signatures of cublas_api.h, and cublasSgemm_v2 as a plain COLUMN-MAJOR reference (the BLAS definition,
 * with leading-dimension checks like cuBLAS's CUBLAS_STATUS_INVALID_VALUE). Running the conformance suite
 * through it checks the backend's row-major mapping (C^T = op(B)^T op(A)^T) against real BLAS semantics.
 * Device pointers of the fake driver are host pointers, so A, B, C are read directly.
 */
#include <stddef.h>

typedef int cublasStatus_t;
typedef void *cublasHandle_t;
static char handle_token;
static int destroyed;

cublasStatus_t cublasCreate_v2(cublasHandle_t *h) { *h = &handle_token; return 0; }
cublasStatus_t cublasDestroy_v2(cublasHandle_t h) { if (h != &handle_token) return 1; destroyed++; return 0; }
cublasStatus_t cublasSetStream_v2(cublasHandle_t h, void *stream) { return (h == &handle_token && stream == NULL) ? 0 : 7; }
cublasStatus_t cublasSetMathMode(cublasHandle_t h, int mode) { return (h == &handle_token && mode == 0) ? 0 : 7; }

cublasStatus_t cublasSgemm_v2(cublasHandle_t h, int ta, int tb, int m, int n, int k, const float *alpha,
                              const float *A, int lda, const float *B, int ldb, const float *beta, float *C, int ldc) {
    if (h != &handle_token) return 1;
    if ((ta != 0 && ta != 1) || (tb != 0 && tb != 1) || m < 0 || n < 0 || k < 0) return 7;
    if (lda < (ta ? k : m) || lda < 1 || ldb < (tb ? n : k) || ldb < 1 || ldc < m || ldc < 1) return 7;
    float a = *alpha, b = *beta;
    for (int j = 0; j < n; j++) {
        for (int i = 0; i < m; i++) {
            float acc = 0;
            for (int l = 0; l < k; l++) {
                float x = ta ? A[l + (size_t) i * lda] : A[i + (size_t) l * lda];
                float y = tb ? B[j + (size_t) l * ldb] : B[l + (size_t) j * ldb];
                acc += x * y;
            }
            float *c = &C[i + (size_t) j * ldc];
            *c = b == 0 ? a * acc : a * acc + b * *c;
        }
    }
    return 0;
}
