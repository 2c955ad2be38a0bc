package org.divergencelab.ui.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.Objective;
import org.divergencelab.ui.i18n.I18n;
import org.divergencelab.ui.sandbox.FormulaPanel;
import org.divergencelab.ui.theme.Theme;
import org.divergencelab.ui.theme.ThemeManager;

/**
 * The training view's formula panel: the formula behind each number the training view shows, chosen by the
 * objective being trained (V(G,D) and D* for the GANs, the LSGAN losses, the WGAN dual and critic loss with its
 * constraint: clipping, gradient penalty, finite-difference penalty, spectral norm), then the truths the charts
 * compare against (JS, W1), the Lipschitz estimate and the mode count. Typeset with JLaTeXMath (through
 * {@link FormulaPanel#image}), captions from the bundles in the chosen language. In compare mode each objective
 * gets its own section. The formulas match what {@code gan.Losses} computes (same signs, same ½ factors). The LaTeX
 * holds no words (they would stay English); the captions carry the words in the chosen language.
 */
public final class TrainingFormulas {

    /** One formula: the caption's bundle key and the LaTeX source. */
    public record Formula(String key, String latex) {
    }

    /** Bundle key prefix of the captions. */
    static final String PREFIX = "train.formula.";

    private static final String E_DATA = "\\mathbb{E}_{x\\sim P_{data}}";
    private static final String E_Z = "\\mathbb{E}_{z\\sim p_z}";

    /** The formulas that do not depend on a parameter value, by caption key suffix. */
    static final Map<String, String> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put("value", lines("V(G,D)=" + E_DATA + "[\\log D(x)]", "\\qquad+" + E_Z + "[\\log(1-D(G(z)))],\\quad D=\\sigma(s)"));
        FIXED.put("ganD", "L_D=-V(G,D)");
        FIXED.put("minimaxG", "L_G=" + E_Z + "[\\log(1-D(G(z)))]");
        FIXED.put("nsG", "L_G=-" + E_Z + "[\\log D(G(z))]");
        FIXED.put("dstar", lines("D^*(x)=\\frac{p_{data}(x)}{p_{data}(x)+p_G(x)}",
                "\\max_D V(G,D)=-2\\log 2+2\\,\\mathrm{JS}(P_{data}\\|P_G)"));
        // max_D V = 2 JS − 2 log 2, so V(G,D)/2 + log 2 ≤ JS for every D (population V): a lower bound, tight at D*.
        FIXED.put("jsEstimate", "\\widehat{\\mathrm{JS}}=\\frac{V(G,D)}{2}+\\log 2\\;\\leq\\;\\mathrm{JS}(P_{data}\\|P_G)"
                + "\\;\\leq\\;\\log 2");
        // Lecture 003 formulas 9-11: at D*, the −log D loss is KL(P_G‖P_data) − 2 JS plus terms without a G gradient.
        FIXED.put("nsModes", lines("\\mathbb{E}_{x\\sim P_G}[-\\log D^*(x)]=\\mathrm{KL}(P_G\\|P_{data})"
                + "-2\\,\\mathrm{JS}(P_{data}\\|P_G)", "\\qquad+2\\log 2+" + E_DATA + "[\\log D^*(x)]"));
        // Lecture 003 L310-312: the optimal D's loss when noise ε is added to every input of D.
        FIXED.put("instanceNoise", lines("\\min_D L_D=2\\log 2-2\\,\\mathrm{JS}(P_{data+\\varepsilon}\\|P_{G+\\varepsilon}),",
                "\\varepsilon\\sim\\mathcal{N}(0,\\sigma^2 I)"));
        // Lecture 003 L354-362, 004 L70-73.
        FIXED.put("lipschitzDef", "\\|D(x_1)-D(x_2)\\|\\leq K\\,\\|x_1-x_2\\|\\quad\\forall\\,x_1,x_2");
        FIXED.put("js", "\\mathrm{JS}(P,Q)=\\frac{1}{2}\\mathrm{KL}(P\\|M)+\\frac{1}{2}\\mathrm{KL}(Q\\|M),"
                + "\\quad M=\\frac{P+Q}{2}");
        FIXED.put("lsganD", "L_D=\\frac{1}{2}" + E_DATA + "[(D(x)-1)^2]+\\frac{1}{2}" + E_Z + "[D(G(z))^2]");
        FIXED.put("lsganG", "L_G=\\frac{1}{2}" + E_Z + "[(D(G(z))-1)^2]");
        FIXED.put("lsganEstimate", "\\Delta(P,Q)=\\int\\frac{(p(x)-q(x))^2}{p(x)+q(x)}\\,dx\\;\\approx\\;2-8\\,L_D");
        FIXED.put("wDual", "W_1(P_{data},P_G)=\\max_{\\|f\\|_L\\leq 1}\\;" + E_DATA + "[f(x)]-\\mathbb{E}_{x\\sim P_G}[f(x)]");
        FIXED.put("wCritic", lines("L_D=" + E_Z + "[f(G(z))]-" + E_DATA + "[f(x)]",
                "\\widehat{W}_1=\\mathbb{E}_{P_{data}}[f]-\\mathbb{E}_{P_G}[f]"));
        FIXED.put("wG", "L_G=-" + E_Z + "[f(G(z))]");
        FIXED.put("ebganEnergy", "D(x)=\\frac{1}{d}\\|x-\\mathrm{Dec}(\\mathrm{Enc}(x))\\|^2\\;\\geq 0");
        FIXED.put("ebganG", "L_G=" + E_Z + "[D(G(z))]");
        FIXED.put("ebganEstimate", lines("\\min_D L_D=m\\,(1-\\mathrm{TV}(P_{data},P_G)),",
                "\\mathrm{TV}\\geq 1-L_D/m"));
        FIXED.put("sn", "W_l\\leftarrow\\frac{W_l}{\\sigma_{\\max}(W_l)},\\quad l=1,\\dots,L");
        FIXED.put("linear", "f(x)=w^{\\top}x+b,\\quad\\widehat{W}_1\\to\\infty");
        FIXED.put("fgan", "D_f(P_{data}\\|P_G)\\geq\\max_T\\;" + E_DATA + "[T(x)]-\\mathbb{E}_{x\\sim P_G}[f^*(T(x))]");
        FIXED.put("w1", "W_1(P,Q)=\\inf_{\\gamma\\in\\Pi(P,Q)}\\,\\mathbb{E}_{(x,y)\\sim\\gamma}\\|x-y\\|");
        FIXED.put("lipschitz", "\\hat{L}=\\max_{x\\in\\mathcal{G}}\\|\\nabla_x f(x)\\|");
        FIXED.put("modes", lines("\\#\\{j:\\exists i,\\ j=\\arg\\min_k d_k(x_i),\\ d_j(x_i)<3\\}",
                "d_j(x)=\\left\\|\\frac{x-\\mu_j}{\\sigma_j}\\right\\|"));
    }

    /** The formulas behind the numbers of an experiment, in reading order (objective, then truths, then checks). */
    public static List<Formula> forExperiment(Experiment e) {
        Objective o = e.objective();
        List<Formula> f = new ArrayList<>();
        switch (o.kind()) {
            case MINIMAX, NON_SATURATING -> {
                add(f, "value", "ganD", o.kind() == Objective.Kind.MINIMAX ? "minimaxG" : "nsG");
                if (o.kind() == Objective.Kind.NON_SATURATING) {
                    add(f, "nsModes");
                }
                add(f, "dstar");
                if (e.options().instanceNoise() > 0) {
                    add(f, "instanceNoise");
                }
                add(f, "jsEstimate", "js");
                if (e.critic().spectralNorm()) {
                    add(f, "sn");
                }
            }
            case LSGAN -> {
                add(f, "lsganD", "lsganG", "lsganEstimate");
                if (e.critic().spectralNorm()) {
                    add(f, "sn");
                }
            }
            case WGAN_CLIP -> {
                add(f, "wDual", "wCritic");
                f.add(new Formula(PREFIX + "clip", lines("w\\leftarrow\\mathrm{clip}(w,-c,c)",
                        "c=" + num(o.clip()))));
                add(f, "wG", "w1");
            }
            case WGAN_GP -> {
                add(f, "wDual", "wCritic");
                f.add(new Formula(PREFIX + "gp", lines("+\\lambda\\,\\mathbb{E}_{\\hat{x}}\\left[(\\|\\nabla_{\\hat{x}}f(\\hat{x})\\|-1)^2\\right],"
                        + "\\quad\\lambda=" + num(o.lambda()),
                        "\\hat{x}=\\varepsilon x+(1-\\varepsilon)G(z),\\ \\varepsilon\\sim U[0,1]")));
                add(f, "wG", "w1");
            }
            case WGAN_FD -> {
                add(f, "wDual", "wCritic");
                f.add(new Formula(PREFIX + "fd", "+\\lambda\\,\\mathbb{E}\\left[\\left(\\frac{|f(\\hat{x}_1)-f(\\hat{x}_2)|}"
                        + "{\\|\\hat{x}_1-\\hat{x}_2\\|}-1\\right)^2\\right],\\quad\\lambda=" + num(o.lambda())));
                add(f, "wG", "w1");
            }
            case WGAN_SN -> add(f, "wDual", "wCritic", "sn", "wG", "w1");
            case LINEAR_CRITIC -> add(f, "wDual", "wCritic", "linear", "wG", "w1");
            case F_GAN -> add(f, "fgan");
            case EBGAN -> {
                add(f, "ebganEnergy");
                f.add(new Formula(PREFIX + "ebganD", lines("L_D=" + E_DATA + "[D(x)]+" + E_Z + "[\\max(0,\\,m-D(G(z)))],",
                        "m=" + num(o.margin()))));
                add(f, "ebganG", "ebganEstimate");
                if (e.critic().spectralNorm()) {
                    add(f, "sn");
                }
            }
        }
        add(f, "lipschitzDef", "lipschitz", "modes");
        return List.copyOf(f);
    }

    private static void add(List<Formula> f, String... keys) {
        for (String k : keys) {
            f.add(new Formula(PREFIX + k, FIXED.get(k)));
        }
    }

    /** Parts stacked as left-aligned lines (a narrow panel shrinks one long line to unreadable). */
    static String lines(String... parts) {
        return "\\begin{array}{l}" + String.join("\\\\", parts) + "\\end{array}";
    }

    /** λ = 10, not 10.0; c = 0.01. */
    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    // ------------------------------------------------------------------ the panel (FX thread)

    /**
     * The thread that typesets (JLaTeXMath and Java2D): its first formula costs about a second of class loading
     * and font tables, which used to be paid on the FX thread while the window was built, for a panel that is
     * hidden at first. One thread, so formulas are typeset in the order asked for.
     */
    private static final ExecutorService TYPESETTER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "formula-typeset");
        t.setDaemon(true);
        return t;
    });

    private final I18n i18n;
    private final ThemeManager themes;
    private final VBox box = new VBox(6);
    private final ScrollPane root;
    private final List<ImageView> images = new ArrayList<>();
    /** Typeset images by theme, size and source; filled on the FX thread from the typesetter's results. */
    private final Map<String, Image> cache = new HashMap<>();
    /** Typesets asked for and not back yet, by cache key (FX thread), so none is typeset twice. */
    private final Map<String, CompletableFuture<Image>> underway = new HashMap<>();
    private List<Experiment> shown = List.of();
    private List<List<Formula>> sections = List.of();
    private double available = Double.POSITIVE_INFINITY;
    /** The panel shows other formulas than it holds (changed while hidden): rebuilt when next shown. */
    private boolean stale = true;
    /** Counts rebuilds: the typesetter's results for an older one are only cached, not shown. */
    private long generation;
    /** Images asked of the typesetter and not back yet (tests). */
    private int pending;

    /** A panel showing nothing until {@link #show} is called; formulas are typeset once the panel is shown. */
    public TrainingFormulas(I18n i18n, ThemeManager themes) {
        this.i18n = i18n;
        this.themes = themes;
        box.setId("train-formulas");
        box.getStyleClass().add("train-formulas");
        box.setPadding(new javafx.geometry.Insets(6, 8, 6, 8));
        root = new ScrollPane(box);
        root.setId("train-formula-pane");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setPrefWidth(380);
        root.setMinWidth(0);
        // panel padding and the scroll bar take about 30 px of the viewport
        root.viewportBoundsProperty().addListener((o, a, b) -> {
            available = b.getWidth() > 40 ? b.getWidth() - 30 : Double.POSITIVE_INFINITY;
            fit();
        });
        themes.themeProperty().addListener((o, a, b) -> invalidate());
        // Nothing is typeset for a hidden panel (the training view adds it beside the panels when shown).
        root.parentProperty().addListener((o, a, parent) -> {
            if (parent != null && stale) {
                rebuild();
            }
        });
    }

    /** Keeps the panel about a third of {@code viewWidth} wide (at least 340 px), so formulas stay legible. */
    public void followWidth(javafx.beans.value.ObservableDoubleValue viewWidth) {
        root.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(340, viewWidth.get() * 0.3), viewWidth));
    }

    /** The panel's node (a scroll pane). */
    public Node node() {
        return root;
    }

    /** Shows the formulas of these experiments (one, or two in compare mode); a repeat of the same set is free. */
    public void show(List<Experiment> experiments) {
        List<List<Formula>> next = new ArrayList<>();
        for (Experiment e : experiments) {
            List<Formula> f = forExperiment(e);
            if (!next.contains(f)) {
                next.add(f);
            }
        }
        if (next.equals(sections)) {
            shown = List.copyOf(experiments);
            return;
        }
        sections = next;
        shown = List.copyOf(experiments);
        invalidate();
    }

    /** The caption keys of the formulas to show, in order (tests). */
    public List<String> shownKeys() {
        List<String> k = new ArrayList<>();
        for (List<Formula> s : sections) {
            for (Formula f : s) {
                k.add(f.key());
            }
        }
        return k;
    }

    /** Number of formulas on the panel typeset to a non-empty image (tests; formulas land after the typesetter). */
    public int renderedCount() {
        int n = 0;
        for (ImageView iv : images) {
            n += iv.getImage() != null && iv.getImage().getWidth() > 1 ? 1 : 0;
        }
        return n;
    }

    /** The images on the panel in order, null where one has not landed yet (tests). */
    List<Image> shownImages() {
        return images.stream().map(ImageView::getImage).toList();
    }

    /** The size formulas are typeset at for theme {@code t} (tests compare against a direct typeset). */
    static float typesetSize(Theme t) {
        return (float) (t.fontSize() * 1.15);
    }

    /** True when the panel shows what {@link #shownKeys} lists and every formula of it has landed (tests). */
    public boolean complete() {
        return !stale && pending == 0 && images.size() == shownKeys().size();
    }

    /** What is shown changed: rebuilt now if the panel is on screen, else when it next is. */
    private void invalidate() {
        stale = true;
        if (root.getParent() != null) {
            rebuild();
        }
    }

    /**
     * Captions and image slots at once (cached images in them); the missing images are typeset on
     * {@link #TYPESETTER} and set when they land, unless the panel was rebuilt meanwhile.
     */
    private void rebuild() {
        stale = false;
        long gen = ++generation;
        Theme t = themes.getTheme();
        float size = typesetSize(t);
        Color ink = t.foreground();
        box.getChildren().clear();
        images.clear();
        Map<String, List<ImageView>> missing = new LinkedHashMap<>();
        for (int s = 0; s < sections.size(); s++) {
            if (sections.size() > 1) {
                Label heading = new Label(shownObjective(s));
                heading.getStyleClass().add("section-title");
                box.getChildren().add(heading);
            }
            for (Formula f : sections.get(s)) {
                Label caption = new Label();
                caption.textProperty().bind(i18n.get(f.key()));
                caption.setWrapText(true);
                caption.setMaxWidth(Double.MAX_VALUE);
                caption.getStyleClass().add("formula-caption");
                ImageView iv = new ImageView(cache.get(cacheKey(t, size, f.latex())));
                iv.setPreserveRatio(true);
                iv.setSmooth(true);
                iv.setId("formula-" + f.key().substring(PREFIX.length()) + (s == 0 ? "" : "-" + s));
                if (iv.getImage() == null) {
                    missing.computeIfAbsent(f.latex(), k -> new ArrayList<>()).add(iv);
                }
                images.add(iv);
                box.getChildren().addAll(caption, iv);
            }
        }
        fit();
        pending = missing.size();
        for (Map.Entry<String, List<ImageView>> m : missing.entrySet()) {
            typeset(m.getKey(), size, ink, t).whenComplete((img, error) -> landed(gen, m.getValue(), img, error));
        }
    }

    /**
     * The image of {@code latex} as a future completed on the FX thread: from the cache, from a typeset already
     * under way, or typeset now on {@link #TYPESETTER}.
     */
    private CompletableFuture<Image> typeset(String latex, float size, Color ink, Theme t) {
        String key = cacheKey(t, size, latex);
        Image done = cache.get(key);
        if (done != null) {
            return CompletableFuture.completedFuture(done);
        }
        return underway.computeIfAbsent(key, k -> {
            CompletableFuture<Image> onFx = new CompletableFuture<>();
            CompletableFuture.supplyAsync(() -> FormulaPanel.image(latex, size, ink), TYPESETTER)
                    .whenComplete((img, error) -> Platform.runLater(() -> {
                        underway.remove(k);
                        if (img != null) {
                            cache.put(k, img);
                            onFx.complete(img);
                        } else {
                            onFx.completeExceptionally(error);
                        }
                    }));
            return onFx;
        });
    }

    /**
     * Typesets the formulas to show into the cache now, shown or not (the training view calls it once the window
     * has drawn its first frames, so the first Shortcut+F shows them at once).
     */
    void prepare() {
        Theme t = themes.getTheme();
        for (List<Formula> section : sections) {
            for (Formula f : section) {
                typeset(f.latex(), typesetSize(t), t.foreground(), t);
            }
        }
    }

    /** Number of typeset images held (tests). */
    int cachedCount() {
        return cache.size();
    }

    /** A typeset image is back (FX thread): shown if its rebuild is still the panel's. */
    private void landed(long gen, List<ImageView> slots, Image img, Throwable error) {
        if (gen != generation) {
            return;
        }
        pending--;
        if (error != null) {
            // the catalogue's sources are tested to typeset (TrainingFormulasTest): a bug, not bad input; reported
            // as uncaught (a throw here would only fail the dependent future, silently)
            Thread fx = Thread.currentThread();
            fx.getUncaughtExceptionHandler().uncaughtException(fx, new IllegalStateException("a formula did not typeset", error));
            return;
        }
        for (ImageView iv : slots) {
            iv.setImage(img);
        }
        fit();
    }

    private static String cacheKey(Theme t, float size, String latex) {
        return t.id() + "|" + size + "|" + latex;
    }

    /** The objective of section {@code s} (its first experiment with those formulas). */
    private String shownObjective(int s) {
        for (Experiment e : shown) {
            if (forExperiment(e).equals(sections.get(s))) {
                return e.objective().describe();
            }
        }
        return "";
    }

    private void fit() {
        for (ImageView iv : images) {
            Image img = iv.getImage();
            iv.setFitWidth(img != null && img.getWidth() > available ? available : 0);
        }
    }
}
