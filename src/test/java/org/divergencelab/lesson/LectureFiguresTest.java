package org.divergencelab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.distribution.SpecCache;
import org.divergencelab.divergence.ExactW1;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Trainer;
import org.junit.jupiter.api.Test;

/** S22, S24, S25 and the figures of S12 and S14: each asserts the number its caption states. */
class LectureFiguresTest {

    @Test
    void s22JsStaysLog2WhileW1ShrinksUntilTheLinesOverlap() {
        Scene s = Scenes.get("S22");
        assertEquals(SceneFigure.EYE_EVOLUTION, s.figure());
        Distribution p = s.sandbox().distributionP();
        List<LectureFigures.EyeStage> stages = LectureFigures.eyeStages(p, s.sandbox().distributionQ());
        double[] w1 = {3, 2, 1, 0.3, 0};
        assertEquals(w1.length, stages.size());
        for (int i = 0; i < stages.size(); i++) {
            LectureFigures.EyeStage st = stages.get(i);
            // exactly log 2 while apart (disjoint supports), exactly 0 on top of P
            assertEquals(i < 4 ? Math.log(2) : 0, st.js(), 0, "stage " + i);
            assertEquals(w1[i], st.w1(), 1e-12, "stage " + i);
            if (i > 0) {
                assertTrue(st.w1() < stages.get(i - 1).w1(), "W1 strictly decreasing at stage " + i);
            }
            // W1 = |u| against an independent sample value: the exact transport between 400 draws of each
            // (the sample floor of two 400-point draws of a unit segment is ≈ 0.03)
            double sample = ExactW1.distance(p.sample(400, 1L), st.q().sample(400, 2L));
            assertEquals(w1[i], sample, 0.05, "sample W1 at stage " + i);
        }
        SceneFigure.Data d = SceneFigure.EYE_EVOLUTION.compute(s, f -> { });
        assertEquals(6, d.series().size());
        assertTrue(d.series().get(1).name().en().contains("JS = log 2, W1 = 3.00"), d.series().get(1).name().en());
        assertTrue(d.series().get(5).name().en().contains("JS = 0.000, W1 = 0.00"), d.series().get(5).name().en());
    }

    @Test
    void s22RejectsAQThatIsNotATranslateOfP() {
        Distribution p = SpecCache.parse("segment(0,0,0,1)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LectureFigures.eyeStages(p, SpecCache.parse("segment(3,0,3,2)")));
        assertTrue(e.getMessage().contains("translate"), e.getMessage());
    }

    @Test
    void s24DsBoundaryMovesWithG() {
        Scene s = Scenes.get("S24");
        assertEquals(SceneFigure.TRAINING_STAGES, s.figure());
        List<LectureFigures.TrainingStage> st = LectureFigures.trainingStages(s.experiment(), SceneFigure.STAGES, f -> { });
        assertEquals(3, st.size());
        double[] crossing = new double[3];
        double[] gMean = new double[3];
        for (int k = 0; k < 3; k++) {
            LectureFigures.TrainingStage t = st.get(k);
            assertEquals(SceneFigure.STAGES[k], t.iteration());
            assertTrue(t.boundaries().length >= 1, "stage " + k + ": D crosses 0.5");
            crossing[k] = t.boundaries()[0];
            // the KDE is a density: trapezoid integral ≈ 1 (the grid reaches 0.5 past the samples; h ≈ 0.1-0.3)
            double area = 0;
            double m = 0;
            double[] g = t.grid();
            double[] p = t.density();
            for (int i = 1; i < g.length; i++) {
                area += 0.5 * (p[i] + p[i - 1]) * (g[i] - g[i - 1]);
                m += 0.5 * (p[i] * g[i] + p[i - 1] * g[i - 1]) * (g[i] - g[i - 1]);
            }
            assertEquals(1, area, 0.03, "stage " + k);
            gMean[k] = m / area;
        }
        // the caption: D's crossing near x = 0 at t = 50, moved right by t = 100, inside the data N(3, 0.5²) at 200
        assertEquals(0, crossing[0], 0.3, Arrays.toString(crossing));
        assertTrue(crossing[1] > crossing[0] + 0.2, Arrays.toString(crossing));
        assertTrue(crossing[2] > 2.5 && crossing[2] < 4.5, Arrays.toString(crossing));
        assertTrue(gMean[0] < 0.5 && gMean[1] > gMean[0] && gMean[2] > 2.5, Arrays.toString(gMean));
    }

    @Test
    void s25PathCrossesTheGapBetweenTwoModes() {
        Scene s = Scenes.get("S25");
        assertEquals(SceneFigure.Z_INTERPOLATION, s.figure());
        Trainer t = new Trainer(s.experiment());
        for (int i = 0; i < s.iterations(); i++) {
            t.iteration();
        }
        LectureFigures.LatentPath p = LectureFigures.latentPath(s.experiment(), t.generator(), SceneFigure.PATH_MODES[0],
                SceneFigure.PATH_MODES[1]);
        double[] off = p.offMode();
        int last = off.length - 1;
        // the ends sit on their modes (within 1σ = 0.1 of the centre), and on the right ones
        assertTrue(off[0] < 0.1 && off[last] < 0.1, off[0] + ", " + off[last]);
        assertEquals(0, nearestMode(p, 0));
        assertEquals(1, nearestMode(p, last));
        // between them the path leaves the data: some points farther than 0.5 from every mode (neighbouring
        // centres are 2·2·sin(π/8) = 1.53 apart, so a midpoint is ≥ 0.77 from both)
        long away = Arrays.stream(off).filter(d -> d > LectureFigures.OFF_MANIFOLD).count();
        assertTrue(away >= 5, away + " points off the modes, max " + Arrays.stream(off).max().orElseThrow());
        // x_t is G(z_t) for z_t on the straight line
        double[] mid = LectureFigures.forward(t.generator(), new double[] {0.5 * (p.za()[0] + p.zb()[0]),
                0.5 * (p.za()[1] + p.zb()[1])}, 1);
        assertEquals(mid[0], p.x()[2 * (last / 2)], 1e-6);
        assertEquals(mid[1], p.x()[2 * (last / 2) + 1], 1e-6);
    }

    private static int nearestMode(LectureFigures.LatentPath p, int i) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int m = 0; m < p.modes().size(); m++) {
            double dx = p.x()[2 * i] - p.modes().get(m).mean()[0];
            double dy = p.x()[2 * i + 1] - p.modes().get(m).mean()[1];
            if (Math.hypot(dx, dy) < bestD) {
                bestD = Math.hypot(dx, dy);
                best = m;
            }
        }
        return best;
    }

    @Test
    void s14CoveredModesMoveBetweenEvaluationsBesideS13sCollapse() {
        Scene s = Scenes.get("S14");
        assertEquals(SceneFigure.MODES_COVERED, s.figure());
        LectureFigures.Coverage c = LectureFigures.coverage(s.experiment(), s.iterations(), f -> { });
        assertEquals(s.iterations() / LectureFigures.COVER_EVERY + 1, c.covered().length);
        int moved = 0;
        int dropped = 0;
        for (int k = 1; k < c.covered().length; k++) {
            // lost and gained modes are the difference of the two covered sets
            assertEquals(c.covered()[k] - c.covered()[k - 1], c.gained(k) - c.lost(k), "evaluation " + k);
            moved += c.lost(k) > 0 && c.gained(k) > 0 ? 1 : 0;
            dropped += c.covered()[k] < c.covered()[k - 1] ? 1 : 0;
        }
        assertTrue(moved >= 5, "evaluations where modes were lost and others gained: " + moved);
        assertTrue(dropped >= 5, "evaluations with fewer modes than the one before: " + dropped);
        assertTrue(Arrays.stream(c.covered()).max().orElseThrow() < c.modes(), "never all 25");
        Scene collapse = Scenes.get(SceneFigure.COLLAPSE_SCENE);
        LectureFigures.Coverage cc = LectureFigures.coverage(collapse.experiment(), collapse.iterations(), f -> { });
        assertTrue(Arrays.stream(cc.covered()).max().orElseThrow() <= 3, Arrays.toString(cc.covered()));
    }

    @Test
    void s12SigmoidPushVanishesWhileLsgansStays() {
        Scene s = Scenes.get("S12");
        assertEquals(SceneFigure.LSGAN_GRADIENT, s.figure());
        LectureFigures.PushCurves c = LectureFigures.lsganBesideSigmoid(s.experiment(), s.iterations(),
                LectureFigures.D_STEPS, LectureFigures.D_EVERY, f -> { });
        int last = c.steps().length - 1;
        assertEquals(LectureFigures.D_STEPS, c.steps()[last]);
        assertTrue(c.sigmoid()[last] < 1e-3 * c.lsgan()[last], c.sigmoid()[last] + " vs " + c.lsgan()[last]);
        // the caption: below 1e-6 within the 2000 steps (≈ 1e-8 measured), while LSGAN pushes with ≈ 0.05
        assertTrue(c.sigmoid()[last] < 1e-6, c.sigmoid()[0] + " → " + c.sigmoid()[last]);
        assertTrue(c.sigmoid()[last] < 1e-3 * c.sigmoid()[0], c.sigmoid()[0] + " → " + c.sigmoid()[last]);
        assertTrue(c.lsgan()[last] > 1e-2 && c.lsgan()[last] < 0.2, "LSGAN's push stays: " + c.lsgan()[last]);
    }

    @Test
    void lossGradientMatchesFiniteDifferences() {
        Scene s = Scenes.get("S12");
        Trainer t = new Trainer(s.experiment());
        t.iteration();
        double[] x = {-1.3, 0.2, 1.7, 3.9};
        for (Objective o : new Objective[] {Objective.minimax(), Objective.lsgan()}) {
            double[] g = LectureFigures.lossGradient(o, t.critic(), x);
            for (int i = 0; i < x.length; i++) {
                double h = 1e-3;
                double up = perSampleLoss(o, LectureFigures.forward(t.critic(), new double[] {x[i] + h}, 1)[0]);
                double down = perSampleLoss(o, LectureFigures.forward(t.critic(), new double[] {x[i] - h}, 1)[0]);
                double fd = (up - down) / (2 * h);
                // float32 scores: rounding ~1e-7·|ℓ|/h ≈ 1e-3 in the quotient; a ReLU kink within ±h would break it
                // (none at these x), so 5e-3 absolute plus 0.5 % relative
                assertEquals(fd, g[i], 5e-3 + 0.005 * Math.abs(fd), o.kind() + " at " + x[i]);
            }
        }
    }

    /** ℓ_G of one raw score, written out: minimax log(1 − σ(s)) = −softplus(s); LSGAN ½(s − 1)². */
    private static double perSampleLoss(Objective o, double s) {
        return o.kind() == Objective.Kind.LSGAN ? 0.5 * (s - 1) * (s - 1) : -Math.log1p(Math.exp(s));
    }

    /** Axis labels follow the language: a label with English words has its own Chinese text (formulas read the same). */
    @Test
    void figureAxisLabelsAreTranslatedUnlessTheyAreFormulas() {
        for (String id : List.of("S16", "S22")) {
            Scene s = Scenes.get(id);
            SceneFigure.Data d = s.figure().compute(s, f -> { });
            for (Text label : List.of(d.title(), d.xLabel(), d.yLabel())) {
                boolean words = java.util.regex.Pattern.compile("[A-Za-z]{3,}").matcher(label.en()).find();
                if (words) {
                    assertTrue(!label.zhTW().equals(label.en()) && !label.zhCN().equals(label.en()),
                            id + ": '" + label.en() + "' has no Chinese text");
                }
            }
        }
    }
}
