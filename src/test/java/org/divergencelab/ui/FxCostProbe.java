package org.divergencelab.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.Theme;
import org.junit.jupiter.api.Test;

/**
 * Not in the default build (no "Test" suffix): what each window-wide action costs the FX thread, from the action
 * through the end of the next pulse's CSS + layout pass (where the plots repaint). CPU time of the FX thread, so
 * the neighbours' load counts little. Run: {@code mvn -B -q -o test -Dtest=FxCostProbe
 * -Dsurefire.failIfNoSpecifiedTests=false}; prints a table (ms: round 1, then the median and max of rounds 2–N).
 */
class FxCostProbe extends MainWindowFixture {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private double cost(Runnable action) throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = THREADS.getCurrentThreadCpuTime();
            action.run();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                done.complete((THREADS.getCurrentThreadCpuTime() - start) / 1e6);
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
        double ms = done.get(60, TimeUnit.SECONDS);
        Thread.sleep(150); // let workers' results land before the next action
        return ms;
    }

    @Test
    void windowWideActions() throws Exception {
        Map<String, Runnable> actions = new LinkedHashMap<>();
        actions.put("tab sandbox", () -> window.selectView("sandbox"));
        actions.put("tab image", () -> window.selectView("image"));
        actions.put("tab welcome", () -> window.selectView("welcome"));
        actions.put("tab training", () -> window.selectView("training"));
        actions.put("theme dark", () -> window.themes().setTheme(Theme.DARK));
        actions.put("theme light", () -> window.themes().setTheme(Theme.LIGHT));
        actions.put("language zh_TW", () -> window.i18n().setLocale(I18n.TRADITIONAL));
        actions.put("language en", () -> window.i18n().setLocale(I18n.ENGLISH));
        actions.put("F5 on", () -> window.presentation().setActive(true));
        actions.put("F5 off", () -> window.presentation().setActive(false));
        actions.put("font 150 %", () -> window.themes().setFontScale(150));
        actions.put("font 100 %", () -> window.themes().setFontScale(100));
        actions.put("tab sandbox again", () -> window.selectView("sandbox"));
        actions.put("theme dark (sandbox)", () -> window.themes().setTheme(Theme.DARK));
        actions.put("theme light (sandbox)", () -> window.themes().setTheme(Theme.LIGHT));
        actions.put("tab training again", () -> window.selectView("training"));
        int rounds = Integer.getInteger("probe.rounds", 8);
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Runnable> a : actions.entrySet()) {
                ms.computeIfAbsent(a.getKey(), k -> new ArrayList<>()).add(cost(a.getValue()));
            }
        }
        System.out.printf("%-24s %8s %8s %8s%n", "action", "first", "median", "max");
        for (Map.Entry<String, List<Double>> e : ms.entrySet()) {
            List<Double> later = new ArrayList<>(e.getValue().subList(1, e.getValue().size()));
            later.sort(null);
            System.out.printf("%-24s %8.1f %8.1f %8.1f%n", e.getKey(), e.getValue().get(0),
                    later.get(later.size() / 2), later.get(later.size() - 1));
        }
    }
}
