package org.divergencelab.ui.shell;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;

import org.divergencelab.lesson.Scene;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.sandbox.SandboxView;
import org.divergencelab.ui.theme.ThemeManager;
import org.divergencelab.ui.train.TrainingView;

/**
 * What the main window offers the tools installed in it (the scenes menu, the lecturer's tools): its views,
 * menus, scenes and status bar by name, never its layout. It lives below both the window and those tools, so
 * they depend on it and not on each other. FX thread only.
 */
public interface Shell {

    I18n i18n();

    ThemeManager themes();

    /** The window's root node: the way to its scene and stage (a dialog's owner, start-up hooks). */
    Parent root();

    /** The training view (its own tab). */
    TrainingView training();

    /** The sandbox view (its own tab). */
    SandboxView sandbox();

    /** The File menu, to add items to. */
    Menu fileMenu();

    /** The View menu, to add items to. */
    Menu viewMenu();

    /** Adds a menu after the window's last one. */
    void addMenu(Menu menu);

    /** Adds a bar across the window below its tool bar. */
    void addBar(Node bar);

    /** True when {@link #selectView} knows {@code id} (a tab's id, or the widget gallery). */
    boolean hasView(String id);

    /** The id of the selected view, or null when none is. */
    String selectedView();

    /** The id of the selected view, observable (null when none is). */
    javafx.beans.value.ObservableValue<String> selectedViewProperty();

    /** What the app remembers between starts (injected: tests use an in-memory store). */
    Settings settings();

    /** Selects the view with this id; the widget gallery is added on first use. */
    void selectView(String id);

    /** The lecture scene open now, or null. */
    Scene currentScene();

    /** Opens a lecture scene: its tab, its experiment or state, its hidden controls and its caption. */
    void openScene(Scene scene);

    /** Shows a message in the status bar. */
    void setStatus(ObservableValue<String> message);
}
