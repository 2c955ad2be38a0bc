package org.divergencelab.compute.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.util.List;

/**
 * Every native function the CUDA backend calls, with the C name in the header and the ABI symbol it maps
 * to. This table is the whole FFM surface: {@code CudaHeaderSignatureTest} parses the prototypes from the
 * installed {@code cuda.h} / {@code cublas_api.h} and checks each descriptor against them, because a wrong
 * descriptor is a JVM crash rather than an exception.
 *
 * <p>Type mapping (x86-64 / aarch64 LP64): {@code CUresult}, {@code cublasStatus_t}, enums, {@code int},
 * {@code unsigned int} and {@code CUdevice} are {@code JAVA_INT}; {@code size_t} and {@code CUdeviceptr}
 * (an {@code unsigned long long}) are {@code JAVA_LONG}; every pointer and opaque handle ({@code CUcontext},
 * {@code CUmodule}, {@code CUfunction}, {@code CUstream}, {@code cublasHandle_t}) is {@code ADDRESS}.
 */
public final class CudaApi {

    /** One binding: {@code header} is the name in the C prototype, {@code symbol} the exported ABI name. */
    public record Fn(String header, String symbol, FunctionDescriptor descriptor) {
    }

    private static Fn fn(String header, String symbol, FunctionDescriptor d) {
        return new Fn(header, symbol, d);
    }

    private static Fn fn(String name, FunctionDescriptor d) {
        return new Fn(name, name, d);
    }

    // ---- driver API, libcuda.so.1 (all return CUresult) ----
    static final Fn CU_INIT = fn("cuInit", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    static final Fn CU_DRIVER_GET_VERSION = fn("cuDriverGetVersion", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final Fn CU_DEVICE_GET_COUNT = fn("cuDeviceGetCount", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final Fn CU_DEVICE_GET = fn("cuDeviceGet", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    static final Fn CU_DEVICE_GET_NAME = fn("cuDeviceGetName",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    static final Fn CU_DEVICE_GET_ATTRIBUTE = fn("cuDeviceGetAttribute",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    static final Fn CU_PRIMARY_CTX_RETAIN = fn("cuDevicePrimaryCtxRetain",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    static final Fn CU_PRIMARY_CTX_RELEASE = fn("cuDevicePrimaryCtxRelease", "cuDevicePrimaryCtxRelease_v2",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    static final Fn CU_CTX_SET_CURRENT = fn("cuCtxSetCurrent", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final Fn CU_CTX_SYNCHRONIZE = fn("cuCtxSynchronize", FunctionDescriptor.of(JAVA_INT));
    static final Fn CU_STREAM_SYNCHRONIZE = fn("cuStreamSynchronize", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final Fn CU_MODULE_LOAD_DATA_EX = fn("cuModuleLoadDataEx",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
    static final Fn CU_MODULE_GET_FUNCTION = fn("cuModuleGetFunction",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    static final Fn CU_MODULE_UNLOAD = fn("cuModuleUnload", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final Fn CU_LAUNCH_KERNEL = fn("cuLaunchKernel", FunctionDescriptor.of(JAVA_INT, ADDRESS,
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    static final Fn CU_MEM_ALLOC = fn("cuMemAlloc", "cuMemAlloc_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    static final Fn CU_MEM_FREE = fn("cuMemFree", "cuMemFree_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    static final Fn CU_MEMCPY_HTOD = fn("cuMemcpyHtoD", "cuMemcpyHtoD_v2",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG));
    static final Fn CU_MEMCPY_DTOH = fn("cuMemcpyDtoH", "cuMemcpyDtoH_v2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    static final Fn CU_MEMCPY_DTOD = fn("cuMemcpyDtoD", "cuMemcpyDtoD_v2",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    static final Fn CU_GET_ERROR_NAME = fn("cuGetErrorName", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    static final Fn CU_GET_ERROR_STRING = fn("cuGetErrorString", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));

    /** The driver functions, in the order they are bound. */
    public static final List<Fn> DRIVER = List.of(CU_INIT, CU_DRIVER_GET_VERSION, CU_DEVICE_GET_COUNT, CU_DEVICE_GET,
            CU_DEVICE_GET_NAME, CU_DEVICE_GET_ATTRIBUTE, CU_PRIMARY_CTX_RETAIN, CU_PRIMARY_CTX_RELEASE,
            CU_CTX_SET_CURRENT, CU_CTX_SYNCHRONIZE, CU_STREAM_SYNCHRONIZE, CU_MODULE_LOAD_DATA_EX,
            CU_MODULE_GET_FUNCTION, CU_MODULE_UNLOAD, CU_LAUNCH_KERNEL, CU_MEM_ALLOC, CU_MEM_FREE, CU_MEMCPY_HTOD,
            CU_MEMCPY_DTOH, CU_MEMCPY_DTOD, CU_GET_ERROR_NAME, CU_GET_ERROR_STRING);

    // ---- cuBLAS (optional; all return cublasStatus_t). cublas_v2.h maps cublasCreate to cublasCreate_v2 etc.,
    // the _v2 names are the prototypes in cublas_api.h ----
    static final Fn CUBLAS_CREATE = fn("cublasCreate_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final Fn CUBLAS_DESTROY = fn("cublasDestroy_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final Fn CUBLAS_SET_STREAM = fn("cublasSetStream_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    static final Fn CUBLAS_SET_MATH_MODE = fn("cublasSetMathMode", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    static final Fn CUBLAS_SGEMM = fn("cublasSgemm_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT,
            JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));

    /** The cuBLAS functions. */
    public static final List<Fn> CUBLAS = List.of(CUBLAS_CREATE, CUBLAS_DESTROY, CUBLAS_SET_STREAM, CUBLAS_SET_MATH_MODE,
            CUBLAS_SGEMM);

    // ---- constants from cuda.h / cublas_api.h ----
    static final int CUDA_SUCCESS = 0;
    static final int CUDA_ERROR_STUB_LIBRARY = 34;
    static final int CUDA_ERROR_NO_DEVICE = 100;
    static final int CUDA_ERROR_NO_BINARY_FOR_GPU = 209;
    static final int CUDA_ERROR_INVALID_PTX = 218;
    static final int CUDA_ERROR_UNSUPPORTED_PTX_VERSION = 222;
    static final int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75;
    static final int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76;
    static final int CU_JIT_ERROR_LOG_BUFFER = 5;
    static final int CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6;
    static final int CUBLAS_OP_N = 0;
    static final int CUBLAS_OP_T = 1;
    static final int CUBLAS_DEFAULT_MATH = 0;

    private CudaApi() {
    }
}
