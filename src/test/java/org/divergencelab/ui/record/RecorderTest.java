package org.divergencelab.ui.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.MainWindowFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View → Record animation… on the real main window (headless): frames at the set rate, saved where chosen. */
class RecorderTest extends MainWindowFixture {
    @TempDir
    Path dir;

    @Test
    void theMenuItemIsInTheViewMenu() throws Exception {
        assertTrue(FxTestSupport.onFx(() -> window.viewMenu().getItems().stream()
                .anyMatch(i -> "menu-record".equals(i.getId()) && i.getText().startsWith("Record animation"))));
    }

    @Test
    void aRecordingOfTheViewIsSavedAsAGifWithOneFramePerTick() throws Exception {
        List<String> offered = new ArrayList<>();
        Path target = dir.resolve("lecture");
        CompletableFuture<Path> saved = FxTestSupport.onFx(() -> {
            Recorder r = Recorder.install(window);
            r.chooseWith(name -> {
                offered.add(name);
                return target; // no extension: .gif is added
            });
            return r.start(new Recorder.Settings(false, 1, 5, "gif"));
        });
        Path file = saved.get(60, TimeUnit.SECONDS);
        assertNotNull(file, "saved");
        assertEquals(dir.resolve("lecture.gif"), file);
        assertEquals(List.of("divergence-lab-training.gif"), offered);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true), "1 s at 5 fps");
            // The training tab's content, not the whole 1280 × 720 window (menu and status bars are outside it).
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            assertTrue(w <= 1280 && h < 720 && w > 600 && h > 400, w + "x" + h);
        } finally {
            reader.dispose();
        }
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("divergence-lab-recording")
                    && p.getFileName().toString().endsWith(".gif") && p.toFile().lastModified() > System.currentTimeMillis() - 5_000),
                    "the temporary file was moved, not copied");
        }
    }

    @Test
    void aCancelledSaveLeavesNoFile() throws Exception {
        CompletableFuture<Path> saved = FxTestSupport.onFx(() -> {
            Recorder r = Recorder.install(window);
            r.chooseWith(name -> null);
            return r.start(new Recorder.Settings(true, 1, 2, "mp4"));
        });
        assertEquals(null, saved.get(60, TimeUnit.SECONDS));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
