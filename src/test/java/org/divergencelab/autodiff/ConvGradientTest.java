package org.divergencelab.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.divergencelab.compute.ComputeBackend;
import org.divergencelab.compute.ConvShape;
import org.divergencelab.compute.CpuBackend;
import org.divergencelab.compute.Tensor;
import org.divergencelab.nn.BatchNorm2d;
import org.divergencelab.nn.Conv2d;
import org.divergencelab.nn.ConvTranspose2d;
import org.divergencelab.nn.Init;
import org.divergencelab.nn.LayerNorm;
import org.junit.jupiter.api.Test;

/**
 * Convolution support against independent truth: Conv2d and ConvTranspose2d against direct nested-loop
 * convolutions (float64, 1e-12: the same products summed in another order), and every new tape op and
 * layer (im2col, col2im, reshape, strided conv, transposed conv, batch norm, layer norm after a conv)
 * against central finite differences, first and second order (GradCheck: float64, tol 1e-6), which is
 * what WGAN-GP's double backprop through a convolutional critic needs.
 */
class ConvGradientTest {
    private static final ComputeBackend F64 = GradCheck.F64;

    private static Tensor normal(int rows, int cols, long seed) {
        Tensor t = F64.allocate(rows, cols);
        F64.fillNormal(t, 0, 1, new SplittableRandom(seed));
        return t;
    }

    private static double at(Tensor t, int i) {
        return F64.get(t, i / t.cols(), i % t.cols());
    }

    @Test
    void conv2dMatchesDirectConvolution() {
        ConvShape s = new ConvShape(3, 7, 6, 3, 3, 2, 1);
        int oc = 4;
        int batch = 2;
        Conv2d conv = new Conv2d("c", F64, s, oc, Init.HE, new SplittableRandom(1));
        F64.fillNormal(conv.parameters().get(1).value(), 0, 1, new SplittableRandom(2));
        Tensor x = normal(batch, s.inputSize(), 3);
        Tape t = new Tape(F64);
        Tensor y = conv.forward(t, t.constant(x)).value();
        Tensor w = conv.parameters().get(0).value();
        Tensor b = conv.parameters().get(1).value();
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < s.outH(); oy++) {
                for (int ox = 0; ox < s.outW(); ox++) {
                    for (int o = 0; o < oc; o++) {
                        double acc = F64.get(b, 0, o);
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int yy = oy * 2 - 1 + ky;
                                int xx = ox * 2 - 1 + kx;
                                if (yy < 0 || yy >= 7 || xx < 0 || xx >= 6) {
                                    continue;
                                }
                                for (int c = 0; c < 3; c++) {
                                    acc += F64.get(x, n, (yy * 6 + xx) * 3 + c) * F64.get(w, (ky * 3 + kx) * 3 + c, o);
                                }
                            }
                        }
                        assertEquals(acc, F64.get(y, n, (oy * s.outW() + ox) * oc + o), 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void transposedConvMatchesDirectScatter() {
        // doubles the side like PyTorch ConvTranspose2d(k=4, s=2, p=1): 3x3x5 -> 6x6x2
        ConvShape s = new ConvShape(2, 6, 6, 4, 4, 2, 1);
        assertEquals(3, s.outH());
        int ic = 5;
        ConvTranspose2d ct = new ConvTranspose2d("t", F64, ic, s, Init.HE, new SplittableRandom(4));
        F64.fillNormal(ct.parameters().get(1).value(), 0, 1, new SplittableRandom(5));
        Tensor x = normal(2, ct.inputSize(), 6);
        Tape t = new Tape(F64);
        Tensor y = ct.forward(t, t.constant(x)).value();
        Tensor w = ct.parameters().get(0).value();
        double[] want = new double[2 * 6 * 6 * 2];
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < 36; i++) {
                for (int c = 0; c < 2; c++) {
                    want[n * 72 + i * 2 + c] = F64.get(ct.parameters().get(1).value(), 0, c);
                }
            }
            for (int iy = 0; iy < 3; iy++) {
                for (int ix = 0; ix < 3; ix++) {
                    for (int ci = 0; ci < ic; ci++) {
                        double v = F64.get(x, n, (iy * 3 + ix) * ic + ci);
                        for (int ky = 0; ky < 4; ky++) {
                            for (int kx = 0; kx < 4; kx++) {
                                int oy = iy * 2 - 1 + ky;
                                int ox = ix * 2 - 1 + kx;
                                if (oy < 0 || oy >= 6 || ox < 0 || ox >= 6) {
                                    continue;
                                }
                                for (int c = 0; c < 2; c++) {
                                    want[n * 72 + (oy * 6 + ox) * 2 + c] += v * F64.get(w, ci, (ky * 4 + kx) * 2 + c);
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], at(y, i), 1e-12, "element " + i);
        }
    }

    @Test
    void im2colCol2imReshapeFirstAndSecondOrder() {
        ConvShape s = new ConvShape(2, 5, 4, 3, 2, 2, 1);
        Tensor wCols = normal(s.patchRows(2), s.patchSize(), 7);
        GradCheck.check("im2col", (t, xs) -> t.sum(t.mul(t.tanh(t.im2col(xs[0], s)), t.constant(wCols))),
                normal(2, s.inputSize(), 8));
        Tensor wImg = normal(2, s.inputSize(), 9);
        GradCheck.check("col2im", (t, xs) -> t.sum(t.mul(t.tanh(t.col2im(xs[0], s)), t.constant(wImg))),
                normal(s.patchRows(2), s.patchSize(), 10));
        GradCheck.check("reshape", (t, xs) -> t.sum(t.tanh(t.mulRow(t.reshape(xs[0], 6, 4), xs[1]))),
                normal(3, 8, 11), normal(1, 4, 12));
    }

    @Test
    void convolutionWithWeightsFirstAndSecondOrder() {
        // f(x, W) = Σ softplus(im2col(x)·W)·w: second order in x and W, like a GP critic's penalty
        ConvShape s = new ConvShape(2, 6, 5, 3, 3, 2, 1);
        Tensor out = normal(s.patchRows(2), 3, 13);
        GradCheck.check("strided conv", (t, xs) -> t.sum(t.mul(t.softplus(t.matmul(t.im2col(xs[0], s), xs[1])),
                t.constant(out))), normal(2, s.inputSize(), 14), normal(s.patchSize(), 3, 15));
        ConvShape up = new ConvShape(2, 6, 6, 4, 4, 2, 1);
        Tensor img = normal(2, up.inputSize(), 16);
        GradCheck.check("transposed conv", (t, xs) -> t.sum(t.mul(t.tanh(t.col2im(t.matmul(t.reshape(xs[0],
                2 * 9, 3), xs[1]), up)), t.constant(img))), normal(2, 27, 17), normal(3, up.patchSize(), 18));
    }

    @Test
    void normalisationLayersAfterConvFirstAndSecondOrder() {
        BatchNorm2d bn = new BatchNorm2d("bn", F64, 3, 1e-5);
        Tensor w = normal(4, 12, 19);
        GradCheck.check("batch norm", (t, xs) -> t.sum(t.mul(t.tanh(bn.forward(t, xs[0])), t.constant(w))),
                normal(4, 12, 20));
        ConvShape s = new ConvShape(1, 4, 4, 2, 2, 2, 0);
        Conv2d conv = new Conv2d("c", F64, s, 3, Init.HE, new SplittableRandom(21));
        LayerNorm ln = new LayerNorm("ln", F64, 12, 1e-5);
        Tensor w2 = normal(3, 12, 22);
        GradCheck.check("conv + layer norm", (t, xs) -> t.sum(t.mul(t.softplus(ln.forward(t, conv.forward(t, xs[0]))),
                t.constant(w2))), normal(3, 16, 23));
    }

    @Test
    void batchNormNormalisesEachChannel() {
        BatchNorm2d bn = new BatchNorm2d("bn", F64, 2, 1e-9);
        Tensor x = normal(5, 8, 24); // 4 pixels x 2 channels per sample
        Tape t = new Tape(F64);
        Tensor y = bn.forward(t, t.constant(x)).value();
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            double sq = 0;
            for (int n = 0; n < 5; n++) {
                for (int p = 0; p < 4; p++) {
                    double v = F64.get(y, n, p * 2 + c);
                    sum += v;
                    sq += v * v;
                }
            }
            assertEquals(0, sum / 20, 1e-9);
            assertEquals(1, sq / 20, 1e-6);
        }
    }

    @Test
    void badShapesNameTheLayer() {
        Conv2d conv = new Conv2d("enc1", CpuBackend.INSTANCE, new ConvShape(1, 4, 4, 2, 2, 2, 0), 3, Init.HE,
                new SplittableRandom(1));
        Tape t = new Tape(CpuBackend.INSTANCE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.forward(t, t.constant(2, 15)));
        assertEquals(true, e.getMessage().contains("enc1") && e.getMessage().contains("16"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConvShape(1, 2, 2, 5, 5, 1, 0));
    }
}
