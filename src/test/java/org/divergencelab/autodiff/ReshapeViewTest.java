package org.divergencelab.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * {@link Tape#reshape} hands out a view of its input's storage on backends that share storage: no copy,
 * and no way for a later step that reuses the slot for another op to write into the viewed buffer.
 */
class ReshapeViewTest {
    private static final ComputeBackend CPU = CpuBackend.INSTANCE;

    @Test
    void reshapeIsAViewNotACopy() {
        Tape t = new Tape(CPU);
        Var x = t.constant(2, 6);
        CPU.copyIn(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, x.value());
        Var r = t.reshape(x, 3, 4);
        assertEquals(7.0, CPU.get(r.value(), 1, 3), 0.0);
        CPU.set(x.value(), 1, 1, 42); // element 7: seen through the view, so nothing was copied
        assertEquals(42.0, CPU.get(r.value(), 1, 3), 0.0);
    }

    /**
     * Step 1 records a reshape at slot 1; step 2 records an owned op (a scale) at that slot. If the view
     * had become the slot's buffer, the scale would overwrite x's storage; x must stay intact, and every
     * step must give the numbers a fresh tape gives.
     */
    @Test
    void aReusedSlotNeverWritesIntoTheViewedBuffer() {
        float[] data = new float[12];
        for (int i = 0; i < data.length; i++) {
            data[i] = i - 5.5f;
        }
        Tape t = new Tape(CPU);
        for (int step = 0; step < 4; step++) {
            t.reset();
            Var x = t.constant(2, 6);
            CPU.copyIn(data, x.value());
            Var y = step % 2 == 0 ? t.sum(t.square(t.reshape(x, 3, 4))) : t.sum(t.scale(x, 3));
            float[] seen = new float[12];
            CPU.copyOut(x.value(), seen);
            assertArrayEquals(data, seen, "step " + step + ": x was overwritten");
            Tape fresh = new Tape(CPU);
            Var fx = fresh.constant(2, 6);
            CPU.copyIn(data, fx.value());
            Var fy = step % 2 == 0 ? fresh.sum(fresh.square(fresh.reshape(fx, 3, 4))) : fresh.sum(fresh.scale(fx, 3));
            assertEquals(fy.item(), y.item(), 0.0, "step " + step);
        }
    }

    /** Gradients through a viewed reshape, first and second order, against the closed form of Σ (x·w)². */
    @Test
    void gradientsFlowThroughTheView() {
        Tape t = new Tape(CPU);
        float[] xs = {1, -2, 3, 0.5f, -1, 2};
        Var x = t.variable(CPU.allocate(1, 6));
        CPU.copyIn(xs, x.value());
        // f(x) = Σ_j (reshape(x, 3x2)_j · 2)², df/dx = 8x, and d/dx Σ (df/dx)² = 128x
        Var f = t.sum(t.square(t.scale(t.reshape(x, 3, 2), 2)));
        Var g = t.grad(f, x, true);
        for (int i = 0; i < 6; i++) {
            assertEquals(8.0 * xs[i], CPU.get(g.value(), 0, i), 1e-5);
        }
        Var h = t.grad(t.sum(t.square(g)), x, false);
        for (int i = 0; i < 6; i++) {
            assertEquals(128.0 * xs[i], CPU.get(h.value(), 0, i), 1e-4);
        }
    }
}
