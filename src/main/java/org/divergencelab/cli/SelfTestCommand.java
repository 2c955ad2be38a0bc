package org.divergencelab.cli;

import java.io.PrintStream;
import java.util.Set;

import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.select.Backends;
import org.divergencelab.selftest.BackendConformance;

/**
 * {@code selftest --backend cpu|cuda|auto}: holds the chosen backend to the float32 CPU backend with
 * {@link BackendConformance} and prints {@code N passed, N failed}. Exit status 0 only when nothing
 * failed; 3 when CUDA was asked for and is unavailable (the reason is printed). Touches no desktop classes,
 * so it runs on a java.base-only runtime.
 */
public final class SelfTestCommand implements Command, Commands.FlagOptions {

    @Override
    public String name() {
        return "selftest";
    }

    @Override
    public String summary() {
        return "check a compute backend against the CPU one op by op (--backend cpu|cuda|auto)";
    }

    @Override
    public String usage() {
        return """
                usage: selftest [--backend cpu|cuda|auto] [--seed S] [--verbose]

                Runs the backend conformance suite: every kernel on inputs chosen to find device bugs
                (sizes that are not tile multiples, all transposes, in place, NaN garbage in outputs)
                and 5 steps of a WGAN-GP image GAN, each compared with the float32 CPU backend.
                Prints failing checks (all checks with --verbose) and 'N passed, N failed'.
                Exit status: 0 all passed, 1 some failed, 3 CUDA asked for but unavailable.""";
    }

    @Override
    public Set<String> flags() {
        return Set.of("verbose");
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        Backends.Choice choice = Backends.Choice.parse(args.get("backend", "auto"));
        long seed = args.getLong("seed", 7);
        boolean verbose = args.has("verbose");
        args.requireAllUsed();
        Backends.Selection sel;
        try {
            sel = Backends.select(choice);
        } catch (Backends.UnavailableException e) {
            err.println(e.getMessage());
            out.println("0 passed, 0 failed (not run: CUDA unavailable)");
            return 3;
        }
        try (sel) {
            out.println(sel.note());
            BackendConformance.Report report = BackendConformance.run(CpuBackend.INSTANCE, sel.backend(), seed);
            for (BackendConformance.Check c : report.checks()) {
                if (verbose || !c.passed()) {
                    out.println((c.passed() ? "  ok   " : "  FAIL ") + c.name() + ": " + c.detail());
                }
            }
            out.println(report.reference() + " vs " + report.candidate() + " (seed " + seed + "): " + report.summary());
            return report.failed() == 0 ? 0 : 1;
        }
    }
}
