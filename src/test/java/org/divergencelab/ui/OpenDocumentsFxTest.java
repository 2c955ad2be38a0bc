package org.divergencelab.ui;

import static org.divergencelab.ui.FxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Label;

import org.divergencelab.sandbox.SandboxState;
import org.divergencelab.sandbox.StateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The open-documents path as {@code LabApp} wires it ({@code Platform::runLater}, {@link FileArgument#open}), with
 * the events sent from another thread as AWT's would be: a foreign file sent before the window was ready says why
 * in the status line once it is; a state file sent while the app runs opens in its tab.
 */
class OpenDocumentsFxTest extends MainWindowFixture {
    @TempDir
    Path dir;

    private static void sendFromAnotherThread(OpenDocuments docs, Path file) throws InterruptedException {
        Thread sender = new Thread(() -> docs.offer(List.of(file)), "AWT-EventQueue-standin");
        sender.start();
        sender.join();
    }

    @Test
    void aForeignFileBeforeTheWindowSaysWhyAndALaterStateFileOpens(FxRobot robot) throws Exception {
        Path foreign = dir.resolve("notes.dlab");
        Files.writeString(foreign, "not json");
        Path state = dir.resolve("lecture two.dlab");
        StateFile.save(SandboxState.defaults().withSpecs("normal(-1,0.5)", "normal(2.5,0.25)"), state);

        OpenDocuments docs = new OpenDocuments(Platform::runLater);
        sendFromAnotherThread(docs, foreign);
        assertEquals(List.of(foreign), docs.pending(), "queued until the window is ready");
        WaitForAsyncUtils.asyncFx(() -> docs.ready(file -> FileArgument.open(window, file))).get(30, TimeUnit.SECONDS);
        Label status = robot.lookup("#status").queryAs(Label.class);
        await("the status line names the foreign file", () -> status.getText().startsWith(foreign
                + ": not a file Divergence Lab opens"));

        sendFromAnotherThread(docs, state);
        await("the sandbox shows the file's specs", () -> window.sandbox().state().q().equals("normal(2.5,0.25)"));
        assertEquals("sandbox", WaitForAsyncUtils.asyncFx(() -> window.selectedView()).get(30, TimeUnit.SECONDS));
    }
}
