package org.divergencelab.export;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergencelab.gan.Presets;
import org.junit.jupiter.api.Test;

/** The PyTorch export has no auto-encoder critic: EBGAN is refused with a message naming it. */
class EbganExportTest {
    @Test
    void ebganIsRefusedNamingTheObjective() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchExport.requireSupported(Presets.get("ring8-ebgan")));
        assertTrue(e.getMessage().contains("does not support the objective ebgan"), e.getMessage());
    }
}
