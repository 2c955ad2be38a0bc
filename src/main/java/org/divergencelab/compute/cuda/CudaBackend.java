package org.divergencelab.compute.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.divergencelab.compute.BinaryOp;
import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.ConvShape;
import org.divergencelab.compute.Tensor;
import org.divergencelab.compute.UnaryOp;

/**
 * The float32 CUDA backend: tensors are device buffers, kernels are our PTX ({@code kernels.cu}) launched
 * through the driver API, GEMM is cuBLAS when {@code libcublas} loads and our tiled kernel otherwise.
 * Everything runs on the legacy default stream of the device's primary context, so operations execute in
 * call order and a device-to-host copy waits for the work before it.
 *
 * <p>Semantics match {@code CpuBackend} op by op (held to it by {@code BackendConformance}); random fills
 * are drawn on the host from the caller's generator in the same order and uploaded, so a seed gives the
 * same numbers on both backends. Reductions are tree sums without atomics: repeatable from run to run.
 *
 * <p>Create with {@link #open(int)}; it throws {@link CudaException} with a message when CUDA is not
 * usable (no driver, no device, a driver too old for the PTX). Device memory is freed when a tensor
 * becomes unreachable (a {@link Cleaner}) or at {@link #close()}.
 */
public final class CudaBackend implements ComputeBackend, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int BLOCK = 256;
    /** Grid-stride kernels need no more blocks than this to fill any current GPU. */
    private static final int MAX_BLOCKS = 4096;
    /** Blocks of the whole-tensor reduction = partials one block of 256 then adds. */
    private static final int REDUCE_BLOCKS = 256;
    private static final int TILE = 16;

    private final CudaDriver cu;
    private final int device;
    private final MemorySegment context;
    private final MemorySegment module;
    private final Map<Kernel, MemorySegment> functions = new EnumMap<>(Kernel.class);
    private final Cublas cublas;
    private final String cublasNote;
    private final String description;
    private final Memory memory;
    private final long partials;
    private final long scalarD;
    private final long flag;
    private final ThreadLocal<Boolean> current = ThreadLocal.withInitial(() -> false);

    /** Live allocations, freed at close; shared with the cleaner actions. */
    private static final class Memory {
        final CudaDriver cu;
        final MemorySegment context;
        final Set<Long> live = new HashSet<>();
        boolean closed;

        Memory(CudaDriver cu, MemorySegment context) {
            this.cu = cu;
            this.context = context;
        }

        synchronized void free(long ptr) {
            if (closed || !live.remove(ptr)) {
                return;
            }
            try {
                // the cleaner thread has no current context; the primary one is safe to make current anywhere
                int r = (int) cu.cuCtxSetCurrent.invokeExact(context);
                if (r == 0) {
                    r = (int) cu.cuMemFree.invokeExact(ptr);
                }
            } catch (Throwable t) {
                // freeing is best effort: the context is released at close anyway
            }
        }
    }

    /** A device tensor: a pointer to rows·cols floats. */
    static final class CudaTensor extends Tensor {
        final CudaBackend owner;
        final long ptr;

        CudaTensor(CudaBackend owner, int rows, int cols, long ptr) {
            super(rows, cols);
            this.owner = owner;
            this.ptr = ptr;
        }

        @Override
        public ComputeBackend backend() {
            return owner;
        }
    }

    private CudaBackend(CudaDriver cu, int ordinal) {
        this.cu = cu;
        int dev = 0;
        MemorySegment ctx = null;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment i = arena.allocate(JAVA_INT);
            cu.check((int) cu.cuInit.invokeExact(0), "cuInit");
            cu.check((int) cu.cuDriverGetVersion.invokeExact(i), "cuDriverGetVersion");
            int driver = i.get(JAVA_INT, 0);
            cu.check((int) cu.cuDeviceGetCount.invokeExact(i), "cuDeviceGetCount");
            int count = i.get(JAVA_INT, 0);
            if (count < 1) {
                throw new CudaException("the NVIDIA driver sees no CUDA device", CudaApi.CUDA_ERROR_NO_DEVICE);
            }
            if (ordinal < 0 || ordinal >= count) {
                throw new IllegalArgumentException("CUDA device ordinal " + ordinal + " out of range (0.." + (count - 1) + ")");
            }
            cu.check((int) cu.cuDeviceGet.invokeExact(i, ordinal), "cuDeviceGet");
            dev = i.get(JAVA_INT, 0);
            MemorySegment nameBuf = arena.allocate(256);
            cu.check((int) cu.cuDeviceGetName.invokeExact(nameBuf, 256, dev), "cuDeviceGetName");
            String name = nameBuf.getString(0);
            cu.check((int) cu.cuDeviceGetAttribute.invokeExact(i, CudaApi.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR,
                    dev), "cuDeviceGetAttribute");
            int major = i.get(JAVA_INT, 0);
            cu.check((int) cu.cuDeviceGetAttribute.invokeExact(i, CudaApi.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR,
                    dev), "cuDeviceGetAttribute");
            int minor = i.get(JAVA_INT, 0);
            if (major * 10 + minor < 75) {
                throw new CudaException(name + " has compute capability " + major + "." + minor
                        + "; our kernels need 7.5 (Turing) or newer", CudaApi.CUDA_ERROR_NO_BINARY_FOR_GPU);
            }
            MemorySegment pctx = arena.allocate(ADDRESS);
            cu.check((int) cu.cuDevicePrimaryCtxRetain.invokeExact(pctx, dev), "cuDevicePrimaryCtxRetain");
            ctx = pctx.get(ADDRESS, 0);
            cu.check((int) cu.cuCtxSetCurrent.invokeExact(ctx), "cuCtxSetCurrent");
            current.set(true);
            this.module = loadModule(arena);
            MemorySegment pf = arena.allocate(ADDRESS);
            for (Kernel k : Kernel.values()) {
                cu.check((int) cu.cuModuleGetFunction.invokeExact(pf, module, arena.allocateFrom(k.symbol)),
                        "cuModuleGetFunction(" + k.symbol + ")");
                functions.put(k, pf.get(ADDRESS, 0));
            }
            Cublas blas = null;
            String note;
            try {
                blas = Cublas.open();
                note = "cuBLAS (" + blas.library + ")";
            } catch (CudaException e) {
                note = "own tiled kernel (" + e.getMessage() + ")";
            }
            this.cublas = blas;
            this.cublasNote = note;
            this.device = dev;
            this.context = ctx;
            this.memory = new Memory(cu, ctx);
            this.description = "cuda: " + name + " (sm_" + major + minor + "), driver API " + (driver / 1000) + "."
                    + (driver % 1000 / 10) + " via " + cu.libraryPath + ", GEMM: " + note;
            this.partials = rawAlloc(8L * REDUCE_BLOCKS);
            this.scalarD = rawAlloc(8);
            this.flag = rawAlloc(4);
        } catch (CudaException | IllegalArgumentException e) {
            releaseQuietly(cu, ctx, dev);
            throw e;
        } catch (Throwable t) {
            releaseQuietly(cu, ctx, dev);
            throw new CudaException("CUDA initialisation failed: " + t, t);
        }
    }

    private static void releaseQuietly(CudaDriver cu, MemorySegment ctx, int dev) {
        if (ctx == null) {
            return;
        }
        try {
            int ignored = (int) cu.cuDevicePrimaryCtxRelease.invokeExact(dev);
        } catch (Throwable t) {
            // already failing; the original error is the one to report
        }
    }

    private MemorySegment loadModule(Arena arena) throws Throwable {
        byte[] ptx;
        try (InputStream in = CudaBackend.class.getResourceAsStream(Kernel.PTX_RESOURCE)) {
            if (in == null) {
                throw new CudaException("PTX resource " + Kernel.PTX_RESOURCE + " missing from the jar", -1);
            }
            ptx = in.readAllBytes();
        } catch (IOException e) {
            throw new CudaException("cannot read " + Kernel.PTX_RESOURCE + ": " + e.getMessage(), e);
        }
        MemorySegment image = arena.allocate(ptx.length + 1L);
        MemorySegment.copy(ptx, 0, image, JAVA_BYTE, 0, ptx.length);
        image.set(JAVA_BYTE, ptx.length, (byte) 0); // cuModuleLoadData wants a NUL-terminated PTX string
        int logSize = 16384;
        MemorySegment log = arena.allocate(logSize);
        MemorySegment options = arena.allocateFrom(JAVA_INT, CudaApi.CU_JIT_ERROR_LOG_BUFFER,
                CudaApi.CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES);
        MemorySegment values = arena.allocate(ADDRESS, 2);
        values.setAtIndex(ADDRESS, 0, log);
        values.setAtIndex(ADDRESS, 1, MemorySegment.ofAddress(logSize)); // option values are passed by value
        MemorySegment out = arena.allocate(ADDRESS);
        int r = (int) cu.cuModuleLoadDataEx.invokeExact(out, image, 2, options, values);
        if (r != 0) {
            String jit = log.getString(0).strip();
            try {
                cu.check(r, "cuModuleLoadDataEx(kernels.ptx)");
            } catch (CudaException e) {
                throw new CudaException(e.getMessage() + (jit.isEmpty() ? "" : "; JIT log: " + jit), r);
            }
        }
        return out.get(ADDRESS, 0);
    }

    /**
     * Opens device {@code ordinal}.
     *
     * @throws CudaException when CUDA cannot be used here, with the reason
     */
    public static CudaBackend open(int ordinal) {
        return new CudaBackend(CudaDriver.load(), ordinal);
    }

    /** One line for status bars and command output: device, driver, which GEMM. */
    public String description() {
        return description;
    }

    /** Whether GEMM runs on cuBLAS (else our tiled kernel), with the reason when not. */
    public String gemmImplementation() {
        return cublasNote;
    }

    @Override
    public String name() {
        return "cuda-f32";
    }

    // ---- plumbing ----

    private void enter() {
        if (!current.get()) {
            try {
                cu.check((int) cu.cuCtxSetCurrent.invokeExact(context), "cuCtxSetCurrent");
            } catch (CudaException e) {
                throw e;
            } catch (Throwable t) {
                throw new CudaException("cuCtxSetCurrent: " + t, t);
            }
            current.set(true);
        }
        if (memory.closed) {
            throw new IllegalStateException("the CUDA backend is closed");
        }
    }

    private long rawAlloc(long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocate(JAVA_LONG);
            cu.check((int) cu.cuMemAlloc.invokeExact(p, bytes), "cuMemAlloc_v2(" + bytes + " bytes)");
            long ptr = p.get(JAVA_LONG, 0);
            synchronized (memory) {
                memory.live.add(ptr);
            }
            return ptr;
        } catch (CudaException e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaException("cuMemAlloc_v2: " + t, t);
        }
    }

    private long d(Tensor t) {
        if (t instanceof CudaTensor c && c.owner == this) {
            return c.ptr;
        }
        throw new IllegalArgumentException("tensor " + t + " does not belong to this " + name() + " backend");
    }

    private static void sameShape(String op, Tensor a, Tensor b) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException(op + ": shape mismatch " + a.shape() + " vs " + b.shape());
        }
    }

    private static int blocksFor(long n) {
        return (int) Math.max(1, Math.min(MAX_BLOCKS, (n + BLOCK - 1) / BLOCK));
    }

    private void launch1d(Kernel k, long n, Object... args) {
        launch(k, blocksFor(n), 1, BLOCK, 1, args);
    }

    /** Launches {@code k} with a grid of gx×gy blocks of bx×by threads; arguments checked against k's list. */
    private void launch(Kernel k, int gx, int gy, int bx, int by, Object... args) {
        enter();
        if (args.length != k.args.size()) {
            throw new IllegalStateException(k.symbol + ": " + args.length + " arguments, kernel takes " + k.args.size());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = arena.allocate(ADDRESS, args.length);
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                MemorySegment slot = switch (k.args.get(i)) {
                    case PTR -> arena.allocateFrom(JAVA_LONG, (Long) a);
                    case F32 -> arena.allocateFrom(JAVA_FLOAT, (Float) a);
                    case I32 -> arena.allocateFrom(JAVA_INT, (Integer) a);
                };
                params.setAtIndex(ADDRESS, i, slot);
            }
            int r = (int) cu.cuLaunchKernel.invokeExact(functions.get(k), gx, gy, 1, bx, by, 1, 0,
                    MemorySegment.NULL, params, MemorySegment.NULL);
            cu.check(r, "cuLaunchKernel(" + k.symbol + ")");
        } catch (CudaException e) {
            throw e;
        } catch (ClassCastException e) {
            throw new IllegalStateException(k.symbol + ": argument of the wrong type: " + e.getMessage(), e);
        } catch (Throwable t) {
            throw new CudaException("cuLaunchKernel(" + k.symbol + "): " + t, t);
        }
    }

    private void htod(long dst, MemorySegment src, long bytes) {
        enter();
        try {
            cu.check((int) cu.cuMemcpyHtoD.invokeExact(dst, src, bytes), "cuMemcpyHtoD_v2");
        } catch (CudaException e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaException("cuMemcpyHtoD_v2: " + t, t);
        }
    }

    private void dtoh(MemorySegment dst, long src, long bytes) {
        enter();
        try {
            cu.check((int) cu.cuMemcpyDtoH.invokeExact(dst, src, bytes), "cuMemcpyDtoH_v2");
        } catch (CudaException e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaException("cuMemcpyDtoH_v2: " + t, t);
        }
    }

    private void dtod(long dst, long src, long bytes) {
        enter();
        try {
            cu.check((int) cu.cuMemcpyDtoD.invokeExact(dst, src, bytes), "cuMemcpyDtoD_v2");
        } catch (CudaException e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaException("cuMemcpyDtoD_v2: " + t, t);
        }
    }

    /** Waits for all queued work; surfaces an asynchronous kernel fault as a {@link CudaException}. */
    public void synchronize() {
        enter();
        try {
            cu.check((int) cu.cuCtxSynchronize.invokeExact(), "cuCtxSynchronize");
        } catch (CudaException e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaException("cuCtxSynchronize: " + t, t);
        }
    }

    // ---- storage ----

    @Override
    public Tensor allocate(int rows, int cols) {
        enter();
        long n = (long) rows * cols;
        long ptr = rawAlloc(Math.max(4, 4 * n));
        CudaTensor t = new CudaTensor(this, rows, cols, ptr);
        Memory m = memory;
        CLEANER.register(t, () -> m.free(ptr));
        launch1d(Kernel.FILL, n, ptr, 0f, (int) n);
        return t;
    }

    @Override
    public void copyIn(float[] src, Tensor dst) {
        long o = d(dst);
        if (src.length != dst.size()) {
            throw new IllegalArgumentException("copyIn: array length " + src.length + " != " + dst.shape());
        }
        try (Arena arena = Arena.ofConfined()) {
            htod(o, arena.allocateFrom(JAVA_FLOAT, src), 4L * src.length);
        }
    }

    @Override
    public void copyIn(double[] src, Tensor dst) {
        if (src.length != dst.size()) {
            throw new IllegalArgumentException("copyIn: array length " + src.length + " != " + dst.shape());
        }
        float[] f = new float[src.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) src[i];
        }
        copyIn(f, dst);
    }

    @Override
    public void copyOut(Tensor src, float[] dst) {
        long s = d(src);
        if (dst.length < src.size()) {
            throw new IllegalArgumentException("copyOut: array length " + dst.length + " < " + src.shape());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(JAVA_FLOAT, src.size());
            dtoh(buf, s, 4L * src.size());
            MemorySegment.copy(buf, JAVA_FLOAT, 0, dst, 0, src.size());
        }
    }

    @Override
    public void copyOut(Tensor src, double[] dst) {
        if (dst.length < src.size()) {
            throw new IllegalArgumentException("copyOut: array length " + dst.length + " < " + src.shape());
        }
        float[] f = new float[src.size()];
        copyOut(src, f);
        for (int i = 0; i < f.length; i++) {
            dst[i] = f[i];
        }
    }

    private static long index(Tensor t, int row, int col) {
        if (row < 0 || row >= t.rows() || col < 0 || col >= t.cols()) {
            throw new IllegalArgumentException("index (" + row + "," + col + ") outside " + t.shape());
        }
        return (long) row * t.cols() + col;
    }

    @Override
    public double get(Tensor t, int row, int col) {
        long base = d(t);
        long i = index(t, row, col);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(JAVA_FLOAT);
            dtoh(buf, base + 4 * i, 4);
            return buf.get(JAVA_FLOAT, 0);
        }
    }

    @Override
    public void set(Tensor t, int row, int col, double value) {
        long base = d(t);
        long i = index(t, row, col);
        try (Arena arena = Arena.ofConfined()) {
            htod(base + 4 * i, arena.allocateFrom(JAVA_FLOAT, (float) value), 4);
        }
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        sameShape("copy", src, dst);
        long s = d(src);
        long o = d(dst);
        if (s != o) {
            dtod(o, s, 4L * src.size());
        }
    }

    @Override
    public void copyRows(Tensor src, int srcRow, Tensor dst, int dstRow, int count) {
        if (src.cols() != dst.cols() || count < 0 || srcRow < 0 || dstRow < 0
                || srcRow + count > src.rows() || dstRow + count > dst.rows()) {
            throw new IllegalArgumentException("copyRows: " + count + " rows from " + src.shape() + "@" + srcRow
                    + " to " + dst.shape() + "@" + dstRow + " do not fit");
        }
        long n = src.cols();
        if (count > 0) {
            dtod(d(dst) + 4 * n * dstRow, d(src) + 4 * n * srcRow, 4 * n * count);
        }
    }

    @Override
    public void fill(Tensor t, double value) {
        launch1d(Kernel.FILL, t.size(), d(t), (float) value, t.size());
    }

    @Override
    public void fillNormal(Tensor t, double mean, double std, RandomGenerator rng) {
        d(t);
        float[] v = new float[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (mean + std * rng.nextGaussian()); // host draws, same order as the CPU backend
        }
        copyIn(v, t);
    }

    @Override
    public void fillUniform(Tensor t, double lo, double hi, RandomGenerator rng) {
        d(t);
        float[] v = new float[t.size()];
        double w = hi - lo;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + w * rng.nextDouble());
        }
        copyIn(v, t);
    }

    // ---- linear algebra ----

    @Override
    public void matmul(Tensor a, boolean transA, Tensor b, boolean transB, double alpha, double beta, Tensor c) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("matmul: op(a) " + m + "x" + k + " times op(b) " + kb + "x" + n
                    + " into c " + c.shape() + " (a " + a.shape() + (transA ? "ᵀ" : "") + ", b " + b.shape()
                    + (transB ? "ᵀ" : "") + ")");
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("matmul: c may not alias an operand");
        }
        long pa = d(a);
        long pb = d(b);
        long pc = d(c);
        if (cublas != null) {
            enter();
            cublas.sgemm(transA, transB, m, n, k, (float) alpha, pa, a.cols(), pb, b.cols(), (float) beta, pc);
            return;
        }
        int gy = (m + TILE - 1) / TILE;
        if (gy > 65535) {
            throw new IllegalArgumentException("matmul: " + m + " rows exceed the kernel's grid (" + 65535 * TILE + ")");
        }
        launch(Kernel.GEMM, (n + TILE - 1) / TILE, gy, TILE, TILE, transA ? 1 : 0, transB ? 1 : 0, m, n, k,
                (float) alpha, pa, a.cols(), pb, b.cols(), (float) beta, pc, n);
    }

    // ---- convolution support ----

    @Override
    public void im2col(Tensor x, ConvShape s, Tensor cols) {
        int batch = s.checkShapes("im2col", x, cols);
        launch1d(Kernel.IM2COL, cols.size(), d(x), d(cols), batch, s.channels(), s.height(), s.width(), s.kernelH(),
                s.kernelW(), s.stride(), s.pad(), s.outH(), s.outW());
    }

    @Override
    public void col2im(Tensor cols, ConvShape s, Tensor x) {
        int batch = s.checkShapes("col2im", x, cols);
        launch1d(Kernel.COL2IM, x.size(), d(cols), d(x), batch, s.channels(), s.height(), s.width(), s.kernelH(),
                s.kernelW(), s.stride(), s.pad(), s.outH(), s.outW());
    }

    @Override
    public void reshape(Tensor src, Tensor dst) {
        if (src.size() != dst.size()) {
            throw new IllegalArgumentException("reshape: " + src.shape() + " and " + dst.shape() + " differ in size");
        }
        long s = d(src);
        long o = d(dst);
        if (s != o) {
            dtod(o, s, 4L * src.size());
        }
    }

    // ---- elementwise ----

    @Override
    public void map(UnaryOp op, Tensor x, double p, double q, Tensor out) {
        sameShape("map " + op, x, out);
        launch1d(Kernel.MAP, x.size(), op.ordinal(), d(x), (float) p, (float) q, d(out), x.size());
    }

    @Override
    public void affine(Tensor x, double a, double b, Tensor out) {
        sameShape("affine", x, out);
        launch1d(Kernel.AFFINE, x.size(), d(x), (float) a, (float) b, d(out), x.size());
    }

    @Override
    public void zip(BinaryOp op, Tensor a, Tensor b, double p, double q, Tensor out) {
        sameShape("zip " + op, a, b);
        sameShape("zip " + op, a, out);
        launch1d(Kernel.ZIP, a.size(), op.ordinal(), d(a), d(b), (float) p, (float) q, d(out), a.size());
    }

    private static final int MODE_SCALAR = 0;
    private static final int MODE_ROW = 1;
    private static final int MODE_COL = 2;

    @Override
    public void broadcast(BinaryOp op, Tensor x, Tensor small, Tensor out) {
        sameShape("broadcast " + op, x, out);
        switch (op) {
            case ADD, SUB, MUL, DIV, SAFE_DIV -> {
            }
            default -> throw new IllegalArgumentException("broadcast: unsupported op " + op);
        }
        int m = x.rows();
        int n = x.cols();
        int mode;
        if (small.rows() == 1 && small.cols() == 1) {
            mode = MODE_SCALAR;
        } else if (small.rows() == 1 && small.cols() == n) {
            mode = MODE_ROW;
        } else if (small.cols() == 1 && small.rows() == m) {
            mode = MODE_COL;
        } else {
            throw new IllegalArgumentException("broadcast " + op + ": " + small.shape() + " does not broadcast to "
                    + x.shape());
        }
        launch1d(Kernel.BROADCAST, x.size(), op.ordinal(), mode, d(x), d(small), d(out), m, n);
    }

    @Override
    public void expand(Tensor small, Tensor out) {
        int m = out.rows();
        int n = out.cols();
        int mode;
        if (small.rows() == 1 && small.cols() == n) {
            mode = MODE_ROW;
        } else if (small.cols() == 1 && small.rows() == m) {
            mode = MODE_COL;
        } else if (small.rows() == 1 && small.cols() == 1) {
            mode = MODE_SCALAR;
        } else {
            throw new IllegalArgumentException("expand: " + small.shape() + " does not expand to " + out.shape());
        }
        launch1d(Kernel.EXPAND, out.size(), mode, d(small), d(out), m, n);
    }

    // ---- reductions ----

    @Override
    public void reduceSum(Tensor x, Tensor out) {
        int m = x.rows();
        int n = x.cols();
        if (out.rows() == 1 && out.cols() == n) {
            launch1d(Kernel.SUM_COLS, n, d(x), d(out), m, n);
        } else if (out.cols() == 1 && out.rows() == m) {
            launch(Kernel.ROW_REDUCE, m, 1, BLOCK, 1, d(x), d(out), m, n, 0);
        } else if (out.rows() == 1 && out.cols() == 1) {
            wholeSum(x, false, d(out), 0L);
        } else {
            throw new IllegalArgumentException("reduceSum: " + x.shape() + " does not reduce to " + out.shape());
        }
    }

    /** Σx or Σx² in double on the device, into a float and/or a double device slot (0 = none). */
    private void wholeSum(Tensor x, boolean squared, long outF, long outD) {
        int blocks = Math.min(REDUCE_BLOCKS, blocksFor(x.size()));
        launch(Kernel.PARTIAL_SUMS, blocks, 1, BLOCK, 1, d(x), partials, x.size(), squared ? 1 : 0);
        launch(Kernel.SUM_PARTIALS, 1, 1, BLOCK, 1, partials, blocks, outF, outD);
    }

    @Override
    public void rowNorm(Tensor x, Tensor out) {
        if (out.rows() != x.rows() || out.cols() != 1) {
            throw new IllegalArgumentException("rowNorm: out " + out.shape() + " must be " + x.rows() + "x1");
        }
        launch(Kernel.ROW_REDUCE, x.rows(), 1, BLOCK, 1, d(x), d(out), x.rows(), x.cols(), 1);
    }

    @Override
    public double sumOfSquares(Tensor x) {
        wholeSum(x, true, 0L, scalarD);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(JAVA_DOUBLE);
            dtoh(buf, scalarD, 8);
            return buf.get(JAVA_DOUBLE, 0);
        }
    }

    @Override
    public boolean allFinite(Tensor x) {
        long s = d(x);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocateFrom(JAVA_INT, 0);
            htod(flag, buf, 4);
            launch1d(Kernel.NONFINITE, x.size(), s, flag, x.size());
            dtoh(buf, flag, 4);
            return buf.get(JAVA_INT, 0) == 0;
        }
    }

    // ---- optimiser updates ----

    @Override
    public void sgdStep(Tensor param, Tensor grad, double lr) {
        sameShape("sgdStep", param, grad);
        launch1d(Kernel.SGD, param.size(), d(param), d(grad), (float) lr, param.size());
    }

    @Override
    public void momentumStep(Tensor param, Tensor grad, Tensor buf, double lr, double momentum) {
        sameShape("momentumStep", param, grad);
        sameShape("momentumStep", param, buf);
        launch1d(Kernel.MOMENTUM, param.size(), d(param), d(grad), d(buf), (float) lr, (float) momentum,
                param.size());
    }

    @Override
    public void rmsPropStep(Tensor param, Tensor grad, Tensor sq, double lr, double alpha, double eps) {
        sameShape("rmsPropStep", param, grad);
        sameShape("rmsPropStep", param, sq);
        launch1d(Kernel.RMSPROP, param.size(), d(param), d(grad), d(sq), (float) lr, (float) alpha,
                (float) (1 - alpha), (float) eps, param.size());
    }

    @Override
    public void adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, double lr, double beta1, double beta2,
                         double eps, long t) {
        sameShape("adamStep", param, grad);
        sameShape("adamStep", param, m);
        sameShape("adamStep", param, v);
        float step = (float) (lr / (1 - Math.pow(beta1, t)));
        float invSqrtBc2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2, t)));
        launch1d(Kernel.ADAM, param.size(), d(param), d(grad), d(m), d(v), (float) beta1, (float) beta2,
                (float) (1 - beta1), (float) (1 - beta2), step, invSqrtBc2, (float) eps, param.size());
    }

    /** Frees every device buffer, the module and cuBLAS, and releases the primary context. Idempotent. */
    @Override
    public void close() {
        synchronized (memory) {
            if (memory.closed) {
                return;
            }
            try {
                int r = (int) cu.cuCtxSetCurrent.invokeExact(context);
                r = (int) cu.cuCtxSynchronize.invokeExact();
                for (long ptr : memory.live) {
                    r = (int) cu.cuMemFree.invokeExact(ptr);
                }
                memory.live.clear();
                if (cublas != null) {
                    cublas.close();
                }
                r = (int) cu.cuModuleUnload.invokeExact(module);
                r = (int) cu.cuDevicePrimaryCtxRelease.invokeExact(device);
            } catch (Throwable t) {
                // closing after a fault: the driver reclaims everything at process exit
            } finally {
                memory.closed = true;
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** The PTX text (for tests that compare kernel signatures). */
    static String ptxText() throws IOException {
        try (InputStream in = CudaBackend.class.getResourceAsStream(Kernel.PTX_RESOURCE)) {
            if (in == null) {
                throw new IOException("missing " + Kernel.PTX_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
