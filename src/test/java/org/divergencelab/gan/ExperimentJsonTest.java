package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExperimentJsonTest {

    @Test
    void everyPresetRoundTrips() {
        for (Experiment e : Presets.all().values()) {
            String text = ExperimentJson.write(e);
            assertEquals(e, ExperimentJson.read(text), e.name());
            assertEquals(text, ExperimentJson.write(ExperimentJson.read(text)), e.name());
        }
        Experiment odd = Presets.get("ring8-wgan-gp").withObjective(Objective.fgan(Objective.FDivergence.PEARSON).withLambda(0.1 + 0.2))
                .withCriticOptimizer(OptimizerSpec.rmsProp(5e-5)).withSeed(-123456789012345L)
                .withOptions(TrainerOptions.none().withReplay(1000, 1.0 / 3).withInstanceNoise(0.1, 500).withRetrainCritic(200, 1e-4))
                .withEvaluation(EvaluationSpec.defaults().withJsEstimator(EvaluationSpec.JsEstimator.KDE));
        assertEquals(odd, ExperimentJson.read(ExperimentJson.write(odd)));
    }

    private static String withReplaced(String from, String to) {
        String text = ExperimentJson.write(Presets.get("ring8-wgan-gp"));
        assertTrue(text.contains(from), from);
        return text.replace(from, to);
    }

    private static void rejected(String text, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentJson.read(text));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
    }

    @Test
    void badInputNamesTheKeyAndTheRange() {
        rejected(withReplaced("\"batchSize\": 256", "\"batchSize\": 0"), "batchSize", "[1, 65536]", "got 0");
        rejected(withReplaced("\"criticSteps\": 5,\n  \"generatorSteps\": 1", "\"criticSteps\": 0,\n  \"generatorSteps\": 0"),
                "criticSteps and generatorSteps must not both be 0");
        rejected(withReplaced("\"lr\": 2.0E-4", "\"lr\": -2.0E-4"), "generatorOptimizer.lr", "(0.0, 10.0]", "-2.0E-4");
        rejected(withReplaced("\"lambda\": 0.1", "\"lambda\": -1"), "objective.lambda", ">= 0");
        rejected(withReplaced("\"clip\": 0.01", "\"clip\": 0"), "objective.clip", "> 0");
        rejected(withReplaced("\"batchSize\": 256", "\"batchSize\": 25.5"), "batchSize must be an integer");
        rejected(withReplaced("\"batchSize\": 256", "\"batchSize\": \"256\""), "batchSize must be an integer", "string");
        rejected(withReplaced("\"batchSize\": 256", "\"batchSize\": 256, \"batchsize\": 3"), "unknown key batchsize");
        rejected(withReplaced("\"lr\": 2.0E-4", "\"learningRate\": 2.0E-4"), "generatorOptimizer");
        rejected(withReplaced("\"dim\": 2", "\"dim\": 2, \"mean\": 0"), "unknown key latent.mean");
        rejected(withReplaced("\"kind\": \"wgan-gp\"", "\"kind\": \"wgan-xx\""), "objective.kind", "unknown objective 'wgan-xx'", "wgan-gp");
        rejected(withReplaced("\"widths\": [64, 64, 64],\n    \"activation\": \"relu\",\n    \"outputActivation\": \"identity\",\n    \"layerNorm\": false,\n    \"spectralNorm\": false\n  },\n  \"critic\"",
                "\"widths\": [128, 0],\n    \"activation\": \"relu\",\n    \"outputActivation\": \"identity\",\n    \"layerNorm\": false,\n    \"spectralNorm\": false\n  },\n  \"critic\""),
                "generator.widths[1]", "[1, 4096]");
        rejected(withReplaced("\"data\": \"ring(8,2,0.05)\"", "\"data\": \"ring(8,2\""), "data");
        rejected(withReplaced("\"version\": 1", "\"version\": 2"), "version", "[1, 1]");
        rejected(withReplaced("\"beta1\": 0.5", "\"beta1\": 1.0"), "beta1", "[0.0, 1.0)");
        rejected(withReplaced("\"replayFraction\": 0.0", "\"replayFraction\": 1.5"), "options.replayFraction", "[0.0, 1.0]");
        rejected("{\"format\": \"divergence-lab/experiment\",\n \"version\": }", "line 2, column 13");
        rejected("[1, 2]", "must be a JSON object");
    }

    @Test
    void constructorValidationNamesTheKey() {
        Experiment e = Presets.get("ring8-gan");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.withBatchSize(0));
        assertTrue(x.getMessage().startsWith("batchSize must be an integer in [1, 65536]"), x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> e.withSteps(0, 0));
        assertTrue(x.getMessage().contains("criticSteps and generatorSteps"), x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> e.withCriticOptimizer(OptimizerSpec.adam(-1, 0.5, 0.9)));
        assertTrue(x.getMessage().startsWith("criticOptimizer.lr"), x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> Objective.wganGp(-1));
        assertTrue(x.getMessage().startsWith("objective.lambda"), x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> Objective.wganClip(0));
        assertTrue(x.getMessage().startsWith("objective.clip"), x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> e.withData("segment(0,0,0,1,2)"));
        assertTrue(x.getMessage().startsWith("data"), x.getMessage());
    }
}
