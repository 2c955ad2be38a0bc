package org.divergencelab.training;

import java.util.ArrayList;
import java.util.List;

import org.divergencelab.gan.Experiment;

/** Names what differs between two experiments (for the "new model because …" notice). */
final class ChangeDescription {
    private ChangeDescription() {
    }

    /** Comma-separated JSON keys of the fields that differ, e.g. "data, seed". */
    static String of(Experiment a, Experiment b) {
        List<String> d = new ArrayList<>();
        if (!a.data().equals(b.data())) {
            d.add("data");
        }
        if (!a.latent().equals(b.latent())) {
            d.add("latent");
        }
        if (!a.generator().equals(b.generator())) {
            d.add("generator");
        }
        if (!a.critic().equals(b.critic())) {
            d.add("critic");
        }
        if (a.seed() != b.seed()) {
            d.add("seed");
        }
        if (!a.objective().equals(b.objective())) {
            d.add("objective");
        }
        if (!a.generatorOptimizer().equals(b.generatorOptimizer()) || !a.criticOptimizer().equals(b.criticOptimizer())) {
            d.add("optimizer");
        }
        if (a.batchSize() != b.batchSize()) {
            d.add("batchSize");
        }
        if (a.criticSteps() != b.criticSteps() || a.generatorSteps() != b.generatorSteps()) {
            d.add("k");
        }
        if (!a.condition().equals(b.condition())) {
            d.add("condition");
        }
        return d.isEmpty() ? "-" : String.join(", ", d);
    }
}
