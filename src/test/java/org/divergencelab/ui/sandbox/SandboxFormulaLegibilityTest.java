package org.divergencelab.ui.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 8: the formula panel's formulas were shrunk to the panel's width (the one-line V(D) to about
 * 9 pt). In every theme, at 1280×720 and 1920×1080, every line is shown whole and no smaller than the theme's
 * font size.
 */
class SandboxFormulaLegibilityTest {

    @BeforeAll
    static void fx() throws Exception {
        FxTestSupport.start();
    }

    @Test
    void everyFormulaIsShownWholeAtTheThemesFontSize() throws Exception {
        for (Theme theme : Theme.builtIns()) {
            for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
                SandboxView v = FxTestSupport.onFx(() -> {
                    ThemeManager tm = new ThemeManager();
                    tm.setTheme(theme);
                    SandboxView view = new SandboxView(new I18n(I18n.ENGLISH), tm);
                    Scene sc = new Scene(view.node(), size[0], size[1]);
                    tm.attach(sc);
                    sc.getRoot().applyCss();
                    sc.getRoot().layout();
                    sc.getRoot().layout();
                    return view;
                });
                try {
                    String what = theme.id() + " " + size[0] + "x" + size[1];
                    FormulaPanel f = v.formulas();
                    assertEquals(FormulaPanel.FORMULAS.size(), FxTestSupport.onFx(f::renderedCount), what);
                    double width = FxTestSupport.onFx(f::availableWidth);
                    assertTrue(width > 200 && width < 600, what + ": panel width " + width);
                    assertTrue(FxTestSupport.onFx(f::allFit), what + ": a line is clipped");
                    double shown = FxTestSupport.onFx(f::smallestShownSize);
                    assertTrue(shown >= theme.fontSize(), what + ": smallest formula " + shown + " pt < font "
                            + theme.fontSize());
                } finally {
                    FxTestSupport.onFx(() -> {
                        v.close();
                        return null;
                    });
                }
            }
        }
    }
}
