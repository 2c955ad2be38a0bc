package org.divergencelab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.divergencelab.ui.util.HeadlessFx;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the (headless) toolkit the TestFX way, so plain tests and TestFX tests share one JVM safely. */
public final class FxTestSupport {

    private FxTestSupport() {
    }

    /** Starts JavaFX once through TestFX. */
    public static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs on the FX thread and returns the result. */
    public static <T> T onFx(Callable<T> c) throws Exception {
        start();
        return HeadlessFx.call(c);
    }

    /**
     * Waits (up to 60 s: full snapshots on a loaded 2-core machine) for a condition read on the FX thread, then
     * asserts it once more after the FX events settle; {@code what} names it in the failure.
     */
    public static void await(String what, BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(c::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(WaitForAsyncUtils.asyncFx(c::getAsBoolean).get(), what);
    }
}
