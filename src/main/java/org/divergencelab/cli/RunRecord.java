package org.divergencelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.divergencelab.gan.EngineMessage;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.io.AtomicFiles;
import org.divergencelab.io.Json;

/**
 * {@code RUN/run.json} of {@code train --out RUN}: whether the run in that folder finished, so that a folder of
 * a killed or still running training is never taken for a result. Written (atomically) with
 * {@code "status": "running"} before the first step, then {@code "complete"}, {@code "diverged"} (the
 * divergence guard stopped it, or its last evaluation's estimate is diverging or not finite) or
 * {@code "interrupted"} (TERM, Ctrl-C, the launcher killed), with the last evaluated iteration and the engine's
 * warnings, each at the first iteration it appeared. Not thread-safe beyond what {@link #status} needs: the
 * training thread records, a shutdown hook may write "interrupted" concurrently.
 */
final class RunRecord {
    static final String FILE = "run.json";
    static final String RUNNING = "running";
    static final String COMPLETE = "complete";
    static final String DIVERGED = "diverged";
    static final String INTERRUPTED = "interrupted";

    private final Path file;
    private final String experiment;
    private final long iterations;
    /** Each warning code's first appearance: iteration and the engine's English. */
    private final Map<EngineMessage.Code, String> firstSeen = new EnumMap<>(EngineMessage.Code.class);
    private volatile long evaluated = -1;
    private boolean finished;

    RunRecord(Path dir, String experiment, long iterations) {
        this.file = dir.resolve(FILE);
        this.experiment = experiment;
        this.iterations = iterations;
    }

    /** Notes an evaluated snapshot: its iteration, and the warnings it carries that were not seen before. */
    synchronized void record(Snapshot s) {
        evaluated = s.iteration();
        for (EngineMessage m : s.messages()) {
            firstSeen.putIfAbsent(m.code(), "iteration " + s.iteration() + ": " + m.englishReport());
        }
    }

    /** The warnings seen, each once, at the iteration it first appeared, in the order of their codes. */
    synchronized List<String> warnings() {
        return new ArrayList<>(firstSeen.values());
    }

    /** Whether the run diverged by its last snapshot: halted, or its estimate diverging / not finite. */
    static boolean diverged(Snapshot last) {
        return last.halted() || last.messages().stream().anyMatch(m -> m.code() == EngineMessage.Code.ESTIMATE_DIVERGING
                || m.code() == EngineMessage.Code.ESTIMATE_NON_FINITE);
    }

    /** Writes {@code status}; once a final status is written, later ones (a late shutdown hook) are ignored. */
    synchronized void status(String status) throws IOException {
        if (finished) {
            return;
        }
        finished = !status.equals(RUNNING);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "divergence-lab/run");
        root.put("version", 1L);
        root.put("status", status);
        root.put("experiment", experiment);
        root.put("iterations", iterations);
        if (evaluated >= 0) {
            root.put("lastEvaluatedIteration", evaluated);
        }
        root.put("warnings", new ArrayList<Object>(firstSeen.values()));
        AtomicFiles.writeString(file, Json.write(root));
    }
}
