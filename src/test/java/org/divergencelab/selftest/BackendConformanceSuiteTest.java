package org.divergencelab.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.divergencelab.compute.BuggyBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.image.ImageGan;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite that {@code selftest} runs: green CPU vs CPU and float64 vs CPU (the float64
 * backend computes the same functions with other rounding, so it exercises the tolerances), and red for a
 * backend with a planted bug (so the suite can fail).
 */
class BackendConformanceSuiteTest {

    private static String failures(BackendConformance.Report r) {
        return r.checks().stream().filter(c -> !c.passed()).map(c -> c.name() + ": " + c.detail())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void cpuAgainstCpuPassesEverything() {
        BackendConformance.Report r = BackendConformance.run(CpuBackend.INSTANCE, CpuBackend.INSTANCE, 7);
        assertEquals(0, r.failed(), failures(r));
        assertTrue(r.passed() > 100, "the suite has its checks: " + r.summary());
    }

    @Test
    void float64AgainstCpuPassesEverything() {
        BackendConformance.Report r = BackendConformance.run(CpuBackend.INSTANCE, Float64Backend.INSTANCE, 11);
        assertEquals(0, r.failed(), failures(r));
    }

    @Test
    void plantedBugsAreCaught() {
        BackendConformance.Report r = BackendConformance.run(CpuBackend.INSTANCE, new BuggyBackend(), 7);
        List<String> failed = r.checks().stream().filter(c -> !c.passed()).map(BackendConformance.Check::name).toList();
        // the planted bugs: matmul reads C when beta = 0, tanh slightly off, the last column sum dropped
        assertTrue(failed.stream().anyMatch(n -> n.contains("β=0 over NaN")), failed.toString());
        assertTrue(failed.stream().anyMatch(n -> n.startsWith("map TANH")), failed.toString());
        assertTrue(failed.stream().anyMatch(n -> n.startsWith("reduceSum") && n.contains("to 1x")), failed.toString());
        assertTrue(failed.stream().anyMatch(n -> n.startsWith("image GAN")), "training check sees the bugs: " + failed);
        assertTrue(r.passed() > 50, "unaffected ops still pass: " + r.summary());
    }

    @Test
    void trainingTraceIsDeterministic() {
        BackendConformance.TrainingTrace a = BackendConformance.trainImageGan(CpuBackend.INSTANCE, ImageGan.Model.DCGAN, 3, 2);
        BackendConformance.TrainingTrace b = BackendConformance.trainImageGan(CpuBackend.INSTANCE, ImageGan.Model.DCGAN, 3, 2);
        assertEquals(a.criticLosses()[1], b.criticLosses()[1]);
        assertTrue(Double.isFinite(a.generatorLosses()[1]));
    }
}
