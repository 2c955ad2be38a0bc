package org.divergencelab.ui.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import org.divergencelab.io.StateFileException;
import org.divergencelab.sandbox.SandboxCompute;
import org.divergencelab.sandbox.SandboxCsv;
import org.divergencelab.sandbox.SandboxState;
import org.divergencelab.sandbox.StateFile;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.util.Export;
import org.divergencelab.io.AtomicFiles;

/**
 * The sandbox's files: state save and load, CSV import and export, PNG and SVG export, and the file choosers.
 * Reading and writing run on this room's own thread ("sandbox-io"), never on the FX thread; each result is
 * applied (state, message line) on the FX thread.
 */
final class SandboxFiles implements AutoCloseable {
    private final SandboxView view;
    private final I18n i18n;
    private final Consumer<String> say;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sandbox-io");
        t.setDaemon(true);
        return t;
    });

    SandboxFiles(SandboxView view, I18n i18n, Consumer<String> say) {
        this.view = view;
        this.i18n = i18n;
        this.say = say;
    }

    private void say(String text) {
        say.accept(text);
    }

    /** Saves the state as JSON; completes with true on success. */
    CompletableFuture<Boolean> save(Path file) {
        SandboxState s = view.state();
        return CompletableFuture.supplyAsync(() -> {
            try {
                StateFile.save(s, file);
                return null;
            } catch (IOException e) {
                return e.getMessage();
            }
        }, io).thenApplyAsync(err -> {
            say(err == null ? i18n.text("sandbox.msg.saved", file.toString())
                    : i18n.text("sandbox.msg.saveFailed", err));
            return err == null;
        }, Platform::runLater);
    }

    /** Loads a state file; a broken or newer file leaves the current state and says why. */
    CompletableFuture<Boolean> load(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                SandboxState s = StateFile.load(file);
                s.distributionP(); // parse (and cache) off the FX thread
                return (Object) s;
            } catch (StateFileException e) {
                return e.getMessage();
            }
        }, io).thenApplyAsync(r -> {
            if (r instanceof SandboxState s) {
                view.setState(s, file.getFileName().toString());
                say(i18n.text("sandbox.msg.loaded", file.toString()));
                return true;
            }
            say(i18n.text("sandbox.msg.loadFailed", r));
            return false;
        }, Platform::runLater);
    }

    /** Imports a CSV of samples as the edit target (P or Q); a malformed file keeps the state. */
    CompletableFuture<Boolean> importCsv(Path file, boolean intoQ) {
        String spec = "samples(" + file.toAbsolutePath() + ")";
        return CompletableFuture.supplyAsync(() -> {
            try {
                SandboxState.parse(spec);
                return (String) null;
            } catch (RuntimeException e) {
                return e.getMessage();
            }
        }, io).thenApplyAsync(err -> {
            if (err != null) {
                say(i18n.text("sandbox.msg.importFailed", err));
                return false;
            }
            return view.trySet(() -> intoQ ? view.state().withQ(spec) : view.state().withP(spec), "sandbox.msg.importFailed");
        }, Platform::runLater);
    }

    /** Writes the sweep and the plan as CSV ({@code file} and {@code file}-plan.csv). */
    CompletableFuture<Boolean> exportCsv(Path file) {
        SandboxCompute.Sweep s = view.sweep();
        SandboxCompute.Frame f = view.frame();
        String name = file.getFileName().toString();
        Path planFile = file.resolveSibling(name.replaceFirst("(\\.csv)?$", "-plan.csv"));
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (s != null) {
                    AtomicFiles.writeString(file, SandboxCsv.sweep(s));
                }
                if (f != null) {
                    AtomicFiles.writeString(planFile, SandboxCsv.plan(f));
                }
                return (String) null;
            } catch (IOException e) {
                return e.getMessage();
            }
        }, io).thenApplyAsync(err -> {
            say(err == null ? i18n.text("sandbox.msg.exported", file + ", " + planFile)
                    : i18n.text("sandbox.msg.exportFailed", err));
            return err == null;
        }, Platform::runLater);
    }

    /** The whole view as PNG (FX thread: snapshot). */
    void exportPng(Path file) {
        try {
            Export.png(view.node(), file, 2);
            say(i18n.text("sandbox.msg.exported", file.toString()));
        } catch (IOException | RuntimeException e) {
            say(i18n.text("sandbox.msg.exportFailed", e.getMessage()));
        }
    }

    /** The main plot as SVG. */
    void exportSvg(Path file) {
        try {
            Export.svg(view.mainPlot(), file);
            say(i18n.text("sandbox.msg.exported", file.toString()));
        } catch (IOException | RuntimeException e) {
            say(i18n.text("sandbox.msg.exportFailed", e.getMessage()));
        }
    }

    java.util.Optional<Path> chooseOpen(String titleKey, String... patterns) {
        FileChooser fc = chooser(titleKey, patterns);
        File f = fc.showOpenDialog(view.node().getScene() == null ? null : view.node().getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    java.util.Optional<Path> chooseSave(String titleKey, String... patterns) {
        FileChooser fc = chooser(titleKey, patterns);
        File f = fc.showSaveDialog(view.node().getScene() == null ? null : view.node().getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    private FileChooser chooser(String titleKey, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.text(titleKey));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", patterns), patterns));
        return fc;
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
