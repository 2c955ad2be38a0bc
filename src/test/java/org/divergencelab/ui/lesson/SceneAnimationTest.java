package org.divergencelab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.divergencelab.gan.Presets;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.FxTestSupport;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.record.AnimationEncoder;
import org.divergencelab.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --animate}'s frames: from the real views, deterministic, and they move. */
class SceneAnimationTest {
    @TempDir
    Path dir;

    private static int frameCount(Path gif) throws Exception {
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            r.setInput(in);
            return r.getNumImages(true);
        } finally {
            r.dispose();
        }
    }

    @Test
    void aTrainingAnimationIsTheSameBytesTwiceAndItsFramesChange() throws Exception {
        FxTestSupport.start();
        List<Integer> progress = new ArrayList<>();
        byte[][] bytes = new byte[2][];
        for (int k = 0; k < 2; k++) {
            Path f = dir.resolve("t" + k + ".gif");
            try (AnimationEncoder enc = AnimationEncoder.open(f, 10)) {
                SceneRender.animateTraining(Presets.get("gaussians-1d-gan"), false, "samples", null, 4, 5,
                        I18n.ENGLISH, Theme.LIGHT, 360, 240, enc, progress::add);
            }
            bytes[k] = Files.readAllBytes(f);
            assertEquals(4, frameCount(f));
        }
        assertArrayEquals(bytes[0], bytes[1], "same seed, same bytes");
        assertEquals(List.of(1, 2, 3, 4, 1, 2, 3, 4), progress);
        // The generator moves within 15 iterations: the frames after the first store changed rectangles,
        // so the file is larger than a one-frame GIF of the same view.
        Path one = dir.resolve("one.gif");
        try (AnimationEncoder enc = AnimationEncoder.open(one, 10)) {
            SceneRender.animateTraining(Presets.get("gaussians-1d-gan"), false, "samples", null, 1, 5,
                    I18n.ENGLISH, Theme.LIGHT, 360, 240, enc, i -> { });
        }
        assertNotEquals(Files.size(one), Files.size(dir.resolve("t0.gif")));
    }

    @Test
    void aSandboxSceneDragsQOntoPDeterministically() throws Exception {
        FxTestSupport.start();
        byte[][] bytes = new byte[2][];
        for (int k = 0; k < 2; k++) {
            Path f = dir.resolve("s" + k + ".gif");
            try (AnimationEncoder enc = AnimationEncoder.open(f, 5)) {
                SceneRender.animate(Scenes.get("S3"), 3, 0, I18n.ENGLISH, Theme.LIGHT, 640, 400, enc, i -> { });
            }
            bytes[k] = Files.readAllBytes(f);
            Files.copy(f, Path.of("target", "s" + k + ".gif"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(3, frameCount(f));
        }
        assertArrayEquals(bytes[0], bytes[1], "same scene, same bytes");
    }

    @Test
    void theDefaultStepSpansTheWarmUp() {
        assertEquals(4, SceneRender.defaultEvery(200, 60), "59 steps of 4 cover 200 iterations");
        assertEquals(200, SceneRender.defaultEvery(200, 2));
        assertEquals(1, SceneRender.defaultEvery(10, 60));
        assertEquals(200, SceneRender.defaultEvery(200, 1));
    }
}
