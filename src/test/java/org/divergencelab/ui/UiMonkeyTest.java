package org.divergencelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.PlotWidget;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A seeded UI monkey on the real main window (issue 14, item 5): thousands of random clicks, drags, wheel turns,
 * keys and text edits across every tab (Welcome, Training with compare mode and the step buttons, Sandbox, Image
 * mode, the widget gallery, the Scenes menu and lecture mode, dialogs), injected through JavaFX's own
 * {@link Robot} on Monocle (the same path as TestFX's glass robot, without its animated mouse moves), so hit
 * testing, focus, popups and accelerators are the real ones.
 *
 * <p>Properties: {@code -Dmonkey.seed=N} (default {@value #DEFAULT_SEED}; {@code random} draws one; the seed is
 * printed), {@code -Dmonkey.events=N} (default {@value #DEFAULT_EVENTS}, the short form the default build runs;
 * the long form is {@code -Dmonkey.events=3000}). Events go in bursts of {@value #BURST} posted back to back,
 * each chosen on the FX thread from the UI as it is when it runs. The same seed gives the same choices as long as
 * the UI reaches the same states; asynchronous results (training frames, sandbox numbers) may arrive at other
 * moments, so a rerun is close, not identical. Every event is printed ({@code [monkey] #i ...}).
 *
 * <p>Checks, after a warm-up pass that builds every view once (first-time construction is start-up cost):
 * <ol>
 * <li>no uncaught exception on any thread (default handler and the FX thread's own, which also catches what
 * a handler throws during an injected event), no SEVERE record in java.util.logging (where JavaFX logs), and
 * nothing written to System.err that looks like a stack trace; logged warnings are counted and printed;
 * <li>no event keeps the FX thread busy over {@link #BUSY_LIMIT_MS} (the issue's {@value #BUSY_GOAL_MS} ms by
 * default; every event over the goal is listed): the FX thread's CPU time (not wall time: the machine may be
 * loaded) of each input event's whole dispatch (timed in a wrapper around each window's event dispatcher, since
 * Monocle queues the robot's events) and of the monkey's direct actions (a menu item fired, a text replaced);
 * and, to {@link #PULSE_LIMIT_MS}, the main scene's CSS + layout pass in each pulse (pre/post layout pulse
 * listeners; the plots repaint in it; a pulse follows a burst of events). Reported beside them, not asserted:
 * the app's FX-thread CPU between two pulses (the monkey's own share subtracted; a burst of {@value #BURST}
 * events lands between two pulses, which no hand does), the wall-clock pulse gaps, and where a watchdog saw the
 * FX thread whenever a wall gap passed 100 ms;
 * <li>memory flat: live heap (the JVM's class histogram, after its full GC) at the half-way point and at the
 * end, both in the start's quiet state, differs by less than {@value #HEAP_GROWTH_LIMIT_MB} MB;
 * <li>the app still answers at the end: a tab click selects the tab, a theme click switches the theme,
 * Step D draws a new training frame.
 * </ol>
 *
 * <p>Never touched (they open native file dialogs, quit, or ask in a nested event loop the monkey cannot
 * answer): the whole File menu (export PNG/SVG, open/save training state, export training CSV, open scene file,
 * quit) and its keys Shortcut+E/O/S/Q; View → Record animation… (a {@code showAndWait} dialog, then a file
 * dialog); the sandbox's Import CSV, Save, Load and Export PNG/SVG/CSV buttons. Full screen (F5, presentation
 * mode) is included: Monocle honours it and Esc or F5 undo it.
 */
@ExtendWith(ApplicationExtension.class)
class UiMonkeyTest {

    static final long DEFAULT_SEED = 20261202L;
    static final int DEFAULT_EVENTS = 320;
    /** The issue's goal for one event's FX-thread CPU ("never blocked over 100 ms"): measured and reported. */
    static final double BUSY_GOAL_MS = 100;
    /**
     * What the run asserts for one event's FX-thread CPU and for one pulse's CSS + layout pass: the goal, since the
     * main window keeps only the selected tab's view in the scene graph (language, theme and presentation switches
     * took 100–195 ms with every tab attached; docs/ui.md, "Monkey test"). {@code -Dmonkey.busyLimitMs=N} changes it.
     */
    static final double BUSY_LIMIT_MS = Double.parseDouble(System.getProperty("monkey.busyLimitMs",
            Double.toString(BUSY_GOAL_MS)));
    /**
     * What the run asserts for one pulse's CSS + layout pass: a burst of up to {@value #BURST} events lands between
     * two pulses (a theme, a language and a scene switch may all be styled in one pass, which no hand does), so
     * the pass is held to 250 ms, catching a view styled or laid out for nothing (all tabs attached: up to
     * 195 ms); one window-wide action through its pulse is measured by {@code FxCostProbe} (warm: under 100 ms).
     * {@code -Dmonkey.pulseLimitMs=N} changes it.
     */
    static final double PULSE_LIMIT_MS = Double.parseDouble(System.getProperty("monkey.pulseLimitMs", "250"));
    /**
     * Live-heap growth allowed over the second half of the run. The first half is not bounded: it reaches the
     * high-water marks by design (each canvas's raster buffers and the software pipeline's textures grow to the
     * largest size the canvas had: full screen, 200 % fonts, compare mode), tens of MB once. In the second half
     * these are reached; what may still grow is the live training history (a few MB). 24 MB is well under what
     * a leak of a view, a timer or a worker per event (hundreds of events) keeps.
     */
    static final long HEAP_GROWTH_LIMIT_MB = 24;
    /** Events posted back to back before the monkey waits for the FX thread. */
    static final int BURST = 8;

    /** Node ids the monkey never clicks: they open native file dialogs. */
    static final Set<String> EXCLUDED_IDS = Set.of("sandbox-import", "sandbox-save", "sandbox-load",
            "sandbox-export-png", "sandbox-export-svg", "sandbox-export-csv", "menu-record");
    static boolean excluded(String id) {
        return id != null && EXCLUDED_IDS.contains(id);
    }

    /** Keys sent (Shortcut = Control on Linux); no Shortcut+E/O/S/Q (file dialogs, quit). */
    static final List<KeyCode[]> KEYS = List.of(
            new KeyCode[] {KeyCode.CONTROL, KeyCode.P}, new KeyCode[] {KeyCode.CONTROL, KeyCode.D},
            new KeyCode[] {KeyCode.CONTROL, KeyCode.G}, new KeyCode[] {KeyCode.CONTROL, KeyCode.I},
            new KeyCode[] {KeyCode.CONTROL, KeyCode.R}, new KeyCode[] {KeyCode.CONTROL, KeyCode.J},
            new KeyCode[] {KeyCode.CONTROL, KeyCode.F}, new KeyCode[] {KeyCode.CONTROL, KeyCode.L},
            new KeyCode[] {KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT1},
            new KeyCode[] {KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT2},
            new KeyCode[] {KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT3},
            new KeyCode[] {KeyCode.CONTROL, KeyCode.ALT, KeyCode.DIGIT1},
            new KeyCode[] {KeyCode.CONTROL, KeyCode.ALT, KeyCode.DIGIT2},
            new KeyCode[] {KeyCode.CONTROL, KeyCode.ALT, KeyCode.DIGIT3},
            new KeyCode[] {KeyCode.RIGHT}, new KeyCode[] {KeyCode.LEFT}, new KeyCode[] {KeyCode.UP},
            new KeyCode[] {KeyCode.DOWN}, new KeyCode[] {KeyCode.PAGE_UP}, new KeyCode[] {KeyCode.PAGE_DOWN},
            new KeyCode[] {KeyCode.SPACE}, new KeyCode[] {KeyCode.ESCAPE}, new KeyCode[] {KeyCode.F5},
            new KeyCode[] {KeyCode.TAB}, new KeyCode[] {KeyCode.ENTER}, new KeyCode[] {KeyCode.HOME},
            new KeyCode[] {KeyCode.END});
    /** Values typed into text fields: valid, out of range, malformed, empty, huge. */
    static final List<String> TEXTS = List.of("-1", "1e308", "NaN", "", "abc", "99999999999999999999", "0", "1",
            "0.5", "2", "10", "-0", "Infinity", "1e-320", "  3 ", "N(0,1)", "N(4,0.5)", "mix(N(-2,1),N(2,1))",
            "uniform(0,1)", "ring(8)", "N((0,0),1)", "0x10", "1,5", "∞", "中文", "((((", "7;8", "-1e308");

    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void patientSetup() {
        // building the whole window on a loaded 2-core machine can take longer than TestFX's default wait
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(new I18n(I18n.ENGLISH), new ThemeManager());
        Scene scene = new Scene(window.root(), 1280, 720);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
        window.selectView("welcome");
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> {
            closeExtraWindows();
            window.presentation().setActive(false);
            stage.setFullScreen(false);
            if (window.scenes().isLecture()) {
                window.scenes().setLecture(false);
            }
            // the gallery's demo animation is a timer that outlives the window: later tests in this JVM would pay
            window.showGallery().setAnimating(false);
            window.frameTimes().stop();
        });
        window.imageMode().stop();
        window.dispose();
    }

    // ------------------------------------------------------------------ the run

    @Test
    void monkeyRunsThousandsOfRandomEventsWithoutErrorsOrLongFxBlocks(FxRobot robot) throws Exception {
        String seedProperty = System.getProperty("monkey.seed", Long.toString(DEFAULT_SEED));
        long seed = "random".equals(seedProperty) ? new Random().nextLong() : Long.parseLong(seedProperty.trim());
        int events = Integer.getInteger("monkey.events", DEFAULT_EVENTS);
        System.out.println("[monkey] seed " + seed + ", " + events + " events (-Dmonkey.seed=" + seed + " repeats it)");
        Monkey monkey = new Monkey(new Random(seed));
        monkey.installErrorCatchers();
        // -Dmonkey.jfr=FILE: a JFR recording with old-object samples and their paths to GC roots (leak hunting:
        // jfr print --events jdk.OldObjectSample FILE)
        jdk.jfr.Recording jfr = null;
        if (System.getProperty("monkey.jfr") != null) {
            jfr = new jdk.jfr.Recording();
            jfr.enable("jdk.OldObjectSample").with("cutoff", "infinity").withStackTrace();
            jfr.start();
        }
        try {
            long t0 = System.nanoTime();
            monkey.warmUp();
            long usedStart = usedHeapAfterGc();
            Map<String, long[]> histStart = histogram();
            long heapStart = liveBytes(histStart);
            monkey.pulses.begin();
            long t1 = System.nanoTime();
            int half = events / 2 / BURST * BURST;
            long heapMid = 0;
            Map<String, long[]> histMid = Map.of();
            long tMid = 0;
            for (int i = 0; i < events && monkey.errors.isEmpty(); i += BURST) {
                if (i == half) {
                    // halfway: the same quiet state as at the start, so the second half's growth is comparable
                    long m0 = System.nanoTime();
                    monkey.quiet();
                    histMid = histogram();
                    heapMid = liveBytes(histMid);
                    tMid = System.nanoTime() - m0;
                }
                monkey.burst(i, Math.min(BURST, events - i));
            }
            long t2 = System.nanoTime();
            PulseStats ps = monkey.pulses.end();
            monkey.quiet();
            System.err.println(); // ends a stack trace the System.err watch may still be collecting
            long usedEnd = usedHeapAfterGc();
            if (jfr != null) {
                jfr.dump(java.nio.file.Path.of(System.getProperty("monkey.jfr")));
                jfr.close();
            }
            Map<String, long[]> histEnd = histogram();
            long heapEnd = liveBytes(histEnd);
            String report = String.format(Locale.ROOT,
                    "[monkey] seed %d: %d events in %.1f s (warm-up %.1f s); kinds %s%n"
                            + "[monkey] input events' dispatch on the FX thread: %d events, max CPU %.1f ms (bound %.0f ms):"
                            + " %s; %d dropped by the guard%n"
                            + "[monkey] input events over the %.0f ms goal: %d: %s%n"
                            + "[monkey] the monkey's direct actions (item.fire, replaceSelection) and injections: max CPU %.1f ms"
                            + " (bound %.0f ms) at %s; max wall %.1f ms, %d over 100 ms wall%n"
                            + "[monkey] app's FX-thread CPU between pulses (monkey's own work subtracted): max %.1f ms"
                            + " (%s), p99 %.1f ms, %d pulses over 100 ms%n"
                            + "[monkey] main scene's CSS + layout pass per pulse: max %.1f ms (%s; bound %.0f ms), p99 %.1f ms,"
                            + " %d of %d over 100 ms%n"
                            + "[monkey] wall pulse gaps: %d pulses, max %.1f ms, p99 %.1f ms, %d over 100 ms;"
                            + " FX thread CPU %.1f s (the monkey's %.1f s) in %.1f s wall%n"
                            + "[monkey] live heap (class histogram after full GC): start %.1f MB, half-way %.1f MB, end %.1f MB;"
                            + " second half's growth %.1f MB (bound %d MB); heap used after GC: %.1f -> %.1f MB%n"
                            + "[monkey] wall gaps over 100 ms, FX thread seen in: %s%n"
                            + "[monkey] log warnings (not failures): %s%n"
                            + "[monkey] live bytes grown most, start to end: %s%n"
                            + "[monkey] instances grown most in the second half (a leak per event shows here): %s%n"
                            + "[monkey] primitive arrays (count, MB) start / half-way / end: %s",
                    seed, monkey.done, (t2 - t1 - tMid) / 1e9, (t1 - t0) / 1e9, monkey.kindCounts,
                    monkey.dispatches, monkey.maxDispatchCpuMs, BUSY_LIMIT_MS, monkey.slowestDispatch, monkey.dropped,
                    BUSY_GOAL_MS, monkey.overGoal.size(), monkey.overGoal.isEmpty() ? "none"
                            : String.join("; ", monkey.overGoal.subList(0, Math.min(12, monkey.overGoal.size()))),
                    monkey.maxHandlerCpuMs, BUSY_LIMIT_MS, monkey.slowestHandler, monkey.maxHandlerWallMs,
                    monkey.handlersOverWall,
                    ps.maxCpuMs, ps.maxCpuDuring, ps.p99CpuMs, ps.cpuOver100,
                    monkey.pulses.maxLayout / 1e6, monkey.pulses.maxLayoutDuring, PULSE_LIMIT_MS, monkey.pulses.layoutP99() / 1e6,
                    monkey.pulses.layoutsOver100(), monkey.pulses.layouts.size(),
                    ps.pulses, ps.maxWallMs, ps.p99WallMs, ps.wallOver100, monkey.pulses.fxCpuMs[0] / 1e3,
                    monkey.pulses.fxCpuMs[1] / 1e3, (t2 - t1) / 1e9,
                    heapStart / 1e6, heapMid / 1e6, heapEnd / 1e6, (heapEnd - heapMid) / 1e6, HEAP_GROWTH_LIMIT_MB,
                    usedStart / 1e6, usedEnd / 1e6, monkey.pulses.blockSites(),
                    monkey.logWarningsText(), growth(histStart, histEnd),
                    instanceGrowth(histMid, histEnd), arrays(histStart, histMid, histEnd));
            System.out.println(report);
            if (!monkey.errors.isEmpty()) {
                fail("seed " + seed + ": " + monkey.errors.size() + " error(s), first:\n" + monkey.errors.get(0)
                        + "\nlast events:\n" + String.join("\n", monkey.recent), monkey.firstThrowable);
            }
            assertTrue(monkey.done == events, "every event ran: " + monkey.done);
            assertTrue(ps.pulses >= 10, "pulses were measured: " + ps.pulses);
            assertTrue(monkey.maxHandlerCpuMs < BUSY_LIMIT_MS, "seed " + seed + ": an event kept the FX thread busy "
                    + monkey.maxHandlerCpuMs + " ms: " + monkey.slowestHandler + "\n" + report);
            assertTrue(monkey.dispatches > events / 2, "input events were timed: " + monkey.dispatches);
            assertTrue(monkey.maxDispatchCpuMs < BUSY_LIMIT_MS, "seed " + seed + ": an input event kept the FX thread"
                    + " busy " + monkey.maxDispatchCpuMs + " ms: " + monkey.slowestDispatch + "\n" + report);
            assertTrue(monkey.pulses.maxLayout / 1e6 < PULSE_LIMIT_MS, "seed " + seed + ": a pulse's CSS + layout pass"
                    + " kept the FX thread busy " + monkey.pulses.maxLayout / 1e6 + " ms: "
                    + monkey.pulses.maxLayoutDuring + "\n" + report);
            assertTrue(heapEnd - heapMid < HEAP_GROWTH_LIMIT_MB * 1_000_000L, "seed " + seed + ": the live heap grew "
                    + (heapEnd - heapMid) / 1e6 + " MB in the second half\n" + report);
            monkey.checkStillResponds(robot);
        } finally {
            monkey.uninstallErrorCatchers();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            best = Math.min(best, mem.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    /** Live objects by class (bytes, instances) from the JVM's class histogram (it runs a full GC first). */
    private static Map<String, long[]> histogram() {
        Map<String, long[]> out = new LinkedHashMap<>();
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            for (String line : text.toString().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    out.put(f[3], new long[] {Long.parseLong(f[2]), Long.parseLong(f[1])});
                }
            }
        } catch (Exception e) {
            out.put("(no histogram: " + e + ")", new long[] {0, 0});
        }
        return out;
    }

    /** Bytes of live objects in a histogram (G1's filler arrays, which only pad regions, left out). */
    private static long liveBytes(Map<String, long[]> histogram) {
        return histogram.entrySet().stream().filter(e -> !e.getKey().contains("FillerElement"))
                .mapToLong(e -> e.getValue()[0]).sum();
    }

    /** The classes whose live bytes grew most between two histograms. */
    private static String growth(Map<String, long[]> before, Map<String, long[]> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0]))
                .filter(e -> e.getValue() > 200_000).sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(12).map(e -> String.format(Locale.ROOT, "%s +%.1f MB", e.getKey(), e.getValue() / 1e6))
                .reduce((a, b) -> a + ", " + b).orElse("none over 0.2 MB");
    }

    /** Count and MB of float[], int[], byte[] and double[] in three histograms (buffers that grow to a high-water mark). */
    private static String arrays(Map<String, long[]> a, Map<String, long[]> b, Map<String, long[]> c) {
        StringBuilder out = new StringBuilder();
        for (String k : List.of("[F", "[I", "[B", "[D")) {
            out.append(k).append(' ');
            for (Map<String, long[]> h : List.of(a, b, c)) {
                long[] v = h.getOrDefault(k, new long[2]);
                out.append(String.format(Locale.ROOT, "%d %.1f / ", v[1], v[0] / 1e6));
            }
            out.setLength(out.length() - 3);
            out.append("; ");
        }
        return out.toString();
    }

    /** The non-array classes whose instance count grew most between two histograms. */
    private static String instanceGrowth(Map<String, long[]> before, Map<String, long[]> after) {
        return after.entrySet().stream().filter(e -> !e.getKey().startsWith("["))
                .map(e -> Map.entry(e.getKey(), e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]))
                .filter(e -> e.getValue() > 50).sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(15).map(e -> e.getKey().replace("org.divergencelab.", "") + " +" + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("none over 50");
    }

    /** Runs on the FX thread and waits (generously: a loaded machine) for the result. */
    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(120, TimeUnit.SECONDS);
    }

    private static void fxRun(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /**
     * Empties TestFX's log of the events fired on the primary stage ({@code FxToolkitContext}'s
     * {@code FiredEvents}): it keeps every event with its target, so thousands of monkey events would pin the
     * nodes they hit (and a canvas's texture) and read as a leak of the app. FX thread.
     */
    static void clearTestFxEventLog() {
        try {
            java.lang.reflect.Field f = org.testfx.api.FxToolkitContext.class.getDeclaredField("firedEvents");
            f.setAccessible(true);
            if (f.get(org.testfx.api.FxToolkit.toolkitContext()) instanceof org.testfx.service.support.FiredEvents fe) {
                fe.clearEvents();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX changed: cannot clear its fired-events log", e);
        }
    }

    /** Closes dialogs and popups left open (FX thread). */
    private void closeExtraWindows() {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage && w.isShowing()) {
                w.hide();
            }
        }
    }

    record PulseStats(int pulses, double maxWallMs, double p99WallMs, int wallOver100, double maxCpuMs,
            double p99CpuMs, int cpuOver100, String maxCpuDuring) {
    }

    /** Pulse gaps (wall and FX-thread CPU) from an AnimationTimer, and a watchdog that samples long gaps. */
    final class Pulses {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final List<long[]> gaps = new ArrayList<>(); // {wall ns, cpu ns}; FX thread only
        private volatile long lastWall;
        private long lastCpu;
        /** CPU the monkey itself spent on the FX thread (choosing and injecting events); FX thread only. */
        long monkeyCpu;
        private long lastMonkeyCpu;
        private long cpuAtBegin;
        private long monkeyAtBegin;
        /** FX-thread CPU over the run in ms: {total, the monkey's share}. */
        double[] fxCpuMs = new double[2];
        private volatile boolean measuring;
        private volatile Thread fxThread;
        volatile String currentEvent = "";
        private String maxCpuDuring = "";
        private long maxCpu;
        private final Map<String, Integer> sites = Collections.synchronizedMap(new LinkedHashMap<>());
        private Thread watchdog;
        private final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long wall = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                if (measuring && lastWall != 0) {
                    // the app's own work between two pulses: the FX thread's CPU less the monkey's
                    long app = (cpu - lastCpu) - (monkeyCpu - lastMonkeyCpu);
                    gaps.add(new long[] {wall - lastWall, app});
                    if (app > maxCpu) {
                        maxCpu = app;
                        maxCpuDuring = currentEvent + " on " + window.selectedView();
                    }
                }
                lastWall = wall;
                lastCpu = cpu;
                lastMonkeyCpu = monkeyCpu;
            }
        };

        /** CPU of the main scene's CSS and layout pass, per pulse: {cpu ns}; FX thread only. */
        final List<Long> layouts = new ArrayList<>();
        private long layoutStart;
        long maxLayout;
        String maxLayoutDuring = "";
        private final Runnable preLayout = () -> layoutStart = threads.getCurrentThreadCpuTime();
        private final Runnable postLayout = () -> {
            if (measuring && layoutStart != 0) {
                long c = threads.getCurrentThreadCpuTime() - layoutStart;
                layouts.add(c);
                if (c > maxLayout) {
                    maxLayout = c;
                    maxLayoutDuring = currentEvent + " on " + window.selectedView();
                }
            }
        };

        void begin() throws Exception {
            fxRun(() -> {
                stage.getScene().addPreLayoutPulseListener(preLayout);
                stage.getScene().addPostLayoutPulseListener(postLayout);
                fxThread = Thread.currentThread();
                cpuAtBegin = threads.getCurrentThreadCpuTime();
                monkeyAtBegin = monkeyCpu;
                lastWall = 0;
                measuring = true;
                timer.start();
            });
            watchdog = new Thread(this::watch, "monkey-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        /** Every 20 ms: if no pulse came for over 100 ms, notes where the FX thread is (once per gap). */
        private void watch() {
            long sampledFor = 0;
            while (measuring) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                long last = lastWall;
                if (last != 0 && last != sampledFor && System.nanoTime() - last > 100_000_000L) {
                    sampledFor = last;
                    Thread fx = fxThread;
                    StackTraceElement[] st = fx.getStackTrace();
                    String where = Arrays.stream(st).filter(e -> e.getClassName().startsWith("org.divergencelab"))
                            .limit(2).map(e -> e.getClassName().replace("org.divergencelab.", "") + "."
                                    + e.getMethodName() + ":" + e.getLineNumber())
                            .reduce((a, b) -> a + " < " + b)
                            .orElse(st.length > 0 ? fx.getState() + " " + st[0].getClassName() + "." + st[0].getMethodName()
                                    : "?");
                    sites.merge(where, 1, Integer::sum);
                }
            }
        }

        PulseStats end() throws Exception {
            measuring = false;
            watchdog.join();
            return fx(() -> {
                timer.stop();
                stage.getScene().removePreLayoutPulseListener(preLayout);
                stage.getScene().removePostLayoutPulseListener(postLayout);
                fxCpuMs = new double[] {(threads.getCurrentThreadCpuTime() - cpuAtBegin) / 1e6,
                        (monkeyCpu - monkeyAtBegin) / 1e6};
                int n = gaps.size();
                long[] wall = gaps.stream().mapToLong(g -> g[0]).sorted().toArray();
                long[] cpu = gaps.stream().mapToLong(g -> g[1]).sorted().toArray();
                if (n == 0) {
                    return new PulseStats(0, 0, 0, 0, 0, 0, 0, "");
                }
                int over = (int) Arrays.stream(wall).filter(w -> w > 100_000_000L).count();
                int cpuOver = (int) Arrays.stream(cpu).filter(c -> c > 100_000_000L).count();
                return new PulseStats(n, wall[n - 1] / 1e6, p99(wall) / 1e6, over, cpu[n - 1] / 1e6, p99(cpu) / 1e6,
                        cpuOver, maxCpuDuring);
            });
        }

        long layoutP99() {
            long[] l = layouts.stream().mapToLong(Long::longValue).sorted().toArray();
            return l.length == 0 ? 0 : p99(l);
        }

        int layoutsOver100() {
            return (int) layouts.stream().filter(c -> c > 100_000_000L).count();
        }

        private static long p99(long[] sorted) {
            return sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)];
        }

        String blockSites() {
            synchronized (sites) {
                return sites.isEmpty() ? "none" : sites.entrySet().stream()
                        .sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                        .map(e -> e.getValue() + "× " + e.getKey()).reduce((a, b) -> a + "; " + b).orElse("");
            }
        }
    }

    /** The monkey: picks and injects one random event per step. */
    final class Monkey {
        final Random random;
        final Pulses pulses = new Pulses();
        final List<String> errors = new CopyOnWriteArrayList<>();
        volatile Throwable firstThrowable;
        final Deque<String> recent = new ArrayDeque<>();
        final Map<String, Integer> kindCounts = new LinkedHashMap<>();
        int done;
        double maxHandlerWallMs;
        double maxHandlerCpuMs;
        int handlersOverWall;
        String slowestHandler = "";
        private Robot robot;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private Thread.UncaughtExceptionHandler previousDefault;
        private Thread.UncaughtExceptionHandler previousFx;
        private java.io.PrintStream previousErr;
        private int imageStartedAt = -1;
        // ---- input-event dispatch: timed per event, and the guard that keeps the monkey off excluded controls
        private final Set<Window> wrapped = Collections.newSetFromMap(new java.util.WeakHashMap<>());
        private javafx.event.EventDispatcher mainDispatcher;
        private int dispatchDepth;
        private long dispatchStart;
        long dispatches;
        int dropped;
        /** Input events whose dispatch took over {@link #BUSY_GOAL_MS} of FX-thread CPU. */
        final List<String> overGoal = new ArrayList<>();
        double maxDispatchCpuMs;
        String slowestDispatch = "";

        /**
         * Wraps each window's event dispatcher (the outermost link of every event's dispatch chain) once: Monocle
         * posts the robot's mouse and key events to the FX queue, so their handlers run after the injection
         * returns; the wrapper times each input event's whole dispatch (filters, handlers, accelerators) on the
         * FX thread, and drops presses, releases, clicks and Enter/Space aimed at an excluded control (a click
         * chosen from a layout that changed before it arrived may land there).
         */
        private void wrapWindows() {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (wrapped.add(w)) {
                    javafx.event.EventDispatcher original = w.getEventDispatcher();
                    if (w == stage) {
                        mainDispatcher = original;
                    }
                    w.setEventDispatcher((event, tail) -> dispatch(original, event, tail));
                }
            }
        }

        private javafx.event.Event dispatch(javafx.event.EventDispatcher original, javafx.event.Event event,
                javafx.event.EventDispatchChain tail) {
            if (dispatchDepth == 0 && aimsAtExcluded(event)) {
                dropped++;
                return null;
            }
            if (dispatchDepth++ == 0) {
                dispatchStart = threads.getCurrentThreadCpuTime();
            }
            try {
                return original.dispatchEvent(event, tail);
            } finally {
                if (--dispatchDepth == 0) {
                    long cpu = threads.getCurrentThreadCpuTime() - dispatchStart;
                    dispatches++;
                    if (cpu / 1e6 > BUSY_GOAL_MS) {
                        overGoal.add(String.format(Locale.ROOT, "%.0f ms %s on %s, last event chosen: %s", cpu / 1e6,
                                event.getEventType(), event.getTarget() instanceof Node n ? describeTarget(n)
                                        : String.valueOf(event.getTarget()), pulses.currentEvent));
                    }
                    if (cpu / 1e6 > maxDispatchCpuMs) {
                        maxDispatchCpuMs = cpu / 1e6;
                        slowestDispatch = event.getEventType() + " on " + (event.getTarget() instanceof Node n
                                ? describeTarget(n) : String.valueOf(event.getTarget())) + ", last event chosen: "
                                + pulses.currentEvent;
                    }
                }
            }
        }

        private boolean aimsAtExcluded(javafx.event.Event event) {
            boolean press = event.getEventType() == javafx.scene.input.MouseEvent.MOUSE_PRESSED
                    || event.getEventType() == javafx.scene.input.MouseEvent.MOUSE_RELEASED
                    || event.getEventType() == javafx.scene.input.MouseEvent.MOUSE_CLICKED
                    || event instanceof javafx.scene.input.KeyEvent k
                            && (k.getCode() == KeyCode.ENTER || k.getCode() == KeyCode.SPACE);
            if (!press || !(event.getTarget() instanceof Node target)) {
                return false;
            }
            for (Node n = target; n != null; n = n.getParent()) {
                if (excluded(n.getId())) {
                    return true;
                }
                if (n.getStyleClass().contains("menu-item")) {
                    MenuItem item = menuItemOf(n);
                    if (item != null && (excluded(item.getId()) || inFileMenu(item))) {
                        return true;
                    }
                }
            }
            return false;
        }

        final Map<String, Integer> logWarnings = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<String, String> logFirstSeen = Collections.synchronizedMap(new LinkedHashMap<>());

        String logWarningsText() {
            synchronized (logWarnings) {
                return logWarnings.isEmpty() ? "none" : logWarnings.entrySet().stream().map(e -> e.getValue() + "× "
                        + e.getKey() + " (first after " + logFirstSeen.get(e.getKey()) + ")")
                        .reduce((a, b) -> a + "; " + b).orElse("");
            }
        }
        private final java.util.logging.Handler logWatch = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                String msg = r.getLoggerName() + ": " + r.getMessage();
                if (r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add("logged SEVERE during [" + pulses.currentEvent + "]: " + msg
                            + (r.getThrown() == null ? "" : " " + r.getThrown()));
                } else if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    String key = msg.length() > 160 ? msg.substring(0, 160) + "…" : msg;
                    logWarnings.merge(key, 1, Integer::sum);
                    logFirstSeen.putIfAbsent(key, pulses.currentEvent);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        Monkey(Random random) {
            this.random = random;
        }

        void installErrorCatchers() throws Exception {
            previousDefault = Thread.getDefaultUncaughtExceptionHandler();
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> record("uncaught on " + t.getName(), e));
            fxRun(() -> {
                previousFx = Thread.currentThread().getUncaughtExceptionHandler();
                Thread.currentThread().setUncaughtExceptionHandler((t, e) -> record("uncaught on the FX thread", e));
                robot = new Robot();
            });
            // JavaFX and the JDK log through java.util.logging: SEVERE fails the run, warnings are counted
            java.util.logging.Logger.getLogger("").addHandler(logWatch);
            previousErr = System.err;
            java.io.PrintStream original = System.err;
            System.setErr(new java.io.PrintStream(new java.io.OutputStream() {
                private final StringBuilder line = new StringBuilder();
                private StringBuilder trace;
                private String during = "";

                @Override
                public synchronized void write(int b) {
                    original.write(b);
                    if (b == '\n') {
                        line(line.toString());
                        line.setLength(0);
                    } else {
                        line.append((char) b);
                    }
                }

                /** Collects a printed stack trace; an app frame in it fails the run, a JavaFX-only one is counted. */
                private void line(String s) {
                    boolean frame = s.startsWith("\tat ") || s.startsWith("\t...") || s.startsWith("Caused by");
                    if (trace != null && frame) {
                        trace.append('\n').append(s);
                        return;
                    }
                    if (trace != null) {
                        String t = trace.toString();
                        if (t.contains("org.divergencelab")) {
                            errors.add("System.err during [" + during + "]: " + t);
                        } else {
                            String head = t.lines().findFirst().orElse("") + " at "
                                    + t.lines().skip(1).findFirst().orElse("").trim();
                            logWarnings.merge("System.err, JavaFX only: " + head, 1, Integer::sum);
                            logFirstSeen.putIfAbsent("System.err, JavaFX only: " + head, during);
                        }
                        trace = null;
                    }
                    if (s.contains("Exception") || s.contains("Error")) {
                        trace = new StringBuilder(s);
                        during = pulses.currentEvent;
                    }
                }

            }, true));
        }

        void uninstallErrorCatchers() throws Exception {
            fxRun(() -> {
                if (mainDispatcher != null) {
                    stage.setEventDispatcher(mainDispatcher); // the primary stage serves the next tests too
                }
            });
            java.util.logging.Logger.getLogger("").removeHandler(logWatch);
            Thread.setDefaultUncaughtExceptionHandler(previousDefault);
            fxRun(() -> Thread.currentThread().setUncaughtExceptionHandler(previousFx));
            System.setErr(previousErr);
        }

        private void record(String where, Throwable e) {
            if (firstThrowable == null) {
                firstThrowable = e;
            }
            java.io.StringWriter w = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(w));
            errors.add(where + " during [" + pulses.currentEvent + "]: " + w);
        }

        /**
         * Builds every view once and styles it in every theme and language, a pulse apart (first construction
         * of the gallery, a scene, image mode, and the first CSS pass of each, run while the JIT is cold, are
         * start-up cost: docs/ui.md, FxCostProbe's first round).
         */
        void warmUp() throws Exception {
            fxRun(() -> window.showGallery());
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : List.of("gallery", "sandbox", "image", "welcome", "training")) {
                fxRun(() -> window.selectView(id));
                WaitForAsyncUtils.waitForFxEvents();
                for (Theme t : Theme.builtIns()) {
                    fxRun(() -> window.themes().setTheme(t));
                    WaitForAsyncUtils.waitForFxEvents();
                }
                for (Locale l : I18n.SUPPORTED) {
                    fxRun(() -> window.i18n().setLocale(l));
                    WaitForAsyncUtils.waitForFxEvents();
                }
                fxRun(() -> {
                    window.themes().setTheme(Theme.LIGHT);
                    window.i18n().setLocale(I18n.ENGLISH);
                });
                WaitForAsyncUtils.waitForFxEvents();
            }
            // presentation mode (full screen, bars retracted) and back, twice: its first entry loads and runs cold code
            for (int i = 0; i < 2; i++) {
                fxRun(() -> window.presentation().setActive(true));
                WaitForAsyncUtils.waitForFxEvents();
                fxRun(() -> window.presentation().setActive(false));
                WaitForAsyncUtils.waitForFxEvents();
            }
            fxRun(() -> {
                window.selectView("training");
                clearTestFxEventLog();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }

        /** Stops what the monkey may have left running, so the end heap is comparable with the start's. */
        void quiet() throws Exception {
            fxRun(() -> {
                closeExtraWindows();
                window.presentation().setActive(false);
                stage.setFullScreen(false);
                if (window.scenes().isLecture()) {
                    window.scenes().setLecture(false);
                }
                window.imageMode().stopRun();
                // back to the start's settings, so both heap measures see the same views at the same sizes
                if (window.training().node().lookup("#play") instanceof javafx.scene.control.ToggleButton play && play.isSelected()) {
                    play.fire();
                }
                window.scenes().close();
                window.i18n().setLocale(I18n.ENGLISH);
                window.themes().setTheme(Theme.LIGHT);
                window.themes().setFontScale(100);
                window.themes().units().setLogBase(org.divergencelab.ui.theme.Units.LogBase.NATS);
                // the start's experiments too: a preset with larger networks, or edited widths and batch sizes,
                // keep more live state than the first preset (that is their size, not a leak)
                window.training().load(org.divergencelab.gan.Presets.get(
                        org.divergencelab.gan.Presets.names().get(0)));
                window.sandbox().setState(org.divergencelab.sandbox.SandboxState.defaults());
                window.selectView("training");
                clearTestFxEventLog();
            });
            WaitForAsyncUtils.waitForFxEvents();
            // image mode keeps an ended run's networks and its datasets (bounded, but up to ~70 MB for 64×64
            // faces): let them go once the run has ended, so both heap measures see image mode as at the start
            FxTestSupport.await("image mode released", () -> window.imageMode().release());
            // and the reloaded experiments done computing: a histogram taken during the first preset's opening
            // evaluation counted its frame's arrays in flight (double[] +19 MB once, in a full UI run)
            FxTestSupport.await("the sandbox idle", () -> window.sandbox().idle());
            Thread.sleep(1500);
        }

        // ---------------------------------------------------------- one step

        /**
         * Posts events {@code i .. i+n-1} back to back (each chosen when it runs, from the UI as it is then) and
         * waits for the last: a fast user, and thousands of events in a minute even while pulses are slow.
         */
        void burst(int i, int n) throws Exception {
            for (int k = 0; k < n - 1; k++) {
                int e = i + k;
                javafx.application.Platform.runLater(() -> event(e));
            }
            fxRun(() -> {
                event(i + n - 1);
                clearTestFxEventLog();
            });
        }

        /** One event: chosen, then injected; FX thread. */
        private void event(int i) {
            if (!errors.isEmpty()) {
                return;
            }
            long c0 = threads.getCurrentThreadCpuTime();
            wrapWindows();
            double r = random.nextDouble();
            String kind;
            if (imageStartedAt >= 0 && i - imageStartedAt > 150) {
                kind = "image-stop"; // image training stays short: the monkey stops it after 150 events
            } else if (r < 0.45) {
                kind = "click";
            } else if (r < 0.60) {
                kind = "key";
            } else if (r < 0.72) {
                kind = "edit";
            } else if (r < 0.84) {
                kind = "drag";
            } else if (r < 0.90) {
                kind = "wheel";
            } else if (r < 0.95) {
                kind = "tab";
            } else {
                kind = "scene";
            }
            kindCounts.merge(kind, 1, Integer::sum);
            List<Runnable> steps;
            try {
                steps = plan(kind, i);
            } catch (RuntimeException e) {
                record("the monkey's own planning (a test bug)", e);
                return;
            }
            long w1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            for (Runnable s : steps) {
                try {
                    s.run();
                } catch (RuntimeException e) {
                    record("handler", e);
                }
            }
            long c2 = threads.getCurrentThreadCpuTime();
            double wall = (System.nanoTime() - w1) / 1e6;
            double cpu = (c2 - c1) / 1e6;
            maxHandlerWallMs = Math.max(maxHandlerWallMs, wall);
            if (wall > BUSY_GOAL_MS) {
                handlersOverWall++;
            }
            if (cpu > maxHandlerCpuMs) {
                maxHandlerCpuMs = cpu;
                slowestHandler = pulses.currentEvent;
            }
            pulses.monkeyCpu += c2 - c0;
            done++;
        }

        private void log(int i, String what) {
            String s = "#" + i + " " + what;
            pulses.currentEvent = s;
            System.out.println("[monkey] " + s);
            recent.addLast(s);
            if (recent.size() > 40) {
                recent.removeFirst();
            }
        }

        /** Chooses the event on the FX thread (it reads the scene graph) and returns its injection steps. */
        private List<Runnable> plan(String kind, int i) {
            List<Runnable> steps = new ArrayList<>();
            Window modal = modalDialog();
            if (!kind.equals("click") && !kind.equals("key") && !popups().isEmpty()) {
                // a press elsewhere closes open menus and lists first (else it would land on them)
                popups().forEach(PopupWindow::hide);
            }
            switch (kind) {
                case "image-stop" -> {
                    imageStartedAt = -1;
                    log(i, "image: stop");
                    steps.add(() -> window.imageMode().stopRun());
                }
                case "key" -> {
                    KeyCode[] drawn = KEYS.get(random.nextInt(KEYS.size()));
                    KeyCode[] keys = keyAllowed(drawn) ? drawn : new KeyCode[] {KeyCode.ESCAPE};
                    log(i, "key " + Arrays.toString(keys) + (keys == drawn ? "" : " (for " + Arrays.toString(drawn) + ")"));
                    steps.add(() -> {
                        for (KeyCode k : keys) {
                            robot.keyPress(k);
                        }
                        for (int k = keys.length - 1; k >= 0; k--) {
                            robot.keyRelease(keys[k]);
                        }
                    });
                }
                case "edit" -> {
                    List<TextInputControl> fields = visible(modal, n -> n instanceof TextInputControl t && t.isEditable())
                            .stream().map(n -> (TextInputControl) n).toList();
                    if (fields.isEmpty()) {
                        log(i, "edit: no field");
                        break;
                    }
                    TextInputControl f = fields.get(random.nextInt(fields.size()));
                    String text = TEXTS.get(random.nextInt(TEXTS.size()));
                    int commit = random.nextInt(3);
                    log(i, "edit " + describe(f) + " := \"" + text + "\" then " + List.of("Enter", "Tab", "nothing").get(commit));
                    double[] c = centre(f);
                    steps.add(() -> click(c[0], c[1], MouseButton.PRIMARY));
                    // what typing does: replace the selection through the control's own text path
                    steps.add(() -> {
                        f.selectAll();
                        f.replaceSelection(text);
                    });
                    if (commit < 2) {
                        KeyCode k = commit == 0 ? KeyCode.ENTER : KeyCode.TAB;
                        steps.add(() -> {
                            robot.keyPress(k);
                            robot.keyRelease(k);
                        });
                    }
                }
                case "drag" -> {
                    List<Node> plots = visible(modal, n -> n instanceof PlotWidget || n instanceof Canvas
                            && !(n.getParent() instanceof PlotWidget));
                    if (plots.isEmpty()) {
                        log(i, "drag: no plot");
                        break;
                    }
                    Node p = plots.get(random.nextInt(plots.size()));
                    Bounds b = p.localToScreen(p.getBoundsInLocal());
                    MouseButton button = random.nextInt(6) == 0 ? MouseButton.SECONDARY : MouseButton.PRIMARY;
                    double x = b.getMinX() + random.nextDouble() * b.getWidth();
                    double y = b.getMinY() + random.nextDouble() * b.getHeight();
                    int moves = 2 + random.nextInt(6);
                    double dx = (random.nextDouble() - 0.5) * b.getWidth() / moves;
                    double dy = (random.nextDouble() - 0.5) * b.getHeight() / moves;
                    log(i, "drag " + button + " on " + describe(p) + String.format(Locale.ROOT,
                            " from (%.0f,%.0f) by %d×(%.0f,%.0f)", x, y, moves, dx, dy));
                    steps.add(() -> {
                        robot.mouseMove(x, y);
                        robot.mousePress(button);
                    });
                    for (int m = 1; m <= moves; m++) {
                        double mx = x + m * dx;
                        double my = y + m * dy;
                        steps.add(() -> robot.mouseMove(mx, my));
                    }
                    steps.add(() -> robot.mouseRelease(button));
                }
                case "wheel" -> {
                    List<Node> targets = visible(modal, n -> n instanceof PlotWidget || n instanceof ScrollPane);
                    if (targets.isEmpty()) {
                        log(i, "wheel: nothing");
                        break;
                    }
                    Node t = targets.get(random.nextInt(targets.size()));
                    double[] c = centre(t);
                    int amount = random.nextInt(11) - 5;
                    log(i, "wheel " + amount + " on " + describe(t));
                    steps.add(() -> {
                        robot.mouseMove(c[0], c[1]);
                        robot.mouseWheel(amount);
                    });
                }
                case "tab" -> {
                    List<Node> headers = visible(modal, n -> n.getStyleClass().contains("tab")
                            && n.getParent() != null && n.getParent().getStyleClass().contains("headers-region"));
                    if (headers.isEmpty()) {
                        log(i, "tab: none");
                        break;
                    }
                    Node h = headers.get(random.nextInt(headers.size()));
                    double[] c = centre(h);
                    log(i, "tab " + describe(h));
                    steps.add(() -> click(c[0], c[1], MouseButton.PRIMARY));
                }
                case "scene" -> {
                    // the Scenes menu's items (a random scene, lecture mode), fired as the menu does
                    List<MenuItem> items = new ArrayList<>();
                    collect(window.scenes().menu(), items);
                    items.removeIf(m -> m.isDisable() || m.getOnAction() == null || excluded(m.getId()));
                    if (items.isEmpty() || modal != null) {
                        log(i, "scene: none");
                        break;
                    }
                    MenuItem m = items.get(random.nextInt(items.size()));
                    log(i, "scene menu " + (m.getId() != null ? m.getId() : m.getText()));
                    steps.add(m::fire);
                }
                default -> { // click
                    boolean popup = Window.getWindows().stream().anyMatch(w -> w instanceof PopupWindow && w.isShowing()
                            && !(w instanceof javafx.scene.control.Tooltip));
                    // a node under a menu or list cannot be hit: the press would pick the popup's item instead
                    List<Node> targets = visible(modal, n -> clickable(n) && !coveredByPopup(n));
                    if (popup && random.nextInt(10) < 7) {
                        List<Node> inPopup = targets.stream().filter(n -> n.getScene().getWindow() instanceof PopupWindow)
                                .toList();
                        if (!inPopup.isEmpty()) {
                            targets = inPopup;
                        }
                    }
                    if (targets.isEmpty()) {
                        log(i, "click: nothing");
                        break;
                    }
                    Node n = targets.get(random.nextInt(targets.size()));
                    Bounds b = n.localToScreen(n.getBoundsInLocal());
                    double x = b.getMinX() + b.getWidth() * (0.2 + 0.6 * random.nextDouble());
                    double y = b.getMinY() + b.getHeight() * (0.2 + 0.6 * random.nextDouble());
                    MouseButton button = random.nextInt(12) == 0 ? MouseButton.SECONDARY : MouseButton.PRIMARY;
                    if ("image-start".equals(n.getId())) {
                        imageStartedAt = i;
                    }
                    log(i, "click " + (button == MouseButton.PRIMARY ? "" : "(right) ") + describe(n));
                    steps.add(() -> click(x, y, button));
                }
            }
            return steps;
        }

        /**
         * Keys never reach an excluded action: while a menu or list popup shows, Enter, Space and the arrows
         * would pick its items (File → Export…, View → Record animation… open file dialogs), and Enter or Space
         * on a focused excluded button would press it.
         */
        private boolean keyAllowed(KeyCode[] keys) {
            KeyCode last = keys[keys.length - 1];
            boolean picks = keys.length == 1 && (last == KeyCode.ENTER || last == KeyCode.SPACE || last == KeyCode.LEFT
                    || last == KeyCode.RIGHT || last == KeyCode.UP || last == KeyCode.DOWN || last == KeyCode.HOME
                    || last == KeyCode.END || last == KeyCode.PAGE_UP || last == KeyCode.PAGE_DOWN);
            if (!picks) {
                return true;
            }
            boolean popup = Window.getWindows().stream().anyMatch(w -> w instanceof PopupWindow && w.isShowing()
                    && !(w instanceof javafx.scene.control.Tooltip));
            if (popup) {
                return false;
            }
            for (Window w : Window.getWindows()) {
                if (w.isFocused() && w.getScene() != null) {
                    for (Node n = w.getScene().getFocusOwner(); n != null; n = n.getParent()) {
                        if (excluded(n.getId()) || n instanceof javafx.scene.control.MenuBar) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        private void click(double x, double y, MouseButton button) {
            robot.mouseMove(x, y);
            robot.mousePress(button);
            robot.mouseRelease(button);
        }

        private boolean clickable(Node n) {
            if (excluded(n.getId())) {
                return false;
            }
            if (n instanceof javafx.scene.control.MenuBar) {
                return false;
            }
            // the menu bar's headers: everything but File (its items all open file dialogs or quit)
            if (n instanceof ButtonBase && n.getStyleClass().contains("menu") && n.getParent() != null
                    && isInMenuBar(n)) {
                return !(n instanceof javafx.scene.control.MenuButton mb && isFileMenu(mb));
            }
            if (n.getStyleClass().contains("menu-item")) {
                MenuItem item = menuItemOf(n);
                return item != null && !excluded(item.getId()) && !inFileMenu(item);
            }
            if (n instanceof ButtonBase || n instanceof ComboBoxBase || n instanceof ChoiceBox || n instanceof Slider
                    || n instanceof Spinner || n instanceof TextInputControl) {
                return true;
            }
            if (n instanceof IndexedCell<?> c) {
                return !c.isEmpty();
            }
            return n.getStyleClass().contains("tab") && n.getParent() != null
                    && n.getParent().getStyleClass().contains("headers-region");
        }

        private boolean isInMenuBar(Node n) {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.MenuBar) {
                    return true;
                }
            }
            return false;
        }

        private boolean isFileMenu(javafx.scene.control.MenuButton mb) {
            // the menu bar's buttons are built per Menu, in order; File is the first
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) window.root().lookup("#menu-bar");
            Menu file = window.fileMenu();
            return mb.getText() != null && mb.getText().equals(file.getText()) && bar.getMenus().contains(file);
        }

        private boolean inFileMenu(MenuItem item) {
            for (Menu m = item.getParentMenu(); m != null; m = m.getParentMenu()) {
                if (m == window.fileMenu()) {
                    return true;
                }
            }
            return item.getParentMenu() == null && window.fileMenu().getItems().contains(item);
        }

        /** The MenuItem behind a context-menu row (ContextMenuContent.MenuItemContainer.getItem()). */
        private MenuItem menuItemOf(Node n) {
            try {
                java.lang.reflect.Method m = n.getClass().getMethod("getItem");
                m.setAccessible(true);
                return m.invoke(n) instanceof MenuItem item ? item : null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        /** Showing popup windows (menus, combo-box lists, tooltips). */
        private List<PopupWindow> popups() {
            return Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                    .map(w -> (PopupWindow) w).toList();
        }

        /** True when a popup other than the node's own window overlaps the node. */
        private boolean coveredByPopup(Node n) {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            Window own = n.getScene().getWindow();
            for (PopupWindow p : popups()) {
                if (p != own && b.intersects(p.getX(), p.getY(), p.getWidth(), p.getHeight())) {
                    return true;
                }
            }
            return false;
        }

        /** A showing dialog that blocks the main window (then only it gets the monkey's attention). */
        private Window modalDialog() {
            for (Window w : Window.getWindows()) {
                if (w != stage && w.isShowing() && w instanceof Stage s && s.getModality() != javafx.stage.Modality.NONE) {
                    return w;
                }
            }
            return null;
        }

        /** Nodes of the showing windows (only the modal dialog's if one shows) that pass {@code p} and can be hit. */
        private List<Node> visible(Window modal, java.util.function.Predicate<Node> p) {
            List<Node> out = new ArrayList<>();
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (!w.isShowing() || w.getScene() == null || w instanceof javafx.scene.control.Tooltip) {
                    continue;
                }
                if (modal != null && w != modal && !(w instanceof PopupWindow)) {
                    continue;
                }
                walk(w.getScene().getRoot(), p, out);
            }
            return out;
        }

        private void walk(Node n, java.util.function.Predicate<Node> p, List<Node> out) {
            if (!n.isVisible() || n.isDisabled() || n.getOpacity() == 0) {
                return;
            }
            if (p.test(n) && hittable(n)) {
                out.add(n);
            }
            if (n instanceof Parent parent) {
                for (Node c : parent.getChildrenUnmodifiable()) {
                    walk(c, p, out);
                }
            }
        }

        /** Laid out, with its centre inside its window and inside every clipping ancestor (scroll panes). */
        private boolean hittable(Node n) {
            Bounds b = n.localToScene(n.getBoundsInLocal());
            if (b == null || b.getWidth() < 2 || b.getHeight() < 2) {
                return false;
            }
            double cx = b.getCenterX();
            double cy = b.getCenterY();
            Scene s = n.getScene();
            if (cx < 0 || cy < 0 || cx > s.getWidth() || cy > s.getHeight()) {
                return false;
            }
            for (Parent a = n.getParent(); a != null; a = a.getParent()) {
                if (a.getClip() != null) {
                    Bounds clip = a.localToScene(a.getClip().getBoundsInParent());
                    if (!clip.contains(cx, cy)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private double[] centre(Node n) {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            return new double[] {b.getCenterX(), b.getCenterY()};
        }

        /**
         * An input event's target as the control it belongs to: a click on a button's text targets its
         * LabeledText, which alone does not say which button. The event CHOSEN last is no guide either: a burst's
         * events are all chosen before Monocle delivers their input (a slow release "after #23" came from a
         * language toggle clicked at #16-#19, not from #23).
         */
        private String describeTarget(Node n) {
            Node c = n;
            while (c != null && !(c instanceof javafx.scene.control.Control) && c.getId() == null) {
                c = c.getParent();
            }
            return c == null || c == n ? describe(n) : describe(n) + " of " + describe(c);
        }

        private String describe(Node n) {
            String text = n instanceof javafx.scene.control.Labeled l ? l.getText()
                    : n instanceof TextInputControl t ? t.getText() : null;
            if (n.getStyleClass().contains("menu-item")) {
                MenuItem m = menuItemOf(n);
                text = m == null ? null : m.getId() != null ? m.getId() : m.getText();
            }
            String id = n.getId() != null ? "#" + n.getId() : "";
            String where = n.getScene() != null && n.getScene().getWindow() != stage ? " (in "
                    + n.getScene().getWindow().getClass().getSimpleName() + ")" : "";
            return n.getClass().getSimpleName() + id + (text != null && !text.isBlank() ? " \""
                    + text.substring(0, Math.min(30, text.length())) + "\"" : "") + where;
        }

        private void collect(Menu m, List<MenuItem> out) {
            for (MenuItem item : m.getItems()) {
                if (item instanceof Menu sub) {
                    collect(sub, out);
                } else if (!(item instanceof javafx.scene.control.SeparatorMenuItem)) {
                    out.add(item);
                }
            }
        }

        // ---------------------------------------------------------- the end

        /** A tab click selects the tab, a theme click switches the theme, Step D draws a new training frame. */
        void checkStillResponds(FxRobot fxRobot) throws Exception {
            fxRun(UiMonkeyTest.this::closeExtraWindows);
            Node sandboxTab = fx(() -> visible(null, n -> n.getStyleClass().contains("tab")
                    && n.getParent() != null && n.getParent().getStyleClass().contains("headers-region")).stream()
                    .filter(n -> n.lookup(".tab-label") instanceof javafx.scene.control.Label l
                            && l.getText().equals(window.views().getTabs().stream()
                                    .filter(t -> "tab-sandbox".equals(t.getId())).findFirst().orElseThrow().getText()))
                    .findFirst().orElseThrow());
            double[] c = fx(() -> centre(sandboxTab));
            fxRun(() -> click(c[0], c[1], MouseButton.PRIMARY));
            FxTestSupport.await("a click on the Sandbox tab selects it", () -> "sandbox".equals(window.selectedView()));

            fxRun(() -> window.themes().setTheme(Theme.LIGHT));
            double[] dark = fx(() -> centre(window.root().lookup("#theme-dark")));
            fxRun(() -> click(dark[0], dark[1], MouseButton.PRIMARY));
            FxTestSupport.await("a click on Dark switches the theme", () -> window.themes().getTheme() == Theme.DARK);

            fxRun(() -> window.selectView("training"));
            WaitForAsyncUtils.waitForFxEvents();
            long before = fx(() -> window.training().frameUpdates());
            double[] step = fx(() -> centre(window.root().lookup("#step-critic")));
            fxRun(() -> click(step[0], step[1], MouseButton.PRIMARY));
            FxTestSupport.await("Step D draws a new frame", () -> window.training().frameUpdates() > before);
            assertEquals("training", fx(() -> window.selectedView()));
        }
    }
}
