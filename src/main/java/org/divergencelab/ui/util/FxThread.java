package org.divergencelab.ui.util;

import javafx.application.Platform;

/**
 * Runs UI work on the FX thread from wherever it is asked for. JavaFX 21's {@code AnimationTimer.start/stop} are
 * not thread-safe: called from another thread (a test's tear-down, a worker finishing) they race the pulse and
 * surface later as a NullPointerException inside {@code AbstractPrimaryTimer.timePulseImpl}, far from the cause.
 */
public final class FxThread {
    private FxThread() {
    }

    /** Runs {@code r} now when on the FX thread, else queues it there. */
    public static void run(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
