package org.divergencelab.ui.theme;

import java.util.ArrayList;
import java.util.List;

import javafx.animation.PauseTransition;
import javafx.animation.TranslateTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The app-wide presentation mode for a lecture hall: the window goes full screen, the projector theme (large
 * fonts, thick lines, full contrast) replaces the current one, and the registered controls (menu and tool bars,
 * side panels, a view's own tool bar) slide out of the way, leaving a thin handle at the edge they sit on; they
 * slide back in while the mouse is over them. Leaving (the shortcut again, Esc, or the window leaving full
 * screen) restores the theme, the full-screen flag and the controls exactly as they were.
 *
 * <p>Everything runs on the FX thread. One instance serves the whole main window; a view created on its own
 * (tests, the sandbox outside the main window) may own one for itself.
 */
public final class PresentationMode {
    /** The shortcut that enters and leaves the mode (as PowerPoint's "start slide show"). */
    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.F5);
    /** Pixels of a retracted control left visible as its handle: enough to hit with the mouse, small on a slide. */
    public static final double HANDLE = 10;
    /** Style class of the root while the mode is on (the projector stylesheet draws the handles with it). */
    public static final String ROOT_CLASS = "presentation";
    /** Style class of an auto-hidden control while presenting: it floats over the content, so base.css fills it. */
    public static final String OVERLAY_CLASS = "presentation-overlay";
    private static final Duration SLIDE = Duration.millis(160);
    /** Delay before a control slides out after the mouse left it (so a diagonal move between two bars keeps them). */
    private static final Duration HIDE_DELAY = Duration.millis(350);

    private final ThemeManager themes;
    private final Node anchor;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final List<Group> groups = new ArrayList<>();
    private Theme themeBefore;
    private Stage stage;
    private boolean fullScreenBefore;
    /** The window's bounds before full screen: some window managers forget them when full screen began early. */
    private double[] boundsBefore;
    private boolean leftFullScreenByItself;
    private final ChangeListener<Boolean> fullScreenWatcher = (o, was, now) -> {
        // Esc in full screen (JavaFX's exit key) or the window manager ended full screen: leave the mode too.
        if (!now && active.get()) {
            leftFullScreenByItself = true;
            active.set(false);
        }
    };

    /**
     * @param themes the theme manager whose theme the mode swaps
     * @param anchor a node in the window the mode applies to (its root gets {@link #ROOT_CLASS}; its stage goes
     *               full screen)
     */
    public PresentationMode(ThemeManager themes, Node anchor) {
        if (themes == null || anchor == null) {
            throw new IllegalArgumentException("themes and anchor are required, got " + themes + ", " + anchor);
        }
        this.themes = themes;
        this.anchor = anchor;
        active.addListener((o, was, on) -> {
            if (on) {
                enter();
            } else {
                leave();
            }
        });
    }

    /** True while presenting; set it to enter or leave. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public boolean isActive() {
        return active.get();
    }

    public void setActive(boolean on) {
        active.set(on);
    }

    /** Enters or leaves the mode. */
    public void toggle() {
        active.set(!active.get());
    }

    /** The theme that leaving will restore (null while not presenting). */
    public Theme themeBefore() {
        return themeBefore;
    }

    /**
     * Installs the shortcut and Esc on {@code scene}: Esc leaves the mode when no control used it first (a
     * combo box closing its list consumes its Esc).
     */
    public void install(Scene scene) {
        scene.getAccelerators().put(SHORTCUT, this::toggle);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && active.get()) {
                active.set(false);
                e.consume();
            }
        });
    }

    /**
     * Registers controls that retract towards {@code side} while presenting. The members share one parent and
     * are laid out by it (a BorderPane slot, or rows of a VBox); while presenting they are taken out of its
     * layout, stacked at that edge of the parent over the content (which takes their space), and retracted to a
     * {@link #HANDLE}-px strip. Hovering any member slides all of them in; they retract a moment after the
     * mouse left them all, unless a popup of the window (an open menu or combo list) is showing.
     *
     * @param side    the parent's edge the members sit on
     * @param front   the node drawn in front of its siblings (by view order, which leaves the parent's child
     *                list and a BorderPane's slots alone) so the members draw over the content: a member, or the
     *                parent when it is itself laid out among the content, as the main window's top bar
     * @param clip    true: clip the parent to its bounds while presenting (a view inside a tab, so a retracted
     *                control does not draw over its neighbours)
     * @param members the controls, in the parent's order
     */
    public void autoHide(Side side, Node front, boolean clip, Region... members) {
        if (members.length == 0) {
            throw new IllegalArgumentException("autoHide needs at least one member");
        }
        Parent parent = members[0].getParent();
        for (Region m : members) {
            if (m.getParent() == null || m.getParent() != parent) {
                throw new IllegalArgumentException("auto-hidden controls must share a parent: " + m.getId() + " has "
                        + m.getParent() + ", expected " + parent);
            }
        }
        Group g = new Group(side, front, clip, parent, List.of(members));
        groups.add(g);
        if (active.get()) {
            g.enter();
        }
    }

    /** True while the group containing {@code member} is slid in (always true while not presenting). */
    public boolean isRevealed(Node member) {
        for (Group g : groups) {
            if (g.members.contains(member)) {
                return !active.get() || g.revealed;
            }
        }
        throw new IllegalArgumentException("not an auto-hidden control: " + member);
    }

    /** Re-stacks the retracted bars after each layout pass: their sizes follow CSS (the theme's fonts) and content. */
    private final Runnable afterLayout = () -> {
        for (Group g : groups) {
            if (g.on) {
                g.place();
            }
        }
    };
    private Scene pulseScene;

    private void enter() {
        themeBefore = themes.getTheme();
        themes.setTheme(Theme.PROJECTOR);
        Parent root = anchor.getScene() == null ? null : anchor.getScene().getRoot();
        if (root != null && !root.getStyleClass().contains(ROOT_CLASS)) {
            root.getStyleClass().add(ROOT_CLASS);
        }
        for (Group g : groups) {
            g.enter();
        }
        pulseScene = anchor.getScene();
        if (pulseScene != null) {
            pulseScene.addPostLayoutPulseListener(afterLayout);
        }
        Window w = anchor.getScene() == null ? null : anchor.getScene().getWindow();
        stage = w instanceof Stage s ? s : null;
        leftFullScreenByItself = false;
        if (stage != null) {
            fullScreenBefore = stage.isFullScreen();
            boundsBefore = new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
            stage.setFullScreen(true);
            stage.fullScreenProperty().addListener(fullScreenWatcher);
        }
    }

    private void leave() {
        if (pulseScene != null) {
            pulseScene.removePostLayoutPulseListener(afterLayout);
            pulseScene = null;
        }
        for (Group g : groups) {
            g.leave();
        }
        if (themeBefore != null) {
            themes.setTheme(themeBefore);
            themeBefore = null;
        }
        Parent root = anchor.getScene() == null ? null : anchor.getScene().getRoot();
        if (root != null) {
            root.getStyleClass().remove(ROOT_CLASS);
        }
        if (stage != null) {
            stage.fullScreenProperty().removeListener(fullScreenWatcher);
            if (!leftFullScreenByItself && stage.isFullScreen() != fullScreenBefore) {
                stage.setFullScreen(fullScreenBefore);
            }
            Stage st = stage;
            double[] b = boundsBefore;
            if (!fullScreenBefore && b != null && b[2] > 0 && b[3] > 0) {
                // after the window manager has handled the end of full screen
                javafx.application.Platform.runLater(() -> {
                    if (!st.isFullScreen() && !st.isMaximized() && (st.getWidth() != b[2] || st.getHeight() != b[3])) {
                        st.setX(b[0]);
                        st.setY(b[1]);
                        st.setWidth(b[2]);
                        st.setHeight(b[3]);
                    }
                });
            }
            stage = null;
        }
    }

    /** True when a popup (menu, combo list, tooltip) of the anchor's window is showing. */
    private boolean popupShowing() {
        Window mine = anchor.getScene() == null ? null : anchor.getScene().getWindow();
        for (Window w : Window.getWindows()) {
            if (w instanceof PopupWindow p && p.isShowing()) {
                Window owner = p.getOwnerWindow();
                while (owner instanceof PopupWindow pp) {
                    owner = pp.getOwnerWindow();
                }
                if (owner == mine) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Controls that retract together towards one edge. */
    private final class Group {
        final Side side;
        final Node front;
        final boolean clip;
        final Parent parent;
        final List<Region> members;
        final boolean[] managedBefore;
        final List<String> retractedClass;
        Node clipBefore;
        double viewOrderBefore;
        final double[] memberViewOrderBefore;
        final List<TranslateTransition> running = new ArrayList<>();
        boolean revealed;
        boolean on;
        final PauseTransition hideLater = new PauseTransition(HIDE_DELAY);
        final ChangeListener<Bounds> relayout = (o, a, b) -> place();
        final ChangeListener<Boolean> hover = (o, a, b) -> hoverChanged();

        Group(Side side, Node front, boolean clip, Parent parent, List<Region> members) {
            this.side = side;
            this.front = front;
            this.clip = clip;
            this.parent = parent;
            this.members = members;
            this.managedBefore = new boolean[members.size()];
            this.memberViewOrderBefore = new double[members.size()];
            this.retractedClass = List.of("presentation-retracted", "presentation-retracted-" + side.name().toLowerCase(
                    java.util.Locale.ROOT));
            hideLater.setOnFinished(e -> {
                if (!on) {
                    return;
                }
                if (anyHover() || popupShowing()) {
                    hideLater.playFromStart(); // look again later
                } else {
                    slide(false);
                }
            });
        }

        void enter() {
            if (on) {
                return;
            }
            on = true;
            for (int i = 0; i < members.size(); i++) {
                Region m = members.get(i);
                managedBefore[i] = m.isManaged();
                m.setManaged(false);
                // over their siblings too (the scene caption below the main window's bars), for drawing and picking
                memberViewOrderBefore[i] = m.getViewOrder();
                m.setViewOrder(-1);
                m.getStyleClass().add(OVERLAY_CLASS);
                m.hoverProperty().addListener(hover);
            }
            if (clip && parent instanceof Region pr) {
                clipBefore = pr.getClip();
                Rectangle r = new Rectangle();
                r.widthProperty().bind(pr.widthProperty());
                r.heightProperty().bind(pr.heightProperty());
                pr.setClip(r);
            }
            parent.layoutBoundsProperty().addListener(relayout);
            viewOrderBefore = front.getViewOrder();
            front.setViewOrder(-1);
            revealed = false;
            setRetractedLook(true);
            place();
        }

        void leave() {
            if (!on) {
                return;
            }
            on = false;
            hideLater.stop();
            for (TranslateTransition t : running) {
                t.stop();
            }
            running.clear();
            front.setViewOrder(viewOrderBefore);
            parent.layoutBoundsProperty().removeListener(relayout);
            for (int i = 0; i < members.size(); i++) {
                Region m = members.get(i);
                m.hoverProperty().removeListener(hover);
                m.setTranslateX(0);
                m.setTranslateY(0);
                m.setOpacity(1);
                m.setManaged(managedBefore[i]);
                m.setViewOrder(memberViewOrderBefore[i]);
                m.getStyleClass().remove(OVERLAY_CLASS);
            }
            setRetractedLook(false);
            if (clip && parent instanceof Region pr) {
                pr.setClip(clipBefore);
                clipBefore = null;
            }
            revealed = false;
            parent.requestLayout();
        }

        boolean anyHover() {
            for (Region m : members) {
                if (m.isHover()) {
                    return true;
                }
            }
            return false;
        }

        void hoverChanged() {
            if (!on) {
                return;
            }
            if (anyHover()) {
                hideLater.stop();
                if (!revealed) {
                    front.setViewOrder(-2); // over the other retracted bars while it is out
                    slide(true);
                }
            } else if (revealed) {
                hideLater.playFromStart();
            }
        }

        /** Sizes and stacks the members at their edge (the parent no longer lays them out), then sets the offset. */
        void place() {
            Bounds pb = parent.getLayoutBounds();
            double pw = pb.getWidth();
            double ph = pb.getHeight();
            double offset = 0;
            for (Region m : members) {
                if (side.isVertical()) {
                    double w = Math.min(pw, Math.max(m.minWidth(-1), m.prefWidth(-1)));
                    m.resize(w, ph);
                    m.relocate(side == Side.LEFT ? offset : pw - offset - w, 0);
                    offset += w;
                } else {
                    double h = Math.max(m.minHeight(pw), m.prefHeight(pw));
                    m.resize(pw, h);
                    m.relocate(0, side == Side.TOP ? offset : ph - offset - h);
                    offset += h;
                }
                m.layout();
            }
            if (!revealed && running.isEmpty()) {
                for (Region m : members) {
                    m.setTranslateX(retractedX(offset));
                    m.setTranslateY(retractedY(offset));
                }
            }
        }

        double extent() {
            double e = 0;
            for (Region m : members) {
                e += side.isVertical() ? m.getWidth() : m.getHeight();
            }
            return e;
        }

        double retractedX(double extent) {
            return switch (side) {
                case LEFT -> -(extent - HANDLE);
                case RIGHT -> extent - HANDLE;
                default -> 0;
            };
        }

        double retractedY(double extent) {
            return switch (side) {
                case TOP -> -(extent - HANDLE);
                case BOTTOM -> extent - HANDLE;
                default -> 0;
            };
        }

        void slide(boolean in) {
            revealed = in;
            setRetractedLook(!in);
            for (TranslateTransition t : running) {
                t.stop();
            }
            running.clear();
            double e = extent();
            for (Region m : members) {
                TranslateTransition t = new TranslateTransition(SLIDE, m);
                t.setToX(in ? 0 : retractedX(e));
                t.setToY(in ? 0 : retractedY(e));
                t.setOnFinished(ev -> {
                    running.remove(t);
                    if (running.isEmpty() && !revealed) {
                        front.setViewOrder(-1);
                    }
                });
                running.add(t);
                t.play();
            }
        }

        void setRetractedLook(boolean retracted) {
            for (Region m : members) {
                if (retracted) {
                    for (String c : retractedClass) {
                        if (!m.getStyleClass().contains(c)) {
                            m.getStyleClass().add(c);
                        }
                    }
                } else {
                    m.getStyleClass().removeAll(retractedClass);
                }
            }
        }
    }
}
