package org.divergencelab.sandbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A background worker where the newest request wins: while one computation runs, later requests replace each
 * other and only the latest is computed next (a drag produces hundreds of positions; the solver sees the
 * newest). Results go to the sink on the worker thread; the UI marshals them to the FX thread.
 */
public final class LatestWorker<I, O> implements AutoCloseable {
    private final Function<I, O> work;
    private final Consumer<O> sink;
    private final Consumer<Throwable> onError;
    private final ExecutorService executor;
    private final AtomicReference<I> pending = new AtomicReference<>();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong computed = new AtomicLong();
    private final Object lock = new Object();
    private boolean draining;

    public LatestWorker(String name, Function<I, O> work, Consumer<O> sink, Consumer<Throwable> onError) {
        this.work = work;
        this.sink = sink;
        this.onError = onError;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues {@code input}, replacing any request not yet started. After {@link #close} nothing is computed: a
     * closed view's controls may still commit an edit as they lose the focus (a window torn down).
     */
    public void submit(I input) {
        if (executor.isShutdown()) {
            return;
        }
        submitted.incrementAndGet();
        pending.set(input);
        synchronized (lock) {
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            executor.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            synchronized (lock) {
                draining = false;
            }
        }
    }

    private void drain() {
        while (true) {
            I in;
            synchronized (lock) {
                in = pending.getAndSet(null);
                if (in == null) {
                    draining = false;
                    return;
                }
            }
            long seen = submitted.get();
            try {
                O out = work.apply(in);
                computed.incrementAndGet();
                sink.accept(out);
            } catch (RuntimeException e) {
                onError.accept(e);
            }
            // every request submitted up to 'seen' is now answered (skipped ones by a newer result)
            finished.accumulateAndGet(seen, Math::max);
        }
    }

    /** True when no request is queued or running. */
    public boolean idle() {
        synchronized (lock) {
            return !draining && pending.get() == null;
        }
    }

    /** Computations actually run (≤ requests submitted: the difference is what coalescing saved). */
    public long computedCount() {
        return computed.get();
    }

    public long submittedCount() {
        return submitted.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
