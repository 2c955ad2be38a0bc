package org.divergencelab.sandbox;

import static org.divergencelab.io.StateFiles.bool;
import static org.divergencelab.io.StateFiles.integer;
import static org.divergencelab.io.StateFiles.string;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.divergencelab.io.Json;
import org.divergencelab.io.StateFileException;
import org.divergencelab.io.StateFiles;

/**
 * The sandbox state as a versioned JSON file, read with the shared {@link Json} parser and written here
 * field by field (one per line, stable order, so saved files diff well). Reading fails with a {@link StateFileException} that names the file and
 * the problem (syntax with its offset, missing or mistyped field, newer version, invalid spec); the caller
 * keeps its current state.
 */
public final class StateFile {
    /** Identifies the file kind, so a JSON file of another program is not mistaken for a state. */
    public static final String FORMAT = "divergence-lab-sandbox";
    /** The version this build writes; files with a larger version are refused. */
    public static final int VERSION = 1;

    private StateFile() {
    }

    /** The state as JSON text (one field per line, stable order). */
    public static String toJson(SandboxState s) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"format\": ").append(quote(FORMAT)).append(",\n");
        b.append("  \"version\": ").append(VERSION).append(",\n");
        b.append("  \"p\": ").append(quote(s.p())).append(",\n");
        b.append("  \"q\": ").append(quote(s.q())).append(",\n");
        b.append("  \"samples\": ").append(s.samples()).append(",\n");
        b.append("  \"seed\": ").append(s.seed()).append(",\n");
        b.append("  \"plan\": ").append(quote(s.plan().name())).append(",\n");
        b.append("  \"presentation\": ").append(s.presentation()).append(",\n");
        b.append("  \"hidden\": [");
        int i = 0;
        for (String h : s.hidden()) {
            b.append(i++ == 0 ? "" : ", ").append(quote(h));
        }
        return b.append("]\n}\n").toString();
    }

    /** Parses a state; {@code source} names the file in messages. */
    public static SandboxState fromJson(String text, String source) throws StateFileException {
        Map<?, ?> m = StateFiles.open(text, source, FORMAT, VERSION, "sandbox state");
        try {
            String plan = string(m, "plan", source, "");
            BulldozerExample.Plan pl;
            try {
                pl = BulldozerExample.Plan.valueOf(plan);
            } catch (IllegalArgumentException e) {
                throw new StateFileException(source + ": unknown plan '" + plan + "'", e);
            }
            long samples = integer(m, "samples", source, "");
            if (samples < Integer.MIN_VALUE || samples > Integer.MAX_VALUE) {
                throw new StateFileException(source + ": samples out of range: " + samples, null);
            }
            Object hidden = m.get("hidden");
            if (!(hidden instanceof List<?> hl)) {
                throw new StateFileException(source + ": field \"hidden\" must be an array of strings", null);
            }
            Set<String> hs = new LinkedHashSet<>();
            for (Object o : hl) {
                if (!(o instanceof String str)) {
                    throw new StateFileException(source + ": field \"hidden\" must contain strings, found " + o, null);
                }
                hs.add(str);
            }
            boolean pb = bool(m, "presentation", source, "");
            return new SandboxState(string(m, "p", source, ""), string(m, "q", source, ""), (int) samples,
                    integer(m, "seed", source, ""), pl, pb, hs);
        } catch (IllegalArgumentException e) {
            throw new StateFileException(source + ": invalid state: " + e.getMessage(), e);
        }
    }

    public static void save(SandboxState s, Path file) throws IOException {
        Files.writeString(file, toJson(s), StandardCharsets.UTF_8);
    }

    /** Reads a state file; every failure (unreadable, malformed, newer) is a {@link StateFileException}. */
    public static SandboxState load(Path file) throws StateFileException {
        return fromJson(StateFiles.read(file), file.toString());
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
