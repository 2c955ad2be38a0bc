package org.divergencelab.compute.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Tensor;
import org.divergencelab.compute.select.Backends;
import org.divergencelab.selftest.BackendConformance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole Java side of the CUDA backend against a fake {@code libcuda.so.1} (fake_libcuda.c, compiled
 * here with gcc) that implements the bound driver functions on the CPU: library lookup, every downcall,
 * kernel argument marshalling (the full conformance suite runs through it), and the failure paths (no
 * device, a driver that rejects our PTX version, cuInit failing) ending in messages and the CPU backend.
 * Skipped with the reason when gcc is not available. Proves nothing about the GPU kernels.
 */
class FakeDriverTest {

    private static Path build(int mode) throws IOException, InterruptedException {
        return build("fake_libcuda.c", "libcuda-fake" + mode + ".so", "-DFAKE_MODE=" + mode);
    }

    private static Path build(String source, String libName, String define) throws IOException, InterruptedException {
        Path dir = Path.of("target", "fake-cuda").toAbsolutePath();
        Files.createDirectories(dir);
        Path src = dir.resolve(source);
        try (InputStream in = FakeDriverTest.class.getResourceAsStream(source)) {
            Files.copy(in, src, StandardCopyOption.REPLACE_EXISTING);
        }
        Path lib = dir.resolve(libName);
        if (!Files.exists(lib)) {
            Process p;
            try {
                p = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O1", define, "-o", lib.toString(),
                        src.toString(), "-lm").redirectErrorStream(true).start();
            } catch (IOException e) {
                Assumptions.abort("gcc not available to build the fake driver: " + e.getMessage());
                throw e;
            }
            String out = new String(p.getInputStream().readAllBytes());
            assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc failed to build the fake driver: " + out);
        }
        return lib;
    }

    private static void useDriver(int mode) throws IOException, InterruptedException {
        System.setProperty(CudaDriver.LIBRARY_PROPERTY, build(mode).toString());
        // never let a real cuBLAS run on the fake context
        System.setProperty(Cublas.LIBRARY_PROPERTY, "/nonexistent/libcublas-for-fake-driver.so");
    }

    @AfterEach
    void restore() {
        System.clearProperty(CudaDriver.LIBRARY_PROPERTY);
        System.clearProperty(Cublas.LIBRARY_PROPERTY);
    }

    @Test
    void conformanceSuiteRunsThroughTheFakeDriver() throws Exception {
        useDriver(0);
        try (CudaBackend cuda = CudaBackend.open(0)) {
            assertTrue(cuda.description().contains("Fake CUDA device (CPU) (sm_75)"), cuda.description());
            assertTrue(cuda.gemmImplementation().startsWith("own tiled kernel"), cuda.gemmImplementation());
            BackendConformance.Report r = BackendConformance.run(CpuBackend.INSTANCE, cuda, 5);
            String failures = r.checks().stream().filter(c -> !c.passed()).map(c -> c.name() + ": " + c.detail())
                    .collect(Collectors.joining("\n"));
            assertEquals(0, r.failed(), failures);
            Tensor cpu = CpuBackend.INSTANCE.allocate(2, 2);
            Tensor dev = cuda.allocate(2, 2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cuda.copy(cpu, dev));
            assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
            cuda.synchronize();
            cuda.close();
            cuda.close(); // idempotent
            assertThrows(IllegalStateException.class, () -> cuda.fill(dev, 1));
        }
    }

    @Test
    void cublasRowMajorMappingAgainstAColumnMajorReference() throws Exception {
        useDriver(0);
        System.setProperty(Cublas.LIBRARY_PROPERTY, build("fake_libcublas.c", "libcublas-fake.so", "-DFAKE_CUBLAS=1").toString());
        try (CudaBackend cuda = CudaBackend.open(0)) {
            assertTrue(cuda.gemmImplementation().startsWith("cuBLAS ("), cuda.gemmImplementation());
            BackendConformance.Report r = BackendConformance.run(CpuBackend.INSTANCE, cuda, 9);
            String failures = r.checks().stream().filter(c -> !c.passed()).map(c -> c.name() + ": " + c.detail())
                    .collect(Collectors.joining("\n"));
            assertEquals(0, r.failed(), failures);
            assertTrue(r.checks().stream().filter(c -> c.name().startsWith("matmul")).count() >= 40,
                    "every GEMM check ran through cuBLAS");
        }
    }

    @Test
    void noDeviceFallsBackToCpuWithTheReason() throws Exception {
        useDriver(1);
        try (Backends.Selection s = Backends.select(Backends.Choice.AUTO)) {
            assertFalse(s.isCuda());
            assertTrue(s.note().contains("cpu-f32") && s.note().contains("no CUDA device"), s.note());
        }
        Backends.UnavailableException e = assertThrows(Backends.UnavailableException.class,
                () -> Backends.select(Backends.Choice.CUDA));
        assertTrue(e.getMessage().startsWith("CUDA is unavailable"), e.getMessage());
    }

    @Test
    void driverTooOldForOurPtxSaysSo() throws Exception {
        useDriver(2);
        CudaException e = assertThrows(CudaException.class, () -> CudaBackend.open(0));
        assertEquals(CudaApi.CUDA_ERROR_UNSUPPORTED_PTX_VERSION, e.code());
        assertTrue(e.getMessage().contains("CUDA_ERROR_UNSUPPORTED_PTX_VERSION (222)"), e.getMessage());
        assertTrue(e.getMessage().contains("update the driver"), e.getMessage());
        assertTrue(e.getMessage().contains("JIT log: ptxas"), "the JIT log is passed on: " + e.getMessage());
        try (Backends.Selection s = Backends.select(Backends.Choice.AUTO)) {
            assertFalse(s.isCuda());
            assertTrue(s.note().contains("too old"), s.note());
        }
    }

    @Test
    void cuInitFailureIsAMessage() throws Exception {
        useDriver(3);
        CudaException e = assertThrows(CudaException.class, () -> CudaBackend.open(0));
        assertTrue(e.getMessage().startsWith("cuInit failed: CUDA_ERROR_NO_DEVICE (100): no CUDA-capable device"),
                e.getMessage());
    }

    @Test
    void missingLibraryIsAMessage() {
        System.setProperty(CudaDriver.LIBRARY_PROPERTY, "/nonexistent/libcuda.so.1");
        CudaException e = assertThrows(CudaException.class, () -> CudaBackend.open(0));
        assertTrue(e.getMessage().contains("no NVIDIA driver library found (tried /nonexistent/libcuda.so.1"),
                e.getMessage());
    }
}
