package org.divergencelab.ui;

import static org.divergencelab.ui.FxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.divergencelab.cli.CliRun;
import org.divergencelab.sandbox.SandboxState;
import org.divergencelab.sandbox.StateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code divergence-lab FILE} (a double-clicked {@code .dlab}): the file is recognised by its content and opened in
 * its tab; anything else opens nothing and says why, naming the file; a missing file on the command line is exit 2.
 */
class FileArgumentTest extends MainWindowFixture {
    @TempDir
    Path dir;

    private boolean open(Path file) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> FileArgument.open(window, file)).get(30, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void aSandboxStateOpensInTheSandboxTab() throws Exception {
        SandboxState state = SandboxState.defaults().withSpecs("normal(-1,0.5)", "normal(2.5,0.25)");
        Path file = dir.resolve("lecture.dlab");
        StateFile.save(state, file);
        assertEquals(FileArgument.Kind.SANDBOX_STATE, FileArgument.kindOf(file));
        assertTrue(open(file), "opened");
        await("the sandbox shows the file's specs", () -> window.sandbox().state().q().equals("normal(2.5,0.25)"));
        assertEquals("sandbox", WaitForAsyncUtils.asyncFx(() -> window.selectedView()).get(30, TimeUnit.SECONDS));
    }

    @Test
    void aTrainingStateAndASceneAreRecognisedAnOldJsonNameToo() throws Exception {
        Path training = dir.resolve("saved.json");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> window.lecturer().saveTrainingState(training))
                .get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS), "saved");
        assertEquals(FileArgument.Kind.TRAINING_STATE, FileArgument.kindOf(training));
        assertTrue(open(training), "opened");
        Path scene = dir.resolve("S1.json");
        try (var in = getClass().getResourceAsStream("/org/divergencelab/lesson/scenes/S1.json")) {
            Files.write(scene, in.readAllBytes());
        }
        assertEquals(FileArgument.Kind.SCENE, FileArgument.kindOf(scene));
    }

    @Test
    void anythingElseSaysWhyNamingTheFile() throws Exception {
        Path experiment = dir.resolve("experiment.json");
        Files.writeString(experiment, "{\"format\": \"divergence-lab/experiment\", \"version\": 1}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileArgument.kindOf(experiment));
        assertTrue(e.getMessage().contains(experiment.toString()) && e.getMessage().contains("divergence-lab/experiment")
                && e.getMessage().contains("training state"), e.getMessage());
        Path text = dir.resolve("notes.dlab");
        Files.writeString(text, "not json");
        e = assertThrows(IllegalArgumentException.class, () -> FileArgument.kindOf(text));
        assertTrue(e.getMessage().startsWith(text + ": not a file Divergence Lab opens"), e.getMessage());
        assertFalse(open(experiment), "refused");
        WaitForAsyncUtils.waitForFxEvents();
        // the alert is closed by the next test's fresh stage; the status line says it too
        CliRun missing = CliRun.of(dir.resolve("missing.dlab").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("missing.dlab: no such file"), missing.err());
    }
}
