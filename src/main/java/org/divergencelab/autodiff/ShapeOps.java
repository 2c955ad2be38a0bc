package org.divergencelab.autodiff;

import org.divergencelab.compute.ConvShape;
import org.divergencelab.compute.Tensor;

/**
 * Row slicing and padding, im2col/col2im and reshape on a {@link Tape}: each op's forward and, right
 * below it, its derivative rule (the entry of {@link Var.Kind}). All are linear; each rule is the adjoint
 * op, recorded on the tape, so derivatives of any order follow.
 */
final class ShapeOps {
    private ShapeOps() {
    }

    // ---- SLICE_ROWS: rows [from, from+count) of x

    static Var sliceRows(Tape t, Var x, int from, int count) {
        t.check(x, "sliceRows x");
        if (from < 0 || count < 1 || from + count > x.rows()) {
            throw new IllegalArgumentException("sliceRows: rows [" + from + ", " + (from + count) + ") outside "
                    + x.value.shape());
        }
        Var v = t.owned(Var.Kind.SLICE_ROWS, count, x.cols());
        v.a = x;
        v.offset = from;
        v.constant |= x.constant;
        t.backend().copyRows(x.value, from, v.value, 0, count);
        return v;
    }

    static void sliceRowsRule(Tape t, Var v, Var g) {
        Var a = v.a;
        if (t.needs(a)) {
            t.accumulate(a, padRows(t, g, v.offset, a.rows()));
        }
    }

    // ---- PAD_ROWS: x at rows [from, from+x.rows) of a zero matrix (the adjoint of slicing)

    static Var padRows(Tape t, Var x, int from, int totalRows) {
        t.check(x, "padRows x");
        if (from < 0 || from + x.rows() > totalRows) {
            throw new IllegalArgumentException("padRows: " + x.value.shape() + " at row " + from + " outside "
                    + totalRows + " rows");
        }
        Var v = t.owned(Var.Kind.PAD_ROWS, totalRows, x.cols());
        v.a = x;
        v.offset = from;
        v.constant |= x.constant;
        t.backend().fill(v.value, 0);
        t.backend().copyRows(x.value, 0, v.value, from, x.rows());
        return v;
    }

    static void padRowsRule(Tape t, Var v, Var g) {
        Var a = v.a;
        if (t.needs(a)) {
            t.accumulate(a, sliceRows(t, g, v.offset, a.rows()));
        }
    }

    // ---- IM2COL / COL2IM: each other's adjoint, so each one's rule is the other

    static Var im2col(Tape t, Var x, ConvShape s) {
        t.check(x, "im2col x");
        Var v = t.owned(Var.Kind.IM2COL, s.patchRows(x.rows()), s.patchSize());
        v.a = x;
        v.conv = s;
        v.constant |= x.constant;
        t.backend().im2col(x.value, s, v.value);
        return v;
    }

    static void im2colRule(Tape t, Var v, Var g) {
        if (t.needs(v.a)) {
            t.accumulate(v.a, col2im(t, g, v.conv));
        }
    }

    static Var col2im(Tape t, Var cols, ConvShape s) {
        t.check(cols, "col2im cols");
        int per = s.outH() * s.outW();
        if (cols.rows() % per != 0 || cols.cols() != s.patchSize()) {
            throw new IllegalArgumentException("col2im: columns " + cols.value.shape() + " do not fit " + s);
        }
        Var v = t.owned(Var.Kind.COL2IM, cols.rows() / per, s.inputSize());
        v.a = cols;
        v.conv = s;
        v.constant |= cols.constant;
        t.backend().col2im(cols.value, s, v.value);
        return v;
    }

    static void col2imRule(Tape t, Var v, Var g) {
        if (t.needs(v.a)) {
            t.accumulate(v.a, im2col(t, g, v.conv));
        }
    }

    // ---- RESHAPE: the same elements in row-major order under another shape

    static Var reshape(Tape t, Var x, int rows, int cols) {
        t.check(x, "reshape x");
        if ((long) rows * cols != x.value.size()) {
            throw new IllegalArgumentException("reshape: " + x.value.shape() + " cannot become " + rows + "x" + cols);
        }
        if (x.rows() == rows) {
            return x;
        }
        // A view of x's value where the backend can share storage (no copy): safe because a recorded
        // value is never written again until the next reset. The view is kept in its own field, never as
        // the slot's buffer, so a later step that reuses this slot for another op cannot write into x.
        Var v = t.slot(Var.Kind.RESHAPE);
        Tensor view = v.view;
        if (view == null || v.viewSource != x.value || !view.hasShape(rows, cols)) {
            view = t.backend().view(x.value, rows, cols);
            v.view = view;
            v.viewSource = x.value;
        }
        if (view != null) {
            v.value = view;
        } else {
            Tensor buf = v.buffer;
            if (buf == null || !buf.hasShape(rows, cols)) {
                buf = t.backend().allocate(rows, cols);
                v.buffer = buf;
            }
            v.value = buf;
            t.backend().reshape(x.value, buf);
        }
        v.a = x;
        v.constant |= x.constant;
        return v;
    }

    static void reshapeRule(Tape t, Var v, Var g) {
        Var a = v.a;
        if (t.needs(a)) {
            t.accumulate(a, reshape(t, g, a.rows(), a.cols()));
        }
    }
}
