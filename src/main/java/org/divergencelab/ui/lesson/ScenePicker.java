package org.divergencelab.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.MainWindow;
import org.divergencelab.ui.train.TrainingView;

/**
 * The "Scenes" menu of the main window: opening a scene switches to its tab (training or sandbox), applies its
 * experiment or sandbox state, hides the controls it hides, and shows its caption bar in the current language.
 */
public final class ScenePicker {
    private static final String[] MENU = {"Scenes", "課程場景", "课程场景"};

    private final MainWindow window;
    private final SceneCaption caption;
    private final Menu menu = new Menu();
    private final List<Node> hiddenByScene = new ArrayList<>();

    private ScenePicker(MainWindow window) {
        this.window = window;
        this.caption = new SceneCaption(window.i18n());
    }

    /**
     * Adds the menu (after the window's last menu) and the caption bar (below the tool bar) to {@code window},
     * whose top is the menu bar and tool bar in a VBox.
     */
    public static ScenePicker install(MainWindow window) {
        ScenePicker p = new ScenePicker(window);
        if (!(window.root() instanceof javafx.scene.layout.BorderPane bp) || !(bp.getTop() instanceof VBox top)) {
            throw new IllegalStateException("the main window's top must be a VBox with the menu bar");
        }
        MenuBar bar = null;
        for (Node n : top.getChildren()) {
            if (n instanceof MenuBar mb) {
                bar = mb;
            }
        }
        if (bar == null) {
            throw new IllegalStateException("the main window has no menu bar");
        }
        p.menu.setId("menu-scenes");
        for (Scene s : Scenes.all()) {
            MenuItem item = new MenuItem();
            item.setId("scene-" + s.id());
            item.setUserData(s);
            item.setOnAction(e -> p.open(s));
            p.menu.getItems().add(item);
        }
        bar.getMenus().add(p.menu);
        top.getChildren().add(p.caption.node());
        window.i18n().localeProperty().addListener((o, a, b) -> p.relabel());
        p.relabel();
        return p;
    }

    /** The menu listing the scenes. */
    public Menu menu() {
        return menu;
    }

    /** The caption bar. */
    public SceneCaption caption() {
        return caption;
    }

    /** The scene open now, or null. */
    public Scene current() {
        return caption.scene();
    }

    private void relabel() {
        Locale l = window.i18n().getLocale();
        int k = "zh".equals(l.getLanguage()) ? ("TW".equals(l.getCountry()) ? 1 : 2) : 0;
        menu.setText(MENU[k]);
        for (MenuItem item : menu.getItems()) {
            Scene s = (Scene) item.getUserData();
            item.setText(s.id() + "  " + s.title().in(l));
        }
    }

    /** Opens {@code s}: its tab, its experiment or state, its hidden controls and its caption. */
    public void open(Scene s) {
        for (Node n : hiddenByScene) {
            n.setVisible(true);
            n.setManaged(true);
        }
        hiddenByScene.clear();
        if (s.mode() == Scene.Mode.SANDBOX) {
            window.sandbox().setState(s.sandbox());
            window.selectView("sandbox");
        } else {
            TrainingView v = window.training();
            v.load(s.experiment());
            ToggleButton internals = (ToggleButton) find(v.node(), "show-internals");
            if (internals != null && internals.isSelected() != s.view().equals("internals")) {
                internals.fire();
            }
            for (String id : s.hidden()) {
                Node n = find(v.node(), id);
                if (n == null) {
                    n = find(v.controls(), id);
                }
                if (n == null) {
                    throw new IllegalStateException("scene " + s.id() + " hides '" + id + "' but the training view has no such control");
                }
                hide(n);
            }
            if (v.session() != null) {
                for (int i = 0; i < s.iterations(); i++) {
                    v.session().stepIteration();
                }
            }
            window.selectView("training");
        }
        caption.show(s);
    }

    /** Hides {@code n}, and in a form grid its label too (the whole row). */
    private void hide(Node n) {
        List<Node> row = new ArrayList<>(List.of(n));
        if (n.getParent() instanceof GridPane g) {
            Integer r = GridPane.getRowIndex(n);
            for (Node c : g.getChildren()) {
                if (c != n && java.util.Objects.equals(GridPane.getRowIndex(c), r)) {
                    row.add(c);
                }
            }
        }
        for (Node x : row) {
            if (x.isVisible()) {
                x.setVisible(false);
                x.setManaged(false);
                hiddenByScene.add(x);
            }
        }
    }

    /** The node with this id under {@code root}, looking into scroll panes and tool bars before their skins exist. */
    static Node find(Node root, String id) {
        if (root == null) {
            return null;
        }
        if (id.equals(root.getId())) {
            return root;
        }
        List<Node> kids = new ArrayList<>();
        if (root instanceof ScrollPane sp && sp.getContent() != null) {
            kids.add(sp.getContent());
        }
        if (root instanceof ToolBar tb) {
            kids.addAll(tb.getItems());
        }
        if (root instanceof Parent p) {
            kids.addAll(p.getChildrenUnmodifiable());
        }
        for (Node k : kids) {
            Node f = find(k, id);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
