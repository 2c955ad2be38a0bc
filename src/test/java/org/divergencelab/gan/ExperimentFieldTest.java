package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.divergencelab.distribution.Mixture;

import org.junit.jupiter.api.Test;

class ExperimentFieldTest {

    private static Class<?> boxed(Class<?> c) {
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == double.class ? Double.class
                : c == boolean.class ? Boolean.class : c;
    }

    /** Every leaf of the records below Experiment, as key=Type, walked independently of the table. */
    private static void leaves(Class<?> type, String prefix, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String key = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
            if (c.getType().isRecord()) {
                leaves(c.getType(), key, out);
            } else {
                out.add(key + "=" + boxed(c.getType()).getSimpleName());
            }
        }
    }

    @Test
    void theTableHasEveryLeafOfTheRecordsOnceWithItsType() {
        List<String> records = new ArrayList<>();
        leaves(Experiment.class, "", records);
        List<String> table = new ArrayList<>();
        for (ExperimentField<?> f : ExperimentField.all()) {
            table.add(f.key() + "=" + f.type().getSimpleName());
            assertSame(f, ExperimentField.byKey(f.key()));
        }
        assertEquals(58, records.size());
        assertEquals(records.stream().sorted().toList(), table.stream().sorted().toList());
    }

    /** A valid value of {@code f} different from the one in {@code e}. */
    @SuppressWarnings("unchecked")
    private static <T> T other(ExperimentField<T> f, Experiment e) {
        T v = f.get(e);
        Object o = switch (f.kind()) {
            case TEXT -> f == ExperimentField.DATA ? "normal2(0,0,1,1)" : "renamed";
            case INTEGER -> {
                long x = ((Number) v).longValue() == f.minInteger() ? f.minInteger() + 1 : f.minInteger();
                yield f.type() == Integer.class ? (Object) (int) x : (Object) x;
            }
            case REAL -> (Double) v == 0.25 ? 0.5 : 0.25;
            case FLAG -> !(Boolean) v;
            case CHOICE -> {
                Object[] all = f.type().getEnumConstants();
                yield all[0].equals(v) ? all[1] : all[0];
            }
            case WIDTHS -> List.of(3, 5);
        };
        return (T) o;
    }

    @Test
    void withChangesExactlyOneSettingAndKeepsEveryOther() {
        for (Experiment e : Presets.all().values()) {
            for (ExperimentField<?> f : ExperimentField.all()) {
                changeOne(e, f);
            }
        }
    }

    private static <T> void changeOne(Experiment e, ExperimentField<T> f) {
        T v = other(f, e);
        if (f == ExperimentField.CONDITION_LABEL && !(e.dataDistribution() instanceof Mixture)) {
            // a mode label needs mixture data: on the other presets the change is rejected, naming the key
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.with(f, v));
            assertTrue(x.getMessage().startsWith("condition.label = mode needs data that is a mixture"), x.getMessage());
            return;
        }
        assertNotEquals(f.get(e), v, f.key());
        Experiment x = e.with(f, v);
        assertEquals(v, f.get(x), f.key());
        for (ExperimentField<?> g : ExperimentField.all()) {
            if (g != f) {
                assertEquals(g.get(e), g.get(x), e.name() + ": changing " + f + " changed " + g);
            }
        }
        assertEquals(e, x.with(f, f.get(e)), f.key() + " back");
    }

    @Test
    void theShorthandsAreTheTableCopies() {
        Experiment e = Presets.get("ring8-wgan-gp");
        assertEquals(e.with(ExperimentField.SEED, 99L), e.withSeed(99));
        assertEquals(e.with(Map.of(ExperimentField.CRITIC_STEPS, 2, ExperimentField.GENERATOR_STEPS, 3)), e.withSteps(2, 3));
        Experiment g = e.withGeneratorOptimizer(OptimizerSpec.sgd(0.5));
        assertEquals(OptimizerSpec.Kind.SGD, ExperimentField.GENERATOR_OPTIMIZER_KIND.get(g));
        assertEquals(0.5, ExperimentField.GENERATOR_LR.get(g));
        assertEquals(e.criticOptimizer(), g.criticOptimizer());
    }

    @Test
    void everyRangeIsEnforcedWithTheKeyAndTheRange() {
        Experiment e = Presets.get("ring8-wgan-gp");
        for (ExperimentField<?> f : ExperimentField.all()) {
            if (f.kind() == ExperimentField.Kind.INTEGER && f.type() == Integer.class) {
                for (long bad : new long[] {f.minInteger() - 1, f.maxInteger() + 1}) {
                    IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                            () -> e.with(Map.of(f, (int) bad)), f.key());
                    assertEquals(f.key() + " must be an integer in [" + f.minInteger() + ", " + f.maxInteger()
                            + "], got " + bad, x.getMessage());
                }
            }
        }
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> e.with(ExperimentField.CRITIC_WIDTHS, List.of(8, 8, 8, 8, 8, 8, 8, 8, 8)));
        assertEquals("critic.widths must have at most 8 hidden layers, got 9", x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> e.with(ExperimentField.GENERATOR_WIDTHS, List.of(4, 4097)));
        assertEquals("generator.widths[1] must be an integer in [1, 4096], got 4097", x.getMessage());
        // Reals: both ends, open or closed.
        assertThrows(IllegalArgumentException.class, () -> e.with(ExperimentField.CRITIC_LR, 0.0));
        assertEquals(10.0, ExperimentField.CRITIC_LR.get(e.with(ExperimentField.CRITIC_LR, 10.0)));
        assertEquals(0.0, ExperimentField.GENERATOR_BETA1.get(e.with(ExperimentField.GENERATOR_BETA1, 0.0)));
        x = assertThrows(IllegalArgumentException.class, () -> e.with(ExperimentField.GENERATOR_BETA1, 1.0));
        assertEquals("generatorOptimizer.beta1 must be a number in [0.0, 1.0), got 1.0", x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> e.with(ExperimentField.INSTANCE_NOISE, Double.NaN));
        assertTrue(x.getMessage().startsWith("options.instanceNoise must be a number in [0.0, 100.0]"), x.getMessage());
        // λ and c: Objective's own check, the only one.
        x = assertThrows(IllegalArgumentException.class, () -> e.with(ExperimentField.OBJECTIVE_LAMBDA, 1e6 + 1));
        assertTrue(x.getMessage().startsWith("objective.lambda must be a number >= 0 and <= 1000000.0"), x.getMessage());
        assertEquals(1e6, ExperimentField.OBJECTIVE_LAMBDA.get(e.with(ExperimentField.OBJECTIVE_LAMBDA, 1e6)));
        x = assertThrows(IllegalArgumentException.class, () -> e.with(ExperimentField.OBJECTIVE_CLIP, 100.5));
        assertTrue(x.getMessage().startsWith("objective.clip must be a number > 0 and <= 100.0"), x.getMessage());
    }

    @Test
    void textRoundTripsAndBadTextNamesTheKey() {
        for (Experiment e : Presets.all().values()) {
            for (ExperimentField<?> f : ExperimentField.all()) {
                roundTrip(f, e);
            }
        }
        assertEquals("2.5E-5", ExperimentField.CRITIC_LR.format(2.5e-5));
        assertEquals("10", ExperimentField.OBJECTIVE_LAMBDA.format(10.0));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> ExperimentField.BATCH_SIZE.parse("6x"));
        assertEquals("batchSize must be an integer, got '6x'", x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> ExperimentField.OBJECTIVE_LAMBDA.parse("Infinity"));
        assertEquals("objective.lambda must be a finite number, got Infinity", x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> ExperimentField.OBJECTIVE_KIND.parse("wgan-xx"));
        assertTrue(x.getMessage().startsWith("objective.kind: unknown objective 'wgan-xx'"), x.getMessage());
        assertEquals(-123456789012345L, ExperimentField.SEED.parse(" -123456789012345 "));
    }

    private static <T> void roundTrip(ExperimentField<T> f, Experiment e) {
        T v = f.get(e);
        assertEquals(v, f.parse(f.format(v)), f.key() + " = " + f.format(v));
    }
}
