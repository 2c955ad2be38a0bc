package org.divergencelab.compute.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.divergencelab.compute.BinaryOp;
import org.divergencelab.compute.UnaryOp;
import org.junit.jupiter.api.Test;

/**
 * The launcher's view of the kernels against the committed PTX and .cu source: every {@link Kernel} is a
 * PTX entry with exactly the declared parameter types (a mismatch would pass garbage to the GPU, with no
 * error), the op codes in kernels.cu are the Java enum ordinals, and the PTX is the ISA version and
 * target the docs promise. Needs no GPU.
 */
class KernelSignatureTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = KernelSignatureTest.class.getResourceAsStream("/org/divergencelab/compute/cuda/" + name)) {
            assertTrue(in != null, name + " is on the class path");
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** entry name → its parameter types as Kernel.Arg, parsed from ".visible .entry name( .param .u64 x, ...)". */
    static Map<String, List<Kernel.Arg>> ptxEntries(String ptx) {
        Map<String, List<Kernel.Arg>> entries = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\.visible\\s+\\.entry\\s+(\\w+)\\s*\\(([^)]*)\\)").matcher(ptx);
        while (m.find()) {
            List<Kernel.Arg> args = new ArrayList<>();
            Matcher p = Pattern.compile("\\.param\\s+\\.(\\w+)").matcher(m.group(2));
            while (p.find()) {
                args.add(switch (p.group(1)) {
                    case "u64", "b64" -> Kernel.Arg.PTR;
                    case "f32" -> Kernel.Arg.F32;
                    case "u32", "s32", "b32" -> Kernel.Arg.I32;
                    default -> throw new AssertionError("unexpected PTX parameter type ." + p.group(1) + " in " + m.group(1));
                });
            }
            entries.put(m.group(1), args);
        }
        return entries;
    }

    @Test
    void everyKernelIsAPtxEntryWithTheDeclaredParameters() throws IOException {
        Map<String, List<Kernel.Arg>> entries = ptxEntries(resource("kernels.ptx"));
        assertEquals(Kernel.values().length, entries.size(), "PTX entries " + entries.keySet());
        for (Kernel k : Kernel.values()) {
            assertTrue(entries.containsKey(k.symbol), k.symbol + " missing from kernels.ptx");
            assertEquals(k.args, entries.get(k.symbol), k.symbol + " parameters");
        }
    }

    @Test
    void opCodesInTheCudaSourceAreTheEnumOrdinals() throws IOException {
        String cu = resource("kernels.cu");
        for (UnaryOp op : UnaryOp.values()) {
            assertTrue(cu.contains("#define U_" + op.name() + " " + op.ordinal() + "\n"), "kernels.cu: U_" + op.name()
                    + " must be " + op.ordinal());
        }
        for (BinaryOp op : BinaryOp.values()) {
            assertTrue(cu.contains("#define B_" + op.name() + " " + op.ordinal() + "\n"), "kernels.cu: B_" + op.name()
                    + " must be " + op.ordinal());
        }
        assertEquals(UnaryOp.values().length, Pattern.compile("#define U_").matcher(cu).results().count());
        assertEquals(BinaryOp.values().length, Pattern.compile("#define B_").matcher(cu).results().count());
    }

    @Test
    void ptxTargetsTuringWithIsa78() throws IOException {
        String ptx = resource("kernels.ptx");
        assertTrue(ptx.contains("\n.version 7.8\n"), "PTX ISA 7.8 (loads on R520+ drivers)");
        assertTrue(ptx.contains("\n.target sm_75\n"), "compute_75 target");
        assertTrue(ptx.contains("\n.address_size 64\n"));
    }
}
