package org.divergencelab.ui;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Documents the desktop hands to the app as events rather than as the command-line argument
 * ({@link FileArgument}): on macOS a double-clicked {@code .dlab} arrives as an "open documents" Apple event, both
 * the one that launches the app and every later one while it runs. They may arrive before the main window exists,
 * so they are queued until {@link #ready} names the opener; from then on each file goes to it, in the order they
 * came, on the thread of the given executor (the FX thread in the app).
 *
 * <p>{@link #installDesktopHandler} connects this to {@code java.awt.Desktop}, on macOS only, and only before
 * JavaFX starts: AWT's application delegate, which receives the event, is installed only when AWT owns the
 * {@code NSApplication}; when JavaFX's toolkit starts first, its own delegate gets the event and AWT's handler
 * never hears of it. Elsewhere nothing sends such events (Linux and Windows start the app with the file as its
 * argument, and {@code Desktop} does not support {@code APP_OPEN_FILE} there), and asking would start AWT's X11
 * toolkit for nothing: 0.2-0.5 s on Linux (docs/install.md).
 */
public final class OpenDocuments {

    private final Executor thread;
    private final List<Path> pending = new ArrayList<>();
    private Consumer<Path> opener;

    /** Files handed on run on {@code thread} ({@code Platform::runLater} in the app). */
    public OpenDocuments(Executor thread) {
        this.thread = thread;
    }

    /**
     * Files to open (any thread: AWT's event thread in the app): queued while there is no opener yet, else handed
     * to it.
     */
    public synchronized void offer(List<Path> files) {
        for (Path file : files) {
            if (opener == null) {
                pending.add(file);
            } else {
                handOn(opener, file);
            }
        }
    }

    /**
     * The window is there: {@code open} gets the queued files now and every later one. A second call (a new
     * window) replaces the opener.
     */
    public synchronized void ready(Consumer<Path> open) {
        opener = open;
        for (Path file : pending) {
            handOn(open, file);
        }
        pending.clear();
    }

    /** Files queued and not yet handed on (tests). */
    synchronized List<Path> pending() {
        return List.copyOf(pending);
    }

    /** Under the lock, so that files reach the executor in the order they came. */
    private void handOn(Consumer<Path> open, Path file) {
        thread.execute(() -> {
            try {
                open.accept(file);
            } catch (RuntimeException e) {
                // FileArgument.open reports its failures itself; this is for anything it did not foresee: one
                // file must not stop the others or the app
                System.err.println("warning: could not open " + file + ": " + e);
            }
        });
    }

    /**
     * Whether {@link #installDesktopHandler} asks AWT at all: on macOS, with a display. Pure, so that the
     * decision is tested on any machine.
     */
    static boolean asksDesktop(String osName, BooleanSupplier headless) {
        // the OS first: elsewhere not even java.desktop's GraphicsEnvironment is loaded
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("mac") && !headless.getAsBoolean();
    }

    /**
     * On macOS with a display: installs {@code java.awt.Desktop}'s open-file handler, which offers each event's
     * files to {@code target}. Call before JavaFX starts (see the class comment). Elsewhere, or where AWT cannot,
     * does nothing (a warning on {@code err} if AWT failed). Returns whether the handler is installed.
     */
    public static boolean installDesktopHandler(OpenDocuments target, PrintStream err) {
        if (!asksDesktop(System.getProperty("os.name"), () -> java.awt.GraphicsEnvironment.isHeadless())) {
            return false;
        }
        try {
            if (!java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.APP_OPEN_FILE)) {
                return false;
            }
            java.awt.Desktop.getDesktop().setOpenFileHandler(event -> target.offer(
                    event.getFiles().stream().map(java.io.File::toPath).toList()));
            return true;
        } catch (RuntimeException | LinkageError e) {
            // the app works without it: a double-clicked file then opens the app without the file
            err.println("warning: double-clicked documents will not open (java.awt.Desktop: " + e + ")");
            return false;
        }
    }
}
