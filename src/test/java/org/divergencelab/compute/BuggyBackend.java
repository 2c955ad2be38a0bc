package org.divergencelab.compute;

import java.util.random.RandomGenerator;

/** The CPU backend with three planted bugs, to show the conformance suite fails when it should. */
public final class BuggyBackend implements ComputeBackend {
    private final ComputeBackend cpu = CpuBackend.INSTANCE;

    @Override
    public String name() {
        return "buggy";
    }

    @Override
    public Tensor allocate(int rows, int cols) {
        return cpu.allocate(rows, cols);
    }

    @Override
    public void copyIn(float[] src, Tensor dst) {
        cpu.copyIn(src, dst);
    }

    @Override
    public void copyIn(double[] src, Tensor dst) {
        cpu.copyIn(src, dst);
    }

    @Override
    public void copyOut(Tensor src, float[] dst) {
        cpu.copyOut(src, dst);
    }

    @Override
    public void copyOut(Tensor src, double[] dst) {
        cpu.copyOut(src, dst);
    }

    @Override
    public double get(Tensor t, int row, int col) {
        return cpu.get(t, row, col);
    }

    @Override
    public void set(Tensor t, int row, int col, double value) {
        cpu.set(t, row, col, value);
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        cpu.copy(src, dst);
    }

    @Override
    public void copyRows(Tensor src, int srcRow, Tensor dst, int dstRow, int count) {
        cpu.copyRows(src, srcRow, dst, dstRow, count);
    }

    @Override
    public void fill(Tensor t, double value) {
        cpu.fill(t, value);
    }

    @Override
    public void fillNormal(Tensor t, double mean, double std, RandomGenerator rng) {
        cpu.fillNormal(t, mean, std, rng);
    }

    @Override
    public void fillUniform(Tensor t, double lo, double hi, RandomGenerator rng) {
        cpu.fillUniform(t, lo, hi, rng);
    }

    @Override
    public void matmul(Tensor a, boolean transA, Tensor b, boolean transB, double alpha, double beta, Tensor c) {
        cpu.matmul(a, transA, b, transB, alpha, beta == 0 ? 1e-3 : beta, c); // reads C even when beta = 0
    }

    @Override
    public void map(UnaryOp op, Tensor x, double p, double q, Tensor out) {
        cpu.map(op, x, p, q, out);
        if (op == UnaryOp.TANH) {
            cpu.affine(out, 1.0001, 0, out);
        }
    }

    @Override
    public void affine(Tensor x, double a, double b, Tensor out) {
        cpu.affine(x, a, b, out);
    }

    @Override
    public void zip(BinaryOp op, Tensor a, Tensor b, double p, double q, Tensor out) {
        cpu.zip(op, a, b, p, q, out);
    }

    @Override
    public void broadcast(BinaryOp op, Tensor x, Tensor small, Tensor out) {
        cpu.broadcast(op, x, small, out);
    }

    @Override
    public void expand(Tensor small, Tensor out) {
        cpu.expand(small, out);
    }

    @Override
    public void reduceSum(Tensor x, Tensor out) {
        cpu.reduceSum(x, out);
        if (out.rows() == 1 && out.cols() > 1) {
            cpu.set(out, 0, out.cols() - 1, 0);
        }
    }

    @Override
    public void rowNorm(Tensor x, Tensor out) {
        cpu.rowNorm(x, out);
    }

    @Override
    public double sumOfSquares(Tensor x) {
        return cpu.sumOfSquares(x);
    }

    @Override
    public boolean allFinite(Tensor x) {
        return cpu.allFinite(x);
    }

    @Override
    public void sgdStep(Tensor param, Tensor grad, double lr) {
        cpu.sgdStep(param, grad, lr);
    }

    @Override
    public void momentumStep(Tensor param, Tensor grad, Tensor buf, double lr, double momentum) {
        cpu.momentumStep(param, grad, buf, lr, momentum);
    }

    @Override
    public void rmsPropStep(Tensor param, Tensor grad, Tensor sq, double lr, double alpha, double eps) {
        cpu.rmsPropStep(param, grad, sq, lr, alpha, eps);
    }

    @Override
    public void adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, double lr, double beta1, double beta2, double eps, long t) {
        cpu.adamStep(param, grad, m, v, lr, beta1, beta2, eps, t);
    }


    @Override
    public void im2col(Tensor x, ConvShape s, Tensor cols) {
        cpu.im2col(x, s, cols);
    }

    @Override
    public void col2im(Tensor cols, ConvShape s, Tensor x) {
        cpu.col2im(cols, s, x);
    }

    @Override
    public void reshape(Tensor src, Tensor dst) {
        cpu.reshape(src, dst);
    }
}
