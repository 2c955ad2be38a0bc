package org.divergencelab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.Presets;
import org.divergencelab.training.ObjectiveChoice;
import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/** The formula catalogue of the training view: choice by objective, JS ↔ W switch, every formula typesets, captions in all bundles. */
class TrainingFormulasTest {

    private static List<String> keys(Experiment e) {
        return TrainingFormulas.forExperiment(e).stream().map(TrainingFormulas.Formula::key).toList();
    }

    @Test
    void theJsToWToggleSwapsTheFormulas() {
        Experiment gan = Presets.get("gaussians-1d-gan");
        assertEquals(Objective.Kind.NON_SATURATING, gan.objective().kind());
        List<String> js = keys(gan);
        assertTrue(js.containsAll(List.of("train.formula.value", "train.formula.nsG", "train.formula.dstar",
                "train.formula.jsEstimate", "train.formula.js")), js.toString());
        assertFalse(js.contains("train.formula.wDual"));
        List<String> w = keys(ObjectiveChoice.toggle(gan));
        assertTrue(w.containsAll(List.of("train.formula.wDual", "train.formula.wCritic", "train.formula.gp", "train.formula.wG",
                "train.formula.w1")), w.toString());
        assertFalse(w.contains("train.formula.dstar"));
        assertFalse(w.contains("train.formula.js"));
        assertEquals(js, keys(ObjectiveChoice.toggle(ObjectiveChoice.toggle(gan))), "toggling back restores the GAN formulas");
    }

    @Test
    void eachObjectiveGetsItsOwnLossesAndConstraint() {
        Experiment e = Presets.get("ring8-wgan-gp");
        assertTrue(keys(e.withObjective(Objective.minimax())).contains("train.formula.minimaxG"));
        assertFalse(keys(e.withObjective(Objective.minimax())).contains("train.formula.nsG"));
        assertTrue(keys(e.withObjective(Objective.lsgan())).containsAll(List.of("train.formula.lsganD", "train.formula.lsganG",
                "train.formula.lsganEstimate")));
        List<String> clip = keys(e.withObjective(Objective.wganClip(0.05)));
        assertTrue(clip.contains("train.formula.clip") && !clip.contains("train.formula.gp"), clip.toString());
        assertTrue(keys(e.withObjective(Objective.wganFd(3))).contains("train.formula.fd"));
        assertTrue(keys(e.withObjective(Objective.wganSn())).contains("train.formula.sn"));
        assertTrue(keys(e.withObjective(Objective.linearCritic())).contains("train.formula.linear"));
        assertTrue(keys(e.withObjective(Objective.fgan(Objective.FDivergence.KL))).contains("train.formula.fgan"));
        // the parameter values shown are the experiment's
        String gp = TrainingFormulas.forExperiment(e.withObjective(Objective.wganGp(2.5))).stream()
                .filter(f -> f.key().endsWith(".gp")).findFirst().orElseThrow().latex();
        assertTrue(gp.contains("\\lambda=2.5"), gp);
        String c = TrainingFormulas.forExperiment(e.withObjective(Objective.wganClip(0.05))).stream()
                .filter(f -> f.key().endsWith(".clip")).findFirst().orElseThrow().latex();
        assertTrue(c.contains("c=0.05"), c);
    }

    @Test
    void everyFormulaTypesetsAndEveryCaptionIsInEveryBundle() throws Exception {
        Set<String> used = new HashSet<>();
        Experiment e = Presets.get("ring8-wgan-gp");
        for (Objective.Kind k : Objective.Kind.values()) {
            for (TrainingFormulas.Formula f : TrainingFormulas.forExperiment(e.withObjective(e.objective().withKind(k)))) {
                used.add(f.key());
                // JLaTeXMath throws ParseException on a bad source; an empty icon would mean nothing was drawn
                TeXIcon icon = new TeXFormula(f.latex()).createTeXIcon(TeXConstants.STYLE_DISPLAY, 20);
                assertTrue(icon.getIconWidth() > 20 && icon.getIconHeight() > 5, f.key() + " typeset to " + icon.getIconWidth()
                        + "x" + icon.getIconHeight());
            }
        }
        assertTrue(used.size() >= 20, "formulas used: " + used);
        for (String suffix : new String[] {"", "_zh_TW", "_zh_CN"}) {
            Properties p = new Properties();
            try (var in = getClass().getResourceAsStream("/org/divergencelab/ui/i18n/messages" + suffix + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String k : used) {
                assertTrue(p.containsKey(k), k + " missing in messages" + suffix);
            }
        }
    }
    @Test
    void theLecturesFormula11LipschitzDefinitionAndInstanceNoiseAreShown() throws Exception {
        Experiment ns = Presets.get("gaussians-1d-gan");
        List<String> k = keys(ns);
        // Formula 11 explains the non-saturating loss only; the minimax loss has no such term.
        assertTrue(k.contains("train.formula.nsModes"), k.toString());
        assertFalse(keys(ns.withObjective(Objective.minimax())).contains("train.formula.nsModes"));
        // The Lipschitz definition stands before the Lipschitz estimate, for every objective.
        for (Objective.Kind kind : Objective.Kind.values()) {
            List<String> kk = keys(ns.withObjective(ns.objective().withKind(kind)));
            assertEquals(kk.indexOf("train.formula.lipschitz") - 1, kk.indexOf("train.formula.lipschitzDef"), kind.toString());
        }
        // Instance noise (scene S21's option) adds the optimal D's loss on the noised distributions.
        assertFalse(k.contains("train.formula.instanceNoise"));
        Experiment noisy = ns.withOptions(org.divergencelab.gan.TrainerOptions.none().withInstanceNoise(0.5, 2000));
        List<String> kn = keys(noisy);
        assertTrue(kn.contains("train.formula.instanceNoise"), kn.toString());
        Properties en = new Properties();
        try (var in = getClass().getResourceAsStream("/org/divergencelab/ui/i18n/messages.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (TrainingFormulas.Formula f : TrainingFormulas.forExperiment(noisy)) {
            TeXIcon icon = new TeXFormula(f.latex()).createTeXIcon(TeXConstants.STYLE_DISPLAY, 20);
            assertTrue(icon.getIconWidth() > 20, f.key());
            assertTrue(en.containsKey(f.key()), f.key());
        }
        String f11 = TrainingFormulas.FIXED.get("nsModes");
        assertTrue(f11.contains("\\mathrm{KL}(P_G\\|P_{data})-2\\,\\mathrm{JS}(P_{data}\\|P_G)"), f11);
        // The JS estimate is a lower bound of JS (why it can go negative), its caption says so.
        assertTrue(TrainingFormulas.FIXED.get("jsEstimate").contains("\\leq\\;\\mathrm{JS}(P_{data}\\|P_G)"));
        assertTrue(en.getProperty("train.formula.jsEstimate").contains("lower bound"));
    }
}
