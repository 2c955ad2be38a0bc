package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.SplittableRandom;

import org.divergencelab.distribution.Empirical;
import org.divergencelab.distribution.SpecCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCacheTest {

    /** A 2-D CSV of {@code n} points with a header (the size where a re-read cost seconds per edit). */
    static Path csv(Path dir, String name, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) {
            sb.append(r.nextDouble()).append(',').append(r.nextDouble()).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb);
        return f;
    }

    private static int points(Experiment e) {
        return ((Empirical) e.dataDistribution()).points().size();
    }

    @Test
    void aSamplesFileIsReadOncePerEditSessionAndAgainWhenItChanges(@TempDir Path dir) throws IOException {
        Path file = csv(dir, "cloud.csv", 200_000, 1);
        String spec = "samples(" + file.toAbsolutePath() + ")";
        Experiment e = Presets.get("ring8-wgan-gp").withData(spec);
        assertEquals(1, SpecCache.parses(spec));
        // What the controls and the training worker do: many copies, a distribution per frame.
        for (int i = 0; i < 20; i++) {
            e = e.withSeed(i).withBatchSize(64 + i)
                    .with(Map.of(ExperimentField.CRITIC_LR, 1e-4 * (i + 1), ExperimentField.CRITIC_STEPS, 1 + i % 5));
            assertEquals(200_000, points(e));
            assertSame(e.dataDistribution(), Presets.get("ring8-gan").withData(spec).dataDistribution());
        }
        assertEquals(1, SpecCache.parses(spec), "one parse across 80 edits and 40 look-ups");

        // A different file size: read again, new content.
        csv(dir, "cloud.csv", 100, 2);
        assertEquals(100, points(e));
        assertEquals(2, SpecCache.parses(spec));
        assertEquals(100, points(e.withSeed(7)));
        assertEquals(2, SpecCache.parses(spec));

        // Same size, new modification time (an edit in place): read again.
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        points(e);
        assertEquals(3, SpecCache.parses(spec));
    }

    @Test
    void aSpecIsParsedOnceAndTheCacheIsBounded() {
        String spec = "mixture(0.5*normal(-3,0.25),0.5*normal(2.5,0.75))";
        Experiment e = Presets.get("gaussians-1d-gan").withData(spec);
        int before = SpecCache.parses(spec);
        for (int i = 0; i < 10; i++) {
            e = e.withSeed(i);
            e.dataDistribution();
        }
        assertEquals(before, SpecCache.parses(spec));
        for (int i = 0; i < SpecCache.CAPACITY; i++) {
            Presets.get("gaussians-1d-gan").withData("normal(" + i + ",1.5)");
        }
        e.dataDistribution();
        assertEquals(before + 1, SpecCache.parses(spec), "evicted after CAPACITY newer specs, then parsed again");
    }
}
