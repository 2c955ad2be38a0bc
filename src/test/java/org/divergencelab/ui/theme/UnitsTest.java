package org.divergencelab.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.divergencelab.ui.i18n.I18n;
import org.junit.jupiter.api.Test;

/** Nats or bits: one conversion, one label. */
class UnitsTest {

    @Test
    void log2NatsIsOneBit() {
        assertEquals(1.0, Units.convert(Math.log(2), Units.LogBase.BITS), 1e-15);
        assertEquals(Math.log(2), Units.convert(Math.log(2), Units.LogBase.NATS), 0);
        // ln 4 nats = 2 bits; the conversion is linear through 0
        assertEquals(2.0, Units.convert(Math.log(4), Units.LogBase.BITS), 1e-15);
        assertEquals(0.0, Units.convert(0, Units.LogBase.BITS), 0);
    }

    @Test
    void formatShowsTheNumberInTheChosenUnitWithItsLabel() {
        I18n i18n = new I18n(I18n.ENGLISH);
        Units u = new Units();
        assertEquals("0.6931 nats", u.format(i18n, Math.log(2), 4));
        u.setLogBase(Units.LogBase.BITS);
        assertEquals("1.0000 bits", u.format(i18n, Math.log(2), 4));
        assertEquals(1.0, u.shown(Math.log(2)), 1e-15);
        assertEquals("∞", u.format(i18n, Double.POSITIVE_INFINITY, 4), "∞ carries no unit");
        assertEquals("—", u.format(i18n, Double.NaN, 4));
        var label = u.label(i18n);
        assertEquals("bits", label.get());
        u.setLogBase(Units.LogBase.NATS);
        assertEquals("nats", label.get(), "the label follows the unit");
    }

    @Test
    void unknownIdsFallBackToNats() {
        assertEquals(Units.LogBase.BITS, Units.LogBase.byId("bits"));
        assertEquals(Units.LogBase.NATS, Units.LogBase.byId("nats"));
        assertEquals(Units.LogBase.NATS, Units.LogBase.byId("decibans"));
        assertEquals(Units.LogBase.NATS, Units.LogBase.byId(null));
    }
}
