package org.divergencelab.ui.train;

import static org.divergencelab.ui.FxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.scene.control.Label;

import org.divergencelab.gan.Objective;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.MainWindowFixture;
import org.divergencelab.ui.plot.LineSeries;
import org.divergencelab.ui.plot.PlotWidget;
import org.divergencelab.ui.plot.Range;
import org.divergencelab.ui.plot.XYPlot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 13, items 4 and 5: Step D / Step G each show what changed; the estimate axis follows the visible pair after
 * JS ↔ W; compare mode keeps the running side and lays out without broken titles or overlapping ticks.
 */
class TrainingStepsViewTest extends MainWindowFixture {

    private TrainingView view;

    @BeforeEach
    void findView() {
        view = window.training();
    }

    private ChartsView charts(int panel) {
        return view.panels().get(panel).charts;
    }

    private static long points(LineSeries s) {
        return s.appendedCount();
    }

    @Test
    void stepDKeepsTheChartsAndPlotsDsLossStepGMovesTheFakes(FxRobot robot) throws Exception {
        pickPreset(robot, "gaussians-1d-gan");
        robot.clickOn("#step-iteration");
        await("one iteration", () -> frame().iteration() == 1);
        ChartsView c = charts(0);
        await("charted", () -> points(c.estimates.series().get(0)) == 1);
        long estimateBefore = points(c.estimates.series().get(0));
        long modesBefore = points(c.modes.series().get(0));
        robot.clickOn("#step-critic");
        await("one D step", () -> frame().panels().get(0).snapshot().criticSteps() == 2);
        Label message = robot.lookup("#train-message").queryAs(Label.class);
        await("the status line says what Step D changed", () -> message.getText().startsWith("Step D: D loss ")
                && message.getText().contains("→") && message.getText().contains("JS estimate"));
        await("D's step loss plotted", () -> points(c.criticStepLoss) == 1);
        assertEquals(1.5, c.criticStepLoss.keptX(0), 0, "between iteration 1 and 2");
        // the estimate and modes charts keep their points and gain the step's
        await("estimate after the step", () -> points(c.estimates.series().get(0)) == estimateBefore + 1);
        assertTrue(points(c.estimates.series().get(1)) >= 1, "the value beside the estimate is kept");
        assertTrue(c.modes.isVisible(), "a mixture: the modes chart shows");
        assertTrue(points(c.modes.series().get(0)) >= Math.max(1, modesBefore));
        assertTrue(c.accuracy.isVisible(), "a GAN's D has an accuracy");
        assertTrue(points(c.accuracy.series().get(0)) >= 2);
        assertEquals(0, points(c.generatorStepLoss));

        double[] fakesBefore = frame().panels().get(0).snapshot().fake();
        robot.clickOn("#step-generator");
        await("one G step", () -> frame().panels().get(0).snapshot().generatorSteps() == 2);
        await("the status line says what Step G changed", () -> message.getText().startsWith("Step G: G loss ")
                && message.getText().contains("mean sample shift"));
        await("G's step loss plotted", () -> points(c.generatorStepLoss) == 1);
        assertTrue(c.generatorStepLoss.keptX(0) > 1.5 && c.generatorStepLoss.keptX(0) < 2);
        double[] fakesAfter = frame().panels().get(0).snapshot().fake();
        assertFalse(Arrays.equals(fakesBefore, fakesAfter), "Step G moves the fakes");
        SamplesView samples = view.panels().get(0).samples;
        await("the samples show a ghost of the fakes before", () -> samples.ghostShown);
        robot.clickOn("#step-critic");
        await("a D step", () -> frame().panels().get(0).snapshot().criticSteps() == 3);
        await("no ghost after Step D", () -> !samples.ghostShown);
    }

    @Test
    void afterJsToWAndBackTheEstimateAxisFollowsTheVisiblePairOnly(FxRobot robot) throws Exception {
        pickPreset(robot, "gaussians-1d-gan");
        view.session().stepIterations(20);
        await("20 iterations", () -> frame().iteration() == 20);
        robot.interact(() -> view.editor().toggleObjective());
        await("WGAN now", () -> frame().panels().get(0).experiment().objective().kind().isWasserstein());
        view.session().stepIterations(20);
        await("40 iterations", () -> frame().iteration() == 40);
        ChartsView c = charts(0);
        await("W pair charted", () -> c.shownEstimate() == Objective.Estimated.W1);
        robot.interact(() -> view.editor().toggleObjective());
        await("GAN again", () -> !frame().panels().get(0).experiment().objective().kind().isWasserstein());
        view.session().stepIterations(5);
        await("45 iterations", () -> frame().iteration() == 45);
        await("JS pair shown", () -> c.shownEstimate() == Objective.Estimated.JS);
        Range shown = FxTestSupport.onFx(() -> c.estimates.dataYRange());
        // the axis range is what the JS pair and log 2 span: nothing of the hidden W pair
        Range js = null;
        Range w = null;
        for (LineSeries s : c.estimates.series()) {
            Range r = FxTestSupport.onFx(() -> {
                boolean v = s.isVisible();
                s.setVisible(true);
                Range out = s.yRange();
                s.setVisible(v);
                return out;
            });
            if (s.isVisible()) {
                js = Range.union(js, r);
            } else {
                w = Range.union(w, r);
            }
        }
        js = Range.union(js, new Range(Math.log(2), Math.log(2)));
        assertTrue(w != null, "the W pair is kept (hidden)");
        assertEquals(js.min(), shown.min(), 1e-12);
        assertEquals(js.max(), shown.max(), 1e-12);
    }

    @Test
    void compareOnAndOffKeepsTheRunningSideAndLaysOutCleanly(FxRobot robot) throws Exception {
        pickPreset(robot, "ring8-gan");
        view.session().stepIterations(12);
        await("12 iterations", () -> frame().iteration() == 12);
        LineSeries dLoss = charts(0).criticLoss;
        await("12 loss points", () -> points(dLoss) == 12);
        robot.clickOn("#compare");
        await("two panels", () -> frame().panels().size() == 2);
        assertEquals(12, frame().panels().get(0).snapshot().iteration(), "the running side continues");
        assertEquals(0, frame().panels().get(1).snapshot().iteration(), "its twin starts from the seed");
        robot.clickOn("#step-iteration");
        await("one more each", () -> frame().panels().get(0).snapshot().iteration() == 13
                && frame().panels().get(1).snapshot().iteration() == 1);
        assertTrue(points(charts(0).criticLoss) >= 13, "the running side's chart history is kept");
        assertTrue(view.history().rows(0) >= 13, "and its CSV history");
        for (int[] size : new int[][] {{1280, 720}, {1280, 800}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            List<String> problems = FxTestSupport.onFx(() -> {
                window.root().applyCss();
                window.root().layout();
                List<String> out = new ArrayList<>();
                if (org.divergencelab.ui.LayoutMatrixTest.plots(view.node()).size() < 12) {
                    out.add("only " + org.divergencelab.ui.LayoutMatrixTest.plots(view.node()).size() + " plots found in two panels");
                }
                for (PlotWidget p : org.divergencelab.ui.LayoutMatrixTest.plots(view.node())) {
                    p.repaintNow();
                    out.addAll(layoutProblems(p));
                }
                return out;
            });
            assertTrue(problems.isEmpty(), size[0] + "x" + size[1] + ": " + problems);
        }
        robot.clickOn("#compare");
        await("one panel", () -> frame().panels().size() == 1);
        assertEquals(13, frame().iteration(), "compare off: the running side continues");
        robot.clickOn("#step-iteration");
        await("14", () -> frame().iteration() == 14);
        assertTrue(points(charts(0).criticLoss) >= 14);
    }

    /** Titles broken inside a word, x tick labels that overlap, a legend over data marks. */
    static List<String> layoutProblems(PlotWidget p) {
        List<String> out = new ArrayList<>();
        String title = p.getTitle();
        for (String line : p.titleLines()) {
            if (line.endsWith("…")) {
                continue;
            }
            if (!(" " + title + " ").contains(" " + line + " ") && title.contains(" ")) {
                out.add(p.getId() + " title line '" + line + "' of '" + title + "'");
            }
        }
        if (p instanceof XYPlot xy) {
            if (xy.axes().xTickLabelsOverlap()) {
                out.add(p.getId() + " x ticks overlap");
            }
            // a legend is either in a corner free of marks or below the plot; only a plot too small for it
            // below keeps it in its least busy corner
            if (xy.marksUnderLegend() > 0 && xy.axes().height() > 160) {
                out.add(p.getId() + " legend covers " + xy.marksUnderLegend() + " marks");
            }
        }
        return out;
    }
}
