package org.divergencelab.compute.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * cuBLAS SGEMM through FFM, optional: {@link #open()} tries {@code libcublas.so.13} then {@code .so.12}
 * and throws {@link CudaException} when neither loads, which the backend turns into "GEMM: own kernel".
 * The handle works on the current context (the primary one, which is what cuBLAS uses anyway) and the
 * legacy default stream, the stream our kernels run on, so GEMMs and kernels stay in order. Math mode is
 * {@code CUBLAS_DEFAULT_MATH}: no TF32, so results stay comparable with the CPU.
 */
final class Cublas implements AutoCloseable {
    static final String LIBRARY_PROPERTY = "divergencelab.cuda.libcublas";

    private final MethodHandle create;
    private final MethodHandle destroy;
    private final MethodHandle setStream;
    private final MethodHandle setMathMode;
    private final MethodHandle sgemm;
    final String library;
    private final MemorySegment handle;
    private final Arena scalars = Arena.ofShared();
    private final MemorySegment alphaBeta = scalars.allocate(JAVA_FLOAT, 2);

    private Cublas(String library, SymbolLookup lookup) {
        this.library = library;
        Linker linker = Linker.nativeLinker();
        create = bind(linker, lookup, CudaApi.CUBLAS_CREATE);
        destroy = bind(linker, lookup, CudaApi.CUBLAS_DESTROY);
        setStream = bind(linker, lookup, CudaApi.CUBLAS_SET_STREAM);
        setMathMode = bind(linker, lookup, CudaApi.CUBLAS_SET_MATH_MODE);
        sgemm = bind(linker, lookup, CudaApi.CUBLAS_SGEMM);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            check((int) create.invokeExact(out), "cublasCreate_v2");
            handle = out.get(ADDRESS, 0);
            check((int) setStream.invokeExact(handle, MemorySegment.NULL), "cublasSetStream_v2");
            check((int) setMathMode.invokeExact(handle, CudaApi.CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
        } catch (CudaException e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaException("cuBLAS initialisation failed: " + t, t);
        }
    }

    private MethodHandle bind(Linker linker, SymbolLookup lookup, CudaApi.Fn fn) {
        return linker.downcallHandle(lookup.find(fn.symbol()).orElseThrow(
                () -> new CudaException(library + " has no symbol " + fn.symbol(), -1)), fn.descriptor());
    }

    static Cublas open() {
        List<String> names = new ArrayList<>();
        String override = System.getProperty(LIBRARY_PROPERTY);
        if (override != null && !override.isBlank()) {
            names.add(override);
        } else {
            names.add("libcublas.so.13");
            names.add("libcublas.so.12");
        }
        for (String name : names) {
            SymbolLookup lookup;
            try {
                lookup = SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                continue;
            }
            return new Cublas(name, lookup);
        }
        throw new CudaException("cuBLAS not found (tried " + String.join(", ", names) + ")", -1);
    }

    private static void check(int status, String call) {
        if (status != 0) {
            throw new CudaException(call + " failed: cublasStatus_t " + status, status);
        }
    }

    /**
     * Row-major {@code C(m×n) = alpha·op(A)·op(B) + beta·C} with A stored lda-wide, B ldb-wide, C n-wide.
     * cuBLAS is column-major, and a row-major buffer read column-major is the transpose, so we ask cuBLAS
     * for Cᵀ = op(B)ᵀ·op(A)ᵀ: operands swapped, dimensions (n, m, k), the transpose flags kept as they are
     * (op(B)ᵀ of the column-major view Bᵀ is "no transpose" exactly when B is not transposed).
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, long a, int lda, long b, int ldb,
               float beta, long c) {
        alphaBeta.setAtIndex(JAVA_FLOAT, 0, alpha);
        alphaBeta.setAtIndex(JAVA_FLOAT, 1, beta);
        int status;
        try {
            status = (int) sgemm.invokeExact(handle, transB ? CudaApi.CUBLAS_OP_T : CudaApi.CUBLAS_OP_N,
                    transA ? CudaApi.CUBLAS_OP_T : CudaApi.CUBLAS_OP_N, n, m, k, alphaBeta,
                    MemorySegment.ofAddress(b), ldb, MemorySegment.ofAddress(a), lda, alphaBeta.asSlice(4),
                    MemorySegment.ofAddress(c), n);
        } catch (Throwable t) {
            throw new CudaException("cublasSgemm_v2 call failed: " + t, t);
        }
        check(status, "cublasSgemm_v2");
    }

    @Override
    public void close() {
        try {
            int ignored = (int) destroy.invokeExact(handle);
        } catch (Throwable t) {
            // closing after a failure: nothing more to do
        }
        scalars.close();
    }
}
