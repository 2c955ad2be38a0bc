package org.divergencelab.ui.sandbox;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.divergencelab.distribution.Distribution;
import org.divergencelab.sandbox.Edits;
import org.divergencelab.sandbox.SandboxState;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.Range;
import org.divergencelab.ui.plot.XYPlot;

/**
 * Editing P and Q with the mouse on the main plot: drag a component (or the whole Q), scroll to widen or
 * narrow one, or paint a brush stroke that becomes a mixture of small Gaussians. While the button is down
 * only the fast frame is asked for; on release everything else.
 */
final class DragEditing {
    /** Brush width (σ of each brush point), data units. */
    static final double BRUSH_SIGMA = 0.2;
    /** How close (px) the mouse must be to a component's centre to grab it rather than the whole Q. */
    private static final double GRAB_PX = 30;

    private final SandboxView view;
    private final I18n i18n;
    private boolean dragging;
    private boolean dragQ;
    private int dragIndex;
    /** Significant digits of a dragged offset in the spec. */
    static final int DRAG_DIGITS = 4;
    private double lastX;
    private double lastY;
    private double pressX;
    private double pressY;
    /** The dragged distribution as it was when the button went down (the drag's offsets are from it). */
    private Distribution dragStart;
    private final List<double[]> stroke = new ArrayList<>();

    DragEditing(SandboxView view, I18n i18n) {
        this.view = view;
        this.i18n = i18n;
    }

    /** Listens to the main plots (1-D and 2-D). */
    void install(XYPlot... plots) {
        for (XYPlot p : plots) {
            p.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
            p.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
            p.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
            p.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        }
    }

    /** True while the mouse button is down on the main plot. */
    boolean dragging() {
        return dragging;
    }

    /** The brush stroke being drawn (empty when none). */
    List<double[]> stroke() {
        return stroke;
    }

    private void pressed(MouseEvent e) {
        XYPlot p = view.mainPlot();
        if (!p.inPlotArea(e.getX(), e.getY())) {
            return;
        }
        var d = p.toData(e.getX(), e.getY());
        lastX = d.getX();
        lastY = d.getY();
        // fix the axes while the mouse is down, so the data under the cursor does not slide away
        p.axes().setXRange(new Range(p.axes().xMin(), p.axes().xMax()));
        p.axes().setYRange(new Range(p.axes().yMin(), p.axes().yMax()));
        dragging = true;
        if (view.brushOn()) {
            stroke.clear();
            stroke.add(new double[] {lastX, view.state().dimension() == 1 ? 0 : lastY});
            return;
        }
        double radius = GRAB_PX / p.axes().pixelsPerUnitX();
        double y = view.state().dimension() == 1 ? 0 : lastY;
        Edits.Handle hq = Edits.nearest(view.state().distributionQ(), lastX, y, radius);
        Edits.Handle hp = hq == null ? Edits.nearest(view.state().distributionP(), lastX, y, radius) : null;
        dragQ = hp == null;
        dragIndex = hq != null ? hq.index() : hp != null ? hp.index() : -1;
        pressX = lastX;
        pressY = y;
        dragStart = dragQ ? view.state().distributionQ() : view.state().distributionP();
    }

    private void dragged(MouseEvent e) {
        if (!dragging) {
            return;
        }
        var d = view.mainPlot().toData(e.getX(), e.getY());
        if (view.brushOn()) {
            double[] last = stroke.get(stroke.size() - 1);
            double y = view.state().dimension() == 1 ? 0 : d.getY();
            if (Math.hypot(d.getX() - last[0], y - last[1]) > BRUSH_SIGMA / 2 && stroke.size() < 400) {
                stroke.add(new double[] {d.getX(), y});
                view.redrawFrame();
            }
            return;
        }
        double dx = d.getX() - lastX;
        double dy = view.state().dimension() == 1 ? 0 : d.getY() - lastY;
        lastX = d.getX();
        lastY = d.getY();
        if (dx == 0 && dy == 0) {
            return;
        }
        SandboxState next;
        try {
            // the whole displacement since the press, rounded once: the spec stays short and never drifts
            double y = view.state().dimension() == 1 ? 0 : d.getY();
            String spec = Edits.moveRounded(dragStart, dragIndex, d.getX() - pressX, y - pressY, DRAG_DIGITS).spec();
            String now = dragQ ? view.state().q() : view.state().p();
            if (spec.equals(now)) {
                return;
            }
            next = dragQ ? view.state().withQ(spec) : view.state().withP(spec);
        } catch (RuntimeException ex) {
            view.say(i18n.text("sandbox.msg.badSpec", ex.getMessage()));
            return;
        }
        // only the fast frame follows the mouse; estimates, networks and the sweep follow on release
        view.followDrag(next);
    }

    private void released(MouseEvent e) {
        if (!dragging) {
            return;
        }
        dragging = false;
        view.mainPlot().axes().setXRange(null);
        view.mainPlot().axes().setYRange(null);
        if (view.brushOn() && !stroke.isEmpty()) {
            double[] x = new double[stroke.size()];
            double[] y = new double[stroke.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = stroke.get(i)[0];
                y[i] = stroke.get(i)[1];
            }
            stroke.clear();
            String spec = Edits.brushSpec(view.state().dimension(), BRUSH_SIGMA, x, y);
            boolean intoQ = view.brushIntoQ();
            view.trySet(() -> intoQ ? view.state().withQ(spec) : view.state().withP(spec), "sandbox.msg.badSpec");
            return;
        }
        view.requestAll();
    }

    private void scrolled(ScrollEvent e) {
        XYPlot p = view.mainPlot();
        if (e.getDeltaY() == 0 || !p.inPlotArea(e.getX(), e.getY())) {
            return;
        }
        var d = p.toData(e.getX(), e.getY());
        double radius = GRAB_PX / p.axes().pixelsPerUnitX();
        double y = view.state().dimension() == 1 ? 0 : d.getY();
        Edits.Handle hq = Edits.nearest(view.state().distributionQ(), d.getX(), y, radius);
        Edits.Handle hp = hq == null ? Edits.nearest(view.state().distributionP(), d.getX(), y, radius) : null;
        boolean q = hp == null;
        int idx = hq != null ? hq.index() : hp != null ? hp.index() : -1;
        double factor = e.getDeltaY() > 0 ? 1.1 : 1 / 1.1;
        view.trySet(() -> {
            Distribution t = q ? view.state().distributionQ() : view.state().distributionP();
            String spec = Edits.scale(t, idx, factor).spec();
            return q ? view.state().withQ(spec) : view.state().withP(spec);
        }, "sandbox.msg.cannotScale");
        e.consume();
    }

}
