package org.divergencelab.ui;

import java.util.concurrent.Callable;

import org.divergencelab.ui.util.HeadlessFx;
import org.testfx.api.FxToolkit;

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
}
