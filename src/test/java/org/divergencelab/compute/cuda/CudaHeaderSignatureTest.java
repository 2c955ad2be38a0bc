package org.divergencelab.compute.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every FFM descriptor of {@link CudaApi} against the prototype in the installed CUDA headers: the header
 * name must be declared, the ABI symbol must be what the header's {@code #define} maps it to, and the
 * parameter and return types must map to the layouts we pass. Skipped (per header, with the reason) when
 * no CUDA toolkit headers are installed.
 */
class CudaHeaderSignatureTest {

    static Optional<Path> includeDir(String header) {
        List<Path> dirs = new ArrayList<>();
        for (String env : new String[] {"CUDA_HOME", "CUDA_PATH"}) {
            String v = System.getenv(env);
            if (v != null) {
                dirs.add(Path.of(v, "include"));
            }
        }
        dirs.add(Path.of("/usr/local/cuda/include"));
        try (Stream<Path> s = Files.list(Path.of("/usr/local"))) {
            s.filter(p -> p.getFileName().toString().startsWith("cuda-")).sorted().forEach(p -> dirs.add(p.resolve("include")));
        } catch (IOException e) {
            // no /usr/local listing: the fixed candidates remain
        }
        dirs.add(Path.of("/usr/include"));
        return dirs.stream().filter(d -> Files.isRegularFile(d.resolve(header))).findFirst();
    }

    /** The layout the C type maps to on LP64, or empty for a type we do not know (which fails the test). */
    static Optional<MemoryLayout> layoutOf(String cType) {
        String t = cType.replace("const", " ").replace("CUDAAPI", " ").trim().replaceAll("\\s+", " ");
        if (t.contains("*")) {
            return Optional.of(ValueLayout.ADDRESS);
        }
        return switch (t) {
            case "int", "unsigned int", "CUdevice", "CUresult", "cublasStatus_t", "CUdevice_attribute",
                    "cublasOperation_t", "cublasMath_t" -> Optional.of(ValueLayout.JAVA_INT);
            case "size_t", "CUdeviceptr" -> Optional.of(ValueLayout.JAVA_LONG);
            case "float" -> Optional.of(ValueLayout.JAVA_FLOAT);
            // opaque handles: typedef struct X_st *CUcontext etc.
            case "CUcontext", "CUmodule", "CUfunction", "CUstream", "cublasHandle_t", "cudaStream_t" ->
                    Optional.of(ValueLayout.ADDRESS);
            default -> Optional.empty();
        };
    }

    private static String stripComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    static void check(String header, List<CudaApi.Fn> fns, String returnType) throws IOException {
        Optional<Path> dir = includeDir(header);
        assumeTrue(dir.isPresent(), header + " not installed (no CUDA toolkit headers): signature check skipped");
        String text = stripComments(Files.readString(dir.get().resolve(header)));
        for (CudaApi.Fn fn : fns) {
            // the ABI symbol: either the name itself or what "#define name symbol" maps it to (possibly wrapped
            // in __CUDA_API_PTDS(...)/__CUDA_API_PTSZ(...), which the default build leaves as the inner name)
            Matcher def = Pattern.compile("#define\\s+" + fn.header() + "\\s+(?:__CUDA_API_PT\\w+\\()?(\\w+)").matcher(text);
            String symbol = def.find() ? def.group(1) : fn.header();
            assertEquals(symbol, fn.symbol(), fn.header() + ": the header maps it to " + symbol);
            Matcher proto = Pattern.compile(returnType + "\\s+(?:CUDAAPI\\s+|CUBLASWINAPI\\s+)?" + fn.header()
                    + "\\s*\\(([^)]*)\\)\\s*;").matcher(text);
            assertFalse(!proto.find(), "no prototype of " + fn.header() + " in " + header);
            String params = proto.group(1).trim();
            List<MemoryLayout> want = new ArrayList<>();
            if (!params.equals("void") && !params.isEmpty()) {
                for (String p : params.split(",")) {
                    String decl = p.trim();
                    // drop the parameter name (last identifier) unless the declaration is only a type
                    String type = decl.replaceAll("\\s*\\b\\w+$", "");
                    if (type.isBlank()) {
                        type = decl;
                    }
                    Optional<MemoryLayout> l = layoutOf(type);
                    assertNotNull(l.orElse(null), fn.header() + ": unknown C type '" + type + "'");
                    want.add(l.get());
                }
            }
            FunctionDescriptor expected = FunctionDescriptor.of(ValueLayout.JAVA_INT, want.toArray(MemoryLayout[]::new));
            assertEquals(expected, fn.descriptor(), fn.header() + " descriptor vs header prototype (" + params + ")");
        }
    }

    @Test
    void driverBindingsMatchCudaH() throws IOException {
        check("cuda.h", CudaApi.DRIVER, "CUresult");
    }

    @Test
    void cublasBindingsMatchCublasApiH() throws IOException {
        // cublas_api.h declares e.g. "CUBLASAPI cublasStatus_t CUBLASWINAPI cublasSgemm_v2(...)"
        check("cublas_api.h", CudaApi.CUBLAS, "cublasStatus_t");
    }

    @Test
    void typeMappingKnowsTheLp64Sizes() {
        assertEquals(ValueLayout.JAVA_LONG, layoutOf("size_t").orElseThrow());
        assertEquals(ValueLayout.ADDRESS, layoutOf("const void *").orElseThrow());
        assertEquals(ValueLayout.ADDRESS, layoutOf("CUstream").orElseThrow());
        assertEquals(ValueLayout.JAVA_INT, layoutOf("unsigned int").orElseThrow());
        assertFalse(layoutOf("struct mystery").isPresent());
    }
}
