package org.divergencelab.ui.sandbox;

import org.divergencelab.ui.util.FxThread;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.divergencelab.distribution.Distribution;
import org.divergencelab.sandbox.BulldozerExample;
import org.divergencelab.sandbox.Edits;
import org.divergencelab.sandbox.SandboxCompute;
import org.divergencelab.sandbox.SandboxSession;
import org.divergencelab.sandbox.SandboxState;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.plot.CurveLayer;
import org.divergencelab.ui.plot.HistogramLayer;
import org.divergencelab.ui.plot.Layer;
import org.divergencelab.ui.plot.MatrixView;
import org.divergencelab.ui.plot.ScatterLayer;
import org.divergencelab.ui.plot.ScatterPlot;
import org.divergencelab.ui.plot.SegmentLayer;
import org.divergencelab.ui.plot.XYPlot;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * The sandbox: two distributions P and Q to drag, widen, draw and import, with live read-outs (true values,
 * estimates from n samples, a live discriminator), the sweep over offsets, the transport plan, the bulldozer
 * example, a 1-D critic with its Lipschitz cone and the formula panel. The FX thread only draws: every number
 * comes from a {@link SandboxSession} on background threads (newest request wins), and an
 * {@link AnimationTimer} draws the newest result once per pulse. A scene configures it through
 * {@link #setState(SandboxState)}, including which controls are hidden.
 */
public final class SandboxView {

    /** Ready pairs (P, Q) for the preset box; the label comes from the bundles. */
    record Preset(String key, String p, String q) {
    }

    static final List<Preset> PRESETS = List.of(
            new Preset("gauss1d", "normal(0,0.5)", "normal(4,0.5)"),
            new Preset("uniform1d", "uniform(0,1)", "uniform(2,3)"),
            new Preset("points1d", "point(0)", "point(2)"),
            new Preset("mixture1d", "mixture(0.5*normal(-2,0.5),0.5*normal(2,0.5))", "normal(5,0.7)"),
            new Preset("gauss2d", "normal2(0,0,0.5,0.5)", "normal2(3,1,0.5,0.5)"),
            new Preset("lines2d", "segment(0,-1,0,1)", "segment(2,-1,2,1)"),
            new Preset("ring2d", "ring(8,2,0.1)", "translate(3,0,ring(8,1,0.1))"),
            new Preset("drawn2d", "drawn(0.2,-1,0,0,1,1,0)", "normal2(3,0,0.4,0.4)"));

    private final I18n i18n;
    private final ThemeManager themes;
    private final SandboxSession session;
    private final AtomicReference<SandboxCompute.Frame> pendingFrame = new AtomicReference<>();
    private final AtomicReference<SandboxCompute.Learned> pendingLearned = new AtomicReference<>();
    private final AtomicReference<SandboxCompute.Sweep> pendingSweep = new AtomicReference<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private SandboxState state = SandboxState.defaults();
    private SandboxCompute.Frame frame;
    private SandboxCompute.Learned learned;
    private SandboxCompute.Sweep sweep;
    private long framesDrawn;
    /** Where the specs came from (a scene's title, a file's name) while they are unedited; null: none. */
    private String source;
    private ScrollPane valuesPane;
    private boolean estimatesStale;
    private boolean sweepStale;
    private boolean staleDuringDrag;
    private int shownDimension = 0;

    // widgets
    private final BorderPane root = new BorderPane();
    private final GridPane plots = new GridPane();
    private final ScrollPane plotScroll = new ScrollPane();
    /** Columns of plots now shown (1 or 2). */
    private int plotColumns;
    private static final double GAP = 6;
    private final XYPlot plot1 = new XYPlot();
    private final ScatterPlot plot2 = new ScatterPlot();
    private final MatrixView gamma = new MatrixView();
    private final MatrixView bulldozer = new MatrixView();
    private final Label bulldozerCost = new Label();
    private final Map<String, Node> controls = new HashMap<>();
    private final ToggleGroup planGroup = new ToggleGroup();
    private final ScrollPane controlPane;
    private final FormulaPanel formulas;
    private final SandboxFiles files;
    private final DragEditing drag;
    private final SandboxReadouts readouts;
    private final SandboxControls controlsPanel;
    private final SweepAndCriticPlots charts;
    /** The presentation mode the toggle drives: the main window's (app-wide) or, standalone, one of its own. */
    private org.divergencelab.ui.theme.PresentationMode presentationMode;
    private org.divergencelab.ui.theme.PresentationMode ownPresentationMode;
    private boolean updatingControls;


    /** The first measurements wait until the tab is shown (see the three-argument constructor). */
    private boolean deferred;

    private final AnimationTimer drawer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawPending();
        }
    };

    public SandboxView(I18n i18n, ThemeManager themes) {
        this(i18n, themes, true);
    }

    /**
     * {@code computeNow} false: the first measurements wait for {@link #shown()} or a {@link #setState} (the main
     * window builds this tab hidden; computing its estimates and training its discriminator at start-up took as
     * much CPU as building the whole window).
     */
    public SandboxView(I18n i18n, ThemeManager themes, boolean computeNow) {
        this.i18n = i18n;
        this.themes = themes;
        this.formulas = new FormulaPanel(i18n, themes);
        this.files = new SandboxFiles(this, i18n, message::set);
        this.charts = new SweepAndCriticPlots(i18n, themes);
        this.controlsPanel = new SandboxControls(this, i18n, files, controls);
        this.readouts = new SandboxReadouts(i18n, controlsPanel.samplesProperty());
        readouts.useUnits(themes.units());
        for (XYPlot p : new XYPlot[] {plot1, plot2}) {
            themes.style(p);
            // P's and Q's peaks reach the top corners (1-D) and the scatter fills the plot (2-D): the legend
            // goes below the plot area, never over the data
            p.setLegendPosition(XYPlot.LegendPosition.BELOW);
        }
        themes.style(gamma);
        themes.style(bulldozer);
        root.setId("sandbox");
        root.getStyleClass().add("sandbox");
        plot1.setId("sandbox-plot1");
        plot2.setId("sandbox-plot2");
        gamma.setId("sandbox-gamma");
        bulldozer.setId("sandbox-bulldozer");

        controlPane = new ScrollPane(controlsPanel.build());
        controlPane.setFitToWidth(true);
        controlPane.setId("sandbox-controls");
        root.setLeft(controlPane);
        ownPresentationMode = new org.divergencelab.ui.theme.PresentationMode(themes, root);
        followPresentation(ownPresentationMode);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && presentationMode == ownPresentationMode) {
                ownPresentationMode.install(scene);
            }
        });

        plots.setHgap(GAP);
        plots.setVgap(GAP);
        plots.setPadding(new Insets(GAP));
        plots.setId("sandbox-plots-grid");
        // The plots scroll when their least readable size does not fit (one column at 1280×720 in the projector
        // theme, 200 % fonts) instead of squeezing to strips; where they fit they fill the viewport.
        plotScroll.setContent(plots);
        plotScroll.setId("sandbox-plots");
        plotScroll.setFitToWidth(true);
        plotScroll.setFitToHeight(true);
        plotScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        plotScroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a == null || a.getWidth() != b.getWidth()) {
                arrangePlots();
            }
        });
        root.setCenter(plotScroll);
        root.widthProperty().addListener((o, a, b) -> fitSides());
        themes.themeProperty().addListener((o, a, t) -> {
            fitSides();
            arrangePlots();
        });
        themes.fontScaleProperty().addListener((o, a, b) -> {
            fitSides();
            arrangePlots();
        });

        ScrollPane right = new ScrollPane(buildRight());
        right.setId("sandbox-values");
        valuesPane = right;
        right.setFitToWidth(true);
        fitSides();
        right.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // titled pane and panel padding take about 40 px of the viewport
        right.viewportBoundsProperty().addListener((o, a, b) -> formulas.setAvailableWidth(b.getWidth() - 40));
        root.setRight(right);

        Label msg = new Label();
        msg.setId("sandbox-message");
        msg.textProperty().bind(message);
        msg.setWrapText(true);
        msg.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(msg);

        drag = new DragEditing(this, i18n);
        drag.install(plot1, plot2);
        i18n.localeProperty().addListener((o, a, b) -> refreshTexts());
        refreshTexts();
        session = new SandboxSession(f -> pendingFrame.set(f), l -> pendingLearned.set(l), s -> pendingSweep.set(s),
                e -> Platform.runLater(() -> message.set(i18n.text("sandbox.msg.computeFailed", e.getMessage()))));
        applyControls(state);
        layoutFor(state.dimension());
        drawer.start();
        deferred = !computeNow;
        if (computeNow) {
            session.request(state);
        }
    }

    /** The tab is showing: the first measurements start if they were deferred. */
    public void shown() {
        if (deferred) {
            deferred = false;
            session.request(state);
        }
    }

    /** The view's root node. */
    public Parent node() {
        return root;
    }

    /** The state shown (the newest request, which the plots may not have caught up with yet). */
    public SandboxState state() {
        return state;
    }

    /** Shows {@code s}: controls, hide flags, presentation mode; measurements start in the background. */
    /** True when no measurement is queued or running (tests that compare the heap in a quiet state). */
    public boolean idle() {
        return session.idle();
    }

    public void setState(SandboxState s) {
        setState(s, null);
    }

    /**
     * As {@link #setState(SandboxState)}, naming where {@code s} came from ({@code source}: a scene's title, a
     * file's name; null: an edit) in the preset box until P or Q is edited. New specs or a named source scroll
     * the values panel back to its top.
     */
    public void setState(SandboxState s, String source) {
        boolean dimChanged = s.dimension() != state.dimension();
        boolean presChanged = s.presentation() != state.presentation();
        boolean specsChanged = !s.p().equals(state.p()) || !s.q().equals(state.q());
        if (specsChanged || source != null) {
            this.source = source;
            if (valuesPane != null) {
                valuesPane.setVvalue(valuesPane.getVmin());
            }
        }
        state = s;
        applyControls(s);
        if (dimChanged) {
            layoutFor(s.dimension());
        }
        if (presChanged) {
            applyPresentation(s.presentation());
        }
        deferred = false;
        session.request(s);
        updateStale(); // the older numbers are dimmed now, not a pulse later (fast results could skip the hint)
    }

    /** The newest drawn frame (true values, plan). */
    public SandboxCompute.Frame frame() {
        return frame;
    }

    public SandboxCompute.Learned learned() {
        return learned;
    }

    public SandboxCompute.Sweep sweep() {
        return sweep;
    }

    /** True when the background work is done and its newest results are drawn. */
    public boolean settled() {
        if (deferred) {
            return session.idle(); // nothing asked yet
        }
        return session.idle() && pendingFrame.get() == null && pendingLearned.get() == null
                && pendingSweep.get() == null && frame != null && frame.state().equals(state) && frame.complete()
                && learned != null && learned.state().equals(state) && sweep != null && sweep.state().equals(state);
    }

    /**
     * Shows {@code next} as a drag of Q or P does (the specs and the fast frame: truths, plan, the sweep's marker;
     * estimates, networks and the sweep wait for {@link #setState}): how a recorded drag moves.
     */
    public void dragTo(SandboxState next) {
        followDrag(next, false);
    }

    /** True when the fast frame of the newest state is drawn (what a drag waits for). */
    public boolean frameShown() {
        return pendingFrame.get() == null && frame != null && frame.state().equals(state);
    }

    /** Frames drawn so far (each new measurement drawn counts once). */
    public long framesDrawn() {
        return framesDrawn;
    }

    /** Fast-frame requests so far (every drag event is one). */
    public long frameRequests() {
        return session.frameWorker().submittedCount();
    }

    /** Fast frames actually computed (fewer than requests when drags were coalesced). */
    public long frameComputations() {
        return session.frameWorker().computedCount();
    }

    /** The main plot: 1-D or 2-D, whichever is shown. */
    public XYPlot mainPlot() {
        return state.dimension() == 1 ? plot1 : plot2;
    }

    public FormulaPanel formulas() {
        return formulas;
    }

    /** The last message (errors, saves, loads). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Stops the background threads and the drawing timer. */
    public void close() {
        FxThread.run(drawer::stop); // tear-downs call this from other threads
        session.close();
        files.close();
    }

    // ---- files: SandboxFiles does the I/O on its own thread and applies results on the FX thread ----

    /** Saves the state as JSON; completes with true on success. */
    public CompletableFuture<Boolean> save(Path file) {
        return files.save(file);
    }

    /** Loads a state file; a broken or newer file leaves the current state and says why. */
    public CompletableFuture<Boolean> load(Path file) {
        return files.load(file);
    }

    /** Imports a CSV of samples as the edit target (P or Q); a malformed file keeps the state. */
    public CompletableFuture<Boolean> importCsv(Path file, boolean intoQ) {
        return files.importCsv(file, intoQ);
    }

    /** Writes the sweep and the plan as CSV ({@code file} and {@code file}-plan.csv). */
    public CompletableFuture<Boolean> exportCsv(Path file) {
        return files.exportCsv(file);
    }

    /** The whole view as PNG (FX thread: snapshot). */
    public void exportPng(Path file) {
        files.exportPng(file);
    }

    /** The main plot as SVG. */
    public void exportSvg(Path file) {
        files.exportSvg(file);
    }

    // ---- drawing ----

    private void drawPending() {
        SandboxCompute.Frame f = pendingFrame.getAndSet(null);
        if (f != null) {
            frame = f;
            drawFrame(f);
            framesDrawn++;
        }
        SandboxCompute.Learned l = pendingLearned.getAndSet(null);
        if (l != null) {
            learned = l;
            drawLearned(l);
        }
        SandboxCompute.Sweep s = pendingSweep.getAndSet(null);
        if (s != null) {
            sweep = s;
            charts.drawSweep(s, frame != null ? frame.offset() : s.current());
        }
        updateStale();
    }

    private void drawFrame(SandboxCompute.Frame f) {
        int dim = f.state().dimension();
        if (dim != shownDimension) {
            layoutFor(dim);
        }
        String pName = i18n.text("sandbox.legend.p");
        String qName = i18n.text("sandbox.legend.q");
        if (dim == 1) {
            List<Layer> layers = new ArrayList<>();
            layers.add(new HistogramLayer(pName + " · n", f.histEdges(), f.histP(), Theme.REAL, null, 0.25));
            layers.add(new HistogramLayer(qName + " · n", f.histEdges(), f.histQ(), Theme.GENERATED, null, 0.25));
            if (f.densityP() != null) {
                layers.add(new CurveLayer(pName, f.gridX(), f.densityP(), Theme.REAL, null, false, false, 0.15));
            }
            if (f.densityQ() != null) {
                layers.add(new CurveLayer(qName, f.gridX(), f.densityQ(), Theme.GENERATED, null, false, false, 0.15));
            }
            layers.add(handles(f.state().distributionP(), Theme.REAL));
            layers.add(handles(f.state().distributionQ(), Theme.GENERATED));
            if (!drag.stroke().isEmpty()) {
                layers.add(strokeLayer());
            }
            plot1.setLayers(layers);
            gamma.setPlan(f.gamma(), f.bins(), f.bins(), f.binCenters(), f.binCenters());
        } else {
            List<ScatterLayer> series = new ArrayList<>();
            series.add(new ScatterLayer(pName, xs(f.samplesP(), 0), xs(f.samplesP(), 1), Theme.REAL));
            series.add(new ScatterLayer(qName, xs(f.samplesQ(), 0), xs(f.samplesQ(), 1), Theme.GENERATED, null, 1,
                    true));
            series.add(handles(f.state().distributionP(), Theme.REAL));
            series.add(handles(f.state().distributionQ(), Theme.GENERATED));
            if (!drag.stroke().isEmpty()) {
                series.add(strokeLayer());
            }
            plot2.setSeries(series);
            double[][] l = f.lines();
            plot2.setSegments(state.isHidden("plan") ? null
                    : new SegmentLayer(i18n.text("sandbox.legend.plan"), l[0], l[1], l[2], l[3], l[4], 6, null, 1.6));
        }
        readouts.showTruth(f);
        charts.markOffset(f.offset());
        drawCone();
    }

    private void drawCone() {
        charts.drawCone(learned, frame != null && frame.gridX() != null, state.dimension());
    }

    private void drawLearned(SandboxCompute.Learned l) {
        readouts.showEstimates(l);
        drawCone();
    }

    /** Grab handles: one dot per component centre. */
    private static ScatterLayer handles(Distribution d, int palette) {
        List<Edits.Handle> hs = Edits.handles(d);
        double[] x = new double[hs.size()];
        double[] y = new double[hs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = hs.get(i).x();
            y[i] = hs.get(i).y();
        }
        return new ScatterLayer("", x, y, palette, null, 2.2, true);
    }

    private ScatterLayer strokeLayer() {
        List<double[]> stroke = drag.stroke();
        double[] x = new double[stroke.size()];
        double[] y = new double[stroke.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = stroke.get(i)[0];
            y[i] = stroke.get(i)[1];
        }
        return new ScatterLayer(i18n.text("sandbox.legend.brush"), x, y, 4);
    }

    private static double[] xs(org.divergencelab.distribution.PointCloud c, int axis) {
        double[] v = new double[c.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.get(i, axis);
        }
        return v;
    }

    // ---- layout ----

    private void layoutFor(int dim) {
        shownDimension = dim;
        applyHidden(state); // places the plots shown
    }

    /**
     * Places the plots shown (1-D: densities, plan, sweep, critic; 2-D: samples, sweep; a scene may hide some) in
     * two columns where two columns of {@link #minPlotWidth} fit the viewport, else in one, each row at least
     * {@link #minPlotHeight} high (the viewport scrolls when they do not all fit). A last plot alone in its row
     * takes the whole row.
     */
    private void arrangePlots() {
        List<Node> shown = new ArrayList<>();
        Node[] all = shownDimension == 1 ? new Node[] {plot1, gamma, charts.sweepNode(), charts.criticNode()}
                : new Node[] {plot2, charts.sweepNode()};
        for (Node n : all) {
            if (n == plot1 || n == plot2 || n.isManaged()) {
                shown.add(n);
            }
        }
        double viewport = plotScroll.getViewportBounds() != null && plotScroll.getViewportBounds().getWidth() > 0
                ? plotScroll.getViewportBounds().getWidth() : 2 * minPlotWidth() + 3 * GAP;
        int cols = shown.size() > 1 && viewport >= 2 * minPlotWidth() + 3 * GAP ? 2 : 1;
        int rows = (shown.size() + cols - 1) / cols;
        plotColumns = cols;
        plots.getChildren().clear();
        plots.getColumnConstraints().clear();
        plots.getRowConstraints().clear();
        for (int c = 0; c < cols; c++) {
            var cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            plots.getColumnConstraints().add(cc);
        }
        double minH = minPlotHeight();
        for (int r = 0; r < rows; r++) {
            var rc = new javafx.scene.layout.RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setMinHeight(minH);
            rc.setVgrow(Priority.ALWAYS);
            plots.getRowConstraints().add(rc);
        }
        for (int i = 0; i < shown.size(); i++) {
            int span = i == shown.size() - 1 ? cols - i % cols : 1;
            plots.add(shown.get(i), i % cols, i / cols, span, 1);
        }
        for (Node n : all) {
            if (!shown.contains(n)) {
                plots.getChildren().add(n); // hidden (unmanaged, invisible): stays in the scene, takes no cell
            }
        }
        // the viewport fills with the plots when it is taller than this, and scrolls when it is not
        plots.setMinHeight(rows * minH + (rows + 1) * GAP);
    }

    /** The widgets' font size now (the theme's, times the font scale). */
    private double plotFontSize() {
        return themes.getTheme().fontSize() * themes.fontScaleProperty().get() / 100.0;
    }

    /**
     * The narrowest a sandbox plot reads at the widgets' font size: a two-line title, tick labels, axis labels and
     * a legend of two entries a row (light 272 px, projector 400 px).
     */
    double minPlotWidth() {
        return 16 * plotFontSize() + 80;
    }

    /**
     * The lowest a sandbox plot reads: a two-line title, the legend below in two or three rows, the x axis and
     * at least 60 px of data (light 228 px, projector 340 px).
     */
    double minPlotHeight() {
        return 14 * plotFontSize() + 60;
    }

    /** Columns of plots now shown (1 or 2). */
    public int plotColumns() {
        return plotColumns;
    }

    private VBox buildRight() {
        VBox box = new VBox(10);
        box.setPadding(new Insets(8));
        GridPane grid = readouts.node();
        box.getChildren().add(grid);

        VBox dozer = new VBox(6);
        HBox buttons = new HBox(6);
        for (BulldozerExample.Plan p : BulldozerExample.Plan.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("sandbox-plan-" + p.name().toLowerCase(Locale.ROOT));
            b.textProperty().bind(i18n.get("sandbox.plan." + p.name().toLowerCase(Locale.ROOT)));
            b.setToggleGroup(planGroup);
            b.setUserData(p);
            buttons.getChildren().add(b);
        }
        planGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                return;
            }
            BulldozerExample.Plan p = (BulldozerExample.Plan) b.getUserData();
            drawBulldozer(p);
            if (!updatingControls && p != state.plan()) {
                setState(state.withPlan(p));
            }
        });
        bulldozer.setPrefSize(320, 280);
        bulldozer.setMaxWidth(330);
        bulldozer.setMinHeight(260);
        bulldozerCost.setId("sandbox-bulldozer-cost");
        dozer.getChildren().addAll(boundLabel("sandbox.bulldozer.title", "section-title"), buttons, bulldozer,
                bulldozerCost);
        controls.put("bulldozer", dozer);
        box.getChildren().add(dozer);

        TitledPane f = new TitledPane();
        f.textProperty().bind(i18n.get("sandbox.formulas"));
        f.setContent(formulas.node());
        f.setExpanded(true);
        controls.put("formulas", f);
        box.getChildren().add(f);
        controls.put("estimates", grid); // hiding estimates hides the third column, see applyHidden
        return box;
    }

    private void drawBulldozer(BulldozerExample.Plan p) {
        BulldozerExample.Matrix m = BulldozerExample.plan(p);
        bulldozer.setPlan(m.gamma(), m.size(), m.size(), BulldozerExample.POSITIONS, BulldozerExample.POSITIONS);
        bulldozerCost.setText(i18n.text("sandbox.bulldozer.cost", i18n.text("sandbox.plan."
                + p.name().toLowerCase(Locale.ROOT)), String.format(Locale.ROOT, "%.4f", m.cost())));
    }

    private Label boundLabel(String key, String styleClass) {
        return SandboxReadouts.boundLabel(i18n, key, styleClass);
    }

    private void applyControls(SandboxState s) {
        updatingControls = true;
        try {
            controlsPanel.show(s, sourceText());
            for (var t : planGroup.getToggles()) {
                if (t.getUserData() == s.plan()) {
                    planGroup.selectToggle(t);
                }
            }
            drawBulldozer(s.plan());
            applyHidden(s);
        } finally {
            updatingControls = false;
        }
    }

    private void applyHidden(SandboxState s) {
        for (Map.Entry<String, Node> e : controls.entrySet()) {
            if (e.getKey().equals("estimates")) {
                continue;
            }
            boolean show = !s.isHidden(e.getKey());
            e.getValue().setVisible(show);
            e.getValue().setManaged(show);
        }
        readouts.showEstimateColumn(!s.isHidden("estimates"));
        setShown(charts.sweepNode(), !s.isHidden("sweep"));
        setShown(charts.sweep(), !s.isHidden("sweep"));
        setShown(charts.criticNode(), !s.isHidden("critic"));
        setShown(charts.critic(), !s.isHidden("critic"));
        setShown(gamma, !s.isHidden("plan"));
        arrangePlots();
    }

    /**
     * The side panels' widths: the controls 240 px (at least 200), the values 350 px (at least 300) at fonts up to
     * 15 px, growing with the font beyond (projector, font scale) so that buttons keep their words and formulas
     * their size; but never more than a quarter (controls) and 36 % (values) of the sandbox's width, so that the
     * plots keep their share at 1280×720 and at 200 % font size.
     */
    private void fitSides() {
        double width = root.getWidth() > 0 ? root.getWidth() : Double.MAX_VALUE;
        double grow = Math.max(1, plotFontSize() / 15);
        fitWidth(controlPane, 240 * grow, 200 * grow, 0.25 * width);
        if (valuesPane != null) {
            fitWidth(valuesPane, 350 * grow, 300 * grow, 0.36 * width);
        }
    }

    private static void fitWidth(ScrollPane pane, double pref, double min, double cap) {
        pane.setPrefWidth(Math.round(Math.min(pref, cap)));
        pane.setMinWidth(Math.round(Math.min(min, cap)));
    }

    private static void setShown(Node n, boolean show) {
        n.setVisible(show);
        n.setManaged(show);
    }

    private void applyPresentation(boolean on) {
        presentationMode.setActive(on);
    }

    /**
     * Lets the toggle (and {@link SandboxState#presentation()} of loaded files) drive {@code shared}, the main
     * window's app-wide presentation mode, and follows it: entering or leaving it anywhere sets the state's flag,
     * so a saved sandbox file records it. The controls on the left retract while presenting.
     */
    public void usePresentationMode(org.divergencelab.ui.theme.PresentationMode shared) {
        if (presentationMode == shared) {
            return;
        }
        presentationMode.setActive(false);
        followPresentation(shared);
        if (state.presentation() != shared.isActive()) {
            shared.setActive(state.presentation());
        }
    }

    /** The presentation mode the toggle drives. */
    public org.divergencelab.ui.theme.PresentationMode presentationMode() {
        return presentationMode;
    }

    private void followPresentation(org.divergencelab.ui.theme.PresentationMode m) {
        presentationMode = m;
        m.autoHide(javafx.geometry.Side.LEFT, controlPane, true, controlPane);
        m.activeProperty().addListener((o, a, on) -> {
            if (presentationMode == m && state.presentation() != on) {
                setState(state.withPresentation(on));
            }
        });
    }

    /** Applies a change; a bad spec, seed or size leaves the state as it was and says why. */
    /** True while the controls are being set from a state (their listeners must not set it back). */
    boolean updatingControls() {
        return updatingControls;
    }

    boolean trySet(Supplier<SandboxState> c, String errorKey) {
        SandboxState next;
        try {
            next = c.get();
        } catch (RuntimeException e) {
            message.set(i18n.text(errorKey, e.getMessage()));
            applyControls(state);
            return false;
        }
        message.set("");
        setState(next);
        return true;
    }

    private void refreshTexts() {
        plot1.setAxisLabels(i18n.text("sandbox.axis.x"), i18n.text("sandbox.axis.density"));
        plot2.setAxisLabels(i18n.text("sandbox.axis.x"), i18n.text("sandbox.axis.y"));
        plot1.setTitle(i18n.text("sandbox.title.main"));
        plot2.setTitle(i18n.text("sandbox.title.main2d"));
        gamma.setTitle(i18n.text("sandbox.title.gamma"));
        gamma.setLabels(i18n.text("sandbox.axis.xp"), i18n.text("sandbox.axis.xq"));
        bulldozer.setLabels(i18n.text("sandbox.axis.xp"), i18n.text("sandbox.axis.xq"));
        charts.refreshTexts();
        readouts.refreshTexts();
        if (drag != null) {
            controlsPanel.showSource(state, sourceText());
        }
        if (frame != null) {
            drawFrame(frame);
        }
        if (learned != null) {
            drawLearned(learned);
        }
        drawBulldozer(state.plan());
    }

    /** The preset box's text when the specs are no preset's: the source, or "custom". */
    private String sourceText() {
        return source != null ? source : i18n.text("sandbox.preset.custom");
    }

    /** The text the preset box shows. */
    public String presetText() {
        return controlsPanel.presetText();
    }

    /** True while the estimate column shows "computing…" over older numbers. */
    public boolean estimatesComputing() {
        return readouts.computing();
    }

    /** True while the sweep shows "computing…" over an older sweep. */
    public boolean sweepComputing() {
        return charts.sweepComputing();
    }

    /** The scroll position of the values panel (0 = top). */
    public double valuesScroll() {
        return valuesPane.getVvalue();
    }

    /** Dims what is older than the state shown, with a hint, and undims it when the new results are drawn. */
    private void updateStale() {
        boolean est = learned == null || !learned.state().equals(state);
        boolean sw = sweep == null || !sweep.state().equals(state);
        boolean onRelease = drag.dragging();
        if (est != estimatesStale || sw != sweepStale || onRelease != staleDuringDrag) {
            estimatesStale = est;
            sweepStale = sw;
            staleDuringDrag = onRelease;
            readouts.setComputing(est, onRelease);
            charts.setComputing(est, sw, onRelease);
        }
    }

    // ---- hooks for DragEditing ----

    boolean brushOn() {
        return controlsPanel.brushOn();
    }

    /** Where a brush stroke goes: Q unless the edit target says P. */
    boolean brushIntoQ() {
        return controlsPanel.brushIntoQ();
    }

    /** A drag step: the state follows the mouse, only the fast frame is asked for. */
    void followDrag(SandboxState next) {
        followDrag(next, true);
    }

    /** {@code mouse}: a live drag, whose frames may skip the slow 2-D truths (a recorded drag's never do). */
    private void followDrag(SandboxState next, boolean mouse) {
        state = next;
        source = null;
        controlsPanel.showSpecs(next);
        updatingControls = true;
        try {
            controlsPanel.showSource(next, sourceText());
        } finally {
            updatingControls = false;
        }
        if (mouse) {
            session.requestDragFrame(next);
        } else {
            session.requestFrame(next);
        }
    }

    /** Redraws the newest frame (the brush stroke on top). */
    void redrawFrame() {
        if (frame != null) {
            drawFrame(frame);
        }
    }

    /** The mouse is released: estimates, networks and the sweep follow. */
    void requestAll() {
        session.request(state);
    }

    void say(String text) {
        message.set(text);
    }
}
