package org.divergencelab.ui.record;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

import org.divergencelab.lesson.Scene;
import org.divergencelab.ui.shell.Shell;

/**
 * View → Record animation…: records the current tab's view or the whole window for a few seconds at a fixed
 * frame rate while the lecturer plays or drags, then asks where to save the GIF or MP4. The FX thread only
 * takes the snapshots; a worker thread converts and encodes them as they come into a temporary file, which is
 * moved to the chosen place afterwards. Memory is bounded: at most {@link #MAX_BACKLOG} snapshots wait for the
 * encoder, and a recording that falls further behind stops early and says so.
 */
public final class Recorder {
    /** Longest recording and highest frame rate offered. */
    static final int MAX_SECONDS = 60;
    static final int MAX_FPS = 30;
    /** Snapshots that may wait for the encoder (a 1920×1080 window: 8 MB each). */
    static final int MAX_BACKLOG = 24;
    /** Largest frame recorded, in pixels (4K); a larger view must be recorded smaller. */
    static final long MAX_PIXELS = 3840L * 2160;

    /** What to record and how. */
    record Settings(boolean wholeWindow, int seconds, int fps, String format) {
    }

    private final Shell window;
    private final MenuItem item = new MenuItem();
    private Timeline ticks;
    private boolean stopRequested;
    /** Asks where to save (the default name in, the chosen file or null out); FX thread. Tests replace it. */
    private java.util.function.Function<String, Path> chooser = this::showSaveDialog;

    private Recorder(Shell window) {
        this.window = window;
    }

    /** Adds the menu item to the window's View menu. */
    public static Recorder install(Shell window) {
        Recorder r = new Recorder(window);
        r.item.setId("menu-record");
        r.item.textProperty().bind(window.i18n().get("menu.view.record"));
        r.item.setOnAction(e -> {
            if (r.ticks != null) {
                r.stopRequested = true;
            } else {
                r.ask();
            }
        });
        window.viewMenu().getItems().add(r.item);
        return r;
    }

    private void ask() {
        Dialog<Settings> d = new Dialog<>();
        d.titleProperty().bind(window.i18n().get("record.title"));
        ComboBox<String> what = new ComboBox<>();
        what.getItems().addAll(window.i18n().text("record.view"), window.i18n().text("record.window"));
        what.getSelectionModel().select(0);
        Spinner<Integer> seconds = new Spinner<>(1, MAX_SECONDS, 10);
        Spinner<Integer> fps = new Spinner<>(1, MAX_FPS, 15);
        ComboBox<String> format = new ComboBox<>();
        format.getItems().addAll(AnimationEncoder.EXTENSIONS);
        format.getSelectionModel().select(0);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label(window.i18n().text("record.what")), what);
        g.addRow(1, new Label(window.i18n().text("record.seconds")), seconds);
        g.addRow(2, new Label(window.i18n().text("record.fps")), fps);
        g.addRow(3, new Label(window.i18n().text("record.format")), format);
        g.add(new Label(window.i18n().text("record.hint")), 0, 4, 2, 1);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? new Settings(what.getSelectionModel().getSelectedIndex() == 1,
                seconds.getValue(), fps.getValue(), format.getValue()) : null);
        d.showAndWait().ifPresent(this::start);
    }

    /** The node recorded: the whole window's root, or the selected tab's content. */
    private Node target(boolean wholeWindow) {
        if (!wholeWindow && window.root().lookup(".tab-pane") instanceof TabPane tabs
                && tabs.getSelectionModel().getSelectedItem() != null
                && tabs.getSelectionModel().getSelectedItem().getContent() != null) {
            return tabs.getSelectionModel().getSelectedItem().getContent();
        }
        return window.root();
    }

    /** Saves where {@code chooser} says instead of asking with a dialog (tests). */
    void chooseWith(java.util.function.Function<String, Path> chooser) {
        this.chooser = chooser;
    }

    private Path showSaveDialog(String defaultName) {
        String ext = AnimationEncoder.extension(Path.of(defaultName));
        FileChooser fc = new FileChooser();
        fc.titleProperty().bind(window.i18n().get("record.save"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("*." + ext, "*." + ext));
        fc.setInitialFileName(defaultName);
        Window w = window.root().getScene() == null ? null : window.root().getScene().getWindow();
        File f = fc.showSaveDialog(w);
        return f == null ? null : f.toPath();
    }

    /**
     * Starts recording with {@code s}; FX thread. The future completes with the saved file, or null when the
     * recording could not start, failed or was not saved.
     */
    CompletableFuture<Path> start(Settings s) {
        CompletableFuture<Path> saved = new CompletableFuture<>();
        Node node = target(s.wholeWindow());
        Bounds b = node.getLayoutBounds();
        int w = (int) Math.floor(b.getWidth());
        int h = (int) Math.floor(b.getHeight());
        if (w < 2 || h < 2 || (long) w * h > MAX_PIXELS) {
            window.setStatus(window.i18n().format("record.tooLarge", w, h));
            saved.complete(null);
            return saved;
        }
        Path temp;
        AnimationEncoder enc;
        try {
            temp = Files.createTempFile("divergence-lab-recording", "." + s.format());
            enc = AnimationEncoder.open(temp, s.fps());
        } catch (IOException | RuntimeException e) {
            window.setStatus(window.i18n().format("record.failed", String.valueOf(e.getMessage())));
            saved.complete(null);
            return saved;
        }
        // A fixed viewport keeps every frame the size of the first even if the window is resized meanwhile.
        SnapshotParameters params = new SnapshotParameters();
        params.setViewport(new Rectangle2D(b.getMinX(), b.getMinY(), w, h));
        BlockingQueue<WritableImage> queue = new ArrayBlockingQueue<>(MAX_BACKLOG);
        WritableImage end = new WritableImage(1, 1); // marks the end of the recording
        CompletableFuture<Integer> encoded = CompletableFuture.supplyAsync(() -> encode(queue, end, enc),
                runnable -> new Thread(runnable, "recorder-encoder").start());
        int total = s.seconds() * s.fps();
        int[] taken = new int[1];
        SimpleStringProperty status = new SimpleStringProperty();
        window.setStatus(status);
        stopRequested = false;
        item.textProperty().bind(window.i18n().get("menu.view.recordStop"));
        ticks = new Timeline(new KeyFrame(Duration.seconds(1.0 / s.fps()), e -> {
            boolean behind = !stopRequested && !queue.offer(node.snapshot(params, null));
            if (!behind && !stopRequested) {
                taken[0]++;
                status.set(window.i18n().text("record.recording", taken[0] / (double) s.fps(), s.seconds()));
            }
            if (behind || stopRequested || taken[0] >= total) {
                ticks.stop();
                ticks = null;
                item.textProperty().bind(window.i18n().get("menu.view.record"));
                if (behind) {
                    window.setStatus(window.i18n().format("record.behind", taken[0] / (double) s.fps()));
                }
                finish(queue, end, encoded, s, temp, saved);
            }
        }));
        ticks.setCycleCount(Timeline.INDEFINITE);
        ticks.play();
        return saved;
    }

    /** The worker: converts and encodes snapshots until the end mark; returns the frames written. */
    private static Integer encode(BlockingQueue<WritableImage> queue, WritableImage end, AnimationEncoder enc) {
        try (enc) {
            while (true) {
                WritableImage img = queue.take();
                if (img == end) {
                    return enc.frames();
                }
                enc.add(SwingFXUtils.fromFXImage(img, null));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("recording interrupted", e);
        }
    }

    /** Ends the recording; once the encoder is done, asks where to save (FX thread) and moves the file (I/O). */
    private void finish(BlockingQueue<WritableImage> queue, WritableImage end, CompletableFuture<Integer> encoded,
            Settings s, Path temp, CompletableFuture<Path> saved) {
        CompletableFuture.runAsync(() -> {
            try {
                queue.put(end); // waits while the backlog drains, off the FX thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        encoded.whenComplete((frames, error) -> Platform.runLater(() -> {
            if (error != null) {
                deleteQuietly(temp);
                window.setStatus(window.i18n().format("record.failed", String.valueOf(error.getMessage())));
                saved.complete(null);
                return;
            }
            Path chosen = chooser.apply(defaultName(window.currentScene(), window.selectedView(), s.format()));
            if (chosen == null) {
                deleteQuietly(temp);
                saved.complete(null);
                return;
            }
            Path target = withExtension(chosen, s.format());
            CompletableFuture.runAsync(() -> {
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    Platform.runLater(() -> window.setStatus(window.i18n().format("record.saved", target.toString(),
                            frames, s.fps())));
                    saved.complete(target);
                } catch (IOException e) {
                    deleteQuietly(temp);
                    Platform.runLater(() -> window.setStatus(window.i18n().format("status.exportFailed",
                            target.toString())));
                    saved.complete(null);
                }
            }, org.divergencelab.ui.util.Background.io());
        }));
    }

    /** {@code divergence-lab-S13.gif} in a scene, else {@code divergence-lab-training.gif} after the tab. */
    static String defaultName(Scene scene, String view, String format) {
        String what = scene != null ? scene.id() : view != null ? view : "window";
        return "divergence-lab-" + what + "." + format;
    }

    /** {@code file}, with {@code .ext} appended unless it already ends so (the encoding is fixed by now). */
    static Path withExtension(Path file, String ext) {
        return AnimationEncoder.extension(file).equals(ext) ? file
                : file.resolveSibling(file.getFileName() + "." + ext);
    }

    private static void deleteQuietly(Path p) {
        try {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary file the system cleans up anyway
        }
    }
}
