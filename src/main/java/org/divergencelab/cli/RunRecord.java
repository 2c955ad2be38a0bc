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
 * {@code "status": "running"} before the first step, then {@code "complete"}, {@code "diverged"} (see
 * {@link #diverged}) or
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

    /**
     * How far past the scale a finite value must be to count as a blow-up. The engine's "estimate diverging"
     * warning starts at 10x the true W1, which a healthy WGAN-GP with a small λ passes early (ring8-wgan-gp: 11x
     * at iteration 20); the blow-ups seen were 10^6-10^8 times (estimate 9.2e6 against W1 1.4; 2.75e12 against
     * 47,227).
     */
    static final double BLOW_UP = 1000;

    /**
     * Whether the run diverged by its last snapshot: the guard halted it (NaN/∞), its estimate is not finite, the
     * estimate is over {@link #BLOW_UP} times the true W1 (at least 0.05), or P_G itself ran away: its W1 to the
     * data over {@link #BLOW_UP} times the data's spread (the RMS distance of the real samples to their mean).
     */
    static boolean diverged(Snapshot last) {
        if (last.halted() || !Double.isFinite(last.estimate().value())) {
            return true;
        }
        double w1 = last.truth("W1");
        if (!Double.isFinite(w1)) {
            return false;
        }
        return Math.abs(last.estimate().value()) > BLOW_UP * Math.max(w1, 0.05) || w1 > BLOW_UP * spread(last);
    }

    /** RMS distance of the evaluation's real samples to their mean. */
    private static double spread(Snapshot s) {
        double[] x = s.real();
        int d = s.dimension();
        int n = x.length / d;
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + k];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                double t = x[i * d + k] - mean;
                sum += t * t;
            }
        }
        return Math.sqrt(sum / n);
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
