package org.divergencelab.bench;

import java.io.PrintStream;

/**
 * One named benchmark of {@code divergence-lab.jar bench --workload NAME}. A workload sets itself up
 * (untimed), times its repetitions with {@link Timing}, and prints one result line that scripts parse:
 * {@code NAME: <median> <unit> (median of R, min .., max ..) [details]}.
 */
public interface Workload {

    /** The name given to {@code --workload}. */
    String name();

    /** One line for the list of workloads. */
    String description();

    /** Sets up, measures and prints the result line. */
    void run(BenchOptions options, PrintStream out) throws Exception;
}
