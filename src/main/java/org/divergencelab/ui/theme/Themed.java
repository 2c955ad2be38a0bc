package org.divergencelab.ui.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * Something drawn with a {@link Theme} and a font family that {@link ThemeManager#style} can bind to the app's
 * current ones (the plot widgets). Declared here so the theme does not depend on what it styles.
 */
public interface Themed {

    /** The theme whose colours and sizes it draws with. */
    ObjectProperty<Theme> themeProperty();

    /** The font family of all its text. */
    StringProperty fontFamilyProperty();
}
