package org.divergencelab.ui.util;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;

/**
 * Runs code on the JavaFX thread from a plain thread (a CLI command, a test), starting the toolkit once if
 * needed. For headless rendering start the JVM with the Monocle flags (see the pom's
 * {@code lab.headless.flags}) or under {@code xvfb-run}.
 */
public final class HeadlessFx {

    private static volatile boolean started;

    private HeadlessFx() {
    }

    /** Starts the FX toolkit if it is not running yet (idempotent). */
    public static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        useMonocleWithoutDisplay();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            Platform.startup(() -> ready.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            ready.complete(null);
        }
        Platform.setImplicitExit(false);
        try {
            ready.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start within 30 s (no display? use the Monocle flags)", e);
        }
        started = true;
    }

    /**
     * With no display (a CI box, an SSH session) the headless commands render through Monocle's headless
     * glass platform and the software pipeline, which the jar bundles, so {@code render} needs no Xvfb.
     * Flags the user set explicitly win; with a display nothing changes.
     */
    static void useMonocleWithoutDisplay() {
        boolean noDisplay = System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (!noDisplay || System.getProperty("glass.platform") != null) {
            return;
        }
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, HeadlessFx.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return; // no Monocle on the class path: JavaFX will say it found no display
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
    }

    /**
     * Stops the toolkit (a CLI command calls this when done, since {@link #ensureStarted()} turns off
     * implicit exit and the FX thread would keep the JVM alive). The toolkit cannot be started again in
     * this JVM.
     */
    public static synchronized void shutdown() {
        if (started) {
            Platform.exit();
        }
    }

    /** Runs {@code task} on the FX thread and returns its result; exceptions are rethrown here. */
    public static <T> T call(Callable<T> task) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return task.call();
        }
        ensureStarted();
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            throw (Error) c;
        }
    }
}
