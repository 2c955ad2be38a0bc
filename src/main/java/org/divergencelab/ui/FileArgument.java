package org.divergencelab.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.scene.control.Alert;

import org.divergencelab.io.Json;
import org.divergencelab.io.StateFiles;
import org.divergencelab.lesson.SceneFiles;
import org.divergencelab.sandbox.StateFile;
import org.divergencelab.training.TrainingStateFile;

/**
 * A file given to the app as its argument ({@code divergence-lab lecture.dlab}: a double-click on a file the
 * installers associate with the app, or a command line): a training state, a sandbox state or a scene file,
 * recognised by its {@code "format"} (not its extension), opened where it belongs. A file that is none of these
 * opens the app anyway and says why in an alert and the status line.
 */
public final class FileArgument {

    /** What a file the app opens holds. */
    public enum Kind {
        TRAINING_STATE, SANDBOX_STATE, SCENE
    }

    private FileArgument() {
    }

    /**
     * What {@code file} holds, from its {@code "format"}; reads the file (not on the FX thread).
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it (unreadable, not JSON, another
     *                                  format) and what the app opens
     */
    public static Kind kindOf(Path file) {
        Object root;
        try {
            root = Json.parse(StateFiles.read(file));
        } catch (org.divergencelab.io.StateFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not a file Divergence Lab opens (not valid JSON: "
                    + e.getMessage() + ")", e);
        }
        Object format = root instanceof Map<?, ?> m ? m.get("format") : null;
        if (TrainingStateFile.FORMAT.equals(format)) {
            return Kind.TRAINING_STATE;
        }
        if (StateFile.FORMAT.equals(format)) {
            return Kind.SANDBOX_STATE;
        }
        if (SceneFiles.FORMAT.equals(format)) {
            return Kind.SCENE;
        }
        throw new IllegalArgumentException(file + ": not a file Divergence Lab opens (its \"format\" is "
                + (format instanceof String s ? "\"" + s + "\"" : format == null ? "missing" : Json.typeName(format))
                + "); it opens a training state (\"" + TrainingStateFile.FORMAT + "\"), a sandbox state (\""
                + StateFile.FORMAT + "\") or a scene file (\"" + SceneFiles.FORMAT + "\")");
    }

    /**
     * Opens {@code file} in {@code window} (call on the FX thread, after the window is shown): recognised on a
     * worker, then loaded by the tab it belongs to, which is selected. Completes with whether it opened.
     */
    public static CompletableFuture<Boolean> open(MainWindow window, Path file) {
        return CompletableFuture.supplyAsync(() -> kindOf(file)).handleAsync((kind, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                window.setStatus(new javafx.beans.property.SimpleStringProperty(cause.getMessage()));
                Alert alert = new Alert(Alert.AlertType.ERROR, cause.getMessage());
                alert.setHeaderText(null);
                alert.show();
                return CompletableFuture.completedFuture(false);
            }
            return switch (kind) {
                case TRAINING_STATE -> {
                    window.selectView("training");
                    yield window.lecturer().loadTrainingState(file);
                }
                case SANDBOX_STATE -> {
                    window.selectView("sandbox");
                    yield window.sandbox().load(file);
                }
                case SCENE -> window.scenes().openFile(file).handle((s, e) -> e == null && s != null);
            };
        }, Platform::runLater).thenCompose(f -> f);
    }
}
