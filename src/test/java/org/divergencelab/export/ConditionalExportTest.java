package org.divergencelab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.divergencelab.gan.ConditionSpec;
import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PyTorch export refuses a conditional GAN with a message that says what to change, before writing anything. */
class ConditionalExportTest {
    @TempDir
    Path dir;

    @Test
    void aConditionalExperimentIsRefusedByName() {
        Experiment e = Presets.get("ring8-gan").withCondition(ConditionSpec.mode());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> TorchExport.write(e,
                dir.resolve("out")));
        assertEquals("the PyTorch export does not support a conditional GAN (condition.label = mode): set "
                + "condition.label = none", x.getMessage());
        assertFalse(Files.exists(dir.resolve("out").resolve(TorchExport.SCRIPT)));
    }
}
