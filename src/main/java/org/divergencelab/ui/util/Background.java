package org.divergencelab.ui.util;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The executor for the UI's file work (saving, loading, exporting): one daemon thread, so writes happen in the
 * order they were asked for and the FX thread never waits on a disk. Results come back to the FX thread with
 * {@code Platform::runLater}.
 */
public final class Background {
    private static final ExecutorService IO = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "divergencelab-file-io");
        t.setDaemon(true); // an export in flight never keeps the app from quitting
        return t;
    });

    private Background() {
    }

    /** The file-work executor. */
    public static ExecutorService io() {
        return IO;
    }
}
