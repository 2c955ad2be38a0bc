package org.divergencelab.sandbox;

import java.util.function.Consumer;

/**
 * Runs the sandbox's measurements on three background threads, newest request winning on each: the fast
 * frame (true values, plan; what dragging needs at 60 fps), the learned part (estimates from n samples, the
 * discriminator, the 1-D critic) and the sweep. Results arrive on the worker threads; the view hands them to
 * the FX thread.
 */
public final class SandboxSession implements AutoCloseable {
    /** Training steps of the live discriminator and critic. */
    public static final int TRAIN_STEPS = 300;
    /**
     * Sweep points (odd, so offset 0 is one; two more beside it where a divergence jumps there): 1-D truths cost
     * ~1 ms each, 2-D ones 20-200 ms, hence fewer; the sweep runs on its own worker thread, never the FX thread.
     */
    public static final int SWEEP_POINTS_1D = 81;
    public static final int SWEEP_POINTS_2D = 41;

    /** A frame to compute; {@code dragging}: a mouse drag's, which may skip slow 2-D truths. */
    private record FrameRequest(SandboxState state, boolean dragging) {
    }

    private final LatestWorker<FrameRequest, SandboxCompute.Frame> frames;
    private final LatestWorker<SandboxState, SandboxCompute.Learned> learned;
    private final LatestWorker<SandboxState, SandboxCompute.Sweep> sweeps;

    public SandboxSession(Consumer<SandboxCompute.Frame> onFrame, Consumer<SandboxCompute.Learned> onLearned,
            Consumer<SandboxCompute.Sweep> onSweep, Consumer<Throwable> onError) {
        SandboxCompute fc = new SandboxCompute();
        SandboxCompute lc = new SandboxCompute();
        SandboxCompute sc = new SandboxCompute();
        frames = new LatestWorker<>("sandbox-frame", r -> fc.frame(r.state(), r.dragging()), onFrame, onError);
        learned = new LatestWorker<>("sandbox-learn", s -> lc.learned(s, TRAIN_STEPS), onLearned, onError);
        sweeps = new LatestWorker<>("sandbox-sweep",
                s -> sc.sweep(s, s.dimension() == 1 ? SWEEP_POINTS_1D : SWEEP_POINTS_2D), onSweep, onError);
    }

    /** Queues all three computations for {@code state}. */
    public void request(SandboxState state) {
        frames.submit(new FrameRequest(state, false));
        learned.submit(state);
        sweeps.submit(state);
    }

    /** Only the fast frame (used while a drag is in progress, so the slow parts follow the last position). */
    public void requestFrame(SandboxState state) {
        frames.submit(new FrameRequest(state, false));
    }

    /**
     * A mouse drag's frame: as {@link #requestFrame} but the 2-D f-divergences are skipped when they are slow,
     * so the plot follows the mouse; the release's {@link #request} computes them.
     */
    public void requestDragFrame(SandboxState state) {
        frames.submit(new FrameRequest(state, true));
    }

    public boolean idle() {
        return frames.idle() && learned.idle() && sweeps.idle();
    }

    public LatestWorker<?, SandboxCompute.Frame> frameWorker() {
        return frames;
    }

    @Override
    public void close() {
        frames.close();
        learned.close();
        sweeps.close();
    }
}
