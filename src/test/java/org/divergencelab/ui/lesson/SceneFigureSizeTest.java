package org.divergencelab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;

import org.divergencelab.lesson.SceneFigure;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.LayoutMatrixTest;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.junit.jupiter.api.Test;

/**
 * A scene caption's figure keeps a readable chart in every theme and font scale: its data area at least
 * {@link LayoutMatrixTest#MIN_PLOT_W}×{@link LayoutMatrixTest#MIN_PLOT_H} (at a fixed 470×250 the projector's two-line
 * title and legend left S15's chart a 25 px strip).
 */
class SceneFigureSizeTest {
    @Test
    void theFigureGrowsWithThePlotFontSoItsChartKeepsItsArea() throws Exception {
        org.divergencelab.lesson.Scene s = Scenes.get("S15"); // FD and W1 against n: a two-line title in the projector theme
        SceneFigure.Data d = s.figure().compute(s, f -> { });
        for (Theme theme : Theme.builtIns()) {
            for (int scale : new int[] {100, 200}) {
                double[] area = FxTestSupport.onFx(() -> {
                    ThemeManager tm = new ThemeManager();
                    tm.setTheme(theme);
                    tm.setFontScale(scale);
                    SceneFigureView v = new SceneFigureView(tm);
                    Pane holder = new Pane(v.node());
                    new Scene(holder, 1600, 1000);
                    v.show(d);
                    holder.applyCss();
                    holder.layout();
                    v.chart().layout();
                    return new double[] {v.chart().axes().width(), v.chart().axes().height(), v.node().getHeight()};
                });
                System.out.printf("%s %d %%: plot area %.0f x %.0f in a figure %.0f high%n", theme.id(), scale,
                        area[0], area[1], area[2]);
                assertTrue(area[0] >= LayoutMatrixTest.MIN_PLOT_W && area[1] >= LayoutMatrixTest.MIN_PLOT_H,
                        theme.id() + " " + scale + " %: plot area " + area[0] + "×" + area[1]);
                // the chart, not its title and legend, takes most of the figure
                assertTrue(area[1] >= 0.35 * area[2], theme.id() + " " + scale + " %: plot area " + area[1]
                        + " px high in a figure " + area[2] + " px high");
            }
        }
    }
}
