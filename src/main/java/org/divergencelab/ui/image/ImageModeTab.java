package org.divergencelab.ui.image;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import org.divergencelab.compute.select.Backends;
import org.divergencelab.image.ImageDataset;
import org.divergencelab.image.ImageGan;
import org.divergencelab.image.ProceduralDigits;
import org.divergencelab.lesson.Text;
import org.divergencelab.ui.i18n.I18n;

/**
 * The main window's image-mode tab: a start button over an {@link ImageModeView}. Nothing is generated or
 * trained until the button is pressed (procedural 28×28 digits, MLP WGAN-GP, the CUDA backend when a device
 * answers, else the CPU).
 */
public final class ImageModeTab {
    private static final Text START = new Text("Start training (procedural digits, WGAN-GP)",
            "開始訓練（程序生成的數字，WGAN-GP）", "开始训练（程序生成的数字，WGAN-GP）");
    private static final Text IDLE = new Text("Image mode: a small GAN on 28×28 digits; samples, nearest training "
            + "images and a latent interpolation update while it trains.",
            "影像模式：在 28×28 的數字上訓練小型 GAN；訓練時更新樣本、最接近的訓練影像和潛在空間內插。",
            "图像模式：在 28×28 的数字上训练小型 GAN；训练时更新样本、最接近的训练图像和潜在空间插值。");
    /** Iterations one press trains (the worker stops earlier when the tab's view is closed). */
    static final long ITERATIONS = 20_000;

    private final BorderPane root = new BorderPane();
    private final Button start = new Button();
    private final Label info = new Label();
    private ImageModeView view;
    private Backends.Selection backend;

    public ImageModeTab(I18n i18n) {
        root.setId("image-mode-tab");
        start.setId("image-start");
        info.setWrapText(true);
        HBox bar = new HBox(10, start, info);
        bar.setPadding(new Insets(8));
        root.setTop(bar);
        Runnable relabel = () -> {
            Locale l = i18n.getLocale();
            start.setText(START.in(l));
            info.setText(IDLE.in(l));
        };
        relabel.run();
        i18n.localeProperty().addListener((o, a, b) -> relabel.run());
        start.setOnAction(e -> start());
    }

    /** The tab's content. */
    public BorderPane node() {
        return root;
    }

    /** The image view once started, else null. */
    public ImageModeView view() {
        return view;
    }

    private void start() {
        start.setDisable(true);
        ImageDataset digits = ProceduralDigits.generate(512, 28, 3);
        backend = Backends.select(Backends.Choice.AUTO);
        view = new ImageModeView(digits, 64, backend.note(), 5);
        root.setCenter(view);
        ImageGan gan = new ImageGan(backend.backend(), digits, ImageGan.Model.MLP, ImageGan.Objective.WGAN_GP, 64, 64, 5, 5);
        view.startTraining(gan, ITERATIONS, 10);
    }

    /** Stops training and releases the backend. */
    public void stop() throws InterruptedException {
        if (view != null) {
            view.stopTraining();
        }
        if (backend != null) {
            backend.close();
        }
    }
}
