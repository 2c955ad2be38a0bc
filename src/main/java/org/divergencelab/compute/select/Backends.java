package org.divergencelab.compute.select;

import java.util.Locale;

import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.cuda.CudaBackend;

/**
 * Chooses the compute backend at run time ({@code --backend cpu|cuda|auto}). {@code auto} takes CUDA when
 * a device answers and the CPU otherwise; every way CUDA can fail (no driver library, no device, a driver
 * too old for our PTX, any CUDA error, even a linkage error in the FFM layer) becomes a message and the
 * CPU backend, never a crash. Nothing native is touched unless CUDA is asked for.
 */
public final class Backends {

    /** What the user asked for. */
    public enum Choice {
        CPU, CUDA, AUTO;

        /** Parses {@code cpu|cuda|auto} (any case); the exception names the bad value. */
        public static Choice parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--backend must be cpu, cuda or auto, got '" + s + "'");
            }
        }
    }

    /**
     * The backend that runs and why: {@code note} says which backend was chosen and, where CUDA was
     * wanted but not used, the reason.
     */
    public record Selection(ComputeBackend backend, String note) implements AutoCloseable {
        /** True when the backend is a device backend. */
        public boolean isCuda() {
            return backend instanceof CudaBackend;
        }

        /** Releases device memory of a CUDA backend; nothing for the CPU. */
        @Override
        public void close() {
            if (backend instanceof CudaBackend c) {
                c.close();
            }
        }
    }

    /** CUDA was asked for explicitly and cannot be used; the message says why. */
    public static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Backends() {
    }

    /**
     * Opens the backend for {@code choice}.
     *
     * @throws UnavailableException for {@link Choice#CUDA} when CUDA cannot be used (with the reason)
     */
    public static Selection select(Choice choice) {
        return switch (choice) {
            case CPU -> new Selection(CpuBackend.INSTANCE, "backend: cpu-f32 (asked for)");
            case CUDA -> {
                try {
                    CudaBackend c = CudaBackend.open(0);
                    yield new Selection(c, "backend: " + c.description());
                } catch (Throwable t) {
                    throw new UnavailableException("CUDA is unavailable: " + reason(t), t);
                }
            }
            case AUTO -> {
                try {
                    CudaBackend c = CudaBackend.open(0);
                    yield new Selection(c, "backend: " + c.description() + " (auto: a CUDA device answered)");
                } catch (Throwable t) {
                    yield new Selection(CpuBackend.INSTANCE,
                            "backend: cpu-f32 (auto: CUDA unavailable: " + reason(t) + ")");
                }
            }
        };
    }

    /** A one-line reason from any failure of the CUDA path. */
    static String reason(Throwable t) {
        if (t instanceof VirtualMachineError vm && !(vm instanceof OutOfMemoryError)) {
            throw vm; // never swallow an internal JVM error
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.toString() : m;
    }
}
