package org.divergencelab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.Empirical;
import org.divergencelab.distribution.GeneratorDistribution;
import org.divergencelab.distribution.PointCloud;
import org.divergencelab.distribution.SpecParser;
import org.divergencelab.divergence.DistributionW1;
import org.divergencelab.divergence.DivergenceKind;
import org.divergencelab.divergence.ExactW1;
import org.divergencelab.divergence.GeneratorTruth;
import org.divergencelab.divergence.SampleEstimates;
import org.divergencelab.divergence.Sinkhorn;
import org.divergencelab.divergence.SlicedW1;
import org.divergencelab.divergence.TransportPlan;
import org.divergencelab.divergence.TrueDivergence;
import org.divergencelab.io.AtomicFiles;

/** {@code measure --metric M --p P --q Q}: prints one divergence or distance, alone on one line, in nats. */
public final class MeasureCommand implements Command, Commands.FlagOptions {

    @Override
    public String name() {
        return "measure";
    }

    @Override
    public String summary() {
        return "print the true divergence or distance between two distributions (W1, JS, KL, ...)";
    }

    @Override
    public String usage() {
        return """
                usage: measure --metric w1|sinkhorn|sliced|js|kl|kl-reverse|tv|hellinger|chi2 --p P --q Q
                               [--plan FILE.csv] [--samples N] [--seed S] [--epsilon E] [--debiased]
                               [--projections K] [--estimator exact|histogram|kde] [--bins fd|scott|sturges|sqrt]

                P and Q are distribution specs (normal(0,1), ring(8,2,0.05), mixture(0.5*uniform(0,1),0.5*point(3)),
                translate(1,0,moons(0.05)), ...) or CSV files of samples (1 or 2 columns, optional header).
                Prints the value alone on one line, in nats; `inf` where infinite.

                  w1         exact W1: optimal transport on the samples when both are CSV/samples(...); for 1-D
                             specs with CDFs the exact integral of |F_P - F_Q|; otherwise exact OT between
                             --samples N draws of each (default 1000, seed --seed, default 1). --plan writes
                             the sparse optimal plan as source,target,mass.
                  sinkhorn   entropic OT cost <pi, C> (log-domain Sinkhorn, --epsilon, default 0.1); with
                             --debiased the Sinkhorn divergence instead. --plan writes the plan's entries.
                             At most 125e6/(n*m) iterations (500 for 500 x 500 points); an epsilon too small
                             to converge in them (about < 0.002 x the costs) is an error, exit 2.
                  sliced     sliced W1 over --projections seeded directions (default 200).
                  js, kl, kl-reverse, tv, hellinger (squared), chi2 (Pearson):
                             the true divergence from the densities and singular parts (exact where the answer
                             is known: disjoint supports give JS = log 2, KL = inf). With --estimator
                             histogram|kde: the sample-based estimate from --samples draws (biased; see
                             docs/ground-truth.md). kde is a Gaussian KDE binned on a grid (cell <=
                             bandwidth/8); KL, kl-reverse and chi2 print inf when the two estimates'
                             supports do not overlap.
                """;
    }

    @Override
    public Set<String> flags() {
        return Set.of("debiased");
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        String metric = args.require("metric").toLowerCase(Locale.ROOT);
        String pArg = args.require("p");
        String qArg = args.require("q");
        String planFile = args.get("plan", null);
        boolean samplesGiven = args.has("samples");
        int samples = args.getInt("samples", 1000, 1, 20_000);
        long seed = args.getLong("seed", 1);
        double epsilon = args.getDouble("epsilon", 0.1);
        boolean debiased = args.has("debiased");
        int projections = args.getInt("projections", 200, 1, 1_000_000);
        String estimator = args.get("estimator", "exact").toLowerCase(Locale.ROOT);
        String bins = args.get("bins", "fd");
        args.requireAllUsed();
        Distribution p = load("--p", pArg);
        Distribution q = load("--q", qArg);
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("--p " + pArg + " is " + p.dimension() + "-D but --q " + qArg + " is "
                    + q.dimension() + "-D; both must have the same dimension");
        }
        if (planFile != null && !metric.equals("w1") && !metric.equals("sinkhorn")) {
            throw new UsageException("--plan is only for --metric w1 or sinkhorn");
        }
        double value;
        switch (metric) {
            case "w1" -> {
                OptionalDouble exact = planFile == null && !samplesGiven && !(p instanceof Empirical)
                        && !(q instanceof Empirical) ? DistributionW1.oneD(p, q) : OptionalDouble.empty();
                if (exact.isPresent()) {
                    value = exact.getAsDouble();
                } else {
                    PointCloud[] pq = clouds(p, q, samples, seed);
                    TransportPlan plan = ExactW1.solve(pq[0], pq[1]);
                    value = plan.value();
                    if (planFile != null) {
                        writePlan(Path.of(planFile), plan);
                    }
                }
            }
            case "sinkhorn" -> {
                PointCloud[] pq = clouds(p, q, samplesGiven ? samples : 500, seed);
                int cap = sinkhornIterations(pq[0].size(), pq[1].size());
                Sinkhorn s = new Sinkhorn(epsilon, 1e-9, cap);
                try {
                    if (debiased) {
                        value = s.divergenceConverged(pq[0], pq[1]);
                    } else {
                        Sinkhorn.Result r = s.solveConverged(pq[0], pq[1]);
                        value = r.transportCost();
                        if (planFile != null) {
                            writeDensePlan(Path.of(planFile), r.plan(), pq[1].size());
                        }
                    }
                } catch (Sinkhorn.NotConverged e) {
                    throw new IllegalArgumentException(e.getMessage() + "; the cap is " + cap + " iterations for "
                            + pq[0].size() + " x " + pq[1].size() + " points (--samples). Use a larger --epsilon "
                            + "(" + epsilon + " is small against costs of about " + (float) meanCost(pq[0], pq[1])
                            + "), fewer --samples, or --metric w1 for the exact epsilon -> 0 limit", e);
                }
            }
            case "sliced" -> {
                PointCloud[] pq = clouds(p, q, samples, seed);
                value = SlicedW1.distance(pq[0], pq[1], projections, seed);
            }
            default -> {
                DivergenceKind kind = kindOf(metric);
                if (estimator.equals("exact") && (p instanceof GeneratorDistribution || q instanceof GeneratorDistribution)
                        && p.dimension() == 2) {
                    value = generatorTruth(kind, p, q, seed);
                } else if (estimator.equals("exact")) {
                    value = TrueDivergence.value(kind, p, q);
                } else {
                    PointCloud[] pq = clouds(p, q, samples, seed);
                    value = switch (estimator) {
                        case "histogram" -> SampleEstimates.histogram(kind, pq[0], pq[1],
                                SampleEstimates.BinRule.parse(bins));
                        case "kde" -> SampleEstimates.kde(kind, pq[0], pq[1]);
                        default -> throw new UsageException("--estimator must be exact, histogram or kde, got '"
                                + estimator + "'");
                    };
                }
            }
        }
        out.println(format(value));
        return 0;
    }

    /**
     * A 2-D generator against data: {@link GeneratorTruth} (exact densities, Monte Carlo on seeded draws); in 1-D
     * the generator's exact parts go through {@link TrueDivergence} like any distribution.
     */
    private static double generatorTruth(DivergenceKind kind, Distribution p, Distribution q, long seed) {
        boolean genIsQ = q instanceof GeneratorDistribution;
        if (genIsQ && p instanceof GeneratorDistribution) {
            throw new IllegalArgumentException("--p and --q are both 2-D generators; the exact truth compares a "
                    + "generator with a data distribution");
        }
        GeneratorTruth.Result r = GeneratorTruth.evaluate(genIsQ ? p : q, (GeneratorDistribution) (genIsQ ? q : p),
                seed);
        GeneratorTruth.Value v = switch (kind) {
            case JS -> r.js();
            case TV -> r.tv();
            case HELLINGER -> r.h2();
            case KL -> genIsQ ? r.klDataGen() : r.klGenData();
            case KL_REVERSE -> genIsQ ? r.klGenData() : r.klDataGen();
            case CHI2 -> {
                if (!genIsQ) {
                    throw new UsageException("chi2 with a 2-D generator is computed as chi2(data || generator): give "
                            + "the generator as --q");
                }
                yield r.chi2();
            }
        };
        return v.value();
    }

    /** The printed form: shortest round-trip decimal, {@code inf} for +∞. */
    static String format(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        return Double.toString(v);
    }

    private static DivergenceKind kindOf(String metric) {
        for (DivergenceKind k : DivergenceKind.values()) {
            if (k.cliName().equals(metric)) {
                return k;
            }
        }
        throw new UsageException("unknown --metric '" + metric
                + "'; expected w1, sinkhorn, sliced, js, kl, kl-reverse, tv, hellinger or chi2");
    }

    private static Distribution load(String option, String arg) {
        try {
            return SpecParser.parseSpecOrFile(arg);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /**
     * Empirical distributions as they are; others as {@code n} draws. P and Q use the same seed (common random
     * numbers): each cloud is still an exact sample of its distribution, and a translated copy of P gets
     * exactly translated samples, so W1(P, P + s) prints |s| instead of |s| plus sampling noise.
     */
    private static PointCloud[] clouds(Distribution p, Distribution q, int n, long seed) {
        PointCloud a = p instanceof Empirical e ? e.points() : p.sample(n, seed);
        PointCloud b = q instanceof Empirical e ? e.points() : q.sample(n, seed);
        return new PointCloud[] {a, b};
    }

    /**
     * Sinkhorn's iteration cap from a work budget ({@link #SINKHORN_WORK} cost-matrix entries, each iteration
     * touching all n1·n2 twice): about 3 s on a quiet core, whatever the sizes; 500 iterations for 500 x 500.
     */
    static int sinkhornIterations(int n1, int n2) {
        return (int) Math.max(10, Math.min(100_000, SINKHORN_WORK / ((long) n1 * n2)));
    }

    /** Cost-matrix entries Sinkhorn may visit per solve (see {@link #sinkhornIterations}). */
    static final long SINKHORN_WORK = 125_000_000L;

    /** The mean Euclidean distance between the points of {@code p} and {@code q}: the scale epsilon is against. */
    private static double meanCost(PointCloud p, PointCloud q) {
        double sum = 0;
        for (int i = 0; i < p.size(); i++) {
            for (int j = 0; j < q.size(); j++) {
                double s = 0;
                for (int k = 0; k < p.dimension(); k++) {
                    double t = p.get(i, k) - q.get(j, k);
                    s += t * t;
                }
                sum += Math.sqrt(s);
            }
        }
        return sum / ((double) p.size() * q.size());
    }

    private static void writePlan(Path file, TransportPlan plan) throws IOException {
        StringBuilder w = new StringBuilder("source,target,mass\n");
        for (int k = 0; k < plan.size(); k++) {
            w.append(plan.source(k)).append(',').append(plan.target(k)).append(',').append(plan.mass(k)).append('\n');
        }
        AtomicFiles.writeString(file, w);
    }

    private static void writeDensePlan(Path file, double[] plan, int n2) throws IOException {
        StringBuilder w = new StringBuilder("source,target,mass\n");
        for (int k = 0; k < plan.length; k++) {
            if (plan[k] > 0) {
                w.append(k / n2).append(',').append(k % n2).append(',').append(plan[k]).append('\n');
            }
        }
        AtomicFiles.writeString(file, w);
    }
}
