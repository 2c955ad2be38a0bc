package org.divergencelab.compute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code Float64Backend.java} from {@code CpuBackend.java}, the way EJML generates its float32 code
 * from the float64 one, here in the other direction: the float32 backend is the code people tune, the
 * float64 reference follows it. Rules, applied line by line:
 * <ul>
 *   <li>{@code //#if f32} … {@code //#else} … {@code //#endif} (each on a line of its own): the first part is
 *   dropped; the second part, written as {@code //}-comments, is uncommented and copied <em>as it is</em>
 *   (it is already float64 code). {@code //#else} is optional.</li>
 *   <li>every other line: {@code (float) } casts removed, {@code float} → {@code double}, float literals
 *   {@code 0f} → {@code 0}, {@code CpuBackend} → {@code Float64Backend}, {@code CpuTensor} →
 *   {@code F64Tensor}, {@code cpu-f32} → {@code cpu-f64}.</li>
 * </ul>
 * JDK only, so it runs as a source file from the repository root:
 * {@code java src/test/java/org/divergencelab/compute/Float64BackendGenerator.java}.
 * {@code Float64BackendGeneratedTest} fails when the committed file is not what this writes.
 */
public final class Float64BackendGenerator {
    static final Path SOURCE = Path.of("src/main/java/org/divergencelab/compute/CpuBackend.java");
    static final Path TARGET = Path.of("src/main/java/org/divergencelab/compute/Float64Backend.java");
    static final String REGENERATE = "java src/test/java/org/divergencelab/compute/Float64BackendGenerator.java";

    private static final Pattern IF = Pattern.compile("^\\s*//#if f32\\s*$");
    private static final Pattern ELSE = Pattern.compile("^\\s*//#else\\s*$");
    private static final Pattern ENDIF = Pattern.compile("^\\s*//#endif\\s*$");
    private static final Pattern COMMENTED = Pattern.compile("^(\\s*)//(?: (.*))?$");
    private static final Pattern FLOAT_LITERAL = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)f\\b");

    private Float64BackendGenerator() {
    }

    /** The float64 source for a float32 source; throws on a malformed marker (with its line number). */
    static String generate(String cpuSource) {
        List<String> out = new ArrayList<>();
        out.add("// GENERATED from CpuBackend.java by Float64BackendGenerator: do not edit, edit CpuBackend and run");
        out.add("// " + REGENERATE);
        enum State { SHARED, F32, F64 }
        State state = State.SHARED;
        int ifLine = 0;
        String[] lines = cpuSource.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int no = i + 1;
            if (IF.matcher(line).matches()) {
                if (state != State.SHARED) {
                    throw new IllegalStateException("line " + no + ": //#if f32 inside the block opened on line " + ifLine);
                }
                state = State.F32;
                ifLine = no;
            } else if (ELSE.matcher(line).matches()) {
                if (state != State.F32) {
                    throw new IllegalStateException("line " + no + ": //#else without //#if f32");
                }
                state = State.F64;
            } else if (ENDIF.matcher(line).matches()) {
                if (state == State.SHARED) {
                    throw new IllegalStateException("line " + no + ": //#endif without //#if f32");
                }
                state = State.SHARED;
            } else if (state == State.F64) {
                Matcher m = COMMENTED.matcher(line);
                if (!m.matches()) {
                    throw new IllegalStateException("line " + no + ": float64 lines between //#else and //#endif must be "
                            + "'//'-comments: " + line);
                }
                out.add(m.group(2) == null ? "" : m.group(1) + m.group(2));
            } else if (state == State.SHARED) {
                out.add(shared(line));
            }
        }
        if (state != State.SHARED) {
            throw new IllegalStateException("the //#if f32 on line " + ifLine + " is not closed");
        }
        return String.join("\n", out);
    }

    private static String shared(String line) {
        String s = line.replace("(float) ", "");
        s = s.replaceAll("\\bfloat\\b", "double");
        s = FLOAT_LITERAL.matcher(s).replaceAll("$1");
        s = s.replaceAll("\\bCpuBackend\\b", "Float64Backend");
        s = s.replaceAll("\\bCpuTensor\\b", "F64Tensor");
        return s.replace("cpu-f32", "cpu-f64");
    }

    /** Rewrites Float64Backend.java; run from the repository root. */
    public static void main(String[] args) throws IOException {
        String generated = generate(Files.readString(SOURCE, StandardCharsets.UTF_8));
        Files.writeString(TARGET, generated, StandardCharsets.UTF_8);
        System.out.println("wrote " + TARGET);
    }
}
