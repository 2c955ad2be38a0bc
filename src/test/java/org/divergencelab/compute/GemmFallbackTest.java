package org.divergencelab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@link Gemm} in a JVM started without {@code --add-modules jdk.incubator.vector} (as a bare {@code java -cp}
 * would be): it must pick the scalar path, never touch the vector classes, and still be right.
 */
class GemmFallbackTest {

    @Test
    void withoutTheVectorModuleGemmFallsBackToTheScalarKernel() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp",
                System.getProperty("java.class.path"), GemmFallbackProbe.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.startsWith("path=SCALAR "), output);
        double worst = Double.parseDouble(output.substring(output.indexOf("worstRelativeError=") + 19));
        // k = 33 products: float32 error ≤ 2·(k+3)·2⁻²⁴ of Σ|a||b| (as in GemmTest); NaN in C or a wrong
        // element shows up as infinity or O(1).
        assertTrue(worst <= 2 * 36 * 0x1p-24, output);
    }
}
