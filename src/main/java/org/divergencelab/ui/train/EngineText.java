package org.divergencelab.ui.train;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.gan.EngineMessage;
import org.divergencelab.ui.i18n.I18n;

/**
 * The engine's messages (the divergence guard's reason, snapshot warnings) in the UI's language: each
 * {@link EngineMessage.Code} has a bundle key {@code engine.*}, its arguments are filled in as the engine
 * formats them, and the network name of a halt is translated too.
 */
final class EngineText {

    private EngineText() {
    }

    /** The bundle key of a message ({@code engine.haltLoss}, ...). */
    static String key(EngineMessage m) {
        return switch (m.code()) {
            case HALT_LOSS -> "engine.haltLoss";
            case HALT_GRADIENT -> "engine.haltGradient";
            case HALT_PARAMETER -> "engine.haltParameter";
            case ESTIMATE_DIVERGING -> "engine.estimateDiverging";
            case ESTIMATE_NON_FINITE -> "engine.estimateNonFinite";
            case DISCRIMINATOR_SATURATED -> Boolean.TRUE.equals(m.args().get(2)) ? "engine.saturatedMinimax"
                    : "engine.saturated";
        };
    }

    /** {@code m} in the current language of {@code i18n}. */
    static String of(I18n i18n, EngineMessage m) {
        List<String> a = new ArrayList<>(m.formattedArgs());
        if (m.isHalt()) {
            a.set(0, i18n.text("engine.network." + a.get(0)));
        }
        return i18n.text(key(m), a.toArray());
    }

    /** {@code args} with every {@link EngineMessage} replaced by its translation (other arguments as they are). */
    static Object[] localize(I18n i18n, Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof EngineMessage m) {
                out[i] = of(i18n, m);
            }
        }
        return out;
    }
}
