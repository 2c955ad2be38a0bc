package org.divergencelab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.divergencelab.autodiff.Parameter;
import org.divergencelab.autodiff.Tape;
import org.divergencelab.autodiff.Var;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.Float64Backend;
import org.divergencelab.compute.Tensor;

/**
 * A loss's gradient from the tape's backward pass against central finite differences, element by element, on the
 * float64 backend: the check the loss tests ({@link LossGradientTest}, {@link EbganTest}) share.
 *
 * <p>Tolerance: h = 1e-6 in double; truncation ~h²·|f'''| ≈ 1e-12 and rounding ~ε·|f|/h ≈ 1e-10 for O(1) losses,
 * so |analytic − numeric| ≤ 1e-6·(1 + |numeric|) has four orders of margin while a wrong rule is off by O(1). The
 * loss must be a deterministic function of the parameters (a fresh tape each time, the same seeds).
 */
final class FiniteDifferences {
    private static final ComputeBackend F64 = Float64Backend.INSTANCE;
    private static final double H = 1e-6;
    private static final double TOL = 1e-6;

    private FiniteDifferences() {
    }

    /**
     * Asserts that ∂loss/∂θ into every element of {@code params} matches (loss(θ + h) − loss(θ − h)) / 2h, and that
     * at least {@code atLeast} elements were compared; {@code name} heads each failure.
     */
    static void compare(String name, List<Parameter> params, int atLeast, Function<Tape, Var> loss) {
        for (Parameter p : params) {
            p.zeroGrad();
        }
        Tape tape = new Tape(F64);
        Var l = loss.apply(tape);
        assertTrue(Double.isFinite(l.item()), name + ": loss " + l.item());
        tape.backward(l, params);
        int checked = 0;
        for (Parameter p : params) {
            Tensor v = p.value();
            double[] x = new double[v.size()];
            double[] grad = new double[v.size()];
            F64.copyOut(v, x);
            F64.copyOut(p.grad(), grad);
            for (int i = 0; i < x.length; i++) {
                double keep = x[i];
                x[i] = keep + H;
                F64.copyIn(x, v);
                double up = loss.apply(new Tape(F64)).item();
                x[i] = keep - H;
                F64.copyIn(x, v);
                double down = loss.apply(new Tape(F64)).item();
                x[i] = keep;
                F64.copyIn(x, v);
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, grad[i], TOL * (1 + Math.abs(numeric)), name + ": d/d " + p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked >= atLeast, name + ": checked " + checked + " elements");
    }
}
