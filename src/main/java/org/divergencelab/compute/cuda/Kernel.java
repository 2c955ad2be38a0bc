package org.divergencelab.compute.cuda;

import java.util.List;

/**
 * The kernels in {@code kernels.ptx} and the argument types the launcher passes, in order. The launcher
 * refuses arguments of another type, and {@code KernelSignatureTest} compares these lists with the
 * {@code .param} lists of the PTX entries, so a Java-side launch cannot disagree with the kernel.
 */
enum Kernel {
    FILL("fill_f32", Arg.PTR, Arg.F32, Arg.I32),
    AFFINE("affine_f32", Arg.PTR, Arg.F32, Arg.F32, Arg.PTR, Arg.I32),
    MAP("map_f32", Arg.I32, Arg.PTR, Arg.F32, Arg.F32, Arg.PTR, Arg.I32),
    ZIP("zip_f32", Arg.I32, Arg.PTR, Arg.PTR, Arg.F32, Arg.F32, Arg.PTR, Arg.I32),
    BROADCAST("broadcast_f32", Arg.I32, Arg.I32, Arg.PTR, Arg.PTR, Arg.PTR, Arg.I32, Arg.I32),
    EXPAND("expand_f32", Arg.I32, Arg.PTR, Arg.PTR, Arg.I32, Arg.I32),
    SUM_COLS("sum_cols_f32", Arg.PTR, Arg.PTR, Arg.I32, Arg.I32),
    ROW_REDUCE("row_reduce_f32", Arg.PTR, Arg.PTR, Arg.I32, Arg.I32, Arg.I32),
    PARTIAL_SUMS("partial_sums_f64", Arg.PTR, Arg.PTR, Arg.I32, Arg.I32),
    SUM_PARTIALS("sum_partials_f64", Arg.PTR, Arg.I32, Arg.PTR, Arg.PTR),
    NONFINITE("nonfinite_f32", Arg.PTR, Arg.PTR, Arg.I32),
    SGD("sgd_f32", Arg.PTR, Arg.PTR, Arg.F32, Arg.I32),
    MOMENTUM("momentum_f32", Arg.PTR, Arg.PTR, Arg.PTR, Arg.F32, Arg.F32, Arg.I32),
    RMSPROP("rmsprop_f32", Arg.PTR, Arg.PTR, Arg.PTR, Arg.F32, Arg.F32, Arg.F32, Arg.F32, Arg.I32),
    ADAM("adam_f32", Arg.PTR, Arg.PTR, Arg.PTR, Arg.PTR, Arg.F32, Arg.F32, Arg.F32, Arg.F32, Arg.F32, Arg.F32,
            Arg.F32, Arg.I32),
    GEMM("gemm_f32", Arg.I32, Arg.I32, Arg.I32, Arg.I32, Arg.I32, Arg.F32, Arg.PTR, Arg.I32, Arg.PTR, Arg.I32,
            Arg.F32, Arg.PTR, Arg.I32),
    IM2COL("im2col_f32", Arg.PTR, Arg.PTR, Arg.I32, Arg.I32, Arg.I32, Arg.I32, Arg.I32, Arg.I32, Arg.I32, Arg.I32,
            Arg.I32, Arg.I32),
    COL2IM("col2im_f32", Arg.PTR, Arg.PTR, Arg.I32, Arg.I32, Arg.I32, Arg.I32, Arg.I32, Arg.I32, Arg.I32, Arg.I32,
            Arg.I32, Arg.I32);

    /** A kernel parameter: a device pointer (u64 in PTX), a float (f32) or an int (u32/s32). */
    enum Arg {
        PTR, F32, I32
    }

    /** The PTX resource holding every kernel. */
    static final String PTX_RESOURCE = "/org/divergencelab/compute/cuda/kernels.ptx";

    final String symbol;
    final List<Arg> args;

    Kernel(String symbol, Arg... args) {
        this.symbol = symbol;
        this.args = List.of(args);
    }
}
