package org.divergencelab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.divergencelab.gan.Trainer;
import org.divergencelab.sandbox.BulldozerExample;
import org.divergencelab.sandbox.SandboxState;
import org.junit.jupiter.api.Test;

class ScenesTest {

    @Test
    void catalogueHasEveryRequiredSceneOfInventorySection3() {
        List<String> required = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            required.add("S" + i);
        }
        for (int i = 17; i <= 21; i++) {
            required.add("S" + i);
        }
        assertTrue(Scenes.ids().containsAll(required), "missing: " + required.stream()
                .filter(id -> !Scenes.ids().contains(id)).toList());
        for (String id : Scenes.ids()) {
            assertEquals(id, Scenes.get(id).id());
        }
    }

    @Test
    void unknownSceneNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenes.get("S99"));
        assertTrue(e.getMessage().contains("S99") && e.getMessage().contains("S1,"), e.getMessage());
    }

    @Test
    void everySceneHasThreeLanguagesAndACitation() {
        for (Scene s : Scenes.all()) {
            for (Text t : List.of(s.title(), s.caption(), s.tryThis())) {
                // The Chinese texts are translations, not copies of the English.
                assertNotEquals(t.en(), t.zhTW(), s.id());
                assertNotEquals(t.en(), t.zhCN(), s.id());
                assertEquals(t.zhTW(), t.in(Locale.TRADITIONAL_CHINESE));
                assertEquals(t.zhCN(), t.in(Locale.SIMPLIFIED_CHINESE));
                assertEquals(t.en(), t.in(Locale.ENGLISH));
            }
            // cited as a reader finds it (author, work, part), never by the seed files outside the repository
            assertTrue(s.citation().matches("(Hung-yi Lee|Zheng Huabin), .+, (part|section)s? .+"), s.id() + ": " + s.citation());
            assertTrue(!s.citation().matches(".*\\b00[0-4] L\\d.*"), s.id() + ": " + s.citation());
        }
    }

    @Test
    void trainingScenesBuildTheirTrainerAndSandboxScenesTheirDistributions() {
        for (Scene s : Scenes.all()) {
            if (s.mode() == Scene.Mode.TRAINING) {
                Trainer t = new Trainer(s.experiment());
                // One iteration must run without halting: a scene that breaks on its first step is useless in class.
                t.iteration();
                assertTrue(!t.halted(), s.id() + " halted: " + t.haltReason());
            } else {
                assertNotNull(s.sandbox().distributionP());
                assertTrue(s.hiddenControls().contains("brush"), s.id());
            }
        }
    }

    @Test
    void bulldozerSceneUsesTheLecturePiles() {
        // S7's P and Q are the bulldozer example's piles: weights are blocks / 6 at positions 0..5.
        SandboxState s = Scenes.get("S7").sandbox();
        assertEquals(BulldozerExample.Plan.NEAR, s.plan());
        double[] p = new double[6];
        double[] q = new double[6];
        for (int i = 0; i < 6; i++) {
            p[i] = BulldozerExample.P_BLOCKS[i] / 6.0;
            q[i] = BulldozerExample.Q_BLOCKS[i] / 6.0;
        }
        for (int i = 0; i < 6; i++) {
            if (p[i] > 0) {
                assertTrue(s.p().contains(Double.toString(p[i]) + "*point(" + i + ")"), s.p());
            }
            if (q[i] > 0) {
                assertTrue(s.q().contains(Double.toString(q[i]) + "*point(" + i + ")"), s.q());
            }
        }
    }

    @Test
    void invalidScenesAreRejectedWithTheReason() {
        Scene ok = Scenes.get("S3");
        IllegalArgumentException badId = assertThrows(IllegalArgumentException.class, () -> new Scene("X1", ok.title(),
                ok.caption(), ok.tryThis(), ok.citation(), ok.mode(), null, ok.sandbox(), "sandbox", 0, Set.of()));
        assertTrue(badId.getMessage().contains("X1"));
        IllegalArgumentException badCite = assertThrows(IllegalArgumentException.class, () -> new Scene("S3", ok.title(),
                ok.caption(), ok.tryThis(), "somewhere", ok.mode(), null, ok.sandbox(), "sandbox", 0, Set.of()));
        assertTrue(badCite.getMessage().contains("somewhere"));
        Scene tr = Scenes.get("S18");
        IllegalArgumentException badHide = assertThrows(IllegalArgumentException.class, () -> new Scene("S18", tr.title(),
                tr.caption(), tr.tryThis(), tr.citation(), tr.mode(), tr.experiment(), null, "internals", 0, Set.of("nope")));
        assertTrue(badHide.getMessage().contains("nope"));
        assertThrows(IllegalArgumentException.class, () -> new Text("a", " ", "c"));
    }
}
