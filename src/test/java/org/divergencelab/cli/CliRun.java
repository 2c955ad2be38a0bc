package org.divergencelab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The command line run in-process, as {@code divergence-lab ARGS} runs it ({@link Commands#run}), with its
 * standard output and error captured as UTF-8 text and its exit code: the one home of what the CLI tests did by
 * hand. Either one run ({@link #of}) or a reusable capture ({@link #run}: each run starts with empty output).
 */
public final class CliRun {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private int exit = -1;

    /** Runs {@code args} once and returns the finished run. */
    public static CliRun of(String... args) {
        CliRun r = new CliRun();
        r.run(args);
        return r;
    }

    /** Runs {@code args}, forgetting what an earlier run printed, and returns the exit code. */
    public int run(String... args) {
        out.reset();
        err.reset();
        exit = Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return exit;
    }

    /** The last run's exit code (-1 before any). */
    public int exit() {
        return exit;
    }

    /** What the last run printed on standard output. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the last run printed on standard error. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
