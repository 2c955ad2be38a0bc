package org.divergencelab.ui.theme;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.divergencelab.ui.i18n.I18n;

/**
 * The unit the views show divergences in: nats (natural log, what the engine computes) or bits (log base 2,
 * what GAN Lab reports, so a student comparing the two sees JS's ceiling as 1 bit = log 2 nats = 0.693). The
 * one home of the conversion and of the unit's label; W1 is in data units and never goes through here. One
 * per window, held by the {@link ThemeManager} so every view that is styled through it can read it.
 */
public final class Units {

    /** The logarithm's base of a divergence as shown. */
    public enum LogBase {
        NATS("nats"), BITS("bits");

        private final String id;

        LogBase(String id) {
            this.id = id;
        }

        /** Stable identifier (settings, bundle key suffix). */
        public String id() {
            return id;
        }

        /** The base with this id; nats for anything unknown (an old or edited settings file). */
        public static LogBase byId(String id) {
            return "bits".equals(id) ? BITS : NATS;
        }
    }

    private static final double LN2 = Math.log(2);

    private final ObjectProperty<LogBase> base = new SimpleObjectProperty<>(this, "logBase", LogBase.NATS);

    /** The base shown now; set it to switch every view. */
    public ObjectProperty<LogBase> logBaseProperty() {
        return base;
    }

    public LogBase getLogBase() {
        return base.get();
    }

    public void setLogBase(LogBase b) {
        base.set(b == null ? LogBase.NATS : b);
    }

    /** A divergence given in nats, in the unit shown now (∞ and NaN pass through). */
    public double shown(double nats) {
        return convert(nats, base.get());
    }

    /** {@code nats} in {@code to}: bits = nats / ln 2. */
    public static double convert(double nats, LogBase to) {
        return to == LogBase.BITS ? nats / LN2 : nats;
    }

    /** The bundle key of the unit's name ("nats", "bits" and their Chinese words). */
    public String labelKey() {
        return "unit." + base.get().id();
    }

    /** The unit's name in the current language, following both the unit and the language. */
    public StringBinding label(I18n i18n) {
        return Bindings.createStringBinding(() -> i18n.text(labelKey()), base, i18n.localeProperty());
    }

    /**
     * A divergence given in nats as the views show it: the number in the current unit with {@code digits}
     * decimals, then the unit ("0.6931 nats", "1.0000 bits"); ∞ and — (undefined) carry no unit.
     */
    public String format(I18n i18n, double nats, int digits) {
        if (Double.isNaN(nats)) {
            return "—";
        }
        if (Double.isInfinite(nats)) {
            return nats > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%." + digits + "f", shown(nats)) + " " + i18n.text(labelKey());
    }
}
