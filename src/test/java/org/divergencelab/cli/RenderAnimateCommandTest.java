package org.divergencelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --animate}: wrong options are refused with exit 2 and a message, before anything is rendered. */
class RenderAnimateCommandTest {
    @TempDir
    Path dir;

    /** Exit code and stderr of {@code render ARGS}. */
    private Object[] run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "render";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.of(all);
        return new Object[] {r.exit(), r.err()};
    }

    private void refused(String message, String... args) {
        Object[] r = run(args);
        assertEquals(2, r[0], (String) r[1]);
        String err = ((String) r[1]).lines().findFirst().orElse("");
        assertTrue(err.contains(message), "'" + err + "' should say '" + message + "'");
    }

    @Test
    void framesFpsAndExtensionAreChecked() {
        String out = dir.resolve("a.gif").toString();
        refused("--frames 0 is out of range [1, 3600]", "--scene", "S3", "--animate", "--frames", "0", "--out", out);
        refused("--frames -5 is out of range", "--scene", "S3", "--animate", "--frames", "-5", "--out", out);
        refused("--fps 0 is out of range [1, 60]", "--scene", "S3", "--animate", "--fps", "0", "--out", out);
        refused("--fps 61 is out of range [1, 60]", "--scene", "S3", "--animate", "--fps", "61", "--out", out);
        refused("a GIF plays at most 50 fps", "--scene", "S3", "--animate", "--fps", "55", "--out", out);
        refused("must end in .gif or .mp4, got 'a.avi'", "--scene", "S3", "--animate", "--out",
                dir.resolve("a.avi").toString());
        refused("--every applies to training", "--scene", "S3", "--animate", "--every", "5", "--out", out);
        refused("--scene must be one of", "--scene", "S99", "--animate", "--out", out);
        refused("--view must be one of", "--preset", "ring8-gan", "--view", "bogus", "--animate", "--out", out);
        refused("give exactly one of --preset NAME or --config FILE", "--animate", "--out", out);
        refused("--compare and --view belong to --preset", "--scene", "S9", "--view", "map", "--animate", "--out", out);
        assertFalse(Files.exists(dir.resolve("a.gif")), "nothing is written when the options are wrong");
    }

    @Test
    void theUsageNamesTheAnimationOptions() {
        String usage = new RenderCommand().usage();
        for (String s : new String[] {"--animate", "--frames N", "--fps F", "--every K", "FILE.mp4"}) {
            assertTrue(usage.contains(s), s);
        }
    }
}
