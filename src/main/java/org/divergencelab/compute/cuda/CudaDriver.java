package org.divergencelab.compute.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CUDA driver API ({@code libcuda.so.1}) bound through FFM. Nothing native is touched until
 * {@link #load()}: finding the library, looking up every symbol of {@link CudaApi#DRIVER} and binding the
 * method handles all happen there, and every failure (no library, a missing symbol, a restricted-method
 * refusal) becomes a {@link CudaException} with a message, never a crash.
 */
final class CudaDriver {
    /** System property / environment variable naming the driver library to use instead of the search. */
    static final String LIBRARY_PROPERTY = "divergencelab.cuda.libcuda";
    static final String LIBRARY_ENV = "DIVERGENCELAB_LIBCUDA";

    private final Linker linker = Linker.nativeLinker();
    final String libraryPath;
    final MethodHandle cuInit;
    final MethodHandle cuDriverGetVersion;
    final MethodHandle cuDeviceGetCount;
    final MethodHandle cuDeviceGet;
    final MethodHandle cuDeviceGetName;
    final MethodHandle cuDeviceGetAttribute;
    final MethodHandle cuDevicePrimaryCtxRetain;
    final MethodHandle cuDevicePrimaryCtxRelease;
    final MethodHandle cuCtxSetCurrent;
    final MethodHandle cuCtxSynchronize;
    final MethodHandle cuStreamSynchronize;
    final MethodHandle cuModuleLoadDataEx;
    final MethodHandle cuModuleGetFunction;
    final MethodHandle cuModuleUnload;
    final MethodHandle cuLaunchKernel;
    final MethodHandle cuMemAlloc;
    final MethodHandle cuMemFree;
    final MethodHandle cuMemcpyHtoD;
    final MethodHandle cuMemcpyDtoH;
    final MethodHandle cuMemcpyDtoD;
    private final MethodHandle cuGetErrorName;
    private final MethodHandle cuGetErrorString;

    private CudaDriver(String libraryPath, SymbolLookup lookup) {
        this.libraryPath = libraryPath;
        cuInit = bind(lookup, CudaApi.CU_INIT);
        cuDriverGetVersion = bind(lookup, CudaApi.CU_DRIVER_GET_VERSION);
        cuDeviceGetCount = bind(lookup, CudaApi.CU_DEVICE_GET_COUNT);
        cuDeviceGet = bind(lookup, CudaApi.CU_DEVICE_GET);
        cuDeviceGetName = bind(lookup, CudaApi.CU_DEVICE_GET_NAME);
        cuDeviceGetAttribute = bind(lookup, CudaApi.CU_DEVICE_GET_ATTRIBUTE);
        cuDevicePrimaryCtxRetain = bind(lookup, CudaApi.CU_PRIMARY_CTX_RETAIN);
        cuDevicePrimaryCtxRelease = bind(lookup, CudaApi.CU_PRIMARY_CTX_RELEASE);
        cuCtxSetCurrent = bind(lookup, CudaApi.CU_CTX_SET_CURRENT);
        cuCtxSynchronize = bind(lookup, CudaApi.CU_CTX_SYNCHRONIZE);
        cuStreamSynchronize = bind(lookup, CudaApi.CU_STREAM_SYNCHRONIZE);
        cuModuleLoadDataEx = bind(lookup, CudaApi.CU_MODULE_LOAD_DATA_EX);
        cuModuleGetFunction = bind(lookup, CudaApi.CU_MODULE_GET_FUNCTION);
        cuModuleUnload = bind(lookup, CudaApi.CU_MODULE_UNLOAD);
        cuLaunchKernel = bind(lookup, CudaApi.CU_LAUNCH_KERNEL);
        cuMemAlloc = bind(lookup, CudaApi.CU_MEM_ALLOC);
        cuMemFree = bind(lookup, CudaApi.CU_MEM_FREE);
        cuMemcpyHtoD = bind(lookup, CudaApi.CU_MEMCPY_HTOD);
        cuMemcpyDtoH = bind(lookup, CudaApi.CU_MEMCPY_DTOH);
        cuMemcpyDtoD = bind(lookup, CudaApi.CU_MEMCPY_DTOD);
        cuGetErrorName = bind(lookup, CudaApi.CU_GET_ERROR_NAME);
        cuGetErrorString = bind(lookup, CudaApi.CU_GET_ERROR_STRING);
    }

    private MethodHandle bind(SymbolLookup lookup, CudaApi.Fn fn) {
        MemorySegment address = lookup.find(fn.symbol()).orElseThrow(() -> new CudaException(
                "the CUDA driver " + libraryPath + " has no symbol " + fn.symbol() + " (driver too old?)", -1));
        return linker.downcallHandle(address, fn.descriptor());
    }

    /** Where the driver library is looked for, in order. */
    static List<String> candidates() {
        List<String> c = new ArrayList<>();
        String override = System.getProperty(LIBRARY_PROPERTY);
        if (override == null || override.isBlank()) {
            override = System.getenv(LIBRARY_ENV);
        }
        if (override != null && !override.isBlank()) {
            c.add(override); // an explicit choice is the only candidate: never silently use another driver
            return c;
        }
        c.add("libcuda.so.1");
        c.add("/usr/local/nvidia/lib64/libcuda.so.1");
        c.add("/usr/lib/x86_64-linux-gnu/libcuda.so.1");
        c.add("/usr/lib64/libcuda.so.1");
        c.add("/usr/lib/wsl/lib/libcuda.so.1");
        return c;
    }

    /**
     * Finds and binds the driver library.
     *
     * @throws CudaException naming every place looked at when none loads, or the missing symbol
     */
    static CudaDriver load() {
        List<String> tried = new ArrayList<>();
        for (String name : candidates()) {
            SymbolLookup lookup;
            try {
                lookup = SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                tried.add(name);
                continue;
            } catch (IllegalCallerException e) {
                throw new CudaException("native access is not enabled for this code: run java with "
                        + "--enable-native-access=ALL-UNNAMED (the app's launcher and the jar manifest do)", e);
            }
            return new CudaDriver(name, lookup);
        }
        throw new CudaException("no NVIDIA driver library found (tried " + String.join(", ", tried)
                + "; set -D" + LIBRARY_PROPERTY + "=/path/to/libcuda.so.1 to name it)", -1);
    }

    /** "CUDA_ERROR_X (code): description" from the driver, or the bare code if even that fails. */
    String describe(int code) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocate(ADDRESS);
            String name = "CUresult " + code;
            if ((int) cuGetErrorName.invokeExact(code, p) == 0) {
                name = cString(p.get(ADDRESS, 0)).orElse(name);
            }
            String text = "";
            if ((int) cuGetErrorString.invokeExact(code, p) == 0) {
                text = cString(p.get(ADDRESS, 0)).map(s -> ": " + s).orElse("");
            }
            return name + " (" + code + ")" + text;
        } catch (Throwable t) {
            return "CUresult " + code;
        }
    }

    static Optional<String> cString(MemorySegment p) {
        if (p.equals(MemorySegment.NULL)) {
            return Optional.empty();
        }
        return Optional.of(p.reinterpret(4096).getString(0));
    }

    /** Throws a {@link CudaException} for a non-zero result, with advice for the failures users can fix. */
    void check(int result, String call) {
        if (result == CudaApi.CUDA_SUCCESS) {
            return;
        }
        String advice = switch (result) {
            case CudaApi.CUDA_ERROR_UNSUPPORTED_PTX_VERSION, CudaApi.CUDA_ERROR_INVALID_PTX ->
                    " — the NVIDIA driver is too old for our kernels (PTX ISA 7.8, CUDA 11.8): update the driver";
            case CudaApi.CUDA_ERROR_NO_BINARY_FOR_GPU -> " — this GPU is older than compute capability 7.5 (Turing)";
            case CudaApi.CUDA_ERROR_NO_DEVICE -> " — no CUDA-capable GPU is visible (CUDA_VISIBLE_DEVICES?)";
            case CudaApi.CUDA_ERROR_STUB_LIBRARY -> " — " + libraryPath + " is the toolkit's stub, not a driver";
            default -> "";
        };
        throw new CudaException(call + " failed: " + describe(result) + advice, result);
    }

}
