package org.divergencelab.ui.sandbox;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * The formula behind each number, typeset with JLaTeXMath (rendered to a BufferedImage, shown through
 * SwingFXUtils), each with a caption from the bundles. Re-rendered in the theme's foreground colour and size
 * when the theme changes.
 */
public final class FormulaPanel {
    /** Caption key → LaTeX source. */
    static final Map<String, String> FORMULAS = new LinkedHashMap<>();

    static {
        // Lines are split at a LaTeX line break (two backslashes) and typeset one image each: the right-hand
        // panel is ~310 px wide, and a one-line V(D) shrunk to fit it rendered at a third of the text size.
        FORMULAS.put("sandbox.formula.js",
                "\\mathrm{JS}(P,Q)=\\frac{1}{2}\\mathrm{KL}(P\\|M)+\\frac{1}{2}\\mathrm{KL}(Q\\|M),"
                        + "\\\\ M=\\frac{P+Q}{2}");
        FORMULAS.put("sandbox.formula.kl", "\\mathrm{KL}(P\\|Q)=\\int p(x)\\,\\log\\frac{p(x)}{q(x)}\\,dx");
        FORMULAS.put("sandbox.formula.tv", "\\mathrm{TV}(P,Q)=\\frac{1}{2}\\int|p(x)-q(x)|\\,dx");
        FORMULAS.put("sandbox.formula.hellinger",
                "H^2(P,Q)=\\frac{1}{2}\\int\\left(\\sqrt{p(x)}-\\sqrt{q(x)}\\right)^2dx");
        FORMULAS.put("sandbox.formula.w1primal",
                "W_1(P,Q)=\\inf_{\\gamma\\in\\Pi(P,Q)}\\,\\mathbb{E}_{(x,y)\\sim\\gamma}\\|x-y\\|");
        FORMULAS.put("sandbox.formula.plancost",
                "B(\\gamma)=\\sum_{x_p,\\,x_q}\\gamma(x_p,x_q)\\,\\|x_p-x_q\\|");
        FORMULAS.put("sandbox.formula.w1dual",
                "W_1(P,Q)=\\max_{\\|f\\|_L\\leq 1}"
                        + "\\\\ \\quad\\mathbb{E}_{x\\sim P}[f(x)]-\\mathbb{E}_{x\\sim Q}[f(x)]");
        FORMULAS.put("sandbox.formula.discriminator",
                "V(D)=\\mathbb{E}_{x\\sim P}[\\log D(x)]"
                        + "\\\\ \\quad+\\,\\mathbb{E}_{x\\sim Q}[\\log(1-D(x))],"
                        + "\\\\ \\mathrm{JS}\\approx\\frac{\\max_D V}{2}+\\log 2");
        FORMULAS.put("sandbox.formula.gp",
                "\\max_f\\;\\mathbb{E}_P[f]-\\mathbb{E}_Q[f]"
                        + "\\\\ \\quad-\\,\\lambda\\,\\mathbb{E}_{\\hat{x}}\\left(\\|\\nabla_x f(\\hat{x})\\|-1\\right)^2");
    }

    /** The smallest scale a line may be shrunk to (below it the panel scrolls sideways instead). */
    static final double MIN_SCALE = 0.9;

    private final VBox box = new VBox(6);
    private final ThemeManager themes;
    /** Caption key → one image per line. */
    private final Map<String, java.util.List<ImageView>> images = new LinkedHashMap<>();
    private double available = Double.POSITIVE_INFINITY;
    private float renderedSize;

    public FormulaPanel(I18n i18n, ThemeManager themes) {
        this.themes = themes;
        box.setId("formula-panel");
        box.getStyleClass().add("sandbox-formulas");
        for (String key : FORMULAS.keySet()) {
            Label caption = new Label();
            caption.textProperty().bind(i18n.get(key));
            caption.setWrapText(true);
            caption.setMaxWidth(Double.MAX_VALUE);
            VBox lines = new VBox(2);
            lines.setId("formula-" + key.substring(key.lastIndexOf('.') + 1));
            java.util.List<ImageView> views = new java.util.ArrayList<>();
            for (int i = 0; i < lines(FORMULAS.get(key)).length; i++) {
                ImageView iv = new ImageView();
                iv.setPreserveRatio(true);
                iv.setSmooth(true);
                views.add(iv);
                lines.getChildren().add(iv);
            }
            images.put(key, views);
            box.getChildren().addAll(caption, lines);
        }
        themes.themeProperty().addListener((o, a, b) -> render(b));
        render(themes.getTheme());
    }

    /** The lines of a formula source (split at a LaTeX line break). */
    static String[] lines(String latex) {
        return latex.split("\\\\\\\\");
    }

    public VBox node() {
        return box;
    }

    /**
     * Shrinks lines wider than {@code width} px (the panel's visible width) to fit, never below
     * {@link #MIN_SCALE}; narrower ones keep 1:1.
     */
    public void setAvailableWidth(double width) {
        available = width > 0 ? width : Double.POSITIVE_INFINITY;
        fit();
    }

    private void fit() {
        for (java.util.List<ImageView> views : images.values()) {
            for (ImageView iv : views) {
                Image img = iv.getImage();
                double w = img == null ? 0 : img.getWidth();
                iv.setFitWidth(w > available ? Math.max(available, MIN_SCALE * w) : 0);
            }
        }
    }

    /** The width the lines are fitted to (infinite until the panel is laid out). */
    double availableWidth() {
        return available;
    }

    /** True when every line is shown whole within the available width (none clipped). */
    public boolean allFit() {
        for (java.util.List<ImageView> views : images.values()) {
            for (ImageView iv : views) {
                double shown = iv.getFitWidth() > 0 ? iv.getFitWidth() : iv.getImage().getWidth();
                if (shown > available + 0.5) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Number of formulas whose every line is rendered to a non-empty image (for tests). */
    public int renderedCount() {
        int n = 0;
        for (java.util.List<ImageView> views : images.values()) {
            boolean all = true;
            for (ImageView iv : views) {
                all &= iv.getImage() != null && iv.getImage().getWidth() > 0;
            }
            n += all ? 1 : 0;
        }
        return n;
    }

    /**
     * The smallest size, in points, at which a line is shown: the typeset size times the smallest shrink
     * (for tests: legible means near the theme's font size).
     */
    public double smallestShownSize() {
        double min = Double.POSITIVE_INFINITY;
        for (java.util.List<ImageView> views : images.values()) {
            for (ImageView iv : views) {
                double w = iv.getImage().getWidth();
                double shown = iv.getFitWidth() > 0 ? iv.getFitWidth() : w;
                min = Math.min(min, renderedSize * shown / w);
            }
        }
        return min;
    }

    private void render(Theme t) {
        renderedSize = (float) (t.fontSize() * 1.15);
        for (Map.Entry<String, java.util.List<ImageView>> e : images.entrySet()) {
            String[] src = lines(FORMULAS.get(e.getKey()));
            for (int i = 0; i < src.length; i++) {
                e.getValue().get(i).setImage(image(src[i].trim(), renderedSize, t.foreground()));
            }
        }
        fit();
    }

    /**
     * Typesets {@code latex} at {@code size} points in {@code colour} on a transparent background. Synchronized:
     * JLaTeXMath fills static tables lazily, and the training view's formulas are typeset on their own thread.
     */
    public static synchronized Image image(String latex, float size, Color colour) {
        TeXFormula f = new TeXFormula(latex);
        TeXIcon icon = f.createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        icon.setForeground(new java.awt.Color((float) colour.getRed(), (float) colour.getGreen(),
                (float) colour.getBlue()));
        java.awt.Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return SwingFXUtils.toFXImage(img, null);
    }
}
