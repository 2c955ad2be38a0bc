package org.divergencelab.sandbox;

import static org.divergencelab.io.StateFiles.bool;
import static org.divergencelab.io.StateFiles.integer;
import static org.divergencelab.io.StateFiles.string;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.divergencelab.io.Json;
import org.divergencelab.io.StateFileException;
import org.divergencelab.io.StateFiles;
import org.divergencelab.io.AtomicFiles;

/**
 * The sandbox state as a versioned JSON file, read and written through {@link Json}
 * (one field per line, stable order, so saved files diff well; fields it does not know are refused by name). Reading fails with a {@link StateFileException} that names the file and
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

    /** The fields a state file has; any other is refused by name. */
    private static final Set<String> FIELDS = Set.of("format", "version", "p", "q", "samples", "seed", "plan",
            "presentation", "hidden");

    /** The state as JSON text (one field per line, stable order). */
    public static String toJson(SandboxState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", (long) VERSION);
        m.put("p", s.p());
        m.put("q", s.q());
        m.put("samples", (long) s.samples());
        m.put("seed", s.seed());
        m.put("plan", s.plan().name());
        m.put("presentation", s.presentation());
        m.put("hidden", List.copyOf(s.hidden()));
        return Json.write(m);
    }

    /** Parses a state; {@code source} names the file in messages. */
    public static SandboxState fromJson(String text, String source) throws StateFileException {
        Map<?, ?> m = StateFiles.open(text, source, FORMAT, VERSION, "sandbox state");
        StateFiles.unknown(m, FIELDS, source, "");
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
        AtomicFiles.writeString(file, toJson(s));
    }

    /** Reads a state file; every failure (unreadable, malformed, newer) is a {@link StateFileException}. */
    public static SandboxState load(Path file) throws StateFileException {
        return fromJson(StateFiles.read(file), file.toString());
    }
}
