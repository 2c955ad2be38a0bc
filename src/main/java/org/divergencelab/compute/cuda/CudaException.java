package org.divergencelab.compute.cuda;

/**
 * A CUDA call failed, or CUDA is not usable on this machine. {@link #code()} is the {@code CUresult}
 * (or {@code cublasStatus_t}) where there is one, −1 otherwise; the message names the call and says
 * what to do where that is known.
 */
public final class CudaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public CudaException(String message, int code) {
        super(message);
        this.code = code;
    }

    public CudaException(String message, Throwable cause) {
        super(message, cause);
        this.code = -1;
    }

    /** The CUDA error code, or −1 when the failure was not a CUDA return code. */
    public int code() {
        return code;
    }
}
