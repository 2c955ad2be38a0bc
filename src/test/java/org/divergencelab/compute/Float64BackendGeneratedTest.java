package org.divergencelab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/** Float64Backend.java is generated from CpuBackend.java: the committed file must be what the generator writes. */
class Float64BackendGeneratedTest {

    @Test
    void committedFloat64BackendIsUpToDate() throws IOException {
        String expected = Float64BackendGenerator.generate(
                Files.readString(Float64BackendGenerator.SOURCE, StandardCharsets.UTF_8));
        String committed = Files.readString(Float64BackendGenerator.TARGET, StandardCharsets.UTF_8);
        if (!expected.equals(committed)) {
            String[] e = expected.split("\n", -1);
            String[] c = committed.split("\n", -1);
            int line = 0;
            while (line < Math.min(e.length, c.length) && e[line].equals(c[line])) {
                line++;
            }
            throw new AssertionError(Float64BackendGenerator.TARGET + " is out of date with "
                    + Float64BackendGenerator.SOURCE + " (first difference on line " + (line + 1) + ": generated '"
                    + (line < e.length ? e[line] : "<end>") + "', committed '" + (line < c.length ? c[line] : "<end>")
                    + "'). Do not edit it by hand: edit CpuBackend.java and run, from the repository root,\n    "
                    + Float64BackendGenerator.REGENERATE);
        }
    }

    @Test
    void blocksSwapAndSharedLinesBecomeDouble() {
        String src = String.join("\n",
                "class CpuBackend {",
                "    float v = (float) x * 1f;",
                "    //#if f32",
                "    int fast = Gemm.go(2.5f);",
                "    //#else",
                "    // float slow = 0;",
                "    //",
                "    //#endif",
                "    String n = \"cpu-f32\"; CpuTensor t; float32 keep;",
                "}");
        String out = Float64BackendGenerator.generate(src);
        String body = out.substring(out.indexOf("class"));
        assertEquals(String.join("\n",
                "class Float64Backend {",
                "    double v = x * 1;",
                "    float slow = 0;",
                "",
                "    String n = \"cpu-f64\"; F64Tensor t; float32 keep;",
                "}"), body);
        assertTrue(out.startsWith("// GENERATED"));
    }

    @Test
    void malformedMarkersAreRejectedWithTheirLine() {
        IllegalStateException open = assertThrows(IllegalStateException.class,
                () -> Float64BackendGenerator.generate("a\n//#if f32\nb"));
        assertTrue(open.getMessage().contains("line 2"), open.getMessage());
        assertThrows(IllegalStateException.class, () -> Float64BackendGenerator.generate("//#else"));
        assertThrows(IllegalStateException.class, () -> Float64BackendGenerator.generate("//#endif"));
        assertThrows(IllegalStateException.class,
                () -> Float64BackendGenerator.generate("//#if f32\n//#else\n  code not commented\n//#endif"));
    }
}
