package org.divergencelab.compute.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.divergencelab.compute.CpuBackend;
import org.divergencelab.selftest.BackendConformance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real CUDA backend on a real GPU, held to the CPU backend by the conformance suite, with cuBLAS GEMM
 * and with our own GEMM kernel. Each test skips with the reason when no CUDA device answers here (CI has
 * no GPU); on a GPU machine they are the JUnit form of {@code selftest --backend cuda}.
 */
class CudaBackendTest {

    private static CudaBackend openOrSkip() {
        try {
            return CudaBackend.open(0);
        } catch (CudaException e) {
            Assumptions.abort("no usable CUDA device here: " + e.getMessage());
            throw e;
        }
    }

    @AfterEach
    void restore() {
        System.clearProperty(Cublas.LIBRARY_PROPERTY);
    }

    private static void conforms(CudaBackend cuda) {
        BackendConformance.Report r = BackendConformance.run(CpuBackend.INSTANCE, cuda, 7);
        String failures = r.checks().stream().filter(c -> !c.passed()).map(c -> c.name() + ": " + c.detail())
                .collect(Collectors.joining("\n"));
        assertEquals(0, r.failed(), cuda.description() + "\n" + failures);
    }

    @Test
    void conformsWithDefaultGemm() {
        try (CudaBackend cuda = openOrSkip()) {
            conforms(cuda);
        }
    }

    @Test
    void conformsWithOwnGemmKernel() {
        System.setProperty(Cublas.LIBRARY_PROPERTY, "/nonexistent/libcublas.so");
        try (CudaBackend cuda = openOrSkip()) {
            assertTrue(cuda.gemmImplementation().startsWith("own tiled kernel"), cuda.gemmImplementation());
            conforms(cuda);
        }
    }
}
