package org.divergencelab.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;

/**
 * Colour-blind safety of every theme's series palette, checked against a simulation: each colour is passed
 * through Machado, Oliveira and Fernandes's (2009) matrix for protanopia and for deuteranopia (severity 1, in
 * linear RGB), then every pair is compared by CIEDE2000 in CIELAB (D65).
 *
 * <p>Thresholds: ΔE00 ≥ 10 for every pair (about where categorical colours stop being confused at a glance;
 * 1 is just noticeable) and ≥ 40 between real and generated data, the pair every view leans on. Before the
 * fix the Okabe–Ito grey and green of the light theme were 8.2 apart under deuteranopia, and the dark theme's
 * coral and orange 5.9.
 */
class ThemePaletteTest {

    static final double PAIR_MIN = 10;
    static final double REAL_FAKE_MIN = 40;

    /** Machado et al. 2009, severity 1.0. */
    static final double[][] PROTANOPIA = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
            {-0.003882, -0.048116, 1.051998}};
    static final double[][] DEUTERANOPIA = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
            {-0.011820, 0.042940, 0.968881}};
    static final double[][] NORMAL = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    @Test
    void everyPairOfSeriesColoursStaysApartUnderProtanopiaAndDeuteranopia() {
        List<String> failures = new ArrayList<>();
        for (Theme t : Theme.builtIns()) {
            for (var vision : List.of(new Object[] {"normal", NORMAL}, new Object[] {"protanopia", PROTANOPIA},
                    new Object[] {"deuteranopia", DEUTERANOPIA})) {
                double[][] m = (double[][]) vision[1];
                List<Color> p = t.palette();
                for (int i = 0; i < p.size(); i++) {
                    for (int j = i + 1; j < p.size(); j++) {
                        double d = deltaE2000(lab(simulate(p.get(i), m)), lab(simulate(p.get(j), m)));
                        double min = i == Theme.REAL && j == Theme.GENERATED ? REAL_FAKE_MIN : PAIR_MIN;
                        if (d < min) {
                            failures.add(String.format("%s %s: colours %d and %d %.1f apart (< %.0f)", t.id(), vision[0], i, j, d, min));
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void deltaE2000MatchesSharmaWuDalalTestData() {
        // Sharma, Wu, Dalal (2005), "The CIEDE2000 color-difference formula", Table 1: pairs 1, 7, 17, 25.
        assertEquals(2.0425, deltaE2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}), 1e-4);
        assertEquals(2.3669, deltaE2000(new double[] {50, 0, 0}, new double[] {50, -1, 2}), 1e-4);
        assertEquals(27.1492, deltaE2000(new double[] {50, 2.5, 0}, new double[] {73, 25, -18}), 1e-4);
        assertEquals(1.2644, deltaE2000(new double[] {60.2574, -34.0099, 36.2677}, new double[] {60.4626, -34.1751, 39.4387}), 1e-4);
    }

    @Test
    void simulationKeepsGreysAndSeparatesRedFromGreenLessThanNormalVision() {
        // rows sum to 1: greys are unchanged (white stays white)
        for (double[][] m : new double[][][] {PROTANOPIA, DEUTERANOPIA}) {
            double[] w = lab(simulate(Color.web("#808080"), m));
            double[] g = lab(Color.web("#808080"));
            assertEquals(0, deltaE2000(w, g), 0.01);
        }
        // the classic confusion: pure red and green are far apart for normal vision, close for a deuteranope
        double normal = deltaE2000(lab(Color.RED), lab(Color.web("#00A000")));
        double deut = deltaE2000(lab(simulate(Color.RED, DEUTERANOPIA)), lab(simulate(Color.web("#00A000"), DEUTERANOPIA)));
        assertTrue(deut < normal / 2, normal + " vs " + deut);
    }

    @Test
    void controlFontSizeAgreesWithTheStylesheets() throws IOException {
        for (Theme t : Theme.builtIns()) {
            try (InputStream in = Theme.class.getResourceAsStream(t.stylesheet())) {
                String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("\\.root \\{[^}]*-fx-font-size: ([0-9.]+)px").matcher(css);
                assertTrue(m.find(), t.id() + ": no root font size");
                assertEquals(t.controlFontSize(), Double.parseDouble(m.group(1)), 0, t.id());
            }
        }
    }

    /** The colour as seen with the vision matrix {@code m}, as sRGB components in [0, 1] (clamped). */
    static Color simulate(Color c, double[][] m) {
        double[] l = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
        double[] o = new double[3];
        for (int i = 0; i < 3; i++) {
            o[i] = Math.clamp(m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2], 0.0, 1.0);
        }
        return Color.color(gamma(o[0]), gamma(o[1]), gamma(o[2]));
    }

    static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static double gamma(double c) {
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    /** CIELAB (D65) of an sRGB colour. */
    static double[] lab(Color c) {
        double r = linear(c.getRed()), g = linear(c.getGreen()), b = linear(c.getBlue());
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** CIEDE2000 (Sharma, Wu, Dalal 2005), k_L = k_C = k_H = 1. */
    static double deltaE2000(double[] lab1, double[] lab2) {
        double l1 = lab1[0], a1 = lab1[1], b1 = lab1[2], l2 = lab2[0], a2 = lab2[1], b2 = lab2[2];
        double cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
        double g = 0.5 * (1 - Math.sqrt(Math.pow(cBar, 7) / (Math.pow(cBar, 7) + Math.pow(25, 7))));
        double a1p = (1 + g) * a1, a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1), c2p = Math.hypot(a2p, b2);
        double h1p = hue(b1, a1p), h2p = hue(b2, a2p);
        double dLp = l2 - l1, dCp = c2p - c1p;
        double dhp = 0;
        if (c1p * c2p != 0) {
            dhp = h2p - h1p;
            if (dhp > 180) {
                dhp -= 360;
            } else if (dhp < -180) {
                dhp += 360;
            }
        }
        double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp) / 2);
        double lBarP = (l1 + l2) / 2, cBarP = (c1p + c2p) / 2;
        double hBarP;
        if (c1p * c2p == 0) {
            hBarP = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hBarP = (h1p + h2p) / 2;
        } else {
            hBarP = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
        }
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hBarP - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hBarP))
                + 0.32 * Math.cos(Math.toRadians(3 * hBarP + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hBarP - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hBarP - 275) / 25, 2));
        double rc = 2 * Math.sqrt(Math.pow(cBarP, 7) / (Math.pow(cBarP, 7) + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lBarP - 50, 2) / Math.sqrt(20 + Math.pow(lBarP - 50, 2));
        double sc = 1 + 0.045 * cBarP;
        double sh = 1 + 0.015 * cBarP * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        return Math.sqrt(Math.pow(dLp / sl, 2) + Math.pow(dCp / sc, 2) + Math.pow(dHp / sh, 2) + rt * (dCp / sc) * (dHp / sh));
    }

    private static double hue(double b, double ap) {
        double h = Math.toDegrees(Math.atan2(b, ap));
        return h < 0 ? h + 360 : h;
    }
}
