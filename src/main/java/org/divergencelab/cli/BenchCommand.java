package org.divergencelab.cli;

import java.io.PrintStream;
import java.util.Set;

import org.divergencelab.bench.BenchOptions;
import org.divergencelab.bench.Workload;
import org.divergencelab.bench.Workloads;

/** {@code bench --workload NAME}: times a workload and prints its median. */
public final class BenchCommand implements Command, Commands.FlagOptions {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time a workload (training iterations/s, transport ms); --list names them";
    }

    @Override
    public String usage() {
        StringBuilder s = new StringBuilder();
        s.append("usage: bench --workload NAME [--repeats R] [--warmup W] [--iterations N] [--seed S]\n");
        s.append("       bench --list\n\n");
        s.append("Prints one line per workload: NAME: <median> <unit> (median of R runs, min, max).\n");
        s.append("Run one thread per JVM for comparisons with the peers in shared/bench.\n\nworkloads:\n");
        for (Workload w : Workloads.all()) {
            s.append(String.format("  %-16s %s%n", w.name(), w.description()));
        }
        return s.toString();
    }

    @Override
    public Set<String> flags() {
        return Set.of("list");
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        if (args.has("list")) {
            args.requireAllUsed();
            for (Workload w : Workloads.all()) {
                out.printf("%-16s %s%n", w.name(), w.description());
            }
            return 0;
        }
        String name = args.require("workload");
        BenchOptions options = new BenchOptions(
                args.getInt("repeats", 5, 1, 1000),
                args.getInt("warmup", 2, 0, 1000),
                args.getInt("iterations", 0, 0, 100_000_000),
                args.getLong("seed", 1));
        args.requireAllUsed();
        Workload workload = Workloads.find(name).orElseThrow(
                () -> new UsageException("unknown workload '" + name + "' (bench --list names them)"));
        workload.run(options, out);
        return 0;
    }
}
