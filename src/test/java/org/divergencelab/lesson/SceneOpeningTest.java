package org.divergencelab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.OptimizerSpec;
import org.divergencelab.gan.Snapshot;
import org.divergencelab.gan.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The training scenes open on the state their caption describes (trained from the seed for the scene's
 * iterations), and the computed figures show what the lecture says.
 */
class SceneOpeningTest {

    private static Snapshot opening(String id) {
        Scene s = Scenes.get(id);
        Trainer t = new Trainer(s.experiment());
        for (int i = 0; i < s.iterations(); i++) {
            assertTrue(t.iteration(), id + " halted at iteration " + i + ": " + t.haltReason());
        }
        return t.snapshot(true);
    }

    /** The five map points G(z) of a 1-D generator (z at the five evenly spaced latent points). */
    private static double[] fivePoints(Snapshot s) {
        Snapshot.GeneratorMap m = s.generatorMap();
        int n = m.resolution();
        double[] x = m.x();
        double[] out = new double[5];
        for (int k = 0; k < 5; k++) {
            out[k] = x[(int) Math.round(k * (n - 1) / 4.0)];
        }
        return out;
    }

    @Test
    void s17SplitsIntoTheTwoAnswersWhileTheMseAnswerIsTheirAverage() {
        Snapshot s = opening("S17");
        double[] x = fivePoints(s);
        // Four of the five points within 0.4 of ±2, both answers used (the middle z may sit on the boundary).
        long left = Arrays.stream(x).filter(v -> Math.abs(v + 2) < 0.4).count();
        long right = Arrays.stream(x).filter(v -> Math.abs(v - 2) < 0.4).count();
        assertTrue(left >= 1 && right >= 1 && left + right >= 4, Arrays.toString(x));
        // The MSE answer the map marks: the mean of the real batch, ≈ 0 for the symmetric mixture (sd of the mean
        // of n ≥ 256 draws with variance 4.01 is ≤ 0.13: 0.4 is three of them).
        double mean = Arrays.stream(s.real()).average().orElseThrow();
        assertEquals(0, mean, 0.4);
    }

    @Test
    void s1SplitsTheFivePointsIntoTwoGroupsHeavierOnTheLeft() {
        double[] x = fivePoints(opening("S1"));
        long left = Arrays.stream(x).filter(v -> v < -0.5).count();
        long right = Arrays.stream(x).filter(v -> v > 1.5).count();
        assertEquals(5, left + right, Arrays.toString(x));
        assertTrue(left > right, "more on the left, as the data: " + Arrays.toString(x));
    }

    @Test
    void s13OpensCollapsedOnAFewModes() {
        Snapshot s = opening("S13");
        // The eight modes' generated counts: at most two modes get more than 2 % of the samples.
        int[] counts = s.modes().counts();
        int total = s.fake().length / 2;
        long used = Arrays.stream(counts).filter(c -> c > 0.02 * total).count();
        assertTrue(used <= 2, "modes used: " + Arrays.toString(counts));
        // ... and they sit in one corner: every sample in one half-plane through the origin.
        double[] f = s.fake();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < total; i++) {
            mx += f[2 * i] / total;
            my += f[2 * i + 1] / total;
        }
        int same = 0;
        for (int i = 0; i < total; i++) {
            if (f[2 * i] * mx + f[2 * i + 1] * my > 0) {
                same++;
            }
        }
        assertTrue(same > 0.9 * total, same + " of " + total + " on the side of the mean");
    }

    @Test
    void s14OpensCoveringOnlyPartOfTheGrid() {
        Snapshot s = opening("S14");
        assertTrue(s.modes().modesCaptured() < s.modes().modes(),
                s.modes().modesCaptured() + " of " + s.modes().modes() + " modes");
    }

    @Test
    void s21OpensWithTheGeneratedLineAlongTheDataLine() {
        Snapshot s = opening("S21");
        double[] f = s.fake();
        int n = f.length / 2;
        // The data line is x1 = 0, y in [0, 1]; G(z) starts as a line crossing it (slope ≈ −3 in the seed's
        // initialisation). After 1000 iterations the fakes' x1 spread is small against their x2 spread.
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += f[2 * i] / n;
            my += f[2 * i + 1] / n;
        }
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += (f[2 * i] - mx) * (f[2 * i] - mx) / n;
            sy += (f[2 * i + 1] - my) * (f[2 * i + 1] - my) / n;
        }
        assertTrue(Math.sqrt(sx) < 0.1 * Math.sqrt(sy), "x1 sd " + Math.sqrt(sx) + " vs x2 sd " + Math.sqrt(sy));
        assertEquals(0, mx, 0.1, "on the data line x1 = 0");
    }

    @Test
    void s19FigureShowsVanishingAndExplodingGradientsPerLayer() {
        SceneFigure.Data d = s19Figure();
        assertTrue(d.logY());
        assertEquals(4, d.series().size());
        double[] c001 = d.series().get(0).y();
        double[] c01 = d.series().get(1).y();
        double[] c1 = d.series().get(2).y();
        double[] gp = d.series().get(3).y();
        assertEquals(7, c001.length, "6 hidden layers + output");
        for (int l = 0; l < c001.length; l++) {
            // Clipped weights scale each layer's Jacobian by about c: the norms are ordered by c at every layer.
            assertTrue(c001[l] < c01[l] && c01[l] < c1[l], "layer " + (l + 1));
            assertTrue(c001[l] < 1e-6, "c = 0.001 vanishes: " + c001[l]);
            assertTrue(gp[l] > 1e-2 && gp[l] < 1e2, "GP stays near 1: " + gp[l]);
        }
        // Back-propagating through the clipped layers shrinks the gradient: the input layer gets the least.
        assertTrue(c001[0] < c001[c001.length - 1] / 10, Arrays.toString(c001));
    }

    private static SceneFigure.Data s19 = null;

    /** S19's figure, computed once for the tests that read it (it trains four deep critics). */
    private static synchronized SceneFigure.Data s19Figure() {
        if (s19 == null) {
            s19 = SceneFigure.LAYER_GRADIENTS.compute(Scenes.get("S19"), f -> {
            });
        }
        return s19;
    }

    @Test
    void s19CaptionNumbersAreTheFigures() {
        // The caption: c = 0.001 about 1e-13 and vanishing, c = 0.1 between 10 and 100 (exploding), GP between 1
        // and 10 at every layer (GP constrains the slope in x, not these weight gradients).
        // Measured: c = 0.001 1.0e-13 … 3.0e-10 (output layer), c = 0.1 13 … 110, GP 1.8 … 7.5.
        SceneFigure.Data d = s19Figure();
        double[] c001 = d.series().get(0).y();
        double[] c1 = d.series().get(2).y();
        double[] gp = d.series().get(3).y();
        for (int l = 0; l < c001.length - 1; l++) {
            assertTrue(c001[l] < 1e-11, "c = 0.001, hidden layer " + (l + 1) + ": " + c001[l]);
        }
        for (int l = 0; l < c1.length; l++) {
            assertTrue(c1[l] > 10 && c1[l] < 200, "c = 0.1, layer " + (l + 1) + ": " + c1[l]);
            assertTrue(gp[l] > 1 && gp[l] < 10, "GP, layer " + (l + 1) + ": " + gp[l]);
        }
    }

    @Test
    void clippingScenesTrainTheCriticWithRmsPropAsTheLectureSays() {
        // 003 L139, L395: no momentum-based optimiser (Adam, momentum) with weight clipping; RMSProp recommended.
        for (String id : List.of("S18", "S19")) {
            Experiment e = Scenes.get(id).experiment();
            assertEquals(OptimizerSpec.Kind.RMSPROP, e.criticOptimizer().kind(), id);
            assertEquals(OptimizerSpec.Kind.RMSPROP, e.generatorOptimizer().kind(), id);
        }
        assertEquals(Scenes.WGAN_RMSPROP_LR, Scenes.get("S18").experiment().criticOptimizer().lr());
    }

    @Test
    void s18OpensWithTheCriticWeightsPiledAtPlusMinusC() {
        Scene s = Scenes.get("S18");
        Trainer t = new Trainer(s.experiment());
        for (int i = 0; i < s.iterations(); i++) {
            assertTrue(t.iteration(), "S18 halted at iteration " + i + ": " + t.haltReason());
        }
        double c = s.experiment().objective().clip();
        long atC = 0;
        long all = 0;
        for (org.divergencelab.autodiff.Parameter p : t.critic().parameters()) {
            if (p.rows() == 1) {
                continue; // biases are not clipped into piles: only the weight matrices
            }
            double[] v = new double[p.rows() * p.cols()];
            p.value().backend().copyOut(p.value(), v);
            for (double w : v) {
                assertTrue(Math.abs(w) <= c * (1 + 1e-6), "clipped to ±c: " + w);
                atC += Math.abs(w) >= 0.99 * c ? 1 : 0;
                all++;
            }
        }
        double fraction = (double) atC / all;
        assertTrue(fraction > 0.5, "weights within 1 % of ±c: " + fraction);
    }

    @Test
    void s20FigureShowsTheMinimaxGradientVanishing() {
        Scene s = Scenes.get("S20");
        double[] last = new double[1];
        SceneFigure.Data d = SceneFigure.GENERATOR_GRADIENT_PROBE.compute(s, f -> last[0] = f);
        assertEquals(1.0, last[0], 0, "progress reaches 1");
        double[] mm = d.series().get(0).y();
        double[] ns = d.series().get(1).y();
        assertEquals(SceneFigure.PROBE_STEPS / SceneFigure.PROBE_EVERY + 1, mm.length);
        assertTrue(mm[mm.length - 1] < mm[0] / 10, "log(1 − D) gradient falls: " + mm[0] + " -> " + mm[mm.length - 1]);
        assertTrue(ns[ns.length - 1] > 100 * mm[mm.length - 1], "−log D gradient does not vanish");
    }

    @Test
    void aFigureNeedsATrainingScene() {
        Scene box = Scenes.get("S3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Scene("S3", box.title(),
                box.caption(), box.tryThis(), box.citation(), Scene.Mode.SANDBOX, null, box.sandbox(), "sandbox", 0,
                Set.of(), SceneFigure.LAYER_GRADIENTS));
        assertTrue(e.getMessage().contains("figure LAYER_GRADIENTS needs a training scene"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> SceneFigure.NONE.compute(Scenes.get("S1"), f -> {
        }));
    }

    @Test
    void sceneTextsHaveNoCombiningMarks() {
        // JavaFX wraps a label holding a combining mark (x + U+0302) at the wrong character: a word is drawn at the
        // end of one line and again at the start of the next. Precomposed characters only.
        for (Scene s : Scenes.all()) {
            for (Text t : java.util.List.of(s.title(), s.caption(), s.tryThis())) {
                for (String v : java.util.List.of(t.en(), t.zhTW(), t.zhCN())) {
                    assertTrue(v.codePoints().noneMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK),
                            s.id() + ": combining mark in '" + v + "'");
                }
            }
        }
    }
}
